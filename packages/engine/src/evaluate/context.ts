/**
 * What a compiled rule sees while it runs: typed access to facts and metrics (recording each input
 * it reads, for the trace), the reviewer's entries, and the indicator's points.
 */
import type { Dec } from '../decimal/dec.ts';
import type { TargetRowT, ReviewerEntryT } from '../format/case-types.ts';
import type { TraceInput, ScoreStatus, Trace, RowResult } from '../sheet/types.ts';
import type { Issue } from '../errors/issue.ts';

/**
 * A fact or metric value, typed by its declaration: a number (Dec: number, percent, money, count),
 * yes/no (boolean), text (enum, text) or indicator rows (rows). Bare values, so that reading a fact
 * allocates nothing beyond its number.
 */
export type Value = Dec | boolean | string | TargetRowT[];

/** The kind of a value, as `EvalContext` asks for it. */
export type ValueKind = 'num' | 'bool' | 'text' | 'rows';

/** Which kind a value is. */
export function kindOf(v: Value): ValueKind {
  return typeof v === 'boolean' ? 'bool' : typeof v === 'string' ? 'text' : Array.isArray(v) ? 'rows' : 'num';
}

/**
 * Thrown inside the engine (never past its API) when a leaf cannot be computed: a missing fact, a zero
 * denominator, a judgement without the reviewer's entry. The leaf catches it and either uses a
 * reviewer's entry or reports the issue.
 */
export class CannotCompute extends Error {
  constructor(readonly issue: Issue) {
    super(issue.messageEn);
  }
}

/**
 * A line of explanation, or a function that writes it. Rules hand back functions so that the text
 * (decimal formatting is the costly part of scoring) is written only when someone reads the trace.
 */
export type Line = string | (() => string);

/** The text of a line. */
export function lineText(l: Line): string {
  return typeof l === 'string' ? l : l();
}

/** The result of running one rule (or part). */
export interface RuleRun {
  score: Dec;
  branch: Line;
  arithmetic: Line[];
  status: ScoreStatus;
  parts?: Trace['parts'];
  rows?: RowResult[];
  warnings?: string[];
  /**
   * Coded warnings (issues of severity warning) a server or a reviewer acts on, e.g. `rows-points-sum`: each
   * is shown among its node's warnings (its message) and listed in the sheet's `issues`.
   */
  notices?: Issue[];
  reason?: string;
}

export interface EvalContext {
  /** Indicator id the rule belongs to (for messages). */
  readonly indicator: string;
  /** Reviewer key of this rule: the indicator id, or `indicator/part` inside a sum. */
  readonly key: string;
  /** Points of this indicator or part (分). */
  readonly points: Dec;
  /**
   * True in a sheet's scoring run, whose result is dropped once its score is counted (the trace runs
   * the rule again when read): nothing made for the trace alone needs making then (evaluate/trace.ts).
   */
  readonly scoring?: boolean;
  /** A numeric fact or metric (throws CannotCompute when missing or not computable). */
  num(id: string): Dec;
  bool(id: string): boolean;
  text(id: string): string;
  rows(id: string): TargetRowT[];
  /** Reviewer entry for a key (defaults to this rule's key). */
  reviewer(key?: string): ReviewerEntryT | undefined;
  /** Inputs read so far (facts and metrics), in order; built when the trace is read. */
  traceInputs(): TraceInput[];
  /** Lines explaining metrics read so far ("政府采购执行率 = 104.92 ÷ 143.4 = 0.7317"); a new array each time. */
  readonly metricLines: Line[];
  /** A context for a part of a sum rule, under its reviewer key (`indicator/part`, built at compile time). */
  child(key: string, points: Dec): EvalContext;
  /** Display of a value of the given fact/metric id, as finance staff write it. */
  show(id: string, d: Dec): string;
  /** Label of a fact/metric id. */
  label(id: string): string;
}
