/**
 * Traces whose text is written when read. Scoring 10,000 sheets should not pay for formatting 10,000
 * explanations nobody opens. A trace is a small class instance: a part's `kind`, `id`, `name` and
 * `points` are own data; everything else — a leaf's `kind` and `score`, `branch`, `inputs`,
 * `arithmetic`, `parts`, `rows` — are getters that write the text on first read and keep it.
 *
 * The getters live on the prototype (an object literal with its own getters costs about a microsecond
 * to create, the whole budget of a leaf), so a trace is plain data only through `toJSON`:
 * `JSON.stringify` sees every field, while `structuredClone`/`postMessage` would drop the getters —
 * pass a sheet through `plainSheet` before cloning it.
 *
 * A trace knows its scheme's rounding places: its text is written with them in force
 * (display/precision.ts), so an unrounded value in a rule's line shows at the scheme's precision.
 *
 * A kept sheet must stay small (a batch may keep 100,000): a leaf's trace does not hold the rule's
 * result, its closures or the leaf's context (which came to ~1.2 KB a trace); it holds the compiled
 * leaf, its sheet's values (the sheet's one `FactStore`, shared by all its traces, with the reviewer's
 * entries) and its score text — three fields — and on the first read of its text it runs the leaf's
 * rule again on those same values — rules are pure functions of the facts (metrics are worked out
 * again from them), the reviewer's entries and the points, so the run gives the same result — and
 * keeps what that run wrote. A sum's part traces are made by that run, so they exist only once someone
 * reads them.
 */
import { lesser, plain, roundDec, type Dec, type RoundMode } from '../decimal/dec.ts';
import { displayPlaces, roundingText, showNumber, showScore, withDisplayPlaces } from '../display/index.ts';
import type { CompiledNode, CompiledScheme } from '../compile/compile.ts';
import type { Trace, TraceInput, RowResult, ScoreSheet } from '../sheet/types.ts';
import { lineText, type Line, type RuleRun } from './context.ts';
import { LeafContext } from './leaf-context.ts';
import type { FactStore } from './store.ts';

/** Where a trace's inputs and the metrics' own lines come from: the leaf's evaluation context. */
export interface TraceSource {
  /**
   * True for the context of a sheet's scoring run, whose traces are never read: a leaf's trace runs
   * its rule again in a context of its own when read (see `LeafContext`).
   */
  readonly scoring?: boolean;
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

/**
 * The score a leaf counts from its rule's own: rounded at the scheme's places when the scheme rounds
 * leaves (`roundLeaves`: whether its rounding stages include 'leaf', asked once per sheet, not per
 * leaf), and never above the leaf's points (9.5 points rounded to whole points stays 9.5).
 */
export function countedScore(raw: Dec, points: Dec, rounding: CompiledScheme['decls']['rounding'], roundLeaves: boolean): Dec {
  return lesser(roundLeaves ? roundDec(raw, rounding.places, rounding.mode) : raw, points);
}

/**
 * The line saying how a leaf's score was rounded ("0.9314 → 0.93（四舍五入保留2位小数）"), or undefined
 * when the score counted is the rule's own.
 */
export function roundingLine(raw: Dec, score: Dec, places: number, mode: RoundMode): Line | undefined {
  return score.eq(raw) ? undefined : () => `${showNumber(raw, places)} → ${showScore(score, places)}（${roundingText(places, mode)}）`;
}

/** The rule's result and context a trace writes its text from (a part trace is made with them). */
interface Written {
  run: RuleRun;
  source: TraceSource;
  after: Line | undefined;
}

/** The text of a trace once written, with the parts and rows of the run that wrote it. */
interface Text {
  branch: string;
  inputs: TraceInput[];
  arithmetic: string[];
  score: string;
  parts: Trace['parts'];
  rows: RowResult[] | undefined;
}

/** Writes a trace's text from the rule's result and context, with the scheme's display places in force. */
function writeText(w: Written, places: number, score: string): Text {
  const branch = typeof w.run.branch === 'string' ? w.run.branch : withDisplayPlaces(places, w.run.branch);
  const inputs = withDisplayPlaces(places, () => w.source.traceInputs());
  const all = [...w.source.metricLines, ...w.run.arithmetic];
  if (w.after !== undefined) all.push(w.after);
  const arithmetic = withDisplayPlaces(places, () => all.map(lineText));
  return { branch, inputs, arithmetic, score, parts: w.run.parts, rows: w.run.rows };
}

/**
 * What every trace shows — `kind`, `branch`, `inputs`, `arithmetic`, `score`, and `parts`/`rows` when
 * its rule has them — from the text a subclass writes on first read (`text()`), and its plain data.
 * The getters and `text()` are on the prototype: a trace keeps only its subclass's own few fields.
 * (`text` is not a `#private` method: V8 would give every instance a slot for its brand, 8 bytes in
 * each of a kept sheet's ~21 traces.)
 */
abstract class LazyTrace implements Trace {
  abstract readonly kind: string;
  abstract readonly score: string;
  /** The text, written on the first call and kept. */
  protected abstract text(): Text;

  get branch(): string {
    return this.text().branch;
  }
  get inputs(): TraceInput[] {
    return this.text().inputs;
  }
  get arithmetic(): string[] {
    return this.text().arithmetic;
  }
  /** For `sum` rules: each part's trace (undefined for other kinds, without running anything). */
  get parts(): Trace['parts'] {
    return undefined;
  }
  /** For `targets` rules: one entry per row (undefined for other kinds, without running anything). */
  get rows(): RowResult[] | undefined {
    return undefined;
  }

