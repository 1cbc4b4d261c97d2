/**
 * What the 填报模板 says of a percent is what the import does. Each form a 满意度 of 95% can take in the workbook,
 * through `importWorkbook`, scored by a tier as seed 000 scores it ("满意度≥95%的，得6分"; below, 4 分 here):
 * - the template's value cell is percent-formatted (0.00%): 95, 95% or 0.95 typed there in Excel/WPS is stored
 *   as the number 0.95 and shown 95.00% → 95%;
 * - "95%" as text → 95%;
 * - a plain (常规) cell holding the number 95, or the text "95" → percent points, as the editor's percent field: 95%;
 * - a plain cell holding 0.95 → 0.95% (4 分), with a warning naming 95 — as the editor warns under its field.
 */
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import type { CaseDoc, Scheme } from '@jixiao/engine';
import { importWorkbook, SHEETS, templateWorkbook } from '../src/index.ts';
import { FACT_COL } from '../src/layout.ts';
import { percentPointsWarning, percentValue } from '../../editor/src/model/case-form.ts';
import { bytesOf, load, rowOf, sheetOf } from './support.ts';

const SCHEME = {
  id: 'percent-test',
  family: 'percent-test',
  title: '百分比测试方案',
  jurisdiction: '测试',
  year: 2024,
  version: '1',
  status: 'draft',
  totalPoints: 6,
  rounding: { places: 2, mode: 'half-up', stages: ['leaf', 'total'] },
  grades: [{ grade: '合格', min: 0, minInclusive: true }],
  inputs: [{ id: '满意度', label: '服务对象满意度', type: 'percent', min: 0, max: 1 }],
  indicators: [
    {
      id: 'sat',
      name: '满意度',
      points: 6,
      rule: { kind: 'tiers', metric: '满意度', tiers: [{ min: 0.95, minInclusive: true, score: 6 }, { max: 0.95, maxInclusive: false, score: 4 }] },
    },
  ],
} as unknown as Scheme;

/** The template with 满意度's value cell set by `fill`; the import's result, the cell's address and the case. */
async function imported(fill: (cell: ExcelJS.Cell) => void) {
  const wb = await load(await bytesOf(templateWorkbook(SCHEME)));
  const facts = wb.getWorksheet(SHEETS.facts)!;
  facts.getCell(rowOf(facts, FACT_COL.id, '#name'), FACT_COL.value).value = '测试局';
  facts.getCell(rowOf(facts, FACT_COL.id, '#department'), FACT_COL.value).value = '测试局';
  const cell = facts.getCell(rowOf(facts, FACT_COL.id, '满意度'), FACT_COL.value);
  fill(cell);
  const r = await importWorkbook(SCHEME, await bytesOf(wb));
  const doc = r.cases[0]!.doc as CaseDoc;
  return { r, cell: cell.address, value: doc.facts['满意度'], score: () => sheetOf(SCHEME, doc).total };
}

/** A plain (常规) cell: the number format the template set is taken off, as pasting from elsewhere does. */
const plain = (v: ExcelJS.CellValue) => (c: ExcelJS.Cell) => {
  c.numFmt = 'General';
  c.value = v;
};

describe('a percent fact through the import', () => {
  it('the template’s cell is percent-formatted, and says 填 95 或 95%', async () => {
    const wb = await load(await bytesOf(templateWorkbook(SCHEME)));
    const facts = wb.getWorksheet(SHEETS.facts)!;
    const row = rowOf(facts, FACT_COL.id, '满意度');
    expect(facts.getCell(row, FACT_COL.value).numFmt).toBe('0.00%');
    expect(String(facts.getCell(row, FACT_COL.note).value)).toContain('填 95 或 95%（均为 95%），以单元格显示的百分数为准');
    expect(String(facts.getCell(2, 1).value)).toContain('百分比填 95 或 95%（均为 95%）');
    expect(String(facts.getCell(2, 1).value)).not.toContain('0.95');
  });

  it('a percent-formatted cell holding 0.95 (95, 95% or 0.95 typed there; shown 95.00%) → 95%, 6 分', async () => {
    const { r, value, score } = await imported((c) => (c.value = 0.95));
    expect(r.problems).toEqual([]);
    expect(value).toBe('0.95');
    expect(score()).toBe('6');
  });

  it('"95%" as text → 95%, 6 分', async () => {
    const { r, value, score } = await imported((c) => (c.value = '95%'));
    expect(r.problems).toEqual([]);
    expect(value).toBe('0.95');
    expect(score()).toBe('6');
  });

  it('the number 95 in a plain cell → 95% (stored "95%", as the editor stores 95), 6 分; the text "95" too', async () => {
    for (const fill of [plain(95), plain('95')]) {
      const { r, value, score } = await imported(fill);
      expect(r.problems).toEqual([]);
      expect(value).toBe('95%');
      expect(value).toBe(percentValue('95'));
      expect(score()).toBe('6');
    }
  });

  it('0.95 in a plain cell is 0.95% as in the editor (4 分), with a warning at the cell naming 95', async () => {
    const { r, cell, value, score } = await imported(plain(0.95));
    expect(value).toBe('0.95%');
    expect(value).toBe(percentValue('0.95'));
    expect(score()).toBe('4');
    expect(r.problems.map((p) => [p.cell, p.code, p.severity])).toEqual([[cell, 'office-percent-points', 'warning']]);
    expect(r.problems[0]!.message).toBe(`事实表!${cell}：“服务对象满意度”填的是 0.95，按 0.95% 导入；若指 95%，请填 95 或 95%`);
    // the editor's warning under its field names the same 95
    expect(percentPointsWarning('0.95')).toBe('0.95 即 0.95%；若指 95%，请填 95');
  });

  it('a percent-formatted cell holding 95 shows 9500.00% and is refused by the fact’s range (0%–100%)', async () => {
    const { r, cell } = await imported((c) => (c.value = 95));
    expect(r.problems.filter((p) => p.cell === cell && p.severity === 'error')).toHaveLength(1);
  });

  it('text that is no number is refused at its cell', async () => {
    const { r, cell } = await imported(plain('九成五'));
    expect(r.problems.map((p) => [p.cell, p.code])).toEqual([[cell, 'office-cell-number']]);
  });
});
