/**
 * Exact decimal numbers for every score, amount and rate (exact.ts), and the small helpers the engine
 * reads and rounds them with. How numbers are shown (93.48, 99.81%, 1,039,209,201.00) is the display
 * module's (src/display/); the show* helpers rules call are re-exported from there.
 */
import { Dec, readPlainText, type Rounding } from './exact.ts';

/**
 * The engine's number (exact.ts): exact rationals (in safe integers, or in bigints where they leave
 * that range) with a decimal API, so no ratio of real budgets loses a cent.
 */
export { Dec, DecError, isDec, withArithmetic, type Arithmetic, type DecValue, type Rounding } from './exact.ts';

/** How numbers are shown: re-exported from the display module (src/display/) for the rules that call them. */
export { roundingText, showMoney, showNumber, showPercent, showScore } from '../display/index.ts';

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

/**
 * Decimal text as a finance user may type it: digits with an optional fraction, and also a point with digits
 * on one side only ("95." is 95, ".5" is 0.5, "-.5" is −0.5); never a lone point, two points or an exponent.
 */
const DECIMAL_TEXT = /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

/**
 * Reads a scheme/case number: a finite JSON number, a decimal string ("0.95"; also "95." and ".5" as a
 * finance user types them; "1,511.77" is NOT accepted here — use facts parsing for that), or a percent
 * string ("95%" → 0.95, "95.%" and ".5%" too). "1.2.3", "1e3", "." and "abc" are not numbers.
 * @returns the Decimal, or null when the value is not a number in one of those forms.
 */
export function toDec(value: unknown): Dec | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Dec(value) : null;
  if (typeof value !== 'string') return null;
  // the forms facts and schemes write ("1511.77", "95%") in one pass; the rest (white space, zeros,
  // long digits, what is refused) below
  const fast = readPlainText(value, false);
  if (fast !== null) return fast;
  const s = value.trim();
  if (s.endsWith('%')) {
    const body = s.slice(0, -1).trim();
    return DECIMAL_TEXT.test(body) ? new Dec(body).div(100) : null;
  }
  return DECIMAL_TEXT.test(s) ? new Dec(s) : null;
}

const GROUPED_TEXT = /^-?\d{1,3}(,\d{3})+(\.\d*)?%?$/;

/**
 * Like toDec, also reading thousands separators in text ("1,511.77", "1,511.77%"), as facts may be
 * written. @returns the number, or null when the value is not one.
 */
export function toDecGrouped(value: unknown): Dec | null {
  if (typeof value !== 'string') return toDec(value);
  // the common forms in one pass (readPlainText); the regular expression only for what it leaves
  const fast = readPlainText(value, true);
  if (fast !== null) return fast;
  const s = value.trim();
  return toDec(GROUPED_TEXT.test(s) ? s.replace(/,/g, '') : value);
}

/**
 * A score or an amount: a finite JSON number or decimal text ("5.5"), never a percent ("24%" is not 0.24
 * points, "50%" is not 0.5 万元). @returns the number, or null for anything else.
 */
export function toPlainDec(value: unknown): Dec | null {
  return typeof value === 'string' && value.trim().endsWith('%') ? null : toDec(value);
}

/** Like toDec, for values the JSON Schema already guaranteed to be numbers. */
export function dec(value: unknown): Dec {
  const d = toDec(value);
  if (d === null) throw new Error(`not a decimal: ${JSON.stringify(value)}`);
  return d;
}

export type RoundMode = 'half-up' | 'half-even' | 'down' | 'up';

const MODES: Record<RoundMode, Rounding> = {
  'half-up': Dec.ROUND_HALF_UP,
  'half-even': Dec.ROUND_HALF_EVEN,
  down: Dec.ROUND_DOWN,
  up: Dec.ROUND_UP,
};

/** Rounds to `places` decimals (default mode half-up, 四舍五入). */
export function roundDec(d: Dec, places: number, mode: RoundMode = 'half-up'): Dec {
  return d.toDecimalPlaces(places, MODES[mode]);
}

/** The smaller of two finite numbers (Dec.min without its argument list: scoring calls it per leaf). */
export function lesser(a: Dec, b: Dec): Dec {
  return b.lt(a) ? b : a;
}

/** The larger of two finite numbers (Dec.max without its argument list). */
export function greater(a: Dec, b: Dec): Dec {
  return b.gt(a) ? b : a;
}

/** Plain decimal string without exponent or trailing zeros: 5.7300 → "5.73", 6 → "6". */
export function plain(d: Dec): string {
  // toString drops trailing zeros and writes −0 as "0"; it uses an exponent only below 1e−30 and from
  // 1e40 (a small value lies between 2^−53 and 2^53), where toFixed() writes the same digits without one
  const s = d.toString();
  return d.b === null || !s.includes('e') ? s : d.toFixed();
}
