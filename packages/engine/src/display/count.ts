/**
 * A count in an English line beside the Chinese one: "1 issue", "3 issues" (Chinese needs no plural: "3 个问题").
 * `noun` is the singular; the plural adds "s" (the nouns we count — issue, error, warning, case — all do).
 */
export function countEn(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
