/** What the display functions take: a Dec, or a decimal string as the score sheet carries them ("5.7", "-0.25"). */
import { Dec } from '../decimal/exact.ts';

/** A number to show: the engine's Dec, or a decimal string of a sheet. */
export type Shown = Dec | string;

const DECIMAL_TEXT = /^[-+]?[0-9]+(\.[0-9]+)?$/;

/** The Dec of a shown value, or null for text that is not a plain decimal ("", "是", "93.14%"). */
export function readShown(value: Shown): Dec | null {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return DECIMAL_TEXT.test(t) ? new Dec(t) : null;
}

/** Decimal places of the exact decimal text of d ("5.73" → 2, "6" → 0); Infinity for a quotient that does not end. */
export function decimalsOf(d: Dec): number {
  if (d.b === null) {
    // small: q is 10^k for a decimal
    let q = d.q;
    let k = 0;
    while (q > 1 && q % 10 === 0) {
      q /= 10;
      k++;
    }
    if (q === 1) return d.n === 0 ? 0 : trimmed(d.n, k);
  }
  // in lowest terms a decimal's denominator is 2^a·5^b, and it has max(a, b) places
  let { d: r } = d.toFraction();
  let twos = 0;
  let fives = 0;
  while (r % 2n === 0n) {
    r /= 2n;
    twos++;
  }
  while (r % 5n === 0n) {
    r /= 5n;
    fives++;
  }
  return r === 1n ? Math.max(twos, fives) : Infinity;
}

/** Places of n / 10^k once trailing zeros of n are dropped. */
function trimmed(n: number, k: number): number {
  let m = Math.abs(n);
  while (k > 0 && m % 10 === 0) {
    m /= 10;
    k--;
  }
  return k;
}
