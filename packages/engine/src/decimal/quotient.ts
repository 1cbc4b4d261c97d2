/**
 * How `Dec` (exact.ts) writes a value that is not a short decimal: a quotient N / Q of bigints that does
 * not end (1/3) rounded to 40 significant digits, ROUND_HALF_UP, and any decimal written with the same
 * conventions — no exponent from 1e−30 up to 1e40, exponent notation outside ("1e+40", "7e-400"), no
 * trailing zeros. These are decimal.js's conventions at precision 40 (toExpNeg −30, toExpPos 40), which
 * the engine's sheets have always used; test/quotient-text.test.ts checks the quotients against it.
 */
import { pow10Big } from './int-ops.ts';

/** Significant digits of every rounded result of decimal.js, as the engine configures it. */
export const PRECISION = 40;

const TEN_39 = 10n ** 39n;
const TEN_40 = 10n ** 40n;

/** The last rounding of roundQuotient: |N / Q| ≈ m · 10^exp with 10^39 ≤ m < 10^40. */
export const ROUNDED40 = { m: 0n, exp: 0 };

/**
 * Rounds |N| / Q (N ≠ 0, Q > 0) to 40 significant digits, ROUND_HALF_UP, into ROUNDED40 (exact when
 * the quotient has at most 40 significant digits). One bigint division; the magnitude is estimated
 * from the quotient of the two as doubles and corrected by one digit where the estimate is off.
 */
export function roundQuotient(N: bigint, Q: bigint): void {
  const A = N < 0n ? -N : N;
  // the exponent of the quotient's first digit, from doubles when both are finite as doubles
  const ratio = Number(A) / Number(Q);
  const e = ratio > 0 && ratio < Infinity ? Math.floor(Math.log10(ratio)) : A.toString().length - Q.toString().length;
  let s = PRECISION - 1 - e;
  const num = s > 0 ? A * pow10Big(s) : A;
  let den = s < 0 ? Q * pow10Big(-s) : Q;
  let m = num / den;
  let r = num - m * den;
  if (m >= TEN_40) {
    // one digit too many: the last joins the remainder
    const last = m % 10n;
    m /= 10n;
    r += last * den;
    den *= 10n;
    s--;
  } else if (m < TEN_39) {
    // one too few: the next digit of the quotient
    r *= 10n;
    const d = r / den;
    m = m * 10n + d;
    r -= d * den;
    s++;
  }
  if (2n * r >= den) {
    m++;
    if (m === TEN_40) {
      m = TEN_39;
      s--;
    }
  }
  ROUNDED40.m = m;
  ROUNDED40.exp = -s;
}

/**
 * N / Q (N ≠ 0, Q > 0) as its 40 significant digits (ROUND_HALF_UP) written by `writeDecimal`:
 * "0.3333…" (40 threes), "1.000…001e+40", no trailing zeros — as decimal.js writes its quotient.
 */
export function quotientText(N: bigint, Q: bigint): string {
  roundQuotient(N, Q);
  // e: the exponent of the first digit
  return writeDecimal(N < 0n, ROUNDED40.m.toString(), ROUNDED40.exp + PRECISION - 1);
}

/** Beyond these exponents of the first digit, text uses exponent notation (decimal.js's toExpNeg, toExpPos). */
const EXP_NEG = -30;
const EXP_POS = 40;

/**
 * The decimal ±0.d1d2d3… × 10^(e+1) — `digits` without leading zeros (trailing ones are dropped here),
 * `e` the exponent of the first digit — as text: plain from 1e−30 up to 1e40 ("0.005", "1200"),
 * exponent notation outside ("1.5e+40", "7e-400").
 */
export function writeDecimal(negative: boolean, digits: string, e: number): string {
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  if (end < digits.length) digits = digits.slice(0, end);
  const sign = negative ? '-' : '';
  if (e <= EXP_NEG || e >= EXP_POS) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${e < 0 ? '' : '+'}${e}`;
  }
  return sign + plainText(digits, e);
}

/** The same decimal without exponent whatever its size (toFixed()): "0.000…0005", "15000…0". */
export function writePlain(negative: boolean, digits: string, e: number): string {
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  if (end < digits.length) digits = digits.slice(0, end);
  return (negative ? '-' : '') + plainText(digits, e);
}

function plainText(digits: string, e: number): string {
  if (e < 0) return `0.${'0'.repeat(-e - 1)}${digits}`;
  if (digits.length > e + 1) return `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  return digits + '0'.repeat(e + 1 - digits.length);
}
