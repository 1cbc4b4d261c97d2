/**
 * Traces whose text is written when read. Scoring 10,000 sheets should not pay for formatting 10,000
 * explanations nobody opens; the objects still look like plain data (own enumerable getters, memoised),
 * so JSON.stringify, structuredClone and property access all see the finished text.
 */
import { plain, type Dec } from '../decimal/dec.ts';
import type { Trace, TraceInput, RowResult } from '../sheet/types.ts';
import { lineText, type Line } from './context.ts';

export interface TraceParts {
  kind: string;
  branch: Line;
  inputs: () => TraceInput[];
  arithmetic: Line[];
  score: Dec;
  parts?: Trace['parts'];
  rows?: RowResult[];
}

/** A trace whose branch, arithmetic and score text are written on first read. */
export function makeTrace(t: TraceParts): Trace {
  let branch: string | undefined;
  let arithmetic: string[] | undefined;
  let score: string | undefined;
  let inputs: TraceInput[] | undefined;
  const out: Trace = {
    kind: t.kind,
    get branch() {
      return (branch ??= lineText(t.branch));
    },
    get inputs() {
      return (inputs ??= t.inputs());
    },
    get arithmetic() {
      return (arithmetic ??= t.arithmetic.map(lineText));
    },
    get score() {
      return (score ??= plain(t.score));
    },
  };
  if (t.parts) out.parts = t.parts;
  if (t.rows) out.rows = t.rows;
  return out;
}
