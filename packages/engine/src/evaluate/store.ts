/**
 * The values of one evaluation: the case's facts as read against their declarations, and the metrics
 * computed from them on first use (the line of arithmetic explaining each is written when read). Slots are numbered
 * at compile time (`CompiledScheme.slots`), so a sheet keeps plain arrays instead of maps.
 */
import { ZERO, isDec, plain, roundDec, toDec, type Dec, type RoundMode } from '../decimal/dec.ts';
import { EXACT_PLACES, FROM_UNROUNDED, displayPlaces, moneyAsShown, percentAsShown, roundingText, showMoney, showNumber, showPercent } from '../display/index.ts';
import { pointer, type Issue } from '../errors/issue.ts';
import { shared } from '../errors/shared.ts';
import { factMessages } from '../facts/messages.ts';
import type { CompiledMetric, CompiledScheme } from '../compile/compile.ts';
import type { TraceInput } from '../sheet/types.ts';
import { CannotCompute, type Line, type Value } from './context.ts';
import { Unreadable } from '../facts/facts.ts';
import type { FormulaScope } from '../formula/formula.ts';
import { NO_ENTRIES, type ReviewerEntries } from './reviewer-entries.ts';

/** A fact or metric value shown as finance staff write it: "93.14%", "1,511.77万元", "12个". */
export function showValue(c: CompiledScheme, id: string, d: Dec): string {
  const t = c.decls.typeOf(id);
  if (t === 'percent') return showPercent(d, 2);
  if (t === 'money') return `${showMoney(d)}${c.decls.inputs.get(id)?.unit ?? ''}`;
  const unit = c.decls.inputs.get(id)?.unit;
  return `${showNumber(d)}${unit && unit !== '%' ? unit : ''}`;
}

/**
 * A fact or metric value as `showValue` writes it, read back: what a reader checking a line by hand works
 * with (25.8788% shown "25.88%" is 0.2588; money to 分; other numbers at the places showNumber shows them).
 */
function asShown(c: CompiledScheme, id: string, d: Dec): Dec {
  const t = c.decls.typeOf(id);
  if (t === 'percent') return percentAsShown(d, 2);
  if (t === 'money') return moneyAsShown(d);
  return d.decimalPlaces() <= EXACT_PLACES ? d : roundDec(d, displayPlaces());
}

function metricPath(c: CompiledScheme, id: string): string {
  const i = (c.scheme.metrics ?? []).findIndex((m) => m.id === id);
  return `/metrics/${Math.max(i, 0)}/formula`;
}

/**
 * Facts and metrics of one evaluation, by slot. A kept sheet keeps its store (its traces are written from
 * it when read, evaluate/trace.ts), so it is compact: one array of values, and the lists of failures,
 * of defaults used and of metrics' unrounded values exist only once something is put in them.
 *
 * Where a value came from is not stored per slot: slots below `c.inputs.length` are facts (from the
 * case, or the scheme's default when that slot is in `defaulted`), the rest metrics. (A per-slot
 * Uint8Array of origins cost ~250 bytes in every kept sheet and a typed-array allocation per evaluation.)
 *
 * The store is also all a kept sheet's traces need to run their rules again (evaluate/trace.ts): it
 * holds the compiled scheme and the case's reviewer entries. Once the sheet is scored, `forgetMetrics`
 * lets go of the metrics' values (a third of a kept sheet's numbers): they follow from the facts, and
 * a trace read later works out again those its rule reads.
 */
export class FactStore {
  /** The case's reviewer entries, set by evaluate once read (the traces' rules read them again). */
  reviewer: ReviewerEntries = NO_ENTRIES;
  private readonly values: (Value | undefined)[];
  /** Slots of facts the case did not give, filled from the scheme's default (rare: made on first use). */
  private defaulted: number[] | undefined;
  private failed: (Issue | undefined)[] | undefined;
  /**
   * Per computed metric whose own rounding changed it: its value before rounding; null when its
   * denominator was 0. (A metric computed and not changed by rounding has no entry: its value is exact.)
   * Indexed by the metric's slot less the number of facts (metrics' slots follow the facts'), so it is as
   * long as the list of metrics, not of every value.
   */
  private exact: (Dec | null | undefined)[] | undefined;

  /** The scheme's metrics with their symbols' slots (`metricPlans`, shared by every store of the scheme). */
  private readonly plans: readonly (MetricPlan | undefined)[];

  constructor(readonly c: CompiledScheme) {
    this.plans = metricPlans(c);
    const n = c.slots.size;
    this.values = new Array<Value | undefined>(n);
  }

