/**
 * Numeric intervals (区间) of tiers and grade bands: membership, Chinese rendering, and the coverage
 * check that finds gaps (未覆盖) and overlaps (重叠) — the errors the seeds' hand-made tables invite.
 */
import { Dec, toDec } from '../decimal/dec.ts';
import type { IntervalT } from '../format/scheme-types.ts';

/** A position on the number line: `side` 0 is just before `v`, 1 just after; v null = ∓∞. */
interface Cut {
  v: Dec | null;
  side: 0 | 1;
  inf: -1 | 0 | 1;
}

const NEG: Cut = { v: null, side: 0, inf: -1 };
const POS: Cut = { v: null, side: 0, inf: 1 };

function cmp(a: Cut, b: Cut): number {
  if (a.inf !== 0 || b.inf !== 0) return a.inf - b.inf;
  const c = a.v!.cmp(b.v!);
  return c !== 0 ? c : a.side - b.side;
}

export interface Bounds {
  min: Dec | null;
  minInclusive: boolean;
  max: Dec | null;
  maxInclusive: boolean;
}

/** Reads an interval's bounds into decimals (a missing bound is ∓∞). */
export function bounds(i: IntervalT): Bounds {
  return {
    min: i.min === undefined ? null : toDec(i.min),
    minInclusive: i.minInclusive ?? true,
    max: i.max === undefined ? null : toDec(i.max),
    maxInclusive: i.maxInclusive ?? false,
  };
}

/** Whether `x` lies in the interval. */
export function contains(b: Bounds, x: Dec): boolean {
  if (b.min !== null && (b.minInclusive ? x.lt(b.min) : x.lte(b.min))) return false;
  if (b.max !== null && (b.maxInclusive ? x.gt(b.max) : x.gte(b.max))) return false;
  return true;
}

function startCut(b: Bounds): Cut {
  return b.min === null ? NEG : { v: b.min, side: b.minInclusive ? 0 : 1, inf: 0 };
}
function endCut(b: Bounds): Cut {
  return b.max === null ? POS : { v: b.max, side: b.maxInclusive ? 1 : 0, inf: 0 };
}

/** A gap or an overlap found by `coverage`, with the region and the tiers involved (0-based). */
export interface CoverageProblem {
  type: 'gap' | 'overlap';
  region: Bounds;
  tiers: number[];
}

function region(from: Cut, to: Cut): Bounds {
  return {
    min: from.v,
    minInclusive: from.side === 0,
    max: to.v,
    maxInclusive: to.side === 1,
  };
}

/**
 * Checks that the intervals cover the domain with no gap and no overlap.
 * @param domain the values the metric can take (default the whole line).
 */
export function coverage(intervals: Bounds[], domain: Bounds = { min: null, minInclusive: true, max: null, maxInclusive: true }): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  const order = intervals.map((b, i) => ({ b, i, s: startCut(b), e: endCut(b) })).sort((x, y) => cmp(x.s, y.s));
  const dStart = startCut(domain);
  const dEnd = endCut(domain);
  let frontier = dStart;
  let last = -1;
  for (const t of order) {
    if (cmp(t.e, t.s) <= 0) continue; // empty interval: reported separately
    const s = cmp(t.s, dStart) < 0 ? dStart : t.s;
    const e = cmp(t.e, dEnd) > 0 ? dEnd : t.e;
    if (cmp(e, s) <= 0) continue;
    if (cmp(s, frontier) > 0) problems.push({ type: 'gap', region: region(frontier, s), tiers: last >= 0 ? [last, t.i] : [t.i] });
    else if (cmp(s, frontier) < 0) {
      const until = cmp(e, frontier) < 0 ? e : frontier;
      problems.push({ type: 'overlap', region: region(s, until), tiers: [last, t.i] });
    }
    if (cmp(e, frontier) > 0) {
      frontier = e;
      last = t.i;
    }
  }
  if (cmp(frontier, dEnd) < 0) problems.push({ type: 'gap', region: region(frontier, dEnd), tiers: last >= 0 ? [last] : [] });
  return problems;
}

/** Whether an interval contains no value at all (e.g. min > max). */
export function isEmpty(b: Bounds): boolean {
  return cmp(endCut(b), startCut(b)) <= 0;
}

/**
 * Renders an interval around a subject in the official phrasing.
 * ascending: "90%≤满意度<95%"; descending: "90%>固定资产利用率≥75%"; one-sided: "满意度≥95%", "满意度<80%".
 */
export function renderInterval(b: Bounds, subject: string, show: (d: Dec) => string, style: 'ascending' | 'descending' = 'ascending'): string {
  const lo = b.min === null ? null : show(b.min);
  const hi = b.max === null ? null : show(b.max);
  if (lo === null && hi === null) return `${subject}为任意值`;
  if (lo !== null && hi !== null && b.min!.eq(b.max!) && b.minInclusive && b.maxInclusive) return `${subject}=${lo}`;
  if (hi === null) return `${subject}${b.minInclusive ? '≥' : '>'}${lo}`;
  if (lo === null) return `${subject}${b.maxInclusive ? '≤' : '<'}${hi}`;
  if (style === 'descending') return `${hi}${b.maxInclusive ? '≥' : '>'}${subject}${b.minInclusive ? '≥' : '>'}${lo}`;
  return `${lo}${b.minInclusive ? '≤' : '<'}${subject}${b.maxInclusive ? '≤' : '<'}${hi}`;
}
