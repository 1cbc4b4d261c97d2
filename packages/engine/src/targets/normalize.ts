/**
 * Text normalisation for 年度指标值 / 实际完成值 cells: full-width digits and symbols to ASCII
 * (NFKC), the comparator and dash variants the PDFs use to one spelling each, spaces removed.
 */

const EXTRA: ReadonlyArray<readonly [RegExp, string]> = [
  [/[≧⩾]/g, '≥'],
  [/[≦⩽]/g, '≤'],
  [/>=/g, '≥'],
  [/<=/g, '≤'],
  [/[−‐‑‒–]/g, '-'], // minus sign and dashes (not the em dash: "—" alone means 不适用)
  [/[×✕]/g, '*'],
  [/[〜～]/g, '~'],
  [/[·•・]/g, '·'],
];

/**
 * Returns the cell text in one spelling: NFKC (１２３→123, ％→%, ＞→>, （→( , ，→,), ≧→≥, >=→≥,
 * minus/dash variants → "-", ×→*, 〜→~, all whitespace removed (the PDFs break cells with spaces:
 * "< 3次", "食品、化妆品、植物油 脂检测").
 */
export function normalizeText(text: string): string {
  let s = text.normalize('NFKC');
  for (const [re, to] of EXTRA) s = s.replace(re, to);
  return s.replace(/\s+/g, '');
}
