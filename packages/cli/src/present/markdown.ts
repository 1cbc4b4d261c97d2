/** GitHub-flavoured Markdown tables. */

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/**
 * A Markdown table.
 * @param right indexes of columns to right-align.
 */
export function markdownTable(head: string[], rows: string[][], right: number[] = []): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const sep = head.map((_, i) => (right.includes(i) ? '---:' : '---'));
  return [line(head), `|${sep.map((s) => ` ${s} `).join('|')}|`, ...rows.map(line)].join('\n');
}
