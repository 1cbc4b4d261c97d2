/**
 * The decimal.js side of `Dec` (exact.ts): decimal.js configured as the engine always had it, and the
 * ways between it and exact values — a decimal exactly, any other quotient as its 40-digit rounding,
 * the value decimal.js's own division would give (not what decimal.js would give for a chain of
 * operations, which it rounds at every step: there the exact value is the right one).
 */
import DecimalBase from 'decimal.js';
import { MAX_POW10, pow10Exp } from './int-ops.ts';
import { parseDecimalText } from './parse.ts';
import { PRECISION, ROUNDED40, roundQuotient } from './quotient.ts';

/**
 * decimal.js as the engine has always configured it: 40 significant digits, ROUND_HALF_UP, no exponent
 * in toString from 1e−30 to 1e40.
 */
export const Big = DecimalBase.clone({ precision: PRECISION, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Big = InstanceType<typeof Big>;

/**
 * N / Q (bigints, Q > 0) rounded to 40 significant digits, ROUND_HALF_UP, as a Big — the value
 * decimal.js gives for new Big(N).div(Q), correctly rounded as its division is (see quotient.ts);
 * exact when N / Q has at most 40 significant digits. Zero is +0.
 */
export function bigFromRational(N: bigint, Q: bigint): Big {
  if (N === 0n) return new Big(0);
  roundQuotient(N, Q);
  return new Big(`${N < 0n ? '-' : ''}${ROUNDED40.m}e${ROUNDED40.exp}`);
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
