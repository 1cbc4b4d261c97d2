/**
 * Writing a small exact decimal a / 10^k (a a non-negative safe integer, 0 ≤ k ≤ 15) as text, the way
 * decimal.js writes the same value: no exponent (a < 2^53 < 10^21, so String(a) is plain digits), a
 * leading "0." below one. The sign is the caller's business.
 */

/** a / 10^k without trailing zeros: (573000, 5) → "5.73", (6, 0) → "6", (5, 3) → "0.005". */
export function plainDigits(a: number, k: number): string {
  const s = String(a);
  if (k === 0 || a === 0) return s;
  // trailing zeros of the fraction go (on the text: `%` on large doubles is slow)
  let end = s.length;
  while (k > 0 && s.charCodeAt(end - 1) === 48) {
    end--;
    k--;
  }
  return point(end === s.length ? s : s.slice(0, end), k);
}

/** a / 10^k with exactly `places` ≥ k decimals: (57, 1, 2) → "5.70", (6, 0, 2) → "6.00". */
export function fixedDigits(a: number, k: number, places: number): string {
  const s = point(String(a), k);
  if (places === k) return s;
  return (k === 0 ? `${s}.` : s) + '0'.repeat(places - k);
}

/** Digits s with a decimal point k places from the right ("5", 3 → "0.005"). */
function point(s: string, k: number): string {
  if (k === 0) return s;
  const len = s.length;
  return len > k ? `${s.slice(0, len - k)}.${s.slice(len - k)}` : `0.${'0'.repeat(k - len)}${s}`;
}
