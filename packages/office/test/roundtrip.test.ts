/**
 * Round trips: the template of a scheme, filled programmatically with a golden case's facts (as a user
 * types them: numbers, 是/否, 100%), imported again, gives the same score sheet as the golden case — for a
 * department case (with one amount entered in 元 instead of the scheme's 万元) and for a project workbook
 * holding several projects, one block each.
 */
import { describe, expect, it } from 'vitest';
import type { CaseDoc, Scheme, TargetRowT } from '@jixiao/engine';
import { importWorkbook, SHEETS, templateWorkbook } from '../src/index.ts';
import { BLOCK, BLOCK_SIDE, FACT_COL, REVIEW_COL, ROW_COL } from '../src/layout.ts';
import { readdirSync } from 'node:fs';
import { bytesOf, readJson, rowOf, SCHEMES, sheetOf, sourceOf, typed, valueOf } from './support.ts';

const DEPARTMENTS = [
  ['shenzhen-department/2021.json', 'shenzhen-department/cases/2021/shenzhen-ccpit.json'],
  ['shenzhen-department/2024.json', 'shenzhen-department/cases/2024/shenzhen-commerce.json'],
  ['futian-department/2020.json', 'futian-department/cases/2020/futian-investment-promotion.json'],
] as const;

describe('department: template → filled with a golden case → import → the same score sheet', () => {
  for (const [schemeFile, caseFile] of DEPARTMENTS) {
    it(caseFile, async () => {
      const scheme = readJson<Scheme>(schemeFile);
      const golden = readJson<CaseDoc>(caseFile);
      const wb = templateWorkbook(scheme);
      const facts = wb.getWorksheet(SHEETS.facts)!;
      facts.getCell(rowOf(facts, FACT_COL.id, '#name'), FACT_COL.value).value = golden.name;
      facts.getCell(rowOf(facts, FACT_COL.id, '#department'), FACT_COL.value).value = golden.department ?? null;
      facts.getCell(rowOf(facts, FACT_COL.id, '#id'), FACT_COL.value).value = golden.id;
      facts.getCell(rowOf(facts, FACT_COL.id, '#year'), FACT_COL.value).value = golden.year;
      for (const [id, f] of Object.entries(golden.facts)) {
        const r = rowOf(facts, FACT_COL.id, id);
        facts.getCell(r, FACT_COL.value).value = typed(valueOf(f));
        const source = sourceOf(f);
        if (source) facts.getCell(r, FACT_COL.source).value = source;
      }
      // 部门预算总规模 written in 元 with its unit changed: 4,299万元 = 42,990,000元 (1万元 = 10,000元)
      const budget = rowOf(facts, FACT_COL.id, '部门预算总规模');
      const inWan = Number(valueOf(golden.facts['部门预算总规模']));
      facts.getCell(budget, FACT_COL.value).value = inWan * 10000;
      facts.getCell(budget, FACT_COL.unit).value = '元';
      const review = wb.getWorksheet(SHEETS.reviewer)!;
      for (const [key, e] of Object.entries(golden.reviewer ?? {})) {
        const r = rowOf(review, REVIEW_COL.key, key);
        review.getCell(r, REVIEW_COL.score).value = Number(e.score);
        review.getCell(r, REVIEW_COL.reason).value = e.reason;
        if (e.basis) review.getCell(r, REVIEW_COL.basis).value = e.basis === 'judgement' ? '酌情评分' : '报告未披露';
      }

      const result = await importWorkbook(scheme, await bytesOf(wb));
      expect(result.problems).toEqual([]);
      expect(result.cases).toHaveLength(1);
      const doc = result.cases[0]!.doc;
      // a case the import creates says which format wrote it: the current one, first in the file
      expect(Object.entries(doc)[0]).toEqual(['formatVersion', 1]);
      expect(doc.id).toBe(golden.id);
      expect(doc.name).toBe(golden.name);
      expect(doc.reviewer).toEqual(Object.fromEntries(Object.entries(golden.reviewer ?? {}).map(([k, e]) => [k, { ...e, score: String(e.score) }])));
      expect(sourceOf(doc.facts['满意度'])).toBe(sourceOf(golden.facts['满意度']));
      expect(sheetOf(scheme, doc)).toEqual(sheetOf(scheme, golden));
    });
  }
});