  /** Every field as plain data, in the order the sheet documents them. */
  toJSON(): Trace & Record<string, unknown> {
    const out: Trace & Record<string, unknown> = { kind: this.kind, branch: this.branch, inputs: this.inputs, arithmetic: this.arithmetic, score: this.score };
    const parts = this.parts;
    if (parts !== undefined) out.parts = parts;
    const rows = this.rows;
    if (rows !== undefined) out.rows = rows;
    if (this instanceof PartTrace) {
      out['id'] = this.id;
      out['name'] = this.name;
      out['points'] = this.points;
    }
    return out;
  }
}

/**
 * A leaf's trace, three fields: the compiled leaf (its kind, points and rule), its sheet's values (the
 * fact store) until the text is written and the text after, and the score counted as its sheet node
 * shows it (the same string, so nothing more is kept). On the first read of its text it runs the
 * leaf's rule again on the sheet's values, with the scheme's display places in force.
 */
class LeafTrace extends LazyTrace {
  #node: CompiledNode;
  #state: FactStore | Text;
  #score: string;

  constructor(node: CompiledNode, sheet: FactStore, score: string) {
    super();
    this.#node = node;
    this.#state = sheet;
    this.#score = score;
  }

  get kind(): string {
    return this.#node.kind ?? '';
  }
  get score(): string {
    return this.#score;
  }

  protected text(): Text {
    const state = this.#state;
    if ('branch' in state) return state;
    const node = this.#node;
    const c = state.c;
    const rounding = c.decls.rounding;
    const ctx = new LeafContext(c, state, state.reviewer, node.id, node.id, node.points);
    const run = withDisplayPlaces(rounding.places, () => node.run!(ctx));
    const after = roundingLine(run.score, countedScore(run.score, node.points, rounding, rounding.stages.includes('leaf')), rounding.places, rounding.mode);
    const text = writeText({ run, source: ctx, after }, rounding.places, this.#score);
    this.#state = text;
    return text;
  }
}

/**
 * The trace of a leaf whose rule's result has parts (分项合计) or rows (部门绩效目标): the same, and its
 * `parts` and `rows` are read from the written text. A class of its own, chosen when the leaf is scored,
 * so that other leaves answer `parts`/`rows` without running their rule and keep no field to say which.
 */
class ComposedLeafTrace extends LeafTrace {
  override get parts(): Trace['parts'] {
    return this.text().parts;
  }
  override get rows(): RowResult[] | undefined {
    return this.text().rows;
  }
}

/**
 * A part's trace (分项合计's, or a panel's expert): made by its sum's rule run with that run's result,
 * written with the display places in force when it was made, and carrying the part's id, name and
 * points as own fields. Part traces exist only while someone reads their sum's trace.
 */
class PartTrace extends LazyTrace {
  readonly kind: string;
  declare id: string;
  declare name: string;
  declare points: string;
  #value: Dec;
  #places: number;
  #state: Written | Text;

  constructor(kind: string, score: Dec, places: number, state: Written, part: PartLabel) {
    super();
    this.kind = kind;
    this.#value = score;
    this.#places = places;
    this.#state = state;
    this.id = part.id;
    this.name = part.name;
    this.points = part.points;
  }

  get score(): string {
    return plain(this.#value);
  }
  override get parts(): Trace['parts'] {
    return this.text().parts;
  }
  override get rows(): RowResult[] | undefined {
    return this.text().rows;
  }

  protected text(): Text {
    const state = this.#state;
    if ('branch' in state) return state;
    const text = writeText(state, this.#places, this.score);
    this.#state = text;
    return text;
  }
}

/**
 * The trace of a leaf's rule: the compiled leaf (its kind, and its rule to run again when the text is
 * first read), the sheet's values, and the score counted as its sheet node shows it (decimal string).
 * Of the rule's result only whether it has parts or rows decides anything: which class the trace is.
 */
export function makeTrace(run: RuleRun, sheet: FactStore, node: CompiledNode, score: string): Trace {
  return run.parts !== undefined || run.rows !== undefined ? new ComposedLeafTrace(node, sheet, score) : new LeafTrace(node, sheet, score);
}

/**
 * What a part's trace is in a scoring run (`TraceSource.scoring`): one shared, frozen stand-in, since
 * nothing reads it — the sum's trace, when read, runs the rule again and makes its parts' traces then.
 */
const UNREAD_PART: Trace & PartLabel = Object.freeze({ kind: '', branch: '', inputs: [], arithmetic: [], score: '0', id: '', name: '', points: '0' });

/**
 * The trace of a part of a sum rule, with the part's id, name and points; written with the display
 * places in force when it is made (a sum's parts are made while their sheet is computed, or when the
 * sum's trace is read).
 */
export function makePartTrace(kind: string, run: RuleRun, source: TraceSource, score: Dec, after: Line | undefined, part: PartLabel): Trace & PartLabel {
  // scoring: the sum's result is dropped once its score is counted, so its parts' traces are not made
  if (source.scoring) return UNREAD_PART;
  return new PartTrace(kind, score, displayPlaces(), { run, source, after }, part) as Trace & PartLabel;
}

/**
 * The sheet as plain JSON data (every trace written out), for `structuredClone`/`postMessage` and
 * anything else that copies own properties only.
 */
export function plainSheet(sheet: ScoreSheet): ScoreSheet {
  return JSON.parse(JSON.stringify(sheet)) as ScoreSheet;
}
