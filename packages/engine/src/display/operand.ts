/**
 * Numbers inside the arithmetic of an explanation ("93.14% × 1分 = 0.9314分", "104.92 ÷ 143.4"): a
 * computed value that is not a fact's own value (facts and metrics are shown by their declared type,
 * evaluate/store.ts's showValue: 93.14%, 1,511.77万元).
 */
import { plain } from '../decimal/dec.ts';
import { displayPlaces } from './precision.ts';
import { UNROUNDED_MARK } from './score.ts';
import { readShown, type Shown } from './value.ts';

/** A value with at most this many decimals is written exactly in an arithmetic line ("0.9314", "12.5"). */
export const EXACT_PLACES = 6;

/**
 * A number in an arithmetic line: exactly when it is a decimal of at most EXACT_PLACES places
 * ("5.4", "0.9314", "-0.23"); otherwise — a quotient such as 0.980363…, which no short text is —
 * at the scheme's places, rounded half-up and marked: "0.98（未取整）". Text that is not a decimal
 * is returned as it is.
 * @param places the scheme's rounding places; by default those in force (display/precision.ts)
 */
export function showNumber(value: Shown, places: number = displayPlaces()): string {
  const d = readShown(value);
  if (d === null) return String(value);
  return d.decimalPlaces() <= EXACT_PLACES ? plain(d) : `${d.toFixed(places)}${UNROUNDED_MARK}`;
}

/**
 * Said after the result of an arithmetic line whose shown operands are rounded and do not give the shown
 * result by hand (25.88% ÷ 25% is 103.52%, the line shows 103.51% from 25.8788…%): the result is the exact one,
 * worked from the unrounded values, as finance staff note it.
 */
export const FROM_UNROUNDED = '（按未取整数计算）';
