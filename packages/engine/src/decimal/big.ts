/**
 * The big side of `Dec` (exact.ts): decimal.js configured as the engine always had it, the exact ways
 * between it and small values, and the sum, product and quotient of small values that leave the
 * safe-integer range: computed exactly in bigints and rounded once to 40 significant digits — what
 * decimal.js gives for decimals, and closer than decimal.js for quotients (which it would have rounded
 * before adding or multiplying them).
 */
import DecimalBase from 'decimal.js';
import { MAX_POW10, POW10, pow10Exp } from './int-ops.ts';
import { parseDecimalText } from './parse.ts';

/** Significant digits of every rounded result of decimal.js, as the engine configures it. */
export const PRECISION = 40;

/**
 * decimal.js as the engine has always configured it: 40 significant digits, ROUND_HALF_UP, no exponent
 * in toString from 1e−30 to 1e40.
 */
export const Big = DecimalBase.clone({ precision: PRECISION, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Big = InstanceType<typeof Big>;

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
 * at most 40 significant digits. Zero is +0. Costs one bigint division and one decimal.js parse: less
 * than half of decimal.js's long division.
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

/**
 * N · 10^−k (N a bigint, k ≥ 0) rounded to 40 significant digits, ROUND_HALF_UP, as a Big: the exact
 * sum or product of two decimals as decimal.js rounds it. Without a division when N has at most 40
 * digits (then it is exact). Zero is +0.
 */
export function bigFromDecimal(N: bigint, k: number): Big {
  const neg = N < 0n;
  const digits = (neg ? -N : N).toString();
  if (digits.length <= PRECISION) return new Big(`${neg ? '-' : ''}${digits}e-${k}`);
  return bigFromRational(N, pow10n(k));
}

/**
 * The small value n / q (exact.ts) as a Big: exact for decimals (q = 10^k), and for other quotients
 * the value decimal.js's own n.div(q) gives. ±0 keeps its sign.
 */
export function bigOf(n: number, q: number): Big {
  if (q === 1 || n === 0) return new Big(n);
  // a decimal: decimal.js's (exact) division is its quickest way in
  return pow10Exp(q) >= 0 ? new Big(n).div(q) : bigFromRational(BigInt(n), BigInt(q));
}

/**
 * Whether a Big is a small exact decimal n / 10^k (n safe, k ≤ 15); if so it is left in PARSED. Only
 * finite values with 10^−16 ≤ |b| < 10^16 (or zero) and at most 16 significant digits (at most 4
 * words of 7 digits in decimal.js's digit array) can be; valueOf writes those without exponent and
 * keeps −0, and the parser checks that the digits fit.
 */
export function narrowBig(b: Big): boolean {
  return b.isFinite() && b.e <= MAX_POW10 && b.e >= -MAX_POW10 - 1 && b.d.length <= 4 && parseDecimalText(b.valueOf());
}

/** n1/q1 + n2/q2 for small values, as a Big (an exact zero is +0, as decimal.js's x − x). */
export function bigSum(n1: number, q1: number, n2: number, q2: number): Big {
  const k1 = pow10Exp(q1);
  const k2 = pow10Exp(q2);
  if (k1 >= 0 && k2 >= 0) {
    // two decimals: over the finer scale, no division
    const k = k1 > k2 ? k1 : k2;
    return bigFromDecimal(BigInt(n1) * BigInt(POW10[k - k1]!) + BigInt(n2) * BigInt(POW10[k - k2]!), k);
  }
  return bigFromRational(BigInt(n1) * BigInt(q2) + BigInt(n2) * BigInt(q1), BigInt(q1) * BigInt(q2));
}

/** (n1/q1)·(n2/q2) for small values, as a Big. */
export function bigProduct(n1: number, q1: number, n2: number, q2: number): Big {
  const N = BigInt(n1) * BigInt(n2);
  const k1 = pow10Exp(q1);
  const k2 = pow10Exp(q2);
  return k1 >= 0 && k2 >= 0 ? bigFromDecimal(N, k1 + k2) : bigFromRational(N, BigInt(q1) * BigInt(q2));
}

/** (n1/q1) / (n2/q2) for small values, n1 and n2 not zero, as a Big. */
export function bigQuotient(n1: number, q1: number, n2: number, q2: number): Big {
  const N = BigInt(n1) * BigInt(q2);
  const Q = BigInt(q1) * BigInt(n2);
  return Q < 0n ? bigFromRational(-N, -Q) : bigFromRational(N, Q);
}
