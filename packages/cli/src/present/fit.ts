/**
 * Fitting text output to the terminal's width (`audit`, `batch`): a table wider than the terminal gets
 * its text columns narrowed — the widest first — and their cells wrapped inside the column, numbers
 * never cut; a long line (a difference's reason) wraps with its continuation indented. Width is measured
 * with string-width, so a Chinese character counts two columns. `--wide` (width null) prints everything
 * on one line per row, as before.
 */
import Table from 'cli-table3';
import stringWidth from 'string-width';
import { textTable } from './table.ts';

/** Narrowest a text column is made (2 Chinese characters); a number column keeps its widest number. */
const MIN_TEXT = 4;

/** Columns of the terminal the output goes to: its width when it is one, else $COLUMNS, else null (no limit). */
export function terminalColumns(stream: { isTTY?: boolean; columns?: number } | undefined, env: NodeJS.ProcessEnv): number | null {
  if (stream?.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  const c = Number(env['COLUMNS']);
  return Number.isInteger(c) && c > 0 ? c : null;
}

/** Widest line of a cell, in terminal columns. */
const cellWidth = (s: string): number => Math.max(0, ...s.split('\n').map((l) => stringWidth(l)));

/**
 * Content widths (without padding) of each column so that the table is at most `width` columns wide:
 * the natural widths when they fit, else the widest shrinkable column narrowed one column at a time.
 * A column in `right` (numbers) shrinks only to its widest body cell (its header wraps); a text column
 * to MIN_TEXT. Returns null when the natural widths fit. May stay wider than `width` when every column
 * is at its minimum.
 */
export function fitWidths(head: string[], rows: string[][], right: number[], width: number): number[] | null {
  const natural = head.map((h, i) => Math.max(cellWidth(h), ...rows.map((r) => cellWidth(r[i] ?? ''))));
  // each column has one space of padding on both sides and one border line; one more border at the end
  const total = (ws: number[]) => ws.reduce((s, w) => s + w + 3, 1);
  if (total(natural) <= width) return null;
  const min = natural.map((n, i) => Math.min(n, right.includes(i) ? Math.max(MIN_TEXT, ...rows.map((r) => cellWidth(r[i] ?? ''))) : MIN_TEXT));
  const ws = natural.slice();
  let over = total(ws) - width;
  while (over > 0) {
    let widest = -1;
    for (let i = 0; i < ws.length; i++) if (ws[i]! > min[i]! && (widest < 0 || ws[i]! > ws[widest]!)) widest = i;
    if (widest < 0) break;
    ws[widest]!--;
    over--;
  }
  return ws;
}

/**
 * A table as `textTable` draws it, fitted to `width` columns (null: no limit). Cells of narrowed columns
 * wrap at any character (Chinese text has no spaces to break at).
 */
export function fittedTable(head: string[], rows: string[][], right: number[], width: number | null, ruleBefore: number[] = []): string {
  const ws = width === null ? null : fitWidths(head, rows, right, width);
  if (ws === null) return textTable(head, rows, right, ruleBefore);
  // cells are wrapped here, by display width (cli-table3's own wrapping counts a Chinese character as one column)
  const wrap = (cells: string[]) => cells.map((c, i) => wrapCell(c, ws[i]!));
  const t = new Table({
    head: wrap(head),
    style: { head: [], border: [], compact: false },
    colAligns: head.map((_, i) => (right.includes(i) ? 'right' : 'left')),
    colWidths: ws.map((w) => w + 2),
    wordWrap: false,
  });
  for (const r of rows) t.push(wrap(r));
  // wrapped rows keep a rule between them, so that each row's lines stay together
  return t.toString();
}

/** A cell's text broken into lines of at most `width` columns (at any character). */
export function wrapCell(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let cur = '';
      let w = 0;
      for (const ch of line) {
        const cw = stringWidth(ch);
        if (w + cw > width && cur) {
          out.push(cur);
          cur = '';
          w = 0;
        }
        cur += ch;
        w += cw;
      }
      out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

/**
 * One line wrapped to `width` columns (null: as it is), continuations indented by `indent` spaces more
 * than the line's own leading spaces. Breaks at any character.
 */
export function wrapLine(text: string, width: number | null, indent = 2): string {
  if (width === null || stringWidth(text) <= width) return text;
  const lead = /^ */.exec(text)![0].length;
  const pad = ' '.repeat(lead + indent);
  const out: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of text) {
    const cw = stringWidth(ch);
    if (w + cw > width && line.trim() !== '') {
      out.push(line.trimEnd());
      line = pad;
      w = pad.length;
    }
    line += ch;
    w += cw;
  }
  if (line.trim() !== '') out.push(line.trimEnd());
  return out.join('\n');
}
