/**
 * Tier bounds that name another fact (`{ "fact": "上年结转" }`): reading them, checking them, resolving them
 * while evaluating, and writing them in Chinese. Source (issue 10 item 9): "有结余，但不超过上年结转，2分" —
 * the bound is last year's figure, not a number.
 */
import { toDec, type Dec } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import type { TiersRule } from '../../format/scheme-types.ts';
import { conditionMessages } from '../../conditions/messages.ts';
import { incomparable } from '../../conditions/fact-types.ts';
import type { EvalContext } from '../../evaluate/context.ts';
import { type Bounds } from '../interval.ts';
import type { RuleSite } from '../kind.ts';

/** One tier of a `tiers` rule. */
export type Tier = TiersRule['tiers'][number];
/** A tier bound as written: a number, or `{ fact }`. */
export type TierBound = Tier['min'];

/** The fact a bound names, or undefined for a number or an absent bound. */
export function factOf(b: TierBound): string | undefined {
  return typeof b === 'object' && b !== null ? b.fact : undefined;
}

/** Whether any bound of the tier names a fact. */
export function hasFactBound(t: Tier): boolean {
  return factOf(t.min) !== undefined || factOf(t.max) !== undefined;
}

/** Every fact the tiers' bounds name (for the rule's references). */
export function boundFacts(rule: TiersRule): string[] {
  return rule.tiers.flatMap((t) => [factOf(t.min), factOf(t.max)].filter((f): f is string => f !== undefined));
}

function numberOf(b: TierBound): Dec | null {
  return b === undefined || factOf(b) !== undefined ? null : toDec(b);
}

/**
 * A bound written but not a number (a draft may hold "abc" or "1e400" typed in the editor; the scheme's check
 * reports it as an error): its text as written, so that the rendered 评分标准 does not read it as absent.
 * Undefined for a number, a fact bound or no bound.
 */
export function unreadableBound(b: unknown): string | undefined {
  if (b === undefined || (typeof b === 'object' && b !== null && 'fact' in b)) return undefined;
  if (toDec(b) !== null) return undefined;
  return typeof b === 'string' ? b : JSON.stringify(b);
}

/**
 * A tier with a bound that is not a number, written as the rule holds it: the bound as written in quotes, in the
 * place a number would take, then marked — "“abc”≤满意度<95%（下限“abc”不是数字）" — never as if the bound were
 * absent ("满意度<95%" or "为任意值" would say what the rule does not mean). Null when every bound is readable.
 * @param style "descending" writes the upper bound first ("95%>满意度≥“abc”"), as the style's other tiers.
 */
export function unreadableTierText(t: Tier, subject: string, show: (d: Dec) => string, label: (id: string) => string, style: 'ascending' | 'descending' = 'ascending'): string | null {
  const badLow = unreadableBound(t.min);
  const badHigh = unreadableBound(t.max);
  if (badLow === undefined && badHigh === undefined) return null;
  const side = (b: TierBound, bad: string | undefined): string | null => {
    if (bad !== undefined) return `“${bad}”`;
    const f = factOf(b);
    if (f !== undefined) return label(f);
    const d = numberOf(b);
    return d === null ? null : shownNumber(d, show);
  };
  const low = side(t.min, badLow);
  const high = side(t.max, badHigh);
  const lowIncl = t.minInclusive ?? true;
  const highIncl = t.maxInclusive ?? false;
  const body =
    low === null
      ? `${subject}${highIncl ? '≤' : '<'}${high}`
      : high === null
        ? `${subject}${lowIncl ? '≥' : '>'}${low}`
        : style === 'descending'
          ? `${high}${highIncl ? '≥' : '>'}${subject}${lowIncl ? '≥' : '>'}${low}`
          : `${low}${lowIncl ? '≤' : '<'}${subject}${highIncl ? '≤' : '<'}${high}`;
  const marks = [badLow !== undefined ? `下限“${badLow}”不是数字` : null, badHigh !== undefined ? `上限“${badHigh}”不是数字` : null].filter((x) => x !== null);
  return `${body}（${marks.join('，')}）`;
}

/** The bounds of a tier whose bounds are numbers (a fact bound reads as absent: callers test `hasFactBound` first). */
export function numericBounds(t: Tier): Bounds {
  return { min: numberOf(t.min), minInclusive: t.minInclusive ?? true, max: numberOf(t.max), maxInclusive: t.maxInclusive ?? false };
}

/** The tier's bounds for one case: each fact bound read (exactly, as a `Dec`) from the case. */
export function resolveBounds(t: Tier, ctx: EvalContext): Bounds {
  const read = (b: TierBound) => {
    const f = factOf(b);
    return f !== undefined ? ctx.num(f) : numberOf(b);
  };
  return { min: read(t.min), minInclusive: t.minInclusive ?? true, max: read(t.max), maxInclusive: t.maxInclusive ?? false };
}

