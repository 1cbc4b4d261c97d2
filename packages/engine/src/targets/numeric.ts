/**
 * Target vs actual for values with a number: quantities, percents and durations. Units are reconciled
 * first (元/万元/亿元 convert; 家 vs 个 do not), then the target's comparator decides.
 */
import { Dec } from '../decimal/exact.ts';
import { isLowerBound, isUpperBound } from './comparators.ts';
import { showNumber, showPercent as showFraction } from '../display/index.ts';
import type { Comparator, DurationValue, PercentValue, PerUnit, QuantitativeValue, TargetContext, UnitDef } from './types.ts';
import { lookupUnit } from './units.ts';

export type NumericValue = QuantitativeValue | PercentValue | DurationValue;

/** A numeric value brought into one shape for comparison. */
interface Num {
  comparator: Comparator | null;
  value: Dec;
  upper?: Dec;
  unit: UnitDef | null;
  multiplier?: string;
  per?: PerUnit;
  percent: boolean;
  approximate: boolean;
  duration: boolean;
  factors: boolean;
  rank: boolean;
}

function toNum(v: NumericValue): Num {
  return {
    comparator: v.comparator,
    value: v.value,
    ...(v.upper !== undefined ? { upper: v.upper } : {}),
    unit: v.kind === 'percent' ? null : v.unit,
    ...(v.kind === 'quantitative' && v.multiplier !== undefined ? { multiplier: v.multiplier } : {}),
    ...(v.kind === 'quantitative' && v.per ? { per: v.per } : {}),
    percent: v.kind === 'percent',
    approximate: v.kind !== 'duration' && v.approximate,
    duration: v.kind === 'duration',
    factors: v.kind === 'duration' && v.factors !== undefined,
    rank: v.kind === 'quantitative' && v.rank === true,
  };
}

/**
 * The two numbers a comparison decided on, in one unit, for scoring rules that need more than met/not met
 * (财预〔2020〕10号: 完成值 ÷ 指标值 × 分值; reverse indicators 年度指标值 ÷ 全年实际值 × 分值; overshoot 偏离度).
 */
export interface ComparedNumbers {
  /** 年度指标值, in the base unit both sides were brought to (a fraction for percents). */
  readonly target: Dec;
  /** 实际完成值, in the same unit. */
  readonly actual: Dec;
  /** The comparator the target was read with (a missing one is implied). */
  readonly comparator: Comparator;
  /** True for a reverse indicator (≤ / <, lower is better): completion is target ÷ actual. */
  readonly reverse: boolean;
  /** Both values as the sheet shows them ("1000家", "95%"). */
  readonly shownTarget: string;
  readonly shownActual: string;
}

/** Result of a numeric comparison, before it is worded. */
export type NumericResult =
  | { outcome: 'met' | 'notMet'; ratio: Dec; detail?: string; warnings: string[]; numbers?: ComparedNumbers }
  | { outcome: 'incomparable'; reason: string; warnings: string[] };

const ZERO = new Dec(0);
const ONE = new Dec(1);
const HUNDRED = new Dec(100);

function clamp01(d: Dec): Dec {
  return Dec.max(ZERO, Dec.min(ONE, d));
}

/** True when the row is about cost (成本指标, 预算控制数 …), where a bare target is a ceiling. */
export function isCostRow(context: TargetContext | undefined): boolean {
  if (!context) return false;
  return (context.category ?? '').includes('成本') || /成本|控制数|预算控制|费用|经费|预算安排/.test(context.indicator ?? '');
}

/** The unit named in the indicator's name: "观众数量（万人次）" → 万人次, "程序规范率(%)" → %. */
function contextUnit(context: TargetContext | undefined): UnitDef | '%' | null {
  const m = /[(（]([^()（）]+)[)）]\s*$/.exec(context?.indicator ?? '');
  if (!m) return null;
  const sym = m[1]!.trim();
  if (sym === '%' || sym === '％') return '%';
  return lookupUnit(sym) ?? null;
}

