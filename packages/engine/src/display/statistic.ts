/**
 * Statistics of scores — the averages of the impact preview (CLI `simulate`, the editor's 影响预览):
 * "平均总分 93.87 → 93.75（-0.12）". An average is not a score: the scheme never rounds it, so it carries
 * no 未取整 mark; it is shown at the scheme's places, rounded half-up (四舍五入), as a finance report
 * writes a mean. Its change is the difference of the two numbers shown, so what is read adds up
 * (93.87 − 0.12 = 93.75) — the exact change (−0.125 for means 93.87 and 93.745) is not shown.
 */
import { roundDec } from '../decimal/dec.ts';
import type { Dec } from '../decimal/exact.ts';
import { NO_CHANGE } from './change.ts';
import { readShown, type Shown } from './value.ts';

/** An average at the scheme's places, half-up, unmarked: 93.745 → "93.75", 4 → "4.00". Text that is not a decimal is returned as it is. */
export function showStatistic(value: Shown, places: number): string {
  const d = readShown(value);
  return d === null ? String(value) : roundDec(d, places).toFixed(places);
}

/**
 * The change between two averages as shown: (after rounded) − (before rounded), both half-up at the
 * scheme's places; null when a side is not a decimal. For 93.87 → 93.745 at 2 places: −0.12.
 */
export function statisticChange(before: Shown, after: Shown, places: number): Dec | null {
  const b = readShown(before);
  const a = readShown(after);
  return a === null || b === null ? null : roundDec(a, places).minus(roundDec(b, places));
}

/** The shown change of two averages with its sign: "+0.25", "-0.12"; "无变化" when the shown averages are equal; "—" when a side is not a decimal. */
export function showStatisticDelta(before: Shown, after: Shown, places: number): string {
  const d = statisticChange(before, after, places);
  if (d === null) return '—';
  if (d.isZero()) return NO_CHANGE;
  return d.isNeg() ? d.toFixed(places) : `+${d.toFixed(places)}`;
}

/** Two averages and their shown change: "93.87 → 93.75（-0.12）", "4.00 → 4.00（无变化）". */
export function showStatisticChange(before: Shown, after: Shown, places: number): string {
  return `${showStatistic(before, places)} → ${showStatistic(after, places)}（${showStatisticDelta(before, after, places)}）`;
}