  /** Whether `id` is a declared fact or metric (with `get`, the store is a formula's scope). */
  has(id: string): boolean {
    return this.c.slots.has(id);
  }

  /**
   * The store as a formula's scope: itself (a formula only ever asks for symbols already checked to be
   * numbers, so `get` gives a Dec there) — not an adapter object with two closures in every kept sheet.
   */
  private get scope(): FormulaScope {
    return this as unknown as FormulaScope;
  }

  /** Records a fact read from the case, or (`metric`) a metric's value. */
  put(slot: number, v: Value): void {
    this.values[slot] = v;
  }

  /**
   * Drops every metric's value (and value before rounding), keeping the facts: a kept sheet then holds
   * only what it was given. A metric read again is worked out again, to the same value (its formula is
   * a pure function of the facts). Its failures (a zero denominator) stay recorded.
   */
  forgetMetrics(): void {
    const values = this.values;
    for (let s = this.c.inputs.length; s < values.length; s++) values[s] = undefined;
    this.exact = undefined;
  }

  /** Records why a fact cannot be used; reading it later throws this issue. */
  fail(slot: number, why: Issue): void {
    (this.failed ??= new Array<Issue | undefined>(this.values.length))[slot] = why;
  }

  /** Where a value came from: the case, the scheme's default, or a metric's formula. */
  origin(id: string): TraceInput['origin'] {
    const s = this.c.slots.get(id);
    if (s === undefined) return 'fact';
    if (s >= this.c.inputs.length) return this.values[s] === undefined ? 'fact' : 'metric';
    return this.defaulted?.includes(s) ? 'default' : 'fact';
  }

  /** The line explaining a metric ("政府采购执行率 = 104.92 ÷ 143.4 = 73.17%"), once computed; written when read. */
  metricLine(id: string): Line | undefined {
    const slot = this.c.slots.get(id);
    if (slot === undefined) return undefined;
    if (slot < this.c.inputs.length || this.values[slot] === undefined) return undefined;
    // kept only when it differs from the value (rounded) or the denominator was 0 (null)
    const kept = this.exact?.[slot - this.c.inputs.length];
    const exact = kept === undefined ? (this.values[slot] as Dec) : kept;
    const c = this.c;
    const m = c.metrics.get(id)!;
    const shown = () => m.formula.substitute(this.scope, (sid, v) => showValue(c, sid, v), (sid) => c.decls.typeOf(sid) === 'percent');
    const value = this.values[slot] as Dec;
    if (exact === null) return () => `${m.metric.label} = ${shown()}，分母为0：${m.metric.onZeroDenominator!.text}，取 ${showValue(c, id, value)}`;
    const round = m.metric.round;
    return () => {
      const result = showValue(c, id, exact);
      // the operands as shown, worked by hand, must give the result as shown; else say it comes from the unrounded values
      const byHand = this.byHand(m);
      const mark = byHand !== null && showValue(c, id, byHand) !== result ? FROM_UNROUNDED : '';
      let text = `${m.metric.label} = ${shown()} = ${result}${mark}`;
      if (round && !value.eq(exact)) text += `（${showNumber(exact)} ${roundingText(round.places, round.mode)} → ${plain(value)}）`;
      return text;
    };
  }

  /**
   * A metric worked out from its operands as they are shown (`asShown`), as a reader checks its line by hand;
   * null when it cannot be (an operand that is no number, a denominator shown as 0).
   */
  private byHand(m: CompiledMetric): Dec | null {
    const c = this.c;
    const symbols = m.formula.symbols;
    const values: Dec[] = [];
    for (const sid of symbols) {
      const v = this.values[this.slotOf(sid)];
      if (!isDec(v)) return null;
      values.push(asShown(c, sid, v));
    }
    try {
      return m.formula.run(new MetricScope(symbols, values));
    } catch {
      // a formula reading a text symbol (no text in this scope): not checked
      return null;
    }
  }

  /**
   * A fact or metric value. Computes a metric on first read.
   * @throws CannotCompute when the fact is missing or invalid, undeclared, or a metric divides by zero
   *   without a declared outcome.
   */
  get(id: string): Value {
    return this.at(this.slotOf(id), id);
  }

  /** The slot of a declared fact or metric. @throws CannotCompute for an undeclared id. */
  slotOf(id: string): number {
    const slot = this.c.slots.get(id);
    if (slot === undefined) throw new CannotCompute(shared.issue('undeclared-fact', { at: 'run', fact: id }, { fact: id }));
    return slot;
  }

  /** The value in `slot` (the id's), as `get` gives it. */
  at(slot: number, id: string): Value {
    const have = this.values[slot];
    if (have !== undefined) return have;
    const failed = this.failed?.[slot];
    if (failed) throw new CannotCompute(failed);
    // facts' slots come first (compile.ts)
    return slot < this.c.inputs.length ? this.fallback(id, slot) : this.metric(id, slot);
  }