/** Applies a unit named in the indicator's name to a value written without one. */
function applyContextUnit(n: Num, cu: UnitDef | '%' | null, side: string, warnings: string[]): Num {
  if (cu === null || n.unit !== null || n.percent || n.multiplier !== undefined) return n;
  if (cu === '%') {
    warnings.push(`${side}未写单位，按指标名称中的“%”理解`);
    return { ...n, percent: true, value: n.value.div(HUNDRED), ...(n.upper ? { upper: n.upper.div(HUNDRED) } : {}) };
  }
  warnings.push(`${side}未写单位，按指标名称中的单位“${cu.symbol}”理解`);
  return { ...n, unit: cu, value: n.value.times(cu.scale), ...(n.upper ? { upper: n.upper.times(cu.scale) } : {}) };
}

/** Brings the actual into the target's unit; a reason when it cannot. */
function reconcile(t: Num, a: Num, context: TargetContext | undefined, warnings: string[]): { t: Num; a: Num } | { reason: string } {
  const cu = contextUnit(context);
  t = applyContextUnit(t, cu, '目标值', warnings);
  a = applyContextUnit(a, cu, '实际值', warnings);
  const bare = (n: Num) => !n.percent && n.unit === null && n.multiplier === undefined && !n.per;
  if (t.percent !== a.percent) {
    if (t.percent && bare(a)) {
      warnings.push(`实际值未写“%”，按百分数理解（${showNumber(a.value)}%）`);
      a = { ...a, percent: true, value: a.value.div(HUNDRED) };
    } else if (a.percent && bare(t)) {
      warnings.push(`目标值未写“%”，按百分数理解（${showNumber(t.value)}%）`);
      t = { ...t, percent: true, value: t.value.div(HUNDRED), ...(t.upper ? { upper: t.upper.div(HUNDRED) } : {}) };
    } else {
      return { reason: t.percent ? '目标为百分比，实际不是百分比' : '实际为百分比，目标不是百分比' };
    }
  }
  if (!t.percent) {
    if (t.unit && a.unit) {
      if (t.unit.dimension !== a.unit.dimension) return { reason: `单位不一致（目标“${t.unit.symbol}”，实际“${a.unit.symbol}”）` };
    } else if (t.unit || a.unit) {
      const u = (t.unit ?? a.unit)!;
      const without = t.unit ? a : t;
      const side = t.unit ? '实际值' : '目标值';
      if (without.multiplier === undefined && !u.scale.eq(1)) {
        return { reason: `${side}未写单位，无法确定与“${u.symbol}”是否一致` };
      }
      warnings.push(`${side}未写单位，按“${u.base}”理解`);
    }
  }
  // Rates: "≥300宗/月" vs "600宗/月"; "2次/季度" vs "8次/全年"; "≥1500人/年" vs "4395人".
  if (t.per || a.per) {
    const yearly = (p: PerUnit) => p.unit !== null && p.unit.dimension === 'months' && p.unit.scale.times(p.count).eq(12);
    if (t.per && a.per) {
      if (t.per.unit && a.per.unit && t.per.unit.dimension === a.per.unit.dimension) {
        const tDen = t.per.count.times(t.per.unit.scale);
        const aDen = a.per.count.times(a.per.unit.scale);
        if (!tDen.eq(aDen)) {
          // Express the actual per the target's period.
          a = { ...a, value: a.value.div(aDen).times(tDen) };
          warnings.push(`实际值按目标的计量周期“/${t.per.text}”换算（${showNumber(a.value)}）`);
        }
      } else if (t.per.text !== a.per.text) {
        return { reason: `计量周期不一致（目标“/${t.per.text}”，实际“/${a.per.text}”）` };
      }
    } else {
      const p = (t.per ?? a.per)!;
      if (!yearly(p)) return { reason: `${t.per ? '实际值' : '目标值'}未写计量周期“/${p.text}”` };
      warnings.push(`${t.per ? '实际值' : '目标值'}未写“/${p.text}”，按全年数理解`);
    }
  }
  return { t, a };
}

/** How a target written without a comparator is read: ceilings for cost rows and time limits, else 达到 (≥). */
function impliedComparator(t: Num, context: TargetContext | undefined): Comparator {
  if (t.rank) return '≤';
  if (isCostRow(context)) return '≤';
  if (t.duration && !t.factors) return '≤';
  return '≥';
}

