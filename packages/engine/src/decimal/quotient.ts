/**
 * A quotient N / Q of bigints rounded to 40 significant digits, ROUND_HALF_UP — the value decimal.js
 * (precision 40) gives for new Decimal(N).div(Q), correctly rounded as its division is — and written
 * as decimal.js writes it, without building a Decimal: how `Dec` (exact.ts) writes an exact value that
 * is not a short decimal.
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
  let num = s > 0 ? A * pow10Big(s) : A;
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
 * N / Q (N ≠ 0, Q > 0) as decimal.js writes its 40-digit quotient (toString, with the engine's
 * toExpNeg −30 and toExpPos 40): "0.3333…" (40 threes), "1.000…001e+40", no trailing zeros.
 */
export function quotientText(N: bigint, Q: bigint): string {
  roundQuotient(N, Q);
  let digits = ROUNDED40.m.toString();
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) end--;
  if (end < digits.length) digits = digits.slice(0, end);
  // e: the exponent of the first digit
  const e = ROUNDED40.exp + PRECISION - 1;
  const sign = N < 0n ? '-' : '';
  if (e <= -30 || e >= 40) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${e < 0 ? '' : '+'}${e}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  if (digits.length > e + 1) return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  return sign + digits + '0'.repeat(e + 1 - digits.length);
}