  /** A fact the case does not give: the scheme's default, or the missing-fact issue. */
  private fallback(id: string, slot: number): Value {
    const input = this.c.decls.inputs.get(id)!;
    if (input.default !== undefined) {
      const r = this.c.readers.get(id)!.read(input.default);
      if (!(r instanceof Unreadable)) {
        this.put(slot, r);
        (this.defaulted ??= []).push(slot);
        return r;
      }
    }
    const miss = factMessages.issue('fact-missing', { label: input.label, fact: id, given: false }, { path: pointer('/facts', id), fact: id });
    this.fail(slot, miss);
    throw new CannotCompute(miss);
  }

  /** Records a metric's value before its rounding (null: its denominator was 0). */
  private keepExact(slot: number, exact: Dec | null): void {
    const facts = this.c.inputs.length;
    (this.exact ??= new Array<Dec | null | undefined>(this.values.length - facts))[slot - facts] = exact;
  }

  private metric(id: string, slot: number): Value {
    const c = this.c;
    const plan = this.plans[slot - c.inputs.length]!;
    const m = plan.metric;
    const { symbols, slots } = plan;
    const read = new Array<Dec>(symbols.length);
    for (let i = 0; i < symbols.length; i++) {
      const s = symbols[i]!;
      const v = this.at(slots[i]! >= 0 ? slots[i]! : this.slotOf(s), s);
      if (!isDec(v)) throw new CannotCompute(shared.issue('fact-type', { at: 'metric-run', metric: m.metric.label, metricId: id, fact: s }, { fact: s }));
      read[i] = v;
    }
    // every symbol is a number in this store from here on
    const scope = this.scope;
    let d = m.formula.run(new MetricScope(symbols, read));
    if (d === null) {
      const z = m.metric.onZeroDenominator;
      if (!z) {
        const shown = m.formula.substitute(scope, (sid, v) => showValue(c, sid, v), (sid) => c.decls.typeOf(sid) === 'percent');
        const err = shared.issue('zero-denominator', { at: 'metric', metric: m.metric.label, metricId: id, formula: m.metric.formula, shown }, { fact: id, path: metricPath(c, id) });
        this.fail(slot, err);
        throw new CannotCompute(err);
      }
      d = toDec(z.value) ?? ZERO;
      this.keepExact(slot, null);
    } else {
      const round = m.metric.round;
      if (round) {
        const exact = d;
        d = roundDec(d, round.places, (round.mode ?? 'half-up') as RoundMode);
        if (!d.eq(exact)) this.keepExact(slot, exact);
      }
    }
    this.put(slot, d);
    return d;
  }
}

/** A metric as its computation reads it: the compiled formula, its symbols and their slots (−1: undeclared). */
interface MetricPlan {
  metric: CompiledMetric;
  symbols: readonly string[];
  slots: readonly number[];
}

const PLANS = new WeakMap<CompiledScheme, readonly (MetricPlan | undefined)[]>();

/**
 * Per metric, by its slot less the number of facts: its formula with its symbols' slots, found once per
 * compiled scheme rather than by id at every computation (a Map look-up per symbol, twice: to check it
 * and when the formula read it through the store — ~3.5% of evaluate's time in a CPU profile).
 */
function metricPlans(c: CompiledScheme): readonly (MetricPlan | undefined)[] {
  let plans = PLANS.get(c);
  if (plans === undefined) {
    plans = (c.scheme.metrics ?? []).map((m) => {
      const metric = c.metrics.get(m.id);
      if (metric === undefined) return undefined;
      const symbols = metric.formula.symbols;
      return { metric, symbols, slots: symbols.map((s) => c.slots.get(s) ?? -1) };
    });
    PLANS.set(c, plans);
  }
  return plans;
}

/**
 * A metric formula's scope while it computes: its symbols' values, read and checked to be numbers
 * before it runs, by position. The formula asks by a symbol's name, the very string of `symbols` (both
 * come from the one parse), so the scan finds it in a comparison or two, where the store would look
 * the name up in the scheme's Map of slots.
 */
class MetricScope implements FormulaScope {
  constructor(
    private readonly symbols: readonly string[],
    private readonly values: readonly Dec[],
  ) {}

  get(id: string): Dec | undefined {
    const symbols = this.symbols;
    for (let i = 0; i < symbols.length; i++) if (symbols[i] === id) return this.values[i];
    return undefined;
  }

  has(id: string): boolean {
    return this.symbols.includes(id);
  }
}
