/**
 * Checked arithmetic on small exact rationals n / q — n a safe integer (−0 allowed), q a positive safe
 * integer — the small values of `Dec` (exact.ts), off its inlined fast paths.
 *
 * Each operation either answers exactly into `OUT` (reused: no allocation) and returns true, or returns
 * false because the exact answer does not fit (the caller then goes to bigints). Every
 * intermediate is checked against MAX_SAFE before it is trusted (see int-ops.ts).
 */
import { MAX_POW10, MAX_SAFE, POW10, exactDiv, gcd, pow10Exp, roundDiv } from './int-ops.ts';

/** The last answer: the value OUT.n / OUT.q. */
export const OUT = { n: 0, q: 1 };

const fits = (x: number) => x <= MAX_SAFE && x >= -MAX_SAFE;

function answer(n: number, q: number): true {
  OUT.n = n;
  OUT.q = q;
  return true;
}

/**
 * n1/q1 + n2/q2. Keeps denominators small without gcd where it can: equal denominators add
 * numerators; when one divides the other (decimal scales 1, 10, 100, …) the coarser is scaled up; only
 * unrelated ones (after divisions) go over lcm(q1, q2).
 */
export function addRational(n1: number, q1: number, n2: number, q2: number): boolean {
  if (q1 === q2) {
    const s = n1 + n2;
    return fits(s) && answer(s, q1);
  }
  let a = n1;
  let c = n2;
  let q = q2;
  if (q1 < q2) {
    const k = exactDiv(q2, q1);
    if (k !== k) return addOverLcm(n1, q1, n2, q2);
    a = n1 * k;
  } else {
    const k = exactDiv(q1, q2);
    if (k !== k) return addOverLcm(n1, q1, n2, q2);
    c = n2 * k;
    q = q1;
  }
  const s = a + c;
  return fits(a) && fits(c) && fits(s) && answer(s, q);
}

function addOverLcm(n1: number, q1: number, n2: number, q2: number): boolean {
  const g = gcd(q1, q2);
  const k1 = q2 / g;
  const k2 = q1 / g;
  const q = q1 * k1;
  const a = n1 * k1;
  const c = n2 * k2;
  const s = a + c;
  return q <= MAX_SAFE && fits(a) && fits(c) && fits(s) && answer(s, q);
}

/**
 * (a/b)·(c/d); d may be negative (a division's divisor, as in (a/b) / (d/c)): the sign moves to the
 * numerator. Plain products first; if they overflow, reduced crosswise (gcd(a, d), gcd(c, b)) — unless
 * hopeless, the numerator being too large even divided by all of the denominators.
 */
export function mulRational(a: number, b: number, c: number, d: number): boolean {
  if (d < 0) {
    c = -c;
    d = -d;
  }
  const n = a * c;
  const q = b * d;
  if (fits(n) && q <= MAX_SAFE) return answer(n, q);
  // 2× margin for the rounding of these estimates
  if (Math.abs(n) > 2 * MAX_SAFE * q) return false;
  const g1 = gcd(Math.abs(a), d);
  const g2 = gcd(Math.abs(c), b);
  const rn = (a / g1) * (c / g2);
  const rq = (b / g2) * (d / g1);
  return fits(rn) && rq <= MAX_SAFE && answer(rn, rq);
}

/** (n/q)^e for an integer e ≥ 1, by checked squaring. */
export function powRational(n: number, q: number, e: number): boolean {
  let rn = 1;
  let rq = 1;
  for (;;) {
    if (e & 1) {
      rn *= n;
      rq *= q;
      if (!fits(rn) || rq > MAX_SAFE) return false;
    }
    e >>>= 1;
    if (e === 0) return answer(rn, rq);
    n *= n;
    q *= q;
    if (n > MAX_SAFE || q > MAX_SAFE) return false;
  }
}

/**
 * Three-way comparison of n1/q1 and n2/q2, exactly: integers when the cross products fit, else the
 * quotients as doubles (n/q is the exact quotient correctly rounded, and rounding is monotonic:
 * quotients that differ as doubles differ the same way exactly), and bigint products for a tie.
 */
export function compareRational(n1: number, q1: number, n2: number, q2: number): number {
  if (q1 === q2) return n1 > n2 ? 1 : n1 < n2 ? -1 : 0;
  const a = n1 * q2;
  const c = n2 * q1;
  if (fits(a) && fits(c)) return a > c ? 1 : a < c ? -1 : 0;
  return compareFar(n1, q1, n2, q2);
}

/** compareRational when the cross products overflow (kept apart so that the common path stays small). */
function compareFar(n1: number, q1: number, n2: number, q2: number): number {
  const fx = n1 / q1;
  const fy = n2 / q2;
  if (fx !== fy) return fx > fy ? 1 : -1;
  const A = BigInt(n1) * BigInt(q2);
  const C = BigInt(n2) * BigInt(q1);
  return A > C ? 1 : A < C ? -1 : 0;
}

/** What roundRational did: the value was already exact at those places… */
export const UNCHANGED = 0;
/** …was rounded into OUT… */
export const ROUNDED = 1;
/** …or needs bigints. */
export const OVERFLOW = 2;

/**
 * n/q rounded to dp ≥ 0 decimal places under rounding mode rm (0…8), n ≠ 0, q > 1: into OUT as m / 10^dp,
 * exactly (remainder-checked integer division, see roundDiv). An already exact value is rewritten over
 * 10^dp when that fits, so that it is written as a short decimal.
 */
export function roundRational(n: number, q: number, dp: number, rm: number): number {
  if (dp > MAX_POW10) return pow10Exp(q) >= 0 ? UNCHANGED : OVERFLOW; // 10^k, k ≤ 15 < dp
  const s = POW10[dp]!;
  const up = exactDiv(s, q);
  if (up === up) {
    if (up === 1) return UNCHANGED;
    const m = n * up;
    return fits(m) && answer(m, s) ? ROUNDED : UNCHANGED;
  }
  const neg = n < 0;
  const N = neg ? -n : n;
  let m: number;
  const down = exactDiv(q, s);
  if (down === down) m = roundDiv(N, down, neg, rm);
  else {
    const Ns = N * s;
    if (Ns <= MAX_SAFE) m = roundDiv(Ns, q, neg, rm);
    else {
      // N·s/q = i·s + f·s/q with i, f the integer quotient and remainder of N / q; i·s is an integer,
      // and even (dp ≥ 1 here, as N·s = N ≤ MAX_SAFE for dp = 0), so rounding the fraction f·s/q alone
      // gives the same result in every mode, ROUND_HALF_EVEN included
      const f = N % q;
      const is = ((N - f) / q) * s;
      const fs = f * s;
      m = is <= MAX_SAFE && fs <= MAX_SAFE ? roundDiv(fs, q, neg, rm) + is : NaN;
    }
  }
  return m <= MAX_SAFE && answer(neg ? -m : m, s) ? ROUNDED : OVERFLOW;
}