const SIDE_ZH = { min: '下限', max: '上限' } as const;

function operatorOf(t: Tier, side: 'min' | 'max'): string {
  if (side === 'min') return t.minInclusive === false ? 'greaterThan' : 'greaterThanInclusive';
  return t.maxInclusive === false ? 'lessThan' : 'lessThanInclusive';
}

/**
 * Issues of the tiers' fact bounds: a fact that is not declared, or one that cannot be compared with the
 * metric (another type, or money in another unit: 万元 is not 元) — the condition check's messages, with the
 * clause 档位界限 and the JSON path of the bound's `fact`.
 */
export function checkFactBounds(rule: TiersRule, site: RuleSite): Issue[] {
  const out: Issue[] = [];
  rule.tiers.forEach((t, i) => {
    for (const side of ['min', 'max'] as const) {
      const f = factOf(t[side]);
      if (f === undefined) continue;
      const at = {
        name: site.name,
        part: site.key.includes('/'),
        clause: 'tiers',
        condition: `第${i + 1}档${SIDE_ZH[side]}：${rule.metric} ${operatorOf(t, side)} ${JSON.stringify(t[side])}`,
      };
      const where = { path: pointer(site.path, 'tiers', i, side, 'fact'), indicator: site.indicator, fact: f };
      const otherType = site.decls.typeOf(f);
      if (otherType === undefined) {
        out.push(conditionMessages.issue('condition-undeclared-fact', { ...at, fact: f }, where));
        continue;
      }
      const type = site.decls.typeOf(rule.metric);
      if (type === undefined) continue; // the metric's own reference check reports it
      const why = incomparable(rule.metric, f, site.decls);
      if (why === null) continue;
      const units = why === 'unit' ? { unit: site.decls.inputs.get(rule.metric)?.unit, otherUnit: site.decls.inputs.get(f)?.unit } : {};
      out.push(
        conditionMessages.issue(
          'condition-facts-incomparable',
          { ...at, fact: rule.metric, factLabel: site.decls.label(rule.metric), type, other: f, otherLabel: site.decls.label(f), otherType, ...units },
          where,
        ),
      );
    }
  });
  return out;
}

/** A shown number: a zero is written bare ("0", not "0.00万元"), as the documents write it. */
function shownNumber(d: Dec, show: (d: Dec) => string): string {
  return d.isZero() ? '0' : show(d);
}

/**
 * A tier with a fact bound in words, as the documents write it: "本年结余不超过上年结转", "本年结余超过上年结转",
 * "本年结余大于0且不超过上年结转" (a number is 大于/不低于/小于/不高于, a fact 超过/不低于/低于/不超过).
 * @param label the fact's name (上年结转); `show` writes a number in the metric's unit.
 */
export function factTierText(t: Tier, subject: string, show: (d: Dec) => string, label: (id: string) => string): string {
  const lowF = factOf(t.min);
  const highF = factOf(t.max);
  const lowN = numberOf(t.min);
  const highN = numberOf(t.max);
  const lowIncl = t.minInclusive ?? true;
  const highIncl = t.maxInclusive ?? false;
  const low =
    lowF !== undefined ? `${lowIncl ? '不低于' : '超过'}${label(lowF)}` : lowN !== null ? `${lowIncl ? '不低于' : '大于'}${shownNumber(lowN, show)}` : null;
  const high =
    highF !== undefined ? `${highIncl ? '不超过' : '低于'}${label(highF)}` : highN !== null ? `${highIncl ? '不高于' : '小于'}${shownNumber(highN, show)}` : null;
  return `${subject}${[low, high].filter((s) => s !== null).join('且')}`;
}

/**
 * The comparisons a case met with the tier's fact bounds, for the trace: "本年结余 20.00万元 ≤ 上年结转 35.00万元".
 */
export function factComparisons(t: Tier, subject: string, shownX: string, ctx: EvalContext, label: (id: string) => string): string[] {
  const out: string[] = [];
  const lowF = factOf(t.min);
  const highF = factOf(t.max);
  if (lowF !== undefined) out.push(`${subject} ${shownX} ${(t.minInclusive ?? true) ? '≥' : '>'} ${label(lowF)} ${ctx.show(lowF, ctx.num(lowF))}`);
  if (highF !== undefined) out.push(`${subject} ${shownX} ${(t.maxInclusive ?? false) ? '≤' : '<'} ${label(highF)} ${ctx.show(highF, ctx.num(highF))}`);
  return out;
}
