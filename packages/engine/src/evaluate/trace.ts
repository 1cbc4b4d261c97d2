/**
 * Traces whose text is written when read. Scoring 10,000 sheets should not pay for formatting 10,000
 * explanations nobody opens. A trace is a small class instance: `kind` (and `parts`/`rows`, and a
 * part's `id`/`name`/`points`) are own data; `branch`, `inputs`, `arithmetic` and `score` are getters
 * that write the text on first read and keep it.
 *
 * The getters live on the prototype (an object literal with its own getters costs about a microsecond
 * to create, the whole budget of a leaf), so a trace is plain data only through `toJSON`:
 * `JSON.stringify` sees every field, while `structuredClone`/`postMessage` would drop the getters —
 * pass a sheet through `plainSheet` before cloning it.
 */
import { plain, type Dec } from '../decimal/dec.ts';
import type { Trace, TraceInput, RowResult, ScoreSheet } from '../sheet/types.ts';
import { lineText, type Line } from './context.ts';

/** Where a trace's inputs and the metrics' own lines come from: the leaf's evaluation context. */
export interface TraceSource {
  traceInputs(): TraceInput[];
  /** Lines explaining the metrics the rule read; they come before the rule's own. */
  readonly metricLines: Line[];
}

export interface TraceParts {
  kind: string;
  branch: Line;
  source: TraceSource;
  /** The rule's lines of arithmetic. */
  arithmetic: Line[];
  score: Dec;
  parts?: Trace['parts'] | undefined;
  rows?: RowResult[] | undefined;
}

/** A part of a sum rule: its id, name and points (分, as written), carried by the part's trace. */
export interface PartLabel {
  id: string;
  name: string;
  points: string;
}

/** A trace whose branch, inputs, arithmetic and score text are written on first read. */
class LazyTrace implements Trace {
  readonly kind: string;
  // `declare`: present only when set, so a trace without parts has no `parts` key at all
  declare parts?: Trace['parts'];
  declare rows?: RowResult[];
  declare id?: string;
  declare name?: string;
  declare points?: string;
  #branch: Line;
  #source: TraceSource;
  #lines: Line[];
  #value: Dec;
  #inputs: TraceInput[] | undefined;
  #arithmetic: string[] | undefined;
  #score: string | undefined;

  constructor(t: TraceParts, part?: PartLabel) {
    this.kind = t.kind;
    this.#branch = t.branch;
    this.#source = t.source;
    this.#lines = t.arithmetic;
    this.#value = t.score;
    if (t.parts) this.parts = t.parts;
    if (t.rows) this.rows = t.rows;
    if (part) {
      this.id = part.id;
      this.name = part.name;
      this.points = part.points;
    }
  }

  get branch(): string {
    const b = this.#branch;
    return typeof b === 'string' ? b : (this.#branch = b());
  }
  get inputs(): TraceInput[] {
    return (this.#inputs ??= this.#source.traceInputs());
  }
  get arithmetic(): string[] {
    return (this.#arithmetic ??= [...this.#source.metricLines, ...this.#lines].map(lineText));
  }
  get score(): string {
    return (this.#score ??= plain(this.#value));
  }

  /** Every field as plain data, in the order the sheet documents them. */
  toJSON(): Trace & Record<string, unknown> {
    const out: Trace & Record<string, unknown> = { kind: this.kind, branch: this.branch, inputs: this.inputs, arithmetic: this.arithmetic, score: this.score };
    for (const [k, v] of Object.entries(this)) if (k !== 'kind') out[k] = v;
    return out;
  }
}

/** A trace whose branch, inputs, arithmetic and score text are written on first read. */
export function makeTrace(t: TraceParts): Trace {
  return new LazyTrace(t);
}

/** The trace of a part of a sum rule, with the part's id, name and points. */
export function makePartTrace(t: TraceParts, part: PartLabel): Trace & PartLabel {
  return new LazyTrace(t, part) as Trace & PartLabel;
}

/**
 * The sheet as plain JSON data (every trace written out), for `structuredClone`/`postMessage` and
 * anything else that copies own properties only.
 */
export function plainSheet(sheet: ScoreSheet): ScoreSheet {
  return JSON.parse(JSON.stringify(sheet)) as ScoreSheet;
}
