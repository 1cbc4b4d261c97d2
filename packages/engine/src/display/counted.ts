/**
 * A score as counted before its indicator is rounded (an indicator row's 计入, a part's 得), shown without
 * ever rounding it across a bound: the unrounded value itself, not a rounded figure marked 未取整.
 */
import { plain } from '../decimal/dec.ts';
import { Dec } from '../decimal/exact.ts';
import { EXACT_PLACES } from './operand.ts';
import { UNROUNDED_MARK } from './score.ts';
import { readShown, type Shown } from './value.ts';

/**
 * A score counted as it is, before its indicator is rounded (an indicator row's 计入, a part's 得): at the
 * scheme's places when it has no more decimals ("6.00"); otherwise the unrounded value itself, marked —
 * exactly when it has at most EXACT_PLACES decimals ("7.9999（未取整）": a score just under a band's
 * excluded bound 8 is never shown as 8.00), else its first EXACT_PLACES decimals cut, not rounded, with
 * "…" ("0.333333…（未取整）" for 1/3). Text that is not a plain decimal is returned as it is; no score is "".
 * @param places the scheme's `rounding.places` (0–10)
 */
export function showCounted(value: Shown | null | undefined, places: number): string {
  if (value === null || value === undefined) return '';
  const d = readShown(value);
  if (d === null) return String(value);
  const dp = d.decimalPlaces();
  if (dp <= places) return d.toFixed(places);
  if (dp <= EXACT_PLACES) return `${plain(d)}${UNROUNDED_MARK}`;
  return `${d.toFixed(EXACT_PLACES, Dec.ROUND_DOWN)}…${UNROUNDED_MARK}`;
}
