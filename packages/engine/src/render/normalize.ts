/**
 * Normalises a criterion text for comparison: Unicode NFKC (full-width → half-width), then whitespace
 * and punctuation removed — only those, so every word, number and comparison sign must match.
 */
export function normalizeCriterion(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}]/gu, '');
}
