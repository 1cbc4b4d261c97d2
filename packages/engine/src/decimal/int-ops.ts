/**
 * Checked integer arithmetic on plain JS numbers, for the small exact values of `Dec` (exact.ts).
 *
 * A double holds every integer of magnitude ≤ Number.MAX_SAFE_INTEGER (2^53 − 1) exactly. Rounding is
 * monotonic, so a sum or product of safe integers computed in doubles is exact if and only if the
 * computed magnitude is ≤ MAX_SAFE: a true result of 2^53 or more can never round below 2^53. Every
 * helper here either answers exactly or says it cannot (`NaN`, `-1`, `false`); none ever guesses.
 * Also what the bigint tier (bigrational.ts, quotient.ts) shares with it: the rounding rule of the
 * nine modes (roundsUp) and powers of ten as bigints.
 */

/** 2^53 − 1: the largest magnitude up to which doubles hold every integer. */
export const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** POW10[k] = 10^k for k = 0…15, the powers of ten that are safe integers (exact doubles). */
export const POW10: readonly number[] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** The largest k with 10^k a safe integer (15). */
export const MAX_POW10 = 15;

const POW10_BIG: bigint[] = [];

/** 10^k as a bigint (k ≥ 0 an integer), cached. */
export function pow10Big(k: number): bigint {
  let p = POW10_BIG[k];
  if (p === undefined) POW10_BIG[k] = p = 10n ** BigInt(k);
  return p;
}

/** k when q = 10^k (0 ≤ k ≤ 15), else −1. `q` is a positive safe integer. */
export function pow10Exp(q: number): number {
  for (let k = 0; k <= MAX_POW10; k++) {
    const p = POW10[k]!;
    if (p === q) return k;
    if (p > q) return -1;
  }
  return -1;
}

/**
 * n / d when d divides n, else NaN (n, d safe integers, d > 0). Without `%`, a slow library call on
 * doubles: for |n| < 2^53 the rounding error of n / d is below 1/d, the least distance from a
 * non-integer quotient to an integer, so the computed quotient is an integer exactly when the true one
 * is (and then it is exact).
 */
export function exactDiv(n: number, d: number): number {
  const k = n / d;
  return Number.isInteger(k) ? k : NaN;
}

/**
 * Greatest common divisor of two non-negative safe integers (Euclid). gcd(0, 0) = 0. A remainder is
 * a − ⌊a / b⌋·b, exact (the floor of a computed quotient below 2^53 is the true floor, see exactDiv,
 * so the product is at most a): `%` on doubles would be a slow library call. Once both are below 2^31
 * the steps run on int32, where `%` is a machine instruction. Only for the fallbacks that keep
 * quotients small.
 */
export function gcd(a: number, b: number): number {
  while (b !== 0) {
    if (a < 0x80000000 && b < 0x80000000) return gcd32(a | 0, b | 0);
    const r = a - Math.floor(a / b) * b;
    a = b;
    b = r;
  }
  return a;
}

function gcd32(a: number, b: number): number {
  while (b !== 0) {
    const r = a % b | 0;
    a = b;
    b = r;
  }
  return a;
}

/** decimal.js rounding modes (the same numbers: ROUND_UP = 0 … ROUND_HALF_FLOOR = 8). */
export const ROUND_UP = 0;
export const ROUND_DOWN = 1;
export const ROUND_CEIL = 2;
export const ROUND_FLOOR = 3;
export const ROUND_HALF_UP = 4;
export const ROUND_HALF_DOWN = 5;
export const ROUND_HALF_EVEN = 6;
export const ROUND_HALF_CEIL = 7;
export const ROUND_HALF_FLOOR = 8;

/**
 * Whether a truncated magnitude m goes up by one under rounding mode `rm`, once a non-zero remainder r
 * of divisor d is known: `half` is the sign of 2r − d (below, at or above the half), `neg` the sign
 * of the value.
 */
