/**
 * 项目总览 / 部门总览: the batch job of the versions worker (runBatch: every case of a family under one scheme) on
 * the real project cases of seed 001, and the overview's sorting and batch summary (hand arithmetic).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBatch } from '../src/worker/versions-jobs.ts';
import { overviewTitle, sortRows, summarize, summaryText, type OverviewRow } from '../src/pages/ProjectsPage.tsx';
import { loadScheme } from './harness.tsx';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const projectCase = (file: string) => JSON.parse(readFileSync(join(repoRoot, 'schemes', 'shenzhen-project', 'cases', '2020', file), 'utf8')) as { name: string; facts: Record<string, unknown>; reviewer?: Record<string, unknown> };

describe('runBatch', () => {
  it('scores every project under the 2020 项目自评 scheme: 资金执行率 9.90 for both (seed 001 表 1 and 表 2: 执行率 0.99 × 10分)', () => {
    const a = projectCase('01-fund-foreign-trade.json');
    const b = projectCase('02-fund-commerce-circulation.json');
    const out = runBatch({ kind: 'batch', scheme: loadScheme('shenzhen-project/2020.json'), cases: [a, b].map((c, i) => ({ id: `2020/${i}`, name: c.name, input: { facts: c.facts } })) });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.indicators.map((i) => [i.id, i.points])).toEqual([
      ['funds', '10'],
      ['performance', '90'],
    ]);
    expect(out.cases.map((c) => c.ok && c.scores['funds'])).toEqual(['9.9', '9.9']);
    expect(out.places).toBe(2);
  });

  it('gives a project case’s 自评总分 from its entered self-scores, as the 自评表’s 总分 row (seed 001 表4: 资金 3.50 + rows 10×5 + 8 + 8 + 8 + 9 = 86.50)', () => {
    const c = projectCase('04-party-hr-training.json') as ReturnType<typeof projectCase> & { facts: { rows: { selfScore: number }[] }; reported: { total: string } };
    const job = (rows: unknown) => runBatch({ kind: 'batch', scheme: loadScheme('shenzhen-project/2020.json'), cases: [{ id: '2020/04', name: c.name, input: { facts: c.facts }, rows, reported: c.reported.total }] });
    const filed = job(c.facts.rows);
    expect(filed.ok && filed.cases[0]!.ok && filed.cases[0]!.selfTotal).toEqual({ self: '86.5', note: null });
    // r06 self-scored 10 instead of 8: 86.50 + 2 = 88.50, and the report's own figure beside it
    const changed = structuredClone(c.facts.rows);
    changed[5]!.selfScore = 10;
    const after = job(changed);
    expect(after.ok && after.cases[0]!.ok && after.cases[0]!.selfTotal).toEqual({ self: '88.5', note: '原报告自评总分 86.50 分' });
    // a case given without rows (a department case) has none: its 自评总分 is the reported figure
    const bare = runBatch({ kind: 'batch', scheme: loadScheme('shenzhen-project/2020.json'), cases: [{ id: 'x', name: c.name, input: { facts: c.facts } }] });
    expect(bare.ok && bare.cases[0]).not.toHaveProperty('selfTotal');
    expect(bare.ok && bare.cases[0]!.ok).toBe(true);
  });

  it('reports a case it cannot score with the issues, and the others still', () => {
    const a = projectCase('01-fund-foreign-trade.json');
    const out = runBatch({ kind: 'batch', scheme: loadScheme('shenzhen-project/2020.json'), cases: [{ id: 'x', name: '空', input: { facts: {} } }, { id: 'a', name: a.name, input: { facts: a.facts } }] });
    expect(out.ok && out.cases.map((c) => c.ok)).toEqual([false, true]);
  });
});

const row = (name: string, total: string | null, reported: string | null, difference: string | null, grade: string | null): OverviewRow => ({
  key: name,
  id: name,
  year: 2020,
  name,
  status: 'filling',
  scores: total !== null ? { funds: '9.9' } : {},
  total,
  grade,
  reported,
  difference,
  failed: total === null ? '缺少事实' : null,
});

describe('overview table', () => {
  // 甲 93.9 (self 93.9, 0), 乙 81.9 (self 80.9, +1), 丙 cannot be scored
  const rows = [row('乙', '81.9', '80.9', '1', '良'), row('丙', null, '90', null, null), row('甲', '93.9', '93.9', '0', '优')];

  it('sorts by total, exactly, with unscored projects last either way', () => {
    expect(sortRows(rows, 'total', true).map((r) => r.name)).toEqual(['甲', '乙', '丙']);
    expect(sortRows(rows, 'total', false).map((r) => r.name)).toEqual(['乙', '甲', '丙']);
    expect(sortRows(rows, 'difference', true).map((r) => r.name)).toEqual(['乙', '甲', '丙']);
  });

  it('sums up the batch: (93.9 + 81.9) / 2 = 87.9, shown at the scheme\'s 2 places, one differs from its self-evaluation, grades counted', () => {
    expect(summarize(rows, 2)).toEqual({ count: 3, scored: 2, failed: 1, average: '87.90', differing: 1, grades: { 良: 1, 优: 1 } });
  });

  it('lists the grades in the order the scheme declares them, zero counts included (as the CLI does), not in the order met', () => {
    const text = summaryText(summarize(rows, 2, ['优', '良', '中', '差']), 'project');
    expect(text.endsWith('等级：优 1 个、良 1 个、中 0 个、差 0 个')).toBe(true);
  });

  it('shows the average at the scheme\'s places, rounded once from the exact mean (as the CLI: 82.29, not 82.2947)', () => {
    // (80 + 84.5899) / 2 = 82.29495: half-up at 2 places is 82.29; rounding first to 4 places (82.2950) would give 82.30
    const two = [row('甲', '80', null, null, '良'), row('乙', '84.5899', null, null, '良')];
    expect(summarize(two, 2).average).toBe('82.29');
    // (97.56 + 97.56 + 97.56) / 3 = 97.56, not "97.5600"
    expect(summarize([row('甲', '97.56', null, null, '优'), row('乙', '97.56', null, null, '优'), row('丙', '97.56', null, null, '优')], 2).average).toBe('97.56');
    // 1 place: (90 + 91) / 2 = 90.5
    expect(summarize([row('甲', '90', null, null, '优'), row('乙', '91', null, null, '优')], 1).average).toBe('90.5');
  });

  it('says what was counted, with no word missing', () => {
    const all = summarize([row('甲', '93.9', '93.9', '0', '优'), row('乙', '81.9', '80.9', '1', '良')], 2);
    expect(summaryText(all, 'project')).toBe('共 2 个项目，均可计分；平均计算总分 87.90 分；与自评总分不一致 1 个；等级：优 1 个、良 1 个');
    expect(summaryText(summarize(rows, 2), 'department')).toBe('共 3 个部门（单位）（2 个可计分，1 个无法计分）；平均计算总分 87.90 分；与自评总分不一致 1 个；等级：良 1 个、优 1 个');
    expect(summaryText(summarize([], 2), 'project')).toBe('共 0 个项目，均可计分；平均计算总分 — 分；与自评总分不一致 0 个；等级：—');
  });

  it('is titled for the family: 项目总览 for projects, 部门总览 for 部门整体', () => {
    expect(overviewTitle('project')).toBe('项目总览');
    expect(overviewTitle('department')).toBe('部门总览');
  });
});