/** Fills one block per golden project, as a user types them; 一级/二级 left blank where the row above has them. */
function fillProjects(scheme: Scheme, ws: import('exceljs').Worksheet, goldens: CaseDoc[]): void {
  let top = 1;
  for (const g of goldens) {
    top = rowOf(ws, 1, BLOCK.name, top);
    ws.getCell(top, 2).value = g.name;
    ws.getCell(top, BLOCK_SIDE.valueCol).value = g.department ?? null;
    ws.getCell(top + 1, 2).value = g.id;
    const funds = rowOf(ws, 1, BLOCK.fundsRow, top);
    const head = funds - 1;
    for (let c = 2; c <= 4; c++) {
      const id = scheme.inputs.find((i) => i.label === ws.getCell(head, c).value)!.id;
      ws.getCell(funds, c).value = typed(valueOf(g.facts[id]));
      ws.getCell(funds + 1, c).value = sourceOf(g.facts[id]);
    }
    let r = rowOf(ws, 1, BLOCK.rowsHead, top) + 1;
    let prev: TargetRowT | undefined;
    for (const row of valueOf(g.facts['rows']) as TargetRowT[]) {
      // the same 一级/二级 as the row above left blank, as the official table merges them
      ws.getCell(r, ROW_COL.level1).value = prev?.level1 === row.level1 ? null : row.level1;
      ws.getCell(r, ROW_COL.level2).value = prev?.level2 === row.level2 && prev?.level1 === row.level1 ? null : row.level2;
      ws.getCell(r, ROW_COL.level3).value = row.level3;
      ws.getCell(r, ROW_COL.target).value = row.target;
      ws.getCell(r, ROW_COL.actual).value = row.actual;
      ws.getCell(r, ROW_COL.points).value = Number(row.points);
      ws.getCell(r, ROW_COL.selfScore).value = row.selfScore === undefined ? null : Number(row.selfScore);
      ws.getCell(r, ROW_COL.deviation).value = row.deviation ?? null;
      prev = row;
      r++;
    }
    top = r;
  }
}

const PROJECTS = ['01-fund-foreign-trade', '07-admin-support', '25-fie-rights-station', '37-official-travel-abroad'];

describe('project family: several projects in one workbook, one block each', () => {
  it('imports four golden projects as four cases with their score sheets', async () => {
    const scheme = readJson<Scheme>('shenzhen-project/2020.json');
    const goldens = PROJECTS.map((p) => readJson<CaseDoc>(`shenzhen-project/cases/2020/${p}.json`));
    const wb = templateWorkbook(scheme, { projects: 5, rowsPerProject: 30 });
    fillProjects(scheme, wb.getWorksheet(SHEETS.projects)!, goldens);
    const result = await importWorkbook(scheme, await bytesOf(wb));
    expect(result.problems).toEqual([]);
    // the fifth block is left empty: no case for it
    expect(result.cases.map((c) => c.doc.id)).toEqual(goldens.map((g) => g.id));
    result.cases.forEach((c, k) => {
      expect(c.issues).toEqual([]);
      expect(c.doc.name).toBe(goldens[k]!.name);
      expect(sheetOf(scheme, c.doc)).toEqual(sheetOf(scheme, goldens[k]!));
    });
    // seed 001 表7: 6,783,627.10 / 7,908,900.00 = 0.8577… → 0.86 × 10 = 8.6 (hand arithmetic, as the golden test)
    const t7 = sheetOf(scheme, result.cases[1]!.doc);
    expect(t7.nodes.find((n) => n.id === 'funds')!.score).toBe('8.6');
  });

  it('all 57 tables of seed 001 in one workbook give the 57 golden score sheets', async () => {
    const scheme = readJson<Scheme>('shenzhen-project/2020.json');
    const dir = SCHEMES + 'shenzhen-project/cases/2020/';
    const goldens = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => readJson<CaseDoc>(`shenzhen-project/cases/2020/${f}`));
    expect(goldens).toHaveLength(57);
    const wb = templateWorkbook(scheme, { projects: 57, rowsPerProject: 30 });
    fillProjects(scheme, wb.getWorksheet(SHEETS.projects)!, goldens);
    const result = await importWorkbook(scheme, await bytesOf(wb));
    expect(result.problems).toEqual([]);
    expect(result.cases).toHaveLength(57);
    result.cases.forEach((c, k) => expect(sheetOf(scheme, c.doc), goldens[k]!.id).toEqual(sheetOf(scheme, goldens[k]!)));
  });
});
