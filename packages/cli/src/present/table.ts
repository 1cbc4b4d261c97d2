/**
 * Aligned terminal tables (cli-table3). Width is measured by cli-table3 with string-width, so Chinese
 * characters count double and columns line up. No colours: output is the same on a terminal and in a pipe.
 */
import Table from 'cli-table3';

/**
 * Renders rows under a header, with a rule under the header and none between body rows.
 * @param right indexes of columns to right-align (numbers).
 * @param ruleBefore indexes of body rows that get a rule above them (e.g. a total line).
 */
export function textTable(head: string[], rows: string[][], right: number[] = [], ruleBefore: number[] = []): string {
  const t = new Table({
    head,
    style: { head: [], border: [], compact: false },
    colAligns: head.map((_, i) => (right.includes(i) ? 'right' : 'left')),
    wordWrap: false,
  });
  for (const r of rows) t.push(r);
  let sep = -1;
  return t
    .toString()
    .split('\n')
    .filter((line) => {
      if (!line.startsWith('├')) return true;
      sep++;
      return sep === 0 || ruleBefore.includes(sep);
    })
    .join('\n');
}
