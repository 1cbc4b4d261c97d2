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
 *
 * A kept sheet must stay small (a batch may keep 100,000): a leaf's trace does not hold the rule's
 * result, its closures or the leaf's context (which came to ~1.2 KB a trace); it holds the compiled
 * leaf and the sheet's values (one `SheetReplay` shared by every trace of the sheet), and on the first
 * read of its text it runs the leaf's rule again on those same values — rules are pure functions of the
 * values, the reviewer's entries and the points, so the run gives the same result — and keeps what that
 * run wrote. A sum's part traces are made by that run, so they exist only once someone reads them.
 */
import { lesser, plain, roundDec, type Dec, type RoundMode } from '../decimal/dec.ts';
import { displayPlaces, roundingText, showNumber, showScore, withDisplayPlaces } from '../display/index.ts';
import type { CompiledNode, CompiledScheme } from '../compile/compile.ts';
import type { Trace, TraceInput, RowResult, ScoreSheet } from '../sheet/types.ts';
import { lineText, type Line, type RuleRun } from './context.ts';
import { LeafContext } from './leaf-context.ts';
import type { FactStore } from './store.ts';
import type { ReviewerEntries } from './reviewer-entries.ts';

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

/**
 * What the leaves of one sheet need to run their rules again when a trace is read: the compiled
 * scheme, the sheet's values (facts as read, metrics as computed), the reviewer's entries. One per sheet.
 */
export interface SheetReplay {
  readonly c: CompiledScheme;
  readonly store: FactStore;
  readonly reviewer: ReviewerEntries;
}

/**
 * The score a leaf counts from its rule's own: rounded at the scheme's places when the scheme rounds
 * leaves, and never above the leaf's points (9.5 points rounded to whole points stays 9.5).
 */
