/**
 * `jixiao batch`: every case scored, one row per case, a summary, in CSV / Markdown / JSON / Excel;
 * bad cases reported and skipped. Fixture numbers by hand: 甲 16.23 (4 + 3.73 + 5 + 3.5), 乙 16
 * (6 + 0 + 6 + 4); mean (16.23 + 16) ÷ 2 = 16.115 → 16.12.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.ts';
import { ALPHA, copyFixtures, jixiao, MINI_CASES, readJson, ROOT, tempDir, writeJson } from './run.ts';

interface Report {
  rows: { case: string; name: string; fundsScore: string | null; computedTotal: string; reportedTotal: string | null; grade: string; differences: { indicator: string }[] }[];
  summary: { count: number; mean: string | null; grades: Record<string, number>; discrepancies: number; failed: number };
}

const ROW_KEYS = ['case', 'name', 'fundsScore', 'computedTotal', 'reportedTotal', 'grade', 'differences'];

describe('batch over the fixture cases', () => {
  it('.json: exactly { rows, summary }, scores as decimal strings, mean to 2 places', async () => {
    const out = join(tempDir(), 'report.json');
    const r = await jixiao(['batch', '--cases', MINI_CASES, '--out', out]);
    expect(r.code).toBe(0);
    const rep = readJson<Report>(out);
    expect(Object.keys(rep)).toEqual(['rows', 'summary']);
    expect(rep.rows).toHaveLength(2);
    for (const row of rep.rows) expect(Object.keys(row)).toEqual(ROW_KEYS);
    const [alpha, beta] = rep.rows;
    expect(alpha).toMatchObject({ name: '甲单位', fundsScore: null, computedTotal: '16.23', reportedTotal: '16.5', grade: '良' });
    expect(alpha!.differences.map((d) => d.indicator).sort()).toEqual(['procurement', 'total']);
    expect(beta).toMatchObject({ name: '乙单位', computedTotal: '16', reportedTotal: '16', grade: '良', differences: [] });
    expect(rep.summary).toEqual({ count: 2, mean: '16.12', grades: { 优: 0, 良: 2, 差: 0 }, discrepancies: 2, failed: 0 });
  });

  it('prints the table and the summary; no progress bar when stderr is not a terminal', async () => {
    const r = await jixiao(['batch', '--cases', MINI_CASES, '--out', join(tempDir(), 'r.csv')]);
    expect(r.out).toMatch(/甲单位\s+│\s+│\s+4 │\s+16\.23 │\s+16\.50 │\s+2 │ 良/);
    expect(r.out).toContain('平均分 16.12');
    expect(r.out).toContain('良 2');
    expect(r.err).toBe('');
  });

  it('shows a progress bar on a terminal', async () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
    let drawn = '';
    tty.on('data', (b: Buffer) => (drawn += b.toString()));
    const code = await main(['batch', '--cases', MINI_CASES, '--out', join(tempDir(), 'r.json')], { out: () => {}, err: () => {}, errIsTTY: true, errStream: tty, cwd: ROOT });
    expect(code).toBe(0);
    expect(drawn).toContain('个案例');
  });

  it('.csv: UTF-8 with BOM, Chinese headers, one row per case, then the summary', async () => {
    const out = join(tempDir(), 'report.csv');
    expect((await jixiao(['batch', '--cases', MINI_CASES, '--out', out])).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('案例文件,名称,资金执行率得分,指标数,计算总分,报告（自评）总分,差异数,等级,差异说明');
    expect(lines[1]).toMatch(/alpha\.json,甲单位,,4,16\.23,16\.50,2,良,procurement/);
    expect(lines[2]).toMatch(/beta\.json,乙单位,,4,16\.00,16\.00,0,良,$/);
    expect(lines).toContain('平均分,16.12');
    expect(lines).toContain('无法计分,0');
  });

  it('.md: a Markdown table and summary', async () => {
    const out = join(tempDir(), 'report.md');
    expect((await jixiao(['batch', '--cases', MINI_CASES, '--out', out])).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('| 案例文件 | 名称 | 资金执行率得分 | 指标数 | 计算总分 | 报告（自评）总分 | 差异数 | 等级 |');
    expect(text).toMatch(/\| [^|]*alpha\.json \| 甲单位 \| {2}\| 4 \| 16\.23 \| 16\.50 \| 2 \| 良 \|/);
    expect(text).toContain('| 平均分 | 16.12 |');
    expect(text).toContain('## 差异明细');
  });

  it('.xlsx: read back with exceljs — Chinese headers, one row per case, summary and failures sheets', async () => {
    const out = join(tempDir(), 'report.xlsx');
    expect((await jixiao(['batch', '--cases', MINI_CASES, '--out', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['评分结果', '汇总', '差异明细', '无法计分']);
    const ws = wb.getWorksheet('评分结果')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '案例文件', '名称', '资金执行率得分', '指标数', '计算总分', '报告（自评）总分', '差异数', '等级']);
    expect(ws.actualRowCount).toBe(3); // header + 2 cases
    expect(ws.getRow(2).getCell(3).value).toBe('甲单位');
    expect(ws.getRow(2).getCell(6).value).toBe(16.23);
    expect(ws.getRow(2).getCell(6).numFmt).toBe('0.00');
    const sum = wb.getWorksheet('汇总')!;
    const pairs = new Map<unknown, unknown>();
    sum.eachRow((row) => pairs.set(row.getCell(1).value, row.getCell(2).value));
    expect(pairs.get('案例数')).toBe(2);
    expect(pairs.get('平均分')).toBe(16.12);
    expect(pairs.get('等级“良”')).toBe(2);
    expect(wb.getWorksheet('差异明细')!.actualRowCount).toBe(3); // header + procurement + total
    expect(wb.getWorksheet('无法计分')!.actualRowCount).toBe(1); // header only
  });
});

describe('batch: bad cases are reported and skipped, never abort', () => {
  it('writes the good rows, lists each failure with file, JSON path and Chinese message; exit 1', async () => {
    const dir = copyFixtures();
    const cases = join(dir, 'schemes/mini-dept/cases/2024');
    const bad = readJson<{ facts: Record<string, unknown> }>(ALPHA);
    bad.facts['已完成项目数'] = -3;
    writeJson(join(cases, 'negative.json'), bad);
    writeFileSync(join(cases, 'broken.json'), '{\n  "id": "broken",\n  "facts": {\n');
    writeJson(join(cases, 'no-name.json'), { ...readJson<object>(ALPHA), name: undefined, id: 'no-name' });
    const out = join(dir, 'out/report.xlsx');
    const r = await jixiao(['batch', '--cases', 'schemes', '--out', out], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('无法计分 3 个');
    expect(r.err).toContain('negative.json');
    expect(r.err).toContain('broken.json');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('评分结果')!.actualRowCount).toBe(3); // header + alpha + beta
    const fails = wb.getWorksheet('无法计分')!;
    const rows: string[][] = [];
    fails.eachRow((row, n) => n > 1 && rows.push((row.values as string[]).slice(1)));
    expect(rows.some(([file, path, msg]) => file!.endsWith('negative.json') && path === '/facts/已完成项目数' && /已完成项目数/.test(msg!))).toBe(true);
    expect(rows.some(([file, , msg]) => file!.endsWith('broken.json') && /第 \d+ 行第 \d+ 列/.test(msg!))).toBe(true);
    expect(rows.some(([file, path]) => file!.endsWith('no-name.json') && path === '')).toBe(true);

    const json = join(dir, 'out/report.json');
    await jixiao(['batch', '--cases', 'schemes', '--out', json], dir);
    expect(readJson<Report>(json).summary).toMatchObject({ count: 2, failed: 3 });
  });
});

describe('batch over the real projects (seed 001)', () => {
  it('--scheme: the funds score of project 07 is 8.6 (6,783,627.10 ÷ 7,908,900.00 → 0.86 × 10分)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'cases'));
    copyFileSync(join(ROOT, 'schemes/shenzhen-project/cases/2020/07-admin-support.json'), join(dir, 'cases/07.json'));
    const out = join(dir, 'r.json');
    const r = await jixiao(['batch', '--cases', join(dir, 'cases'), '--scheme', 'schemes/shenzhen-project/2020.json', '--out', out]);
    expect(r.code).toBe(0);
    const [row] = readJson<Report>(out).rows;
    expect(row!.fundsScore).toBe('8.6');
  });

  it('every project case is a row or a listed failure; the summary counts them', async () => {
    const dir = 'schemes/shenzhen-project/cases';
    const files = readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
    const out = join(tempDir(), 'projects.json');
    await jixiao(['batch', '--cases', dir, '--out', out]);
    const rep = readJson<Report>(out);
    expect(rep.rows.length + rep.summary.failed).toBe(files.length);
    expect(rep.summary.count).toBe(rep.rows.length);
    expect(Object.values(rep.summary.grades).reduce((a, b) => a + b, 0)).toBe(rep.rows.length);
    expect(rep.summary.discrepancies).toBe(rep.rows.reduce((s, r) => s + r.differences.length, 0));
    for (const row of rep.rows) {
      expect(row.fundsScore).toMatch(/^\d+(\.\d+)?$/);
      expect(row.computedTotal).toMatch(/^\d+(\.\d+)?$/);
    }
  });
});

describe('batch: the sheets’ coded warnings (seed 001 表4, r01 分值 and 自评 raised 10 → 60)', () => {
  /** 表4 with r01 at 60 分 (rows 60 + 10 × 8 = 140 ≠ 90) and r02’s actual in words: the cases folder. */
  function inflatedCases(): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'cases'));
    const doc = readJson<{ facts: { rows: { points: number; selfScore: number; actual: string }[] } }>(join(ROOT, 'schemes/shenzhen-project/cases/2020/04-party-hr-training.json'));
    doc.facts.rows[0]!.points = 60;
    doc.facts.rows[0]!.selfScore = 60;
    doc.facts.rows[1]!.actual = '全部覆盖';
    writeJson(join(dir, 'cases/04.json'), doc);
    return join(dir, 'cases');
  }

  it('terminal, .json, .csv, .md and .xlsx all carry them, saying which blocks 提交', async () => {
    const cases = inflatedCases();
    const dir = tempDir();
    const r = await jixiao(['batch', '--cases', cases, '--scheme', 'schemes/shenzhen-project/2020.json', '--out', join(dir, 'r.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('警告（warnings）：');
    expect(r.out).toMatch(/各指标行分值合计140分，与本项分值90分不符[^\n]*（不能提交）/);
    expect(r.out).toMatch(/实际完成值“全部覆盖”为文字表述[^\n]*（可提交）/);
    const [row] = readJson<{ rows: { computedTotal: string; warnings: { code: string }[] }[] }>(join(dir, 'r.json')).rows;
    // 3.5 + min(60 + 10 + 10 + 10 + 10 + 8 + 8 + 8 + 9 = 133, 90) = 93.5, as before: flagged, not rescored
    expect(row!.computedTotal).toBe('93.5');
    expect(row!.warnings.map((w) => w.code)).toEqual(['rows-points-sum', 'row-actual-in-words']);
    for (const ext of ['csv', 'md']) {
      await jixiao(['batch', '--cases', cases, '--scheme', 'schemes/shenzhen-project/2020.json', '--out', join(dir, `r.${ext}`)]);
      const text = readFileSync(join(dir, `r.${ext}`), 'utf8');
      expect(text, ext).toContain('能否提交');
      expect(text, ext).toContain('各指标行分值合计140分');
      expect(text, ext).toContain('不能提交');
    }
    await jixiao(['batch', '--cases', cases, '--scheme', 'schemes/shenzhen-project/2020.json', '--out', join(dir, 'r.xlsx')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'r.xlsx'));
    const warn = wb.getWorksheet('警告')!;
    expect(warn.getRow(1).values).toEqual([undefined, '案例文件', '名称', '指标', '警告', '能否提交']);
    expect(String(warn.getRow(2).getCell(4).value)).toContain('各指标行分值合计140分');
    expect(warn.getRow(2).getCell(5).value).toBe('不能提交');
    expect(warn.getRow(3).getCell(5).value).toBe('可提交');
  });
});
