/**
 * Exact rationals N / Q in bigints: the middle tier of `Dec` (exact.ts), for results of exact operands
 * that leave the safe-integer range of the small tier — a sum of four quotients of money amounts, whose
 * denominators multiply past 2^53; a product of two large amounts; that sum divided by 4 and times 2.
 *
 * Every operation takes bigint numerators and positive bigint denominators and answers exactly: null
 * when the result fits the small tier (it is then in rational.ts's `OUT`, n / q, n safe and q positive
 * safe), else a BigRational (N ≠ 0, Q > 0). Nothing here rounds but `roundExact`, which rounds once.
 *
 * Fractions are not kept in lowest terms: a bigint gcd of two 100-bit numbers costs 2–3 µs (fifty
 * remainder steps at some 50 ns), more than a sheet spends on all its numbers. Common factors are
 * taken out where that is cheap: a sum over equal denominators adds numerators, and one whose
 * denominator divides the other's is scaled up (one bigint remainder to find out); a product cancels
 * its cross factors and a result its common factor where one of the two numbers is a safe integer
 * (one bigint remainder, then a gcd on doubles); and a denominator past 2^256 is reduced by a full
 * gcd, so chains cannot grow without bound. A value has many forms, therefore, and nothing here
 * compares forms: equal denominators are only a shortcut. A result comes back to the small tier when
 * it fits after these reductions.
 */
import { MAX_SAFE, exactDiv, gcd, gcdBig, pow10Big, roundsUp } from './int-ops.ts';
import { OUT } from './rational.ts';

const SAFE = BigInt(MAX_SAFE);

/** Above this a denominator is reduced by a full gcd (see the file comment). */
const REDUCE_ABOVE = 1n << 256n;

/** Powers whose result would pass this many bits are refused (powExact answers undefined). */
const MAX_POW_BITS = 1 << 16;

/** N / Q exactly: N a non-zero bigint, Q a positive one, not both safe integers. Immutable. */
export class BigRational {
  constructor(
    readonly N: bigint,
    readonly Q: bigint,
  ) {}
}

/** Answers the small value n / q (into OUT). */
function small(n: number, q: number): null {
  OUT.n = n;
  OUT.q = q;
  return null;
}

/** gcd(A, s) for a bigint A ≥ 0 and a safe one 0 < s ≤ MAX_SAFE: one bigint remainder, then doubles. */
function gcdWithSafe(A: bigint, s: bigint): bigint {
  const r = A % s;
  return r === 0n ? s : BigInt(gcd(Number(s), Number(r)));
}


/** gcd(|N|, D), D > 0, when one of them is a safe integer; else 1 (not known cheaply). */
function cheapGcd(N: bigint, D: bigint): bigint {
  const A = N < 0n ? -N : N;
  if (D === 1n || A === 1n) return 1n;
  if (D <= SAFE) return gcdWithSafe(A, D);
  if (A <= SAFE) return gcdWithSafe(D, A);
  return 1n;
}

/**
 * The result N / Q (Q > 0, any N): small when it fits after the cheap reductions, else a BigRational.
 * An exact zero is +0 (decimal.js's x − x); callers that need −0 answer it themselves.
 */
export function settle(N: bigint, Q: bigint): BigRational | null {
  if (N === 0n) return small(0, 1);
  const A = N < 0n ? -N : N;
  if (Q === 1n) return A <= SAFE ? small(Number(N), 1) : new BigRational(N, Q);
  if (A <= SAFE) {
    if (Q <= SAFE) return small(Number(N), Number(Q));
    const g = gcdWithSafe(Q, A);
    if (g === 1n) return new BigRational(N, Q);
    return Q / g <= SAFE ? small(Number(N / g), Number(Q / g)) : new BigRational(N / g, Q / g);
  }
  let g = 1n;
  if (Q <= SAFE) g = gcdWithSafe(A, Q);
  else if (Q > REDUCE_ABOVE) g = gcdBig(A, Q);
  if (g === 1n) return new BigRational(N, Q);
  const M = N / g;
  const D = Q / g;
  return (M < 0n ? -M : M) <= SAFE && D <= SAFE ? small(Number(M), Number(D)) : new BigRational(M, D);
}

/**
 * N1/Q1 + N2/Q2: over Q1 when the denominators are equal, over the larger one when the other, a safe
 * integer, divides it (decimals over 10^k, repeated divisors), else over Q1·Q2.
 */
