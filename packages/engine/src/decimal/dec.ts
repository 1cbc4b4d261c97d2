/**
 * Exact decimal numbers for every score, amount and rate, and how they are shown the way finance staff
 * write them (93.48, 99.81%, 1,039,209,201.00 元).
 */
import type DecimalBase from 'decimal.js';
import { Dec, type Rounding } from './exact.ts';

/**
 * The engine's number (exact.ts): decimal.js's API; exact rationals (in safe integers, or in bigints
 * where they leave that range) for everything computed from exact decimals, decimal.js (40 significant
 * digits) for what is not exact (x / 0, non-integer powers), so no ratio of real budgets loses a cent.
 */
export { Dec };

/**
 * Test hook: runs fn with every Dec operation done by decimal.js alone (precision 40), as the engine
 * computed before Dec; see reference.ts.
 */
export { withDecimalReference } from './reference.ts';

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

const DECIMAL_TEXT = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * Reads a scheme/case number: a finite JSON number, a decimal string ("0.95", "1,511.77" is NOT
 * accepted here — use facts parsing for that), or a percent string ("95%" → 0.95).
 * @returns the Decimal, or null when the value is not a number in one of those forms.
 */
export function toDec(value: unknown): Dec | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new Dec(value) : null;
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s.endsWith('%')) {
    const body = s.slice(0, -1).trim();
    return DECIMAL_TEXT.test(body) ? new Dec(body).div(100) : null;
  }
  return DECIMAL_TEXT.test(s) ? new Dec(s) : null;
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

/** Chinese name of a rounding, for traces: "保留2位小数（四舍五入）". */
export function roundingText(places: number, mode: RoundMode = 'half-up'): string {
  const m = { 'half-up': '四舍五入', 'half-even': '银行家舍入', down: '截断', up: '进一' }[mode];
  return `保留${places}位小数（${m}）`;
}

/** Plain decimal string without exponent or trailing zeros: 5.7300 → "5.73", 6 → "6". */
export function plain(d: Dec): string {
  // Dec's toString (decimal.js's, with toExpNeg -30 and toExpPos 40) never uses an exponent for
  // amounts we meet; it already drops trailing zeros. A small value (b null) lies between 2^−53 and
  // 2^53 and writes −0 as "0": its text is plain. Fall back to toFixed for anything outside that.
  const s = d.toString();
  if (d.b === null) return s;
  if (!s.includes('e')) return s === '-0' ? '0' : s;
  const f = d.toFixed();
  return f.includes('.') ? f.replace(/0+$/, '').replace(/\.$/, '') : f;
}

/**
 * What the exported show* helpers take: a Dec, or a decimal.js Decimal as callers outside the engine
 * (the command line) compute with; those are read exactly into a Dec.
 */
export type Shown = Dec | DecimalBase;

const asDec = (d: Shown): Dec => (d instanceof Dec ? d : new Dec(d));

/** A score as shown on a sheet: at least the scheme's places ("5.70", "6.00" with places 2). */
export function showScore(shown: Shown, places = 2): string {
  const d = asDec(shown);
  const exact = plain(d);
  const decimals = exact.includes('.') ? exact.split('.')[1]!.length : 0;
  return d.toFixed(Math.max(decimals, places));
}

/** A fraction shown as a percent with up to `places` decimals: 0.93137 → "93.14%", 1 → "100%". */
export function showPercent(d: Shown, places = 2): string {
  const pct = asDec(d).times(100);
  const r = roundDec(pct, places);
  return `${r.eq(pct) ? plain(pct) : plain(r)}%`;
}

/** Money with thousands separators and 2 decimals: 1039209201 → "1,039,209,201.00". */
export function showMoney(d: Shown): string {
  const [int, frac] = asDec(d).toFixed(2).split('.');
  const neg = int!.startsWith('-');
  const digits = neg ? int!.slice(1) : int!;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/**
 * A number in an arithmetic line: exact if short, else rounded to 6 places with "≈". Takes a Dec (or
 * decimal.js Decimal) or a decimal string (as the score sheet carries them); other text is returned unchanged.
 */
export function showNumber(value: Shown | string, maxPlaces = 6): string {
  const d = typeof value === 'string' ? (DECIMAL_TEXT.test(value.trim()) ? new Dec(value.trim()) : null) : asDec(value);
  if (d === null) return String(value);
  const exact = plain(d);
  const decimals = exact.includes('.') ? exact.split('.')[1]!.length : 0;
  return decimals <= maxPlaces ? exact : `≈${plain(roundDec(d, maxPlaces))}`;
}
