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
 *
 * A trace knows its scheme's rounding places: its text is written with them in force
 * (display/precision.ts), so an unrounded value in a rule's line shows at the scheme's precision.
 */
import { plain, type Dec } from '../decimal/dec.ts';
import { displayPlaces, withDisplayPlaces } from '../display/index.ts';
import type { Trace, TraceInput, RowResult, ScoreSheet } from '../sheet/types.ts';
import { lineText, type Line, type RuleRun } from './context.ts';

/** Where a trace's inputs and the metrics' own lines come from: the leaf's evaluation context. */
export interface TraceSource {
  traceInputs(): TraceInput[];
  /** Lines explaining the metrics the rule read; they come before the rule's own. */
  readonly metricLines: Line[];
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
  #after: Line | undefined;
  #value: Dec;
  #places: number;
  #inputs: TraceInput[] | undefined;
  #arithmetic: string[] | undefined;
  #score: string | undefined;

  /**
   * @param run the rule's result: branch, lines of arithmetic, parts (sum) and rows (targets)
   * @param source the leaf's context (inputs read, metric lines) @param score the score counted
   * @param places the scheme's rounding places @param after a last line (rounding)
   * @param part a sum part's id, name and points
   */
  constructor(kind: string, run: RuleRun, source: TraceSource, score: Dec, places: number, after?: Line, part?: PartLabel) {
    this.kind = kind;
    this.#places = places;
    this.#branch = run.branch;
    this.#source = source;
    this.#lines = run.arithmetic;
    this.#after = after;
    this.#value = score;
    if (run.parts) this.parts = run.parts;
    if (run.rows) this.rows = run.rows;
    if (part) {
      this.id = part.id;
      this.name = part.name;
      this.points = part.points;
    }
  }

  get branch(): string {
    const b = this.#branch;
    return typeof b === 'string' ? b : (this.#branch = withDisplayPlaces(this.#places, b));
  }
  get inputs(): TraceInput[] {
    return (this.#inputs ??= withDisplayPlaces(this.#places, () => this.#source.traceInputs()));
  }
  get arithmetic(): string[] {
    if (this.#arithmetic === undefined) {
      const all = [...this.#source.metricLines, ...this.#lines];
      if (this.#after !== undefined) all.push(this.#after);
      this.#arithmetic = withDisplayPlaces(this.#places, () => all.map(lineText));
    }
    return this.#arithmetic;
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

/**
 * The trace of a leaf's rule: `kind` of rule, its result, the leaf's context (inputs, metric lines), the
 * score counted, the scheme's rounding places, and a last line (rounding) if any. Text is written on
 * first read.
 */
export function makeTrace(kind: string, run: RuleRun, source: TraceSource, score: Dec, places: number, after?: Line): Trace {
  return new LazyTrace(kind, run, source, score, places, after);
}

/**
 * The trace of a part of a sum rule, with the part's id, name and points; written with the display
 * places in force when it is made (a sum's parts are made while their sheet is computed).
 */
export function makePartTrace(kind: string, run: RuleRun, source: TraceSource, score: Dec, after: Line | undefined, part: PartLabel): Trace & PartLabel {
  return new LazyTrace(kind, run, source, score, displayPlaces(), after, part) as Trace & PartLabel;
}

/**
 * The sheet as plain JSON data (every trace written out), for `structuredClone`/`postMessage` and
 * anything else that copies own properties only.
 */
export function plainSheet(sheet: ScoreSheet): ScoreSheet {
  return JSON.parse(JSON.stringify(sheet)) as ScoreSheet;
}
