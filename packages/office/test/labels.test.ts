/**
 * One name for one field: the fill-in workbook and the official tables (Word, Excel) label a case's name and
 * department with the engine's `CASE_FIELD_LABELS`, as the case form and the 打印视图 do — 部门（单位）名称 for the
 * department a 部门整体 evaluation is of, 项目名称 and 主管部门 for a project (seed 001's 自评表 header).
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { CASE_FIELD_LABELS, type CaseDoc, type Scheme } from '@jixiao/engine';
import { reportDocx, reportWorkbook, templateWorkbook, xlsxBytes } from '../src/index.ts';
import { CASE_KEYS, FACT_COL } from '../src/layout.ts';
import { SHEETS } from '../src/model.ts';
import { load, readJson, sheetOf } from './support.ts';

const DEPT = readJson<Scheme>('shenzhen-department/2021.json');
const CCPIT = readJson<CaseDoc>('shenzhen-department/cases/2021/shenzhen-ccpit.json');
const PROJECT = readJson<Scheme>('shenzhen-project/2020.json');
const TABLE7 = readJson<CaseDoc>('shenzhen-project/cases/2020/07-admin-support.json');
/** The line under the heading, written out by hand: the case's year, the scheme's title and (unless the title says it) year. */
const META_2021 = '评价年度：2021年\u3000评价方案：深圳市市级部门整体支出绩效评价指标体系（2021年版）';
const META_2020 = '评价年度：2020年\u3000评价方案：深圳市项目支出绩效自评表（2020年度）';

/** The plain text of a Word document's body. */
async function wordText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('|');
}

describe('the case fields are labelled alike everywhere', () => {
  it('the labels are the field’s terms', () => {
    expect(CASE_FIELD_LABELS).toEqual({
      department: { name: '案例名称', department: '部门（单位）名称', subject: '部门（单位）名称' },
      project: { name: '项目名称', department: '主管部门', subject: '项目名称' },
    });
  });

  it('the 部门整体 template labels its name and department rows so', () => {
    const ws = templateWorkbook(DEPT).getWorksheet(SHEETS.facts)!;
    const labelOf = (key: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, FACT_COL.id).value === key) return ws.getCell(r, FACT_COL.label).value;
      return null;
    };
    expect(labelOf(CASE_KEYS.name.key)).toBe('案例名称');
    expect(labelOf(CASE_KEYS.department.key)).toBe('部门（单位）名称');
  });

  it('a project block heads with 项目名称 and 主管部门', () => {
    const ws = templateWorkbook(PROJECT, { projects: 1, rowsPerProject: 2 }).getWorksheet('自评表')!;
    let top = 0;
    for (let r = 1; r <= ws.rowCount && !top; r++) if (ws.getCell(r, 1).value === '项目名称') top = r;
    expect(top).toBeGreaterThan(0);
    expect(ws.getCell(top, 6).value).toBe('主管部门');
  });

  it('the 部门整体 评分表 heads with 部门（单位）名称 and the case’s department, in Word and in Excel', async () => {
    const input = { doc: CCPIT, sheet: sheetOf(DEPT, CCPIT) };
    const line = '部门（单位）名称：中国国际贸易促进委员会深圳市委员会';
    expect(await wordText(await reportDocx(DEPT, input))).toContain(line);
    const ws = (await load(await xlsxBytes(reportWorkbook(DEPT, input)))).getWorksheet('评分表')!;
    expect(ws.getCell(2, 1).value).toBe(`${line}\u3000${META_2021}`);
  });

  it('the 自评表 heads with 项目名称 and 主管部门, in Word and in Excel', async () => {
    const input = { doc: TABLE7, sheet: sheetOf(PROJECT, TABLE7) };
    // seed 001: 项目名称 … 项目金额 on the first line, 主管部门 … 实施单位 on the second
    expect(await wordText(await reportDocx(PROJECT, input))).toContain(`项目名称|${TABLE7.name}|项目金额|7,925,700.00`);
    expect(await wordText(await reportDocx(PROJECT, input))).toContain('主管部门|深圳市商务局|实施单位|深圳市商务局');
    const ws = (await load(await xlsxBytes(reportWorkbook(PROJECT, input)))).getWorksheet('自评表')!;
    expect(ws.getCell(2, 1).value).toBe(META_2020);
    expect([ws.getCell(3, 1).value, ws.getCell(3, 2).value, ws.getCell(4, 1).value, ws.getCell(4, 2).value]).toEqual(['项目名称', TABLE7.name, '主管部门', '深圳市商务局']);
  });

  it('every official table says its 评价年度 and 评价方案 (with the scheme’s year) in Word and Excel, as the 打印视图 does', async () => {
    const dept = { doc: CCPIT, sheet: sheetOf(DEPT, CCPIT) };
    const project = { doc: TABLE7, sheet: sheetOf(PROJECT, TABLE7) };
    expect(await wordText(await reportDocx(DEPT, dept))).toContain(META_2021);
    expect(await wordText(await reportDocx(PROJECT, project))).toContain(META_2020);
    // the titles of the bundled schemes do not say their year: it follows in brackets
    expect(DEPT.title).not.toContain('2021');
    expect(META_2021).toBe(`评价年度：2021年\u3000评价方案：${DEPT.title}（2021年版）`);
  });
});
