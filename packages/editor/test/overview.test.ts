/**
 * 项目总览: the batch job of the versions worker (runBatch: every case of a family under one scheme) on
 * the real project cases of seed 001, and the overview's sorting and batch summary (hand arithmetic).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBatch } from '../src/worker/versions-jobs.ts';
import { sortRows, summarize, type OverviewRow } from '../src/pages/ProjectsPage.tsx';
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

  it('sums up the batch: (93.9 + 81.9) / 2 = 87.9, one differs from its self-evaluation, grades counted', () => {
    expect(summarize(rows)).toEqual({ count: 3, scored: 2, failed: 1, average: '87.9', differing: 1, grades: { 良: 1, 优: 1 } });
  });
});
