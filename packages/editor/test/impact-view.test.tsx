/**
 * The impact table (影响预览) on the engine's own simulation of the real Shenzhen department cases:
 * the 2024 published scheme against a 2025 draft with 满意度 第1档 6 → 5 and 分值 6 → 5 (公平性
 * 9 → 8), 重点工作完成情况 8 → 9 (效率性 20 → 21). Hand arithmetic (from the seeds, recorded in
 * the cases' discrepancies):
 * - 市商务局 2024: reported 94.54, 预算执行率 by the rules 5.75 not 5.73 → 94.56 under 2024;
 *   满意度 is the reviewer's 2分 (unchanged); 重点工作 +1 → 95.56.
 * - 市贸促委 2021: reported 93.48 − 0.5 − 1 + 0.5 + 0.7 = 93.18; 满意度 100% → 6 → 5 (−1),
 *   重点工作 +1 → 93.18.
 * - averages: 重点工作 8 → 9; 满意度 (6 + 2)/2 = 4 → (5 + 2)/2 = 3.5; total 93.87 → 94.37.
 * The chart itself (echarts) is replaced here by its text description; the e2e test draws it.
 */
import './dom.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, newYear, simulate, type CaseDoc, type CompiledScheme, type Indicator, type Scheme, type SimulationCase, type TiersRule } from '@jixiao/engine';
import { ImpactView } from '../src/versions/ImpactView.tsx';
import { leafIdsOf } from '../src/versions/scheme-info.ts';
import { loadScheme } from './harness.tsx';

vi.mock('../src/versions/ScoreDistributionChart.tsx', async (importOriginal) => {
  const m = await importOriginal<typeof import('../src/versions/ScoreDistributionChart.tsx')>();
  return { ...m, ScoreDistributionChart: (p: Parameters<typeof m.ScoreDistributionChart>[0]) => <p data-testid="chart">{m.describeDistribution(p.data, p.labels)}</p> };
});

afterEach(cleanup);

const casesDir = fileURLToPath(new URL('../../../schemes/shenzhen-department/cases', import.meta.url));
const loadCase = (p: string): SimulationCase => {
  const doc = JSON.parse(readFileSync(join(casesDir, `${p}.json`), 'utf8')) as CaseDoc;
  return { id: p, name: doc.name ?? p, input: doc };
};

function find(list: Indicator[], id: string): Indicator {
  for (const n of list) {
    if (n.id === id) return n;
    const hit = n.children && find(n.children, id);
    if (hit) return hit;
  }
  return undefined as unknown as Indicator;
}

function compiled(doc: unknown): CompiledScheme {
  const r = compile(doc);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.compiled;
}

/** The draft's edit of the module doc by default; `edit` replaces it. */
function setup(extra: SimulationCase[] = [], edit?: (d: Scheme) => void) {
  const base: Scheme = loadScheme();
  const ny = newYear(base, 2025);
  if (!ny.ok) throw new Error('newYear failed');
  const d = ny.doc;
  if (edit) edit(d);
  else {
    (find(d.indicators, 'satisfaction').rule as TiersRule).tiers[0]!.score = 5;
    find(d.indicators, 'satisfaction').points = 5;
    find(d.indicators, 'fairness').points = 8;
    find(d.indicators, 'key-tasks').points = 9;
    find(d.indicators, 'efficiency').points = 21;
  }
  const result = simulate(compiled(d), compiled(base), [loadCase('2024/shenzhen-commerce'), loadCase('2021/shenzhen-ccpit'), ...extra]);
  render(<ImpactView result={result} places={2} labels={['2024年方案（基准）', '2025年草稿']} columns={['2024年', '2025年']} leafIds={leafIdsOf(d)} />);
}

const cells = (row: HTMLElement, cols: string[]) => cols.map((c) => row.querySelector(`[data-col="${c}"]`)?.textContent);
const caseRow = (id: string) => document.querySelector(`tr[data-case="${id}"]`) as HTMLElement;
const indicatorRow = (id: string) => document.querySelector(`tr[data-indicator="${id}"]`) as HTMLElement | null;

