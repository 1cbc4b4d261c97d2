/**
 * The Excel and Word routes: the template download, the import of a filled workbook (cases and problems by
 * sheet and cell, nothing saved), and a case's official table as .docx and .xlsx — replies checked against
 * the shapes `@jixiao/api` declares. Anchors: 市贸促委 2021 computes 93.18 (the README's audit); seed 001
 * 表7 funds 6,783,627.10 / 7,908,900.00 → 0.86 × 10 = 8.60.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ErrorBody, ImportResponse, XLSX_TYPE } from '@jixiao/api';
import { app, fixture, local, type Fixture } from './helpers.ts';

let fx: Fixture;
let srv: FastifyInstance;
beforeEach(async () => {
  fx = fixture();
  srv = await app(fx.schemes);
});
afterEach(async () => {
  await srv.close();
  fx.cleanup();
});

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('GET template.xlsx', () => {
  it('downloads the scheme’s fill-in workbook with its Chinese name', async () => {
    const r = await srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-department/2024/template.xlsx', headers: local });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe(XLSX_TYPE);
    const named = /filename\*=UTF-8''(.+)$/.exec(String(r.headers['content-disposition']))![1]!;
    expect(decodeURIComponent(named)).toBe(`${String(fx.readJson('shenzhen-department/2024.json')['title'])}-填报模板.xlsx`);
    const wb = await workbook(r.rawPayload);
    expect(wb.getWorksheet('事实表')).toBeDefined();
    expect(wb.getWorksheet('评审表')).toBeDefined();
  });

  it('a project scheme gets the 自评表; an unknown scheme is a 404 in Chinese', async () => {
    const r = await srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-project/2020/template.xlsx', headers: local });
    expect((await workbook(r.rawPayload)).getWorksheet('自评表')).toBeDefined();
    const missing = await srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-project/1999/template.xlsx', headers: local });
    expect(missing.statusCode).toBe(404);
    expect(Value.Check(ErrorBody, missing.json())).toBe(true);
    expect(missing.json().message).toContain('没有找到方案');
  });
});

describe('POST import', () => {
  it('reads a filled project workbook into cases with problems by cell, and saves nothing', async () => {
    const t = await srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-project/2020/template.xlsx', headers: local });
    const wb = await workbook(t.rawPayload);
    const ws = wb.getWorksheet('自评表')!;
    const tops: number[] = [];
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === '项目名称') tops.push(r);
    const [a, b] = tops as [number, number];
    ws.getCell(a, 2).value = '商务事务保障';
    ws.getCell(a, 7).value = '深圳市商务局'; // 主管部门 (the second project names none: a warning at its cell)
    ws.getCell(a + 3, 3).value = 7908900;
    ws.getCell(a + 3, 4).value = 6783627.1;
    ['产出指标', '数量指标', '开展资产清查次数', '=1次', '1次', 90, 90].forEach((v, c) => (ws.getCell(a + 6, c + 1).value = v));
    ws.getCell(b, 2).value = '第二个项目';
    ws.getCell(b + 3, 3).value = '七百万'; // not a number
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await srv.inject({ method: 'POST', url: '/api/schemes/shenzhen-project/2020/import', headers: { ...local, 'content-type': XLSX_TYPE }, payload: bytes });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const body = r.json() as ImportResponse;
    expect([...Value.Errors(ImportResponse, body)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
    expect(body.cases.map((c) => (c.doc as { name: string }).name)).toEqual(['商务事务保障', '第二个项目']);
    expect(body.cases[0]!.issues).toEqual([]);
    const bad = body.problems.find((p) => p.cell === `C${b + 3}`)!;
    expect(bad.sheet).toBe('自评表');
    expect(bad.message.startsWith(`自评表!C${b + 3}：`)).toBe(true);
    expect(bad.messageEn).toContain('must be a number');
    expect(body.problems.filter((p) => p.code !== bad.code).map((p) => [p.severity, `${p.sheet}!${p.cell}`])).toEqual([['warning', `自评表!G${b}`]]);
    // nothing saved: the family still lists its 57 cases
    const list = await srv.inject({ method: 'GET', url: '/api/families/shenzhen-project/cases', headers: local });
    expect(list.json().cases).toHaveLength(57);
  });

  it('bytes that are not a workbook are a problem; an empty body is refused in Chinese', async () => {
    const r = await srv.inject({ method: 'POST', url: '/api/schemes/shenzhen-department/2024/import', headers: { ...local, 'content-type': 'application/octet-stream' }, payload: Buffer.from('不是工作簿') });
    expect(r.statusCode).toBe(200);
    expect((r.json() as ImportResponse).problems.map((p) => p.code)).toEqual(['office-not-workbook']);
    // a browser's File without a type arrives as some other media type: read as bytes all the same
    const plain = await srv.inject({ method: 'POST', url: '/api/schemes/shenzhen-department/2024/import', headers: { ...local, 'content-type': 'text/plain' }, payload: 'x' });
    expect((plain.json() as ImportResponse).problems.map((p) => p.code)).toEqual(['office-not-workbook']);
    const json = await srv.inject({ method: 'POST', url: '/api/schemes/shenzhen-department/2024/import', headers: { ...local, 'content-type': 'application/json' }, payload: '{}' });
    expect(json.statusCode).toBe(400);
    expect(json.json().messageEn).toContain('Upload the .xlsx workbook');
    const empty = await srv.inject({ method: 'POST', url: '/api/schemes/shenzhen-department/2024/import', headers: { ...local, 'content-type': XLSX_TYPE }, payload: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('.xlsx');
  });
});

describe('GET report.docx / report.xlsx', () => {
  it('the 部门整体支出绩效评分表 of 市贸促委 2021 holds its total 93.18', async () => {
    const url = '/api/families/shenzhen-department/cases/2021/shenzhen-ccpit/report';
    const d = await srv.inject({ method: 'GET', url: `${url}.docx`, headers: local });
    expect(d.statusCode).toBe(200);
    expect(d.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    // the case's name already says its year (…2021年度部门整体支出绩效自评): the file name does not repeat it
    expect(decodeURIComponent(String(d.headers['content-disposition']).split("filename*=UTF-8''")[1] ?? '')).toBe('中国国际贸易促进委员会深圳市委员会（市贸促委）2021年度部门整体支出绩效自评-部门整体支出绩效评分表.docx');
    const xml = await (await JSZip.loadAsync(d.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('>93.18<');
    const x = await srv.inject({ method: 'GET', url: `${url}.xlsx`, headers: local });
    const ws = (await workbook(x.rawPayload)).getWorksheet('评分表')!;
    expect(ws.getCell(ws.rowCount - 1, 11).value).toBe(93.18);
  });

  it('the 项目支出绩效自评表 of seed 001 表7 holds its funds score 8.60; a missing case is a 404', async () => {
    const x = await srv.inject({ method: 'GET', url: '/api/families/shenzhen-project/cases/2020/07-admin-support/report.xlsx', headers: local });
    expect(x.statusCode).toBe(200);
    // the file is named with the case's year (2020), so a project's reports of two years are told apart
    expect(decodeURIComponent(String(x.headers['content-disposition']).split("filename*=UTF-8''")[1] ?? '')).toBe('商务运行保障-商务事务保障-2020年度-项目支出绩效自评表.xlsx');
    const ws = (await workbook(x.rawPayload)).getWorksheet('自评表')!;
    // row 2 says 评价年度 and 评价方案, rows 3–4 项目名称 and 主管部门, row 5 the funds' head; 年度资金总额 on row 6, 得分 in column 8 (seed 001's layout)
    expect(ws.getCell(6, 2).value).toBe('年度资金总额');
    expect(ws.getCell(6, 8).value).toBe(8.6);
    const missing = await srv.inject({ method: 'GET', url: '/api/families/shenzhen-project/cases/2020/nope/report.docx', headers: local });
    expect(missing.statusCode).toBe(404);
    expect(Value.Check(ErrorBody, missing.json())).toBe(true);
  });
});
