/**
 * 比较符 and the words that stand for them in 年度指标值 texts: "≥1000家", "不少于3个", "100家以上",
 * "24小时内", "前10名", "约100台".
 */
import type { Comparator } from './types.ts';

/** Comparators written before the number, longest first so "大于等于" wins over "大于". */
const PREFIX: ReadonlyArray<readonly [string, Comparator]> = (
  [
    ['≥', '≥'], ['大于等于', '≥'], ['大于或等于', '≥'], ['不少于', '≥'], ['不低于', '≥'], ['不小于', '≥'],
    ['至少', '≥'], ['达到', '≥'], ['高于或等于', '≥'], ['多于或等于', '≥'],
    ['≤', '≤'], ['小于等于', '≤'], ['小于或等于', '≤'], ['不超过', '≤'], ['不高于', '≤'], ['不多于', '≤'],
    ['不大于', '≤'], ['至多', '≤'], ['最多', '≤'], ['控制在', '≤'], ['低于或等于', '≤'],
    ['>', '>'], ['大于', '>'], ['高于', '>'], ['超过', '>'], ['多于', '>'], ['逾', '>'],
    ['<', '<'], ['小于', '<'], ['低于', '<'], ['少于', '<'], ['不足', '<'],
    ['=', '='], ['等于', '='],
  ] as Array<[string, Comparator]>
).sort((a, b) => b[0].length - a[0].length);

/** Comparators written after the value: "100家以上", "24小时内", "10个工作日以内". */
const SUFFIX: ReadonlyArray<readonly [string, Comparator]> = (
  [
    ['及以上', '≥'], ['以上', '≥'], ['或以上', '≥'],
    ['及以下', '≤'], ['以下', '≤'], ['或以下', '≤'], ['以内', '≤'], ['之内', '≤'], ['内', '≤'],
  ] as Array<[string, Comparator]>
).sort((a, b) => b[0].length - a[0].length);

/** Words saying the value is approximate, before ("约100台") or after ("100台左右"). */
const APPROX_PREFIX = ['大约', '约为', '约', '近'] as const;
const APPROX_SUFFIX = ['左右', '上下'] as const;

/** Reads a comparator at the start of `s`; returns it and how many characters it used. */
export function readPrefixComparator(s: string): { comparator: Comparator; length: number } | null {
  for (const [word, comparator] of PREFIX) if (s.startsWith(word)) return { comparator, length: word.length };
  return null;
}

/** Reads a comparator word at the end of `s` ("以上", "内"); returns it and its length. */
export function readSuffixComparator(s: string): { comparator: Comparator; length: number } | null {
  for (const [word, comparator] of SUFFIX) if (s.endsWith(word)) return { comparator, length: word.length };
  return null;
}

/** Reads 约/大约/近 at the start of `s`; returns how many characters it used, 0 when none. */
export function readApproxPrefix(s: string): number {
  for (const w of APPROX_PREFIX) if (s.startsWith(w)) return w.length;
  return 0;
}

/** Reads 左右/上下 at the end of `s`; returns its length, 0 when none. */
export function readApproxSuffix(s: string): number {
  for (const w of APPROX_SUFFIX) if (s.endsWith(w)) return w.length;
  return 0;
}

/** True when the comparator asks for at least the target (≥, >). */
export function isLowerBound(c: Comparator): boolean {
  return c === '≥' || c === '>';
}

/** True when the comparator asks for at most the target (≤, <). */
export function isUpperBound(c: Comparator): boolean {
  return c === '≤' || c === '<';
}