describe('ImpactView', () => {
  it('shows per case the totals before and after, the change and the grade, with the leaf indicators that moved', () => {
    setup();
    expect(cells(caseRow('2024/shenzhen-commerce'), ['before', 'after', 'change', 'grade'])).toEqual(['94.56', '95.56', '+1.00', '优']);
    // a total that did not move says so (one way of showing a change, the engine's showDelta)
    expect(cells(caseRow('2021/shenzhen-ccpit'), ['before', 'after', 'change', 'grade'])).toEqual(['93.18', '93.18', '无变化', '优']);
    const detail = (id: string) => (caseRow(id).nextElementSibling as HTMLElement).textContent;
    expect(detail('2021/shenzhen-ccpit')).toBe('重点工作完成情况 8.00 → 9.00（+1.00）；公众或服务对象满意度 6.00 → 5.00（-1.00）');
    expect(detail('2024/shenzhen-commerce')).toBe('重点工作完成情况 8.00 → 9.00（+1.00）');
    expect(screen.getByTestId('impact-summary').textContent).toBe('共 2 个案例：上升 1，下降 0，不变 1，等级变化 0平均总分 93.87 → 94.37（+0.50）');
  });

  it('lists the indicators whose points or average changed, and all of them on request', () => {
    setup();
    const table = screen.getByRole('table', { name: '各指标平均得分变化' });
    expect(within(table).getAllByRole('row').slice(1).map((r) => r.getAttribute('data-indicator'))).toEqual(['performance', 'efficiency', 'key-tasks', 'fairness', 'satisfaction']);
    expect(cells(indicatorRow('key-tasks')!, ['before', 'after', 'change'])).toEqual(['8.00', '9.00', '+1.00']);
    expect(cells(indicatorRow('satisfaction')!, ['before', 'after', 'change'])).toEqual(['4.00', '3.50', '-0.50']);
    expect(indicatorRow('satisfaction')!.textContent).toContain('6 → 5');
    expect(indicatorRow('decision')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: /显示全部指标/ }));
    // every indicator of the draft, at every level
    const all: string[] = [];
    const walk = (l: Indicator[]) => l.forEach((n) => (all.push(n.id), n.children && walk(n.children)));
    walk(loadScheme().indicators);
    expect(within(table).getAllByRole('row').length - 1).toBe(all.length);
    expect(cells(indicatorRow('decision')!, ['change'])).toEqual(['无变化']);
  });

  it('shows averages that do not end at 2 places so that what is shown adds up, unmarked (第1档 6 → 5.75 only)', () => {
    // 市贸促委 93.18 → 93.18 − 0.25 = 92.93, 市商务局 94.56 unchanged: the mean total (94.56 + 93.18) ÷ 2 = 93.87
    // → (94.56 + 92.93) ÷ 2 = 93.745, shown 93.75; 满意度 (6 + 2) ÷ 2 = 4 → (5.75 + 2) ÷ 2 = 3.875, shown 3.88.
    // Each shown change is the difference of the shown averages: 93.75 − 93.87 = 3.88 − 4.00 = −0.12.
    setup([], (d) => {
      (find(d.indicators, 'satisfaction').rule as TiersRule).tiers[0]!.score = 5.75;
    });
    expect(screen.getByTestId('impact-summary').textContent).toBe('共 2 个案例：上升 0，下降 1，不变 1，等级变化 0平均总分 93.87 → 93.75（-0.12）');
    expect(cells(indicatorRow('satisfaction')!, ['before', 'after', 'change'])).toEqual(['4.00', '3.88', '-0.12']);
    expect(indicatorRow('satisfaction')!.querySelector('[data-col="change"]')!.className).toContain('down');
    expect(cells(caseRow('2021/shenzhen-ccpit'), ['before', 'after', 'change'])).toEqual(['93.18', '92.93', '-0.25']);
  });

  it('describes the distribution: both cases in 90–100 under both versions', async () => {
    setup();
    // the chart is loaded with ECharts when first shown (a lazy chunk), so it appears a moment later — on a
    // busy machine (tests in parallel) several seconds later: findBy's default 1 s is not a statement about it
    expect((await screen.findByTestId('chart', {}, { timeout: 30_000 })).textContent).toBe(
      '得分分布（案例数）。2024年方案（基准）：<60分 0个，60–70分 0个，70–80分 0个，80–90分 0个，90–100分 2个；2025年草稿：<60分 0个，60–70分 0个，70–80分 0个，80–90分 0个，90–100分 2个。',
    );
  });

  it('shows a case that cannot be scored, with the reason, outside the averages', () => {
    setup([{ id: 'added/1', name: '空白案例', input: { facts: {} } }]);
    expect(cells(caseRow('added/1'), ['before', 'after', 'change', 'grade'])).toEqual(['无法计分', '无法计分', '—', '—']);
    expect((caseRow('added/1').nextElementSibling as HTMLElement).textContent).toMatch(/^在基准方案下无法计分：/);
    expect(screen.getByTestId('impact-summary').textContent).toContain('无法计分 1');
    expect(screen.getByTestId('impact-summary').textContent).toContain('平均总分 93.87 → 94.37');
  });
});
