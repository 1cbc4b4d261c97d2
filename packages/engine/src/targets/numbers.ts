/**
 * Numbers as written in the tables: "1,000", "8664.9", "-5.2", "483.5640", with the Chinese
 * multipliers 千/万/百万/千万/亿/万亿 ("≥1.5亿", "≥2.7万亿元"). Input is already normalised
 * (full-width digits are ASCII by now, see normalize.ts).
 */
import { Dec } from '../decimal/exact.ts';

const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;

/** Reads a decimal number at the start of `s` ("1,039,209.5abc" → 1039209.5, length 11), or null. */
export function readNumber(s: string): { value: Dec; length: number } | null {
  const m = NUMBER.exec(s);
  if (!m) return null;
  return { value: new Dec(m[0].replace(/,/g, '').replace(/^\+/, '')), length: m[0].length };
}

/** Multiplier words, longest first. */
const MULTIPLIERS: ReadonlyArray<readonly [string, Dec]> = [
  ['万亿', new Dec('1000000000000')],
  ['千万', new Dec(10000000)],
  ['百万', new Dec(1000000)],
  ['亿', new Dec(100000000)],
  ['万', new Dec(10000)],
  ['千', new Dec(1000)],
];

/** Reads a multiplier word (万, 亿 …) at the start of `s`, or null. */
export function readMultiplier(s: string): { word: string; factor: Dec } | null {
  for (const [word, factor] of MULTIPLIERS) if (s.startsWith(word)) return { word, factor };
  return null;
}