export function addExact(N1: bigint, Q1: bigint, N2: bigint, Q2: bigint): BigRational | null {
  if (Q1 === Q2) return settle(N1 + N2, Q1);
  if (Q2 < Q1 && Q2 <= SAFE && Q1 % Q2 === 0n) return settle(N1 + N2 * (Q1 / Q2), Q1);
  if (Q1 < Q2 && Q1 <= SAFE && Q2 % Q1 === 0n) return settle(N1 * (Q2 / Q1) + N2, Q2);
  return settle(N1 * Q2 + N2 * Q1, Q1 * Q2);
}

/**
 * (N1/Q1)·(N2/Q2), Q1, Q2 > 0 (a division multiplies by the reciprocal, its sign moved up by the
 * caller). Cross factors gcd(N1, Q2) and gcd(N2, Q1) go first where cheap.
 */
export function mulExact(N1: bigint, Q1: bigint, N2: bigint, Q2: bigint): BigRational | null {
  const g1 = cheapGcd(N1, Q2);
  if (g1 !== 1n) {
    N1 /= g1;
    Q2 /= g1;
  }
  const g2 = cheapGcd(N2, Q1);
  if (g2 !== 1n) {
    N2 /= g2;
    Q1 /= g2;
  }
  return settle(N1 * N2, Q1 * Q2);
}

/** Three-way comparison of N1/Q1 and N2/Q2 (Q1, Q2 > 0): 1, −1 or 0. */
export function compareExact(N1: bigint, Q1: bigint, N2: bigint, Q2: bigint): number {
  const s1 = N1 > 0n ? 1 : N1 < 0n ? -1 : 0;
  const s2 = N2 > 0n ? 1 : N2 < 0n ? -1 : 0;
  if (s1 !== s2) return s1 > s2 ? 1 : -1;
  if (Q1 === Q2) return N1 > N2 ? 1 : N1 < N2 ? -1 : 0;
  const a = N1 * Q2;
  const c = N2 * Q1;
  return a > c ? 1 : a < c ? -1 : 0;
}

/**
 * N/Q (Q > 0) rounded to dp ≥ 0 decimal places under rounding mode rm (0…8), exactly: the magnitude m
 * of the result ±m / 10^dp (its sign is N's), or −1 when N/Q is already exact at dp places.
 */
export function roundExact(N: bigint, Q: bigint, dp: number, rm: number): bigint {
  const neg = N < 0n;
  const A = neg ? -N : N;
  const num = dp === 0 ? A : A * pow10Big(dp);
  const m = num / Q;
  const r = num - m * Q;
  if (r === 0n) return -1n;
  const twice = 2n * r;
  return roundsUp(rm, twice < Q ? -1 : twice > Q ? 1 : 0, m, neg) ? m + 1n : m;
}

/**
 * (N/Q)^e for an integer e ≥ 1 (N ≠ 0, Q > 0), by squaring; undefined when the result would pass
 * MAX_POW_BITS bits (the caller refuses it).
 */
export function powExact(N: bigint, Q: bigint, e: number): BigRational | null | undefined {
  const A = N < 0n ? -N : N;
  const bits = 4 * (A > Q ? A : Q).toString(16).length;
  if (bits * e > MAX_POW_BITS) return undefined;
  let rn = 1n;
  let rq = 1n;
  let n = N;
  let q = Q;
  for (;;) {
    if (e & 1) {
      rn *= n;
      rq *= q;
    }
    e >>>= 1;
    if (e === 0) return settle(rn, rq);
    n *= n;
    q *= q;
  }
}

/**
 * n1/q1 + n2/q2 for small values whose sum leaves the small range (rational.ts has tried their lcm):
 * over the larger denominator when the other divides it, else over q1·q2.
 */
export function sumOfSmall(n1: number, q1: number, n2: number, q2: number): BigRational | null {
  if (q1 === q2) return settle(BigInt(n1) + BigInt(n2), BigInt(q1));
  let k = exactDiv(q1, q2);
  if (k === k) return settle(BigInt(n1) + BigInt(n2) * BigInt(k), BigInt(q1));
  k = exactDiv(q2, q1);
  if (k === k) return settle(BigInt(n1) * BigInt(k) + BigInt(n2), BigInt(q2));
  const Q1 = BigInt(q1);
  const Q2 = BigInt(q2);
  return settle(BigInt(n1) * Q2 + BigInt(n2) * Q1, Q1 * Q2);
}

/**
 * (a/b)·(c/d) for small values whose product leaves the small range (rational.ts has tried their cross
 * factors); d may be negative (a division's divisor, as in (a/b) / (d/c)): its sign moves up.
 */
export function productOfSmall(a: number, b: number, c: number, d: number): BigRational | null {
  if (d < 0) {
    c = -c;
    d = -d;
  }
  return settle(BigInt(a) * BigInt(c), BigInt(b) * BigInt(d));
}