export function countedScore(raw: Dec, points: Dec, rounding: CompiledScheme['decls']['rounding']): Dec {
  return lesser(rounding.stages.includes('leaf') ? roundDec(raw, rounding.places, rounding.mode) : raw, points);
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

/**
 * Bits of `#bits` below the places: which optional fields the rule's result has, known without running
 * it again. The scheme's rounding places are kept in the same small integer, above them (`#bits >> 2`):
 * each field of a trace costs 8 bytes in every kept sheet.
 */
const HAS_PARTS = 1;
const HAS_ROWS = 2;

/** A trace whose branch, inputs, arithmetic and score text are written on first read. */
class LazyTrace implements Trace {
  readonly kind: string;
  // a part's label: `declare`, present only when set, so a leaf's trace has no `id` key at all
  declare id?: string;
  declare name?: string;
  declare points?: string;
  /**
   * The score counted: a leaf's as the text its sheet node shows (the same string, so nothing more is
   * kept; the Dec is worked out again from the rule when the text is written), a part's as a Dec.
   */
  #value: Dec | string;
  /** places << 2 | HAS_PARTS | HAS_ROWS */
  #bits: number;
  /** The leaf to run again (with `#state` its sheet), or null once written or for a part trace. */
  #node: CompiledNode | null;
  /** Its sheet's values (leaf, not yet read), the rule's result (part, not yet read), or the text. */
  #state: SheetReplay | Written | Text;

  constructor(kind: string, score: Dec | string, bits: number, node: CompiledNode | null, state: SheetReplay | Written) {
    this.kind = kind;
    this.#value = score;
    this.#bits = bits;
    this.#node = node;
    this.#state = state;
  }

  /** Writes the text (and takes the parts and rows) once, then lets go of the rule's result and context. */
  #text(): Text {
    const state = this.#state;
    if ('branch' in state) return state;
    const places = this.#bits >> 2;
    let w: Written;
    if (this.#node) {
      // a leaf: its rule runs again on the sheet's values, with the display places of the first run
      const node = this.#node;
      const sheet = state as SheetReplay;
      const ctx = new LeafContext(sheet.c, sheet.store, sheet.reviewer, node.id, node.id, node.points);
      const run = withDisplayPlaces(places, () => node.run!(ctx));
      const rounding = sheet.c.decls.rounding;
      w = { run, source: ctx, after: roundingLine(run.score, countedScore(run.score, node.points, rounding), places, rounding.mode) };
    } else w = state as Written;
    const branch = typeof w.run.branch === 'string' ? w.run.branch : withDisplayPlaces(places, w.run.branch);
    const inputs = withDisplayPlaces(places, () => w.source.traceInputs());
    const all = [...w.source.metricLines, ...w.run.arithmetic];
    if (w.after !== undefined) all.push(w.after);
    const arithmetic = withDisplayPlaces(places, () => all.map(lineText));
    const value = this.#value;
    const text: Text = { branch, inputs, arithmetic, score: typeof value === 'string' ? value : plain(value), parts: w.run.parts, rows: w.run.rows };
    this.#node = null;
    this.#state = text;
    return text;
  }

  get branch(): string {
    return this.#text().branch;
  }
  get inputs(): TraceInput[] {
    return this.#text().inputs;
  }
  get arithmetic(): string[] {
    return this.#text().arithmetic;
  }
  get score(): string {
    // no need to write the whole text for the score alone
    const value = this.#value;
    return typeof value === 'string' ? value : plain(value);
  }
  /** For `sum` rules: each part's trace (undefined for other kinds, without running anything). */
  get parts(): Trace['parts'] {
    return this.#bits & HAS_PARTS ? this.#text().parts : undefined;
  }
  /** For `targets` rules: one entry per row. */
  get rows(): RowResult[] | undefined {
    return this.#bits & HAS_ROWS ? this.#text().rows : undefined;
  }

  /** Every field as plain data, in the order the sheet documents them. */
  toJSON(): Trace & Record<string, unknown> {
    const out: Trace & Record<string, unknown> = { kind: this.kind, branch: this.branch, inputs: this.inputs, arithmetic: this.arithmetic, score: this.score };
    if (this.#bits & HAS_PARTS) out.parts = this.parts;
    if (this.#bits & HAS_ROWS) out.rows = this.rows;
    if (this.id !== undefined) {
      out['id'] = this.id;
      out['name'] = this.name;
      out['points'] = this.points;
    }
    return out;
  }
}

/**
 * A part's trace: a LazyTrace with the part's id, name and points as own fields. A class of its own, so
 * that a leaf's trace has room for its five fields only: when the one class sometimes added these three,
 * V8 gave every trace room for eight (32 bytes more in each of a kept sheet's ~21 traces).
 */
class PartTrace extends LazyTrace {
  constructor(kind: string, score: Dec, bits: number, state: Written, part: PartLabel) {
    super(kind, score, bits, null, state);
    this.id = part.id;
    this.name = part.name;
    this.points = part.points;
  }
}

/** The `#bits` of a trace: its places, and which optional fields its rule's result has. */
function bits(run: RuleRun, places: number): number {
  return (places << 2) | (run.parts ? HAS_PARTS : 0) | (run.rows ? HAS_ROWS : 0);
}

/**
 * The trace of a leaf's rule: `kind` of rule, its result (only which optional fields it has is kept),
 * the sheet's values and the compiled leaf (to run the rule again when the text is first read), the
 * score counted as its sheet node shows it (decimal string), and the scheme's rounding places.
 */
export function makeTrace(kind: string, run: RuleRun, sheet: SheetReplay, node: CompiledNode, score: string, places: number): Trace {
  return new LazyTrace(kind, score, bits(run, places), node, sheet);
}

/**
 * The trace of a part of a sum rule, with the part's id, name and points; written with the display
 * places in force when it is made (a sum's parts are made while their sheet is computed, or when the
 * sum's trace is read).
 */
export function makePartTrace(kind: string, run: RuleRun, source: TraceSource, score: Dec, after: Line | undefined, part: PartLabel): Trace & PartLabel {
  return new PartTrace(kind, score, bits(run, displayPlaces()), { run, source, after }, part) as Trace & PartLabel;
}

/**
 * The sheet as plain JSON data (every trace written out), for `structuredClone`/`postMessage` and
 * anything else that copies own properties only.
 */
export function plainSheet(sheet: ScoreSheet): ScoreSheet {
  return JSON.parse(JSON.stringify(sheet)) as ScoreSheet;
}