function decide(cmp: Comparator, tv: Dec, tUpper: Dec | undefined, av: Dec, cost: boolean, warnings: string[]): { met: boolean; ratio: Dec } {
  const up = (met: boolean) => ({ met, ratio: met ? ONE : tv.gt(0) ? clamp01(av.div(tv)) : ZERO });
  const down = (met: boolean) => ({ met, ratio: met ? ONE : av.gt(0) && tv.gte(0) ? clamp01(tv.div(av)) : ZERO });
  switch (cmp) {
    case '≥':
      return up(av.gte(tv));
    case '>':
      return up(av.gt(tv));
    case '≤':
      return down(av.lte(tv));
    case '<':
      return down(av.lt(tv));
    case 'between': {
      const hi = tUpper ?? tv;
      if (av.lt(tv)) return up(false);
      if (av.gt(hi)) return { met: false, ratio: av.gt(0) && hi.gte(0) ? clamp01(hi.div(av)) : ZERO };
      return { met: true, ratio: ONE };
    }
    case '=': {
      if (av.eq(tv)) return { met: true, ratio: ONE };
      if (cost || tv.lte(0)) return down(av.lte(tv));
      if (av.gt(tv)) {
        warnings.push('目标写作“=”，实际超过目标值，按达成处理，请核实');
        return { met: true, ratio: ONE };
      }
      return up(false);
    }
  }
}

function showValue(n: Num, v: Dec): string {
  if (n.percent) return showFraction(v);
  const u = n.unit;
  if (!u) return showNumber(v);
  return `${showNumber(v)}${u.base}`;
}

/**
 * Compares two numeric values (quantitative, percent, duration).
 * `ratio` is actual/target for ≥ targets and target/actual for ≤ targets, in [0, 1].
 */
export function compareNumeric(target: NumericValue, actual: NumericValue, context?: TargetContext): NumericResult {
  const warnings: string[] = [];
  const r = reconcile(toNum(target), toNum(actual), context, warnings);
  if ('reason' in r) return { outcome: 'incomparable', reason: r.reason, warnings: [r.reason, ...warnings] };
  const { t, a } = r;
  const cost = isCostRow(context);
  let cmp = t.comparator;
  if (cmp === null) {
    cmp = impliedComparator(t, context);
    if (!a.value.eq(t.value)) warnings.push(`目标未写比较符，按“${cmp === '≤' ? '不超过（≤）' : '达到（≥）'}”理解`);
  }
  if (t.approximate) warnings.push('目标值为约数');
  if (a.approximate) warnings.push('实际值为约数');
  if (actual.remark) warnings.push(`实际值附注“${actual.remark}”未计入比较`);
  // An actual written with a comparator is a bound ("≥238家", "≤24小时内").
  const ac = a.comparator;
  if (ac !== null && ac !== '=') {
    const certain =
      (isLowerBound(ac) && (cmp === '≥' || cmp === '>') && (cmp === '≥' ? a.value.gte(t.value) : a.value.gt(t.value) || (ac === '>' && a.value.gte(t.value)))) ||
      (isUpperBound(ac) && (cmp === '≤' || cmp === '<') && (cmp === '≤' ? a.value.lte(t.value) : a.value.lt(t.value) || (ac === '<' && a.value.lte(t.value))));
    if (!certain) {
      const reason = `实际值只给出${isLowerBound(ac) ? '下限' : ac === 'between' ? '区间' : '上限'}“${actual.text.trim()}”，无法判断是否达到目标`;
      return { outcome: 'incomparable', reason, warnings: [reason, ...warnings] };
    }
    warnings.push(`实际值带比较符“${ac}”，按其界值判断`);
    return { outcome: 'met', ratio: ONE, warnings };
  }
  const av = a.value;
  const { met, ratio } = decide(cmp, t.value, t.upper, av, cost, warnings);
  const converted =
    !t.percent && t.unit && a.unit && !t.unit.scale.eq(a.unit.scale)
      ? `换算为${t.unit.base}：目标${showValue(t, t.value)}，实际${showValue(a, av)}`
      : undefined;
  const numbers: ComparedNumbers | undefined =
    cmp === 'between'
      ? undefined
      : {
          target: t.value,
          actual: av,
          comparator: cmp,
          reverse: cmp === '≤' || cmp === '<' || (cmp === '=' && (cost || t.value.lte(0))),
          shownTarget: showValue(t, t.value),
          shownActual: showValue(a, av),
        };
  return { outcome: met ? 'met' : 'notMet', ratio, ...(converted ? { detail: converted } : {}), warnings, ...(numbers ? { numbers } : {}) };
}
