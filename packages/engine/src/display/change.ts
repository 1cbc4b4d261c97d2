/**
 * A change of score, one way everywhere (CLI simulate, the editor's impact preview and compare view):
 * "93.87 → 94.12（+0.25）", and "无变化" when nothing moved.
 */
import { ZERO } from '../decimal/dec.ts';
import { readShown, type Shown } from './value.ts';
import { showScore } from './score.ts';

/** What a change of zero is shown as. */
export const NO_CHANGE = '无变化';

/**
 * A change (after − before) at the scheme's places with its sign: "+0.25", "-0.50"; "无变化" for zero.
 * A change finer than the places is marked as a score is: "+0.00（未取整）" for 0.0033.
 */
export function showDelta(change: Shown, places: number): string {
  const d = readShown(change);
  if (d === null) return String(change);
  if (d.isZero()) return NO_CHANGE;
  return d.isNeg() ? showScore(d, places) : `+${showScore(d, places)}`;
}

/**
 * A score before and after, with the change: "93.87 → 94.12（+0.25）", "93.87 → 93.87（无变化）". A side
 * that has no score (the indicator does not exist in that version) is "—" and counts 0 in the change.
 */
export function showChange(before: Shown | null, after: Shown | null, places: number): string {
  const b = before === null ? null : readShown(before);
  const a = after === null ? null : readShown(after);
  const side = (v: Shown | null) => (v === null ? '—' : showScore(v, places));
  if ((b === null && a === null) || (before !== null && b === null) || (after !== null && a === null)) return `${side(before)} → ${side(after)}`;
  const delta = (a ?? ZERO).minus(b ?? ZERO);
  return `${side(before)} → ${side(after)}（${showDelta(delta, places)}）`;
}
