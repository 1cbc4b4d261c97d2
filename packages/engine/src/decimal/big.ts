/**
 * The big side of `Dec` (exact.ts): decimal.js configured as the engine always had it, and exact
 * conversions of small values into it.
 */
import DecimalBase from 'decimal.js';

/** decimal.js as the engine configures it: 40 significant digits, ROUND_HALF_UP, no exponent in toString from 1e−30 to 1e40. */
export const Big = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Big = InstanceType<typeof Big>;

/** Big's precision: significant digits of every rounded result. */
export const PRECISION = 40;

const TEN_TO_PRECISION = 10n ** BigInt(PRECISION);
const POW10N: bigint[] = [];

/** 10^k as a bigint (k ≥ 0), cached. */
function pow10n(k: number): bigint {
  let p = POW10N[k];
  if (p === undefined) POW10N[k] = p = 10n ** BigInt(k);
  return p;
}

/**
 * N / Q (bigints, Q > 0) rounded to 40 significant digits, ROUND_HALF_UP, as a Big — the value
 * decimal.js gives for new Big(N).div(Q), correctly rounded as its division is; exact when N / Q has
 * at most 40 significant digits. Zero is +0. Costs one bigint division and one decimal.js parse, a
 * fraction of decimal.js's long division.
 */
export function bigFromRational(N: bigint, Q: bigint): Big {
  if (N === 0n) return new Big(0);
  const neg = N < 0n;
  const A = neg ? -N : N;
  // With d = digits(A) − digits(Q), A / Q lies in [10^(d−1), 10^(d+1)); scaled by 10^s, s = 40 − d,
  // its integer part m has 40 or 41 digits.
  const s = PRECISION - (A.toString().length - Q.toString().length);
  let num = A;
  let den = Q;
  if (s > 0) num *= pow10n(s);
  else if (s < 0) den *= pow10n(-s);
  let m = num / den;
  let r = num - m * den;
  let exp = -s;
  if (m >= TEN_TO_PRECISION) {
    // 41 digits: the last one joins the remainder
    const last = m % 10n;
    m /= 10n;
    r += last * den;
    den *= 10n;
    exp++;
  }
  if (2n * r >= den) m++;
  return new Big(`${neg ? '-' : ''}${m}e${exp}`);
}
