/**
 * `jixiao template`, `import` and `report`: the workbook written, read back into cases (a department case and
 * several projects into a folder), the official tables as .docx and .xlsx, and mistakes named in Chinese with
 * the English beside, never a stack trace. Anchors: seed 001 表7 funds 6,783,627.10 / 7,908,900.00 → 0.86 ×
 * 10 = 8.60; 市贸促委 2021 total 93.18 (the README's audit).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { compile, factsToEnter } from '@jixiao/engine';
import { jixiao, readJson, ROOT, tempDir } from './run.ts';

const DEPT = join(ROOT, 'schemes/shenzhen-department/2021.json');
const CCPIT = join(ROOT, 'schemes/shenzhen-department/cases/2021/shenzhen-ccpit.json');
const PROJECT = join(ROOT, 'schemes/shenzhen-project/2020.json');

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('template and import', () => {
  it('a department template filled in, imported to a case file that scores', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 't.xlsx');
    const t = await jixiao(['template', '--scheme', DEPT, '--out', xlsx]);
    expect(t.code).toBe(0);
    expect(t.out).toContain('已写入填报模板');
    const wb = await workbook(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['事实表', '评审表', '选项', '模板信息']);
    // fill the facts of the 2021 case (values as a user types them) and its reviewer entries
    const kase = readJson<{ facts: Record<string, { value: unknown }>; reviewer: Record<string, { score: number; reason: string; basis?: string }> }>(CCPIT);
    const facts = wb.getWorksheet('事实表')!;
    for (let r = 4; r <= facts.rowCount; r++) {
      const id = String(facts.getCell(r, 1).value);
      if (id === '#name') facts.getCell(r, 3).value = '市贸促委';
      if (id === '#department') facts.getCell(r, 3).value = '中国国际贸易促进委员会深圳市委员会';
      const f = kase.facts[id];
      if (f) facts.getCell(r, 3).value = typeof f.value === 'boolean' ? (f.value ? '是' : '否') : (f.value as ExcelJS.CellValue);
    }
    const review = wb.getWorksheet('评审表')!;
    for (let r = 4; r <= review.rowCount; r++) {
      const e = kase.reviewer[String(review.getCell(r, 1).value)];
      if (!e) continue;
      review.getCell(r, 9).value = e.score;
      review.getCell(r, 10).value = e.reason;
      review.getCell(r, 11).value = e.basis === 'judgement' ? '酌情评分' : '报告未披露';
    }
    await wb.xlsx.writeFile(xlsx);
    const out = join(dir, 'ccpit.json');
    const i = await jixiao(['import', '--scheme', DEPT, xlsx, '--out', out]);
    expect(i.err).toBe('');
    expect(i.code).toBe(0);
    expect(readJson<{ name: string }>(out).name).toBe('市贸促委');
    const s = await jixiao(['score', '--scheme', DEPT, '--facts', out, '--format', 'json']);
    expect(JSON.parse(s.out).total).toBe('93.18');
    // never overwrites
    const again = await jixiao(['import', '--scheme', DEPT, xlsx, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/不覆盖已有文件.*refusing to overwrite/s);
  });

  it('a template with only the facts filled: the case is written, the reviewer items listed as 待评审 warnings', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 't.xlsx');
    await jixiao(['template', '--scheme', DEPT, '--out', xlsx]);
    const wb = await workbook(xlsx);
    // the department's part: every fact of the 2021 case, and the 是/否 facts its report left to the reviewer's
    // 未披露 entries (预算编制符合职责和政策, …, 制定预算绩效管理制度) answered 是 as a department would
    const kase = readJson<{ facts: Record<string, { value: unknown }> }>(CCPIT);
    const unanswered = readJson<{ inputs: { id: string; type: string }[] }>(DEPT).inputs.filter((x) => !(x.id in kase.facts));
    expect(unanswered.every((x) => x.type === 'boolean')).toBe(true);
    const facts = wb.getWorksheet('事实表')!;
    for (let r = 4; r <= facts.rowCount; r++) {
      const id = String(facts.getCell(r, 1).value);
      if (id === '#name') facts.getCell(r, 3).value = '市贸促委';
      if (id === '#department') facts.getCell(r, 3).value = '中国国际贸易促进委员会深圳市委员会';
      if (unanswered.some((x) => x.id === id)) facts.getCell(r, 3).value = '是';
      const f = kase.facts[id];
      if (f) facts.getCell(r, 3).value = typeof f.value === 'boolean' ? (f.value ? '是' : '否') : (f.value as ExcelJS.CellValue);
    }
    await wb.xlsx.writeFile(xlsx);
    const review = wb.getWorksheet('评审表')!;
    const rowOfKey = (key: string) => {
      for (let r = 4; r <= review.rowCount; r++) if (review.getCell(r, 1).value === key) return r;
      throw new Error(key);
    };
    const out = join(dir, 'ccpit.json');
    const i = await jixiao(['import', '--scheme', DEPT, xlsx, '--out', out]);
    expect(i.code, i.err).toBe(0);
    expect(i.out).toContain('已写入案例');
    expect(existsSync(out)).toBe(true);
    expect(readJson<{ reviewer?: unknown }>(out).reviewer).toBeUndefined();
    // 深圳 2021 scheme: the 酌情评分 items 政府采购执行情况 (政策), 财务合规性 (支出), 效果性 await the reviewer, at their 给分 cells (column I)
    const lines = i.err.split('\n').filter((l) => /^(错误|警告) /.test(l));
    expect(lines.every((l) => l.startsWith('警告 [office-awaits-reviewer] 评审表!I'))).toBe(true);
    expect(lines.map((l) => /评审表!(I\d+)/.exec(l)![1]).sort()).toEqual(['procurement/policy', 'financial-compliance/spending', 'outcomes'].map((k) => `I${rowOfKey(k)}`).sort());
    expect(i.err).toContain('：待评审（由评审填写，不是填报错误）：');
    expect(i.err).toContain(': awaits the reviewer (not an error of the workbook): ');
    expect(i.err).not.toMatch(/^错误 /m);
  });

  it('a workbook filled in part: the case is written with what is there, each empty cell named 未填写 (as the case form keeps a case being filled in)', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 't.xlsx');
    await jixiao(['template', '--scheme', DEPT, '--out', xlsx]);
    const wb = await workbook(xlsx);
    const facts = wb.getWorksheet('事实表')!;
    let filled = 0;
    const rows: Record<string, number> = {};
    for (let r = 4; r <= facts.rowCount; r++) {
      const id = String(facts.getCell(r, 1).value);
      rows[id] = r;
      if (id === '#name') facts.getCell(r, 3).value = '审计局';
      // only the first two yes/no facts filled in
      if (id === '预算编制符合职责和政策' || id === '预算资金按工作重点合理分配') {
        facts.getCell(r, 3).value = '是';
        filled++;
      }
    }
    expect(filled).toBe(2);
    await wb.xlsx.writeFile(xlsx);
    const out = join(dir, 'audit.json');
    const r = await jixiao(['import', '--scheme', DEPT, xlsx, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(readJson<{ facts: Record<string, unknown> }>(out).facts).toEqual({ 预算编制符合职责和政策: true, 预算资金按工作重点合理分配: true });
    expect(r.err).not.toMatch(/^错误 /m);
    // an empty fact is named at its value cell (column C)
    expect(r.err).toContain(`警告 [office-not-entered] 事实表!C${rows['实际采购金额']}：未填写（可稍后补填，提交前须填齐）：`);
    // every empty fact is named, not only the first of each indicator (政府采购执行率 reads both amounts)
    expect(r.err).toContain(`警告 [office-not-entered] 事实表!C${rows['采购计划金额']}：未填写（可稍后补填，提交前须填齐）：缺少事实“`);
    // each fact the engine says a submission still needs (factsToEnter) is named once, at its own cell
    const scheme = compile(readJson(DEPT));
    if (!scheme.ok) throw new Error('the 2021 scheme compiles');
    const owed = factsToEnter(scheme.compiled, { facts: { 预算编制符合职责和政策: true, 预算资金按工作重点合理分配: true } });
    expect(owed).toContain('采购计划金额');
    const named = [...r.err.matchAll(/^警告 \[office-not-entered\] 事实表!C(\d+)/gm)].map((m) => Number(m[1]));
    expect(named.sort((a, b) => a - b)).toEqual(owed.map((id) => rows[id]!).sort((a, b) => a - b));
    expect(r.err).toMatch(/有 \d+ 项未填写：案例已写出（填报中），补填后方可提交/);
  });

  it('bad cells: each named by sheet and cell, English beside, exit 1, nothing written', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 't.xlsx');
    await jixiao(['template', '--scheme', DEPT, '--out', xlsx]);
    const wb = await workbook(xlsx);
    const facts = wb.getWorksheet('事实表')!;
    let row = 0;
    for (let r = 4; r <= facts.rowCount; r++) if (facts.getCell(r, 1).value === '满意度') row = r;
    facts.getCell(row, 3).value = '很满意';
    await wb.xlsx.writeFile(xlsx);
    const out = join(dir, 'c.json');
    const r = await jixiao(['import', '--scheme', DEPT, xlsx, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`错误 [office-cell-number] 事实表!C${row}：“社会公众或服务对象满意度”应为数字，实际为“很满意”`);
    expect(r.err).toContain(`    事实表!C${row}: `);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('a project workbook of two projects imports into a folder, one file each', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'p.xlsx');
    expect((await jixiao(['template', '--scheme', PROJECT, '--out', xlsx, '--projects', '2', '--rows', '3'])).code).toBe(0);
    const wb = await workbook(xlsx);
    const ws = wb.getWorksheet('自评表')!;
    const tops: number[] = [];
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === '项目名称') tops.push(r);
    expect(tops).toHaveLength(2);
    tops.forEach((top, k) => {
      ws.getCell(top, 2).value = `项目${k + 1}`;
      // the first project names its 主管部门 (column G); the second is left without one, which is only a warning
      if (k === 0) ws.getCell(top, 7).value = '深圳市商务局';
      ws.getCell(top + 1, 2).value = `p${k + 1}`;
      // 全年预算数 7,908,900.00, 全年执行数 6,783,627.10 (seed 001 表7)
      ws.getCell(top + 3, 3).value = 7908900;
      ws.getCell(top + 3, 4).value = 6783627.1;
      // the rows start under their head (一级指标), after the block's funds and its other facts (实施单位, 年度总体目标 …)
      let head = top;
      while (ws.getCell(head, 1).value !== '一级指标') head++;
      const first = head + 1;
      ['产出指标', '数量指标', '开展资产清查次数', '=1次', '1次', 90, 90].forEach((v, c) => (ws.getCell(first, c + 1).value = v));
    });
    await wb.xlsx.writeFile(xlsx);
    const out = join(dir, 'cases');
    const r = await jixiao(['import', '--scheme', PROJECT, xlsx, '--out', out]);
    expect(r.err).toBe(
      `警告 [office-at-cell] 自评表!G${tops[1]}：案例没有写明所属部门（department）：任何部门填报账号都看不到它，无法分派给部门；请填写部门名称，如 深圳市商务局\n` +
        `    自评表!G${tops[1]}: the case names no department: no department account can see it; add "department", e.g. 深圳市商务局\n`,
    );
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['p1.json', 'p2.json']);
    const s = await jixiao(['score', '--scheme', PROJECT, '--facts', join(out, 'p1.json'), '--format', 'json']);
    // 8.6 (funds) + 90 (the met row) = 98.6
    expect(JSON.parse(s.out).total).toBe('98.6');
  });
});

describe('report', () => {
  it('one case as .docx and .xlsx', async () => {
    const dir = tempDir();
    const docx = join(dir, 'r.docx');
    const r = await jixiao(['report', '--scheme', DEPT, '--facts', CCPIT, '--out', docx]);
    expect(r.code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(xml).toContain('部门整体支出绩效评分表');
    expect(xml).toContain('>93.18<');
    const xlsx = join(dir, 'r.xlsx');
    expect((await jixiao(['report', '--scheme', DEPT, '--facts', CCPIT, '--out', xlsx])).code).toBe(0);
    const ws = (await workbook(xlsx)).getWorksheet('评分表')!;
    expect(ws.getCell(ws.rowCount - 1, 11).value).toBe(93.18);
  });

  it("a project family's batch as one workbook: 汇总 and a sheet per project", async () => {
    const dir = tempDir();
    const cases = join(dir, 'cases');
    const src = join(ROOT, 'schemes/shenzhen-project/cases/2020');
    mkdirSync(cases);
    for (const f of ['01-fund-foreign-trade.json', '07-admin-support.json']) writeFileSync(join(cases, f), readFileSync(join(src, f)));
    const out = join(dir, 'batch.xlsx');
    const r = await jixiao(['report', '--scheme', PROJECT, '--cases', cases, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 个案例');
    const wb = await workbook(out);
    expect(wb.worksheets).toHaveLength(3);
    expect(wb.getWorksheet('汇总')!.getCell(4, 3).value).toBe(8.6);
  });

  it('usage mistakes are named, exit 2', async () => {
    const both = await jixiao(['report', '--scheme', DEPT, '--facts', CCPIT, '--cases', 'x', '--out', 'r.docx']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('give exactly one of --facts');
    const pdf = await jixiao(['report', '--scheme', DEPT, '--facts', CCPIT, '--out', 'r.pdf']);
    expect(pdf.code).toBe(2);
    expect(pdf.err).toContain('--out 的扩展名应为 .docx、.xlsx');
    const missing = await jixiao(['import', '--scheme', DEPT, 'nowhere.xlsx']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到工作簿 nowhere.xlsx');
  });
});
