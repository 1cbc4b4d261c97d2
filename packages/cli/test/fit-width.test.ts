/**
 * `audit` and `batch` fit the terminal's width (issue 13): at 80 columns no line is wider, nothing is
 * lost (each wrapped cell reads back whole), numbers are never cut; `--wide` prints the full width.
 * Widths are display columns: a Chinese character counts two.
 */
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.ts';
import { fitWidths, terminalColumns, wrapCell, wrapLine } from '../src/present/fit.ts';
import { ROOT, tempDir } from './run.ts';

async function run(args: string[], columns: number | null): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, { out: (t) => void (out += t), err: () => {}, errIsTTY: false, cwd: ROOT, columns });
  return { code, out };
}

const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));

/** The text of column `col` of a drawn table, every wrapped line joined back (borders and padding removed). */
function columnText(table: string, col: number): string[] {
  const rows: string[] = [];
  let cur = '';
  for (const line of table.split('\n')) {
    if (line.startsWith('├') || line.startsWith('└')) {
      rows.push(cur);
      cur = '';
      continue;
    }
    if (!line.startsWith('│')) continue;
    cur += (line.split('│')[col + 1] ?? '').trim();
  }
  return rows;
}

describe('fitting to the terminal', () => {
  it('wraps a cell by display width: 深圳市商务局 in 4 columns is 深圳 / 市商 / 务局', () => {
    expect(wrapCell('深圳市商务局', 4)).toBe('深圳\n市商\n务局');
    expect(wrapCell('ab深圳', 3)).toBe('ab\n深\n圳');
  });

  it('narrows the widest text column first and never a number below its widest number', () => {
    // natural widths 20 + 10 + 5, plus 3 per column (padding, border) and 1 border: 45 columns; at 40 the
    // 20-wide text column gives the 5 columns over
    expect(fitWidths(['名称', '说明', '得分'], [['a'.repeat(20), 'b'.repeat(10), '94.56']], [2], 40)).toEqual([15, 10, 5]);
    // at 20: both text columns down to 4, the number column stays 5 (4 + 4 + 5 + 9 + 1 = 23, still over)
    expect(fitWidths(['名称', '说明', '得分'], [['a'.repeat(20), 'b'.repeat(10), '94.56']], [2], 20)).toEqual([4, 4, 5]);
    expect(fitWidths(['名称'], [['短']], [], 40)).toBeNull();
  });

  it('wraps a long line with its continuation indented', () => {
    expect(wrapLine('  - 一二三四五六七八', 12, 2)).toBe('  - 一二三四\n    五六七八');
    expect(wrapLine('短', null)).toBe('短');
  });

  it('reads the width of a terminal, else $COLUMNS, else none', () => {
    expect(terminalColumns({ isTTY: true, columns: 120 }, {})).toBe(120);
    expect(terminalColumns({ isTTY: false }, { COLUMNS: '90' })).toBe(90);
    expect(terminalColumns(undefined, {})).toBeNull();
  });

  it('audit at 80 columns: no line wider, every case name whole, --wide as wide as the data', async () => {
    const fitted = await run(['audit', '--cases', 'schemes/shenzhen-department/cases'], 80);
    expect(fitted.code).toBe(0);
    expect(widest(fitted.out)).toBeLessThanOrEqual(80);
    const table = fitted.out.slice(0, fitted.out.indexOf('└') + 200).split('\n\n')[0]!;
    const names = columnText(table, 1);
    expect(names).toContain('深圳市商务局2024年度部门整体支出绩效自评');
    // the computed totals stay on one line: 94.56 for 商务局 2024 (the seed's golden figure)
    expect(columnText(table, 3)).toContain('94.56');
    const wide = await run(['audit', '--cases', 'schemes/shenzhen-department/cases', '--wide'], 80);
    expect(widest(wide.out)).toBeGreaterThan(80);
  });

  it('batch at 80 columns: no line wider; --wide prints the full table', async () => {
    const out = join(tempDir(), 'r.json');
    const fitted = await run(['batch', '--cases', 'schemes/shenzhen-department/cases', '--out', out], 80);
    expect(fitted.code).toBe(0);
    expect(widest(fitted.out)).toBeLessThanOrEqual(80);
    const wide = await run(['batch', '--cases', 'schemes/shenzhen-department/cases', '--out', out, '--wide'], 80);
    expect(widest(wide.out)).toBeGreaterThan(80);
  });
});
