/**
 * `jixiao score`: the official layout (table, Markdown) and the JSON sheet. Numbers are checked only
 * where the arithmetic is written here: the fixture scheme, and seed 001's funds block of project 07
 * (全年预算数 7,908,900.00, 全年执行数 6,783,627.10 → 执行率 0.86 → 得分 8.60).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALPHA, BETA, jixiao, MINI_SCHEME, readJson, tempDir, writeJson } from './run.ts';

const PROJECT_SCHEME = 'schemes/shenzhen-project/2020.json';
const PROJECT_07 = 'schemes/shenzhen-project/cases/2020/07-admin-support.json';

interface JsonSheet {
  total: string;
  grade: string;
  nodes: { id: string; score: string; children?: unknown[] }[];
  indicators: { id: string; score: string; level: number }[];
}

describe('score --format json', () => {
  it('a real project case (seed 001, project 07): total, grade, every indicator id and score as decimal strings', async () => {
    const r = await jixiao(['score', '--scheme', PROJECT_SCHEME, '--facts', PROJECT_07, '--format', 'json']);
    expect(r.code).toBe(0);
    const sheet = JSON.parse(r.out) as JsonSheet;
    expect(typeof sheet.total).toBe('string');
    expect(sheet.total).toMatch(/^\d+(\.\d+)?$/);
    expect(typeof sheet.grade).toBe('string');
    expect(sheet.grade.length).toBeGreaterThan(0);
    const ids = sheet.indicators.map((i) => i.id);
    expect(ids).toContain('funds');
    for (const i of sheet.indicators) expect(i.score).toMatch(/^-?\d+(\.\d+)?$/);
    // 6,783,627.10 ÷ 7,908,900.00 = 0.8577… → 0.86 (two places, as the seed prints) × 10分 = 8.6
    expect(sheet.indicators.find((i) => i.id === 'funds')!.score).toBe('8.6');
  });

  it('the fixture case: every score by hand', async () => {
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', ALPHA, '--format', 'json']);
    expect(r.code).toBe(0);
    const sheet = JSON.parse(r.out) as JsonSheet;
    const score = (id: string) => sheet.indicators.find((i) => i.id === id)!.score;
    expect(score('satisfaction')).toBe('4'); // 93.14% in [90%, 95%) → 4分
    expect(score('procurement')).toBe('3.73'); // 93.14 ÷ 100 × 4 = 3.7256 → 3.73
    expect(score('completion')).toBe('5'); // 5 ÷ 6 × 6 = 5
    expect(score('effect')).toBe('3.5'); // the reviewer's judgement
    expect(score('budgeting')).toBe('7.73'); // 4 + 3.73
    expect(sheet.total).toBe('16.23'); // 4 + 3.73 + 5 + 3.5
    expect(sheet.grade).toBe('良'); // 12 ≤ 16.23 < 18
    expect(sheet.nodes.map((n) => n.id)).toEqual(['decision', 'performance']);
  });

  it('the zero rule: actual procurement above the plan scores 0', async () => {
    const sheet = JSON.parse((await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', BETA, '--format', 'json'])).out) as JsonSheet;
    expect(sheet.indicators.find((i) => i.id === 'procurement')!.score).toBe('0'); // 120 > 100
    expect(sheet.total).toBe('16'); // 6 + 0 + 6 + 4
  });
});

describe('score --format table / md', () => {
  it('table: the official columns, names aligned, total and grade', async () => {
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', ALPHA]);
    expect(r.code).toBe(0);
    for (const h of ['一级指标', '二级指标', '三级指标', '分值', '得分']) expect(r.out).toContain(h);
    expect(r.out).toMatch(/满意度\s+│\s+6 │\s+4\.00 │/);
    expect(r.out).toMatch(/政府采购执行率 │\s+4 │\s+3\.73 │/);
    expect(r.out).toContain('总分：16.23 / 20');
    expect(r.out).toContain('等级：良');
    // every table line has the same display width (Chinese characters count double)
    const widths = r.out
      .split('\n')
      .filter((l) => /^[┌│├└]/.test(l))
      .map((l) => [...l].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0));
    expect(new Set(widths).size).toBe(1);
  });

  it('table of a project: the indicator rows with their outcome', async () => {
    const r = await jixiao(['score', '--scheme', PROJECT_SCHEME, '--facts', PROJECT_07]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/资金执行率\s+│.*│\s+10 │\s+8\.60 │/);
    expect(r.out).toContain('产出指标');
    expect(r.out).toMatch(/达成|未达成|定性/);
  });

  it("table: an indicator's warning is listed under 警告 with its name (12 of 10 projects done: 12 ÷ 10 × 6 = 7.2 > 6分)", async () => {
    const dir = tempDir();
    const kase = readJson<{ facts: Record<string, { value: unknown }> }>('schemes/shenzhen-department/cases/2021/shenzhen-ccpit.json');
    kase.facts['已完成项目数']!.value = 12;
    kase.facts['计划完成项目总数']!.value = 10;
    writeJson(join(dir, 'case.json'), kase);
    const r = await jixiao(['score', '--scheme', 'schemes/shenzhen-department/2021.json', '--facts', join(dir, 'case.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('警告：');
    expect(r.out).toMatch(/项目完成及时性：公式结果 7\.2 超过分值 6/);
  });

  it('md: a Markdown table with the same rows', async () => {
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', ALPHA, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 备注 |');
    expect(r.out).toContain('| --- | --- | --- | ---: | ---: | --- |');
    expect(r.out).toContain('|  |  | 政府采购执行率 | 4 | 3.73 |  |');
    expect(r.out).toContain('| 总分 |  |  | 20 | 16.23 | 等级：良 |');
  });
});

describe('score: bad facts', () => {
  function caseWith(edit: (c: { facts: Record<string, unknown>; reviewer?: Record<string, unknown> }) => void): string {
    const c = readJson<{ facts: Record<string, unknown> }>(ALPHA);
    edit(c);
    const file = join(tempDir(), 'case.json');
    writeJson(file, c);
    return file;
  }

  it('a missing fact: names it, exit 1', async () => {
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', caseWith((c) => delete c.facts['采购计划金额'])]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('采购计划金额');
    expect(r.err).toContain('[fact-missing]');
  });

  it('a string in a number field: exit 1 with the fact named', async () => {
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', caseWith((c) => (c.facts['已完成项目数'] = '五个'))]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('已完成项目数');
  });

  it('a zero denominator (政府采购计划金额为 0, nothing bought): exit 1, never NaN', async () => {
    // with an actual amount above 0 the zero rule (actual > plan → 0分) decides first; 0 ÷ 0 has no rule
    const zero = caseWith((c) => {
      c.facts['采购计划金额'] = 0;
      c.facts['实际采购金额'] = 0;
    });
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', zero, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[zero-denominator]');
    expect(r.out + r.err).not.toContain('NaN');
  });

  it('a judgement without the reviewer score: exit 1', async () => {
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', caseWith((c) => delete c.reviewer)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('effect');
  });

  it('a bare facts file (no id, name, scheme): scored, the case-format gaps only warned about', async () => {
    const c = readJson<{ facts: unknown; reviewer: unknown }>(ALPHA);
    const file = join(tempDir(), 'bare.json');
    writeJson(file, { facts: c.facts, reviewer: c.reviewer });
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as JsonSheet).total).toBe('16.23');
    expect(r.err).toContain('警告 [schema-required]');
  });

  it('a malformed reviewer entry (no reason): exit 1 naming the entry', async () => {
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', caseWith((c) => (c.reviewer = { effect: { score: 3 } }))]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('/reviewer/effect');
    // the scheme is known: the entry is named by its indicator's name, its key beside (user review)
    expect(r.err).toContain('错误 [schema-required] 评审录入“绩效目标实现”（effect）缺少“给分理由”（reason），请补上（位置 /reviewer/effect）');
  });

  it('malformed JSON facts: file, line, column; exit 1', async () => {
    const file = join(tempDir(), 'facts.json');
    writeFileSync(file, '{\n  "facts": {\n    "满意度": 0.9,\n  }\n}\n');
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('facts.json');
    expect(r.err).toContain('第 4 行第 3 列');
  });
});

describe('score refuses what it cannot score, up front', () => {
  it('a case of another scheme: one message naming both schemes, exit 2 as other usage errors, no fact-missing list', async () => {
    const r = await jixiao(['score', '--scheme', 'schemes/shenzhen-department/2024.json', '--facts', PROJECT_07]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`用法错误：案例 ${PROJECT_07} 属于方案 shenzhen-project（2020年），不能按方案 shenzhen-department（2024年）计分；请用 --scheme 给出该案例的方案文件`);
    expect(r.err).toContain(`case ${PROJECT_07} is for scheme shenzhen-project 2020, it cannot be scored with scheme shenzhen-department 2024`);
    expect(r.err).not.toContain('fact-missing');
    expect(r.err).not.toContain('警告');
  });

  it('a case of the same scheme in another year is still scored (with the warning)', async () => {
    const r = await jixiao(['score', '--scheme', 'schemes/shenzhen-department/2024.json', '--facts', 'schemes/shenzhen-department/cases/2021/shenzhen-ccpit.json', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('警告 案例指明的方案是 shenzhen-department（2021年），现按 shenzhen-department（2024年）计分');
  });

  it('an .xlsx as --facts: says that a workbook is read with `jixiao import`, exit 2, not "not UTF-8"', async () => {
    const dir = tempDir();
    const xlsx = join(dir, '填报模板.xlsx');
    expect((await jixiao(['template', '--scheme', PROJECT_SCHEME, '--out', xlsx])).code).toBe(0);
    // the same bytes under a .json name are recognised too (an .xlsx is a zip archive)
    const renamed = join(dir, 'case.json');
    writeFileSync(renamed, readFileSync(xlsx));
    for (const file of [xlsx, renamed]) {
      const r = await jixiao(['score', '--scheme', PROJECT_SCHEME, '--facts', file]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`用法错误：${file} 是 Excel 工作簿，--facts 须为 JSON 案例文件；填好的 Excel 填报模板请先用 jixiao import 读成案例文件：jixiao import --scheme <方案文件> ${file} --out <案例.json>`);
      expect(r.err).toContain('read the workbook with "jixiao import --scheme <scheme file>');
      expect(r.err).not.toContain('UTF-8');
    }
  });
});
