/**
 * Exact decimal numbers for every score, amount and rate (decimal.js), and how they are shown the way
 * finance staff write them (93.48, 99.81%, 1,039,209,201.00 元).
 */
import DecimalBase from 'decimal.js';

/** The engine's Decimal: 40 significant digits, so no ratio of real budgets loses a cent. */
export const Dec = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

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

/** Like toDec, for values the JSON Schema already guaranteed to be numbers. */
export function dec(value: unknown): Dec {
  const d = toDec(value);
  if (d === null) throw new Error(`not a decimal: ${JSON.stringify(value)}`);
  return d;
}

export type RoundMode = 'half-up' | 'half-even' | 'down' | 'up';

const MODES: Record<RoundMode, DecimalBase.Rounding> = {
  'half-up': DecimalBase.ROUND_HALF_UP,
  'half-even': DecimalBase.ROUND_HALF_EVEN,
  down: DecimalBase.ROUND_DOWN,
  up: DecimalBase.ROUND_UP,
};

/** Rounds to `places` decimals (default mode half-up, 四舍五入). */
export function roundDec(d: Dec, places: number, mode: RoundMode = 'half-up'): Dec {
  return d.toDecimalPlaces(places, MODES[mode]);
}

/** Chinese name of a rounding, for traces: "保留2位小数（四舍五入）". */
export function roundingText(places: number, mode: RoundMode = 'half-up'): string {
  const m = { 'half-up': '四舍五入', 'half-even': '银行家舍入', down: '截断', up: '进一' }[mode];
  return `保留${places}位小数（${m}）`;
}

/** Plain decimal string without exponent or trailing zeros: 5.7300 → "5.73", 6 → "6". */
export function plain(d: Dec): string {
  // Dec is configured (toExpNeg -30, toExpPos 40) so toString never uses an exponent for amounts
  // we meet; it already drops trailing zeros. Fall back to toFixed for anything outside that range.
  const s = d.toString();
  if (!s.includes('e')) return s === '-0' ? '0' : s;
  const f = d.toFixed();
  return f.includes('.') ? f.replace(/0+$/, '').replace(/\.$/, '') : f;
}

/** A score as shown on a sheet: at least the scheme's places ("5.70", "6.00" with places 2). */
export function showScore(d: Dec, places = 2): string {
  const exact = plain(d);
  const decimals = exact.includes('.') ? exact.split('.')[1]!.length : 0;
  return d.toFixed(Math.max(decimals, places));
}

/** A fraction shown as a percent with up to `places` decimals: 0.93137 → "93.14%", 1 → "100%". */
export function showPercent(d: Dec, places = 2): string {
  const pct = d.times(100);
  const r = roundDec(pct, places);
  return `${r.eq(pct) ? plain(pct) : plain(r)}%`;
}

/** Money with thousands separators and 2 decimals: 1039209201 → "1,039,209,201.00". */
export function showMoney(d: Dec): string {
  const [int, frac] = d.toFixed(2).split('.');
  const neg = int!.startsWith('-');
  const digits = neg ? int!.slice(1) : int!;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/**
 * A number in an arithmetic line: exact if short, else rounded to 6 places with "≈". Takes a Dec or a
 * decimal string (as the score sheet carries them); other text is returned unchanged.
 */
export function showNumber(value: Dec | string, maxPlaces = 6): string {
  const d = typeof value === 'string' ? (DECIMAL_TEXT.test(value.trim()) ? new Dec(value.trim()) : null) : value;
  if (d === null) return String(value);
  const exact = plain(d);
  const decimals = exact.includes('.') ? exact.split('.')[1]!.length : 0;
  return decimals <= maxPlaces ? exact : `≈${plain(roundDec(d, maxPlaces))}`;
}