export function roundsUp(rm: number, half: number, m: number | bigint, neg: boolean): boolean {
  switch (rm) {
    case ROUND_UP:
      return true;
    case ROUND_DOWN:
      return false;
    case ROUND_CEIL:
      return !neg;
    case ROUND_FLOOR:
      return neg;
    default:
      if (half !== 0) return half > 0;
      // an exact tie
      switch (rm) {
        case ROUND_HALF_UP:
          return true;
        case ROUND_HALF_DOWN:
          return false;
        case ROUND_HALF_EVEN:
          return typeof m === 'bigint' ? m % 2n === 1n : m % 2 === 1;
        case ROUND_HALF_CEIL:
          return !neg;
        default: // ROUND_HALF_FLOOR
          return neg;
      }
  }
}

/**
 * round(N / d) under mode `rm` (0…8) for safe integers N ≥ 0, d > 0, where `neg` is the sign of the
 * value whose magnitude is N / d. Exact: the quotient m = floor(N / d) is checked through its
 * remainder r = N − m·d (exact: m·d ≤ N), and 2r (a power-of-two scaling) is exact, so ties are decided
 * exactly. (`%` would be exact too, but on doubles it is a slow library call.)
 * @returns the rounded magnitude, or NaN if it is not a safe integer.
 */
export function roundDiv(N: number, d: number, neg: boolean, rm: number): number {
  let m = Math.floor(N / d);
  let r = N - m * d;
  // Never taken: the floor is exact for N < 2^53 (see exactDiv). Kept as the check that makes it so.
  if (r < 0) {
    m--;
    r += d;
  } else if (r >= d) {
    m++;
    r -= d;
  }
  if (r === 0) return m;
  const twice = 2 * r;
  if (!roundsUp(rm, twice < d ? -1 : twice > d ? 1 : 0, m, neg)) return m;
  return m + 1 <= MAX_SAFE ? m + 1 : NaN;
}

/** gcd of two bigints ≥ 0 (Euclid; slow on large numbers, so the bigint tier reduces only past a size). */
export function gcdBig(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** The last answer of decimalOf: the value is M / 10^k (M a non-negative safe integer). */
export const DECIMAL = { M: 0, k: 0 };

/**
 * a / q (a ≥ 0, q > 0 safe integers) as a decimal M / 10^k when it is one, in doubles — the small-value
 * version of exact.ts's asDecimal, which needs bigints and a base-16 text of q. q = 2^t·5^f·R with R
 * prime to 10: a / q is a decimal exactly when R divides a, and then M = (a / R)·2^(k−t)·5^(k−f) with
 * k = max(t, f). Every division here is exactDiv (an exact quotient or a sure "does not divide").
 * @returns k ≥ 0 with M in DECIMAL (M may end in zeros); −1 when a / q is not a decimal (1/3); −2 when
 * M would pass MAX_SAFE (the caller then asks the bigint version).
 */
export function decimalOf(a: number, q: number): number {
  let R = q;
  let twos = 0;
  let fives = 0;
  for (let h = R / 2; Number.isInteger(h); h = R / 2) {
    R = h;
    twos++;
  }
  for (let h = exactDiv(R, 5); h === h; h = exactDiv(R, 5)) {
    R = h;
    fives++;
  }
  const m = R === 1 ? a : exactDiv(a, R);
  if (m !== m) return -1;
  const k = twos > fives ? twos : fives;
  // times 2^(k−t) or 5^(k−f) (one of them is 1), by single products: each is exact while M stays safe,
  // and once the true M passes MAX_SAFE the computed one stays above it (rounding is monotonic)
  let M = m;
  for (let j = twos; j < k; j++) M *= 2;
  for (let j = fives; j < k; j++) M *= 5;
  if (M > MAX_SAFE) return -2;
  DECIMAL.M = M;
  DECIMAL.k = k;
  return k;
}
