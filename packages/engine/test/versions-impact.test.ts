/**
 * Impact preview on the real Shenzhen department cases: 市贸促委 2021 (seed 000) and 市商务局 2024
 * (seed 002), each scored under the published 2024 scheme (baseline) and under a 2025 draft made
 * from it. Expected changes are hand arithmetic from the cases' facts:
 * - 市贸促委: 满意度 100% (its 自评表: 服务企业满意度 实际完成指标值 100%) → 第1档 (≥95%);
 *   未完成重点工作数 0 ("按期保质保量完成重点工作").
 * - 市商务局: 满意度 not disclosed — the case records the report's 2分 as a reviewer entry, which no
 *   tier change touches; 未完成重点工作数 0 ("32项重点工作均已完成").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { compile, evaluate, newYear, simulate, type CaseDoc, type CompiledScheme, type Indicator, type Scheme, type SimulationCase } from '../src/index.ts';

const root = new URL('../../../', import.meta.url);
const load = <T>(p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as T;

const baseDoc = load<Scheme>('schemes/shenzhen-department/2024.json');
const CASES = ['cases/2021/shenzhen-ccpit.json', 'cases/2024/shenzhen-commerce.json'];
const cases: SimulationCase[] = CASES.map((p) => {
  const doc = load<CaseDoc>(`schemes/shenzhen-department/${p}`);
  return { id: p, name: doc.name, scheme: doc.scheme, input: doc };
});
const [CCPIT, COMMERCE] = CASES as [string, string];

function compiled(doc: Scheme): CompiledScheme {
  const r = compile(doc);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.compiled;
}
const baseline = compiled(baseDoc);

function find(list: Indicator[], id: string): Indicator | undefined {
  for (const n of list) {
    if (n.id === id) return n;
    const hit = n.children && find(n.children, id);
    if (hit) return hit;
  }
  return undefined;
}

// any: the tests edit rule internals of a parsed document
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** The 2025 draft from 2024, edited. */
function draft(edit: (ind: (id: string) => Any, d: Scheme) => void): CompiledScheme {
  const r = newYear(baseDoc, 2025);
  if (!r.ok) throw new Error('newYear failed');
  edit((id) => find(r.doc.indicators, id), r.doc);
  return compiled(r.doc);
}

/** The baseline total of a case, by the engine's evaluate (what simulate must agree with). */
function baselineTotal(i: number): string {
  const r = evaluate(baseline, cases[i]!.input);
  if (!r.ok) throw new Error('baseline cannot score');
  return r.sheet.total;
}

const byId = <T extends { id: string }>(xs: T[], id: string) => xs.find((x) => x.id === id)!;

describe('simulate: a tier change (满意度 第1档 6分 → 5分)', () => {
  const r = simulate(
    draft((ind) => (ind('satisfaction').rule.tiers[0].score = 5)),
    baseline,
    cases,
  );

  it('says every case is scored under both versions, whatever year it names', () => {
    expect(r.note).toContain('每个案例均按基准方案（2024年）与草稿（2025年）分别计分');
    expect(r.cases.map((c) => c.scheme?.year)).toEqual([2021, 2024]);
    expect(r.baseline).toEqual({ id: 'shenzhen-department', year: 2024, version: '1', status: 'published' });
    expect(r.draft).toEqual({ id: 'shenzhen-department', year: 2025, version: '1', status: 'draft' });
  });

  it('gives per case the totals before and after and the change', () => {
    const ccpit = byId(r.cases, CCPIT);
    const commerce = byId(r.cases, COMMERCE);
    expect(ccpit.before.ok && ccpit.before.total).toBe(baselineTotal(0));
    expect(commerce.before.ok && commerce.before.total).toBe(baselineTotal(1));
    // 市贸促委 is in 第1档: 6 → 5, one point less; 市商务局's reviewer-entered 2分 does not move
    expect(ccpit.change).toBe('-1');
    expect(ccpit.after.ok && ccpit.after.total).toBe(new Decimal(baselineTotal(0)).minus(1).toFixed());
    expect(commerce.change).toBe('0');
    expect(ccpit.indicators.map((i) => [i.id, i.before, i.after, i.change])).toEqual([
      ['performance', expect.any(String), expect.any(String), '-1'],
      ['fairness', '9', '8', '-1'],
      ['satisfaction', '6', '5', '-1'],
    ]);
    expect(commerce.indicators).toEqual([]);
    // both stay 优: reported totals 93.48 and 94.54 are ≥ 91, a one-point drop keeps them ≥ 90
    expect(r.cases.map((c) => c.gradeChanged)).toEqual([false, false]);
  });

  it('gives per indicator the average change: (−1 + 0) / 2 = −0.5', () => {
    expect(byId(r.indicators, 'satisfaction')).toMatchObject({ averageBefore: '4', averageAfter: '3.5', averageChange: '-0.5', cases: 2, pointsBefore: '6', pointsAfter: '6' });
    expect(byId(r.indicators, 'performance').averageChange).toBe('-0.5');
    expect(r.indicators.filter((i) => i.averageChange !== '0').map((i) => i.id)).toEqual(['performance', 'fairness', 'satisfaction']);
  });

  it('sums up and gives the distribution for the chart', () => {
    expect(r.summary).toMatchObject({ cases: 2, scored: 2, failed: 0, raised: 0, lowered: 1, unchanged: 1, gradeChanged: 0, averageChange: '-0.5' });
    expect(r.distribution.chart.categories).toEqual(['<60', '60–70', '70–80', '80–90', '90–100']);
    expect(r.distribution.chart.series).toEqual([
      { name: '基准方案', data: [0, 0, 0, 0, 2] },
      { name: '草稿', data: [0, 0, 0, 0, 2] },
    ]);
  });
});

describe('simulate: reweighting two indicators', () => {
  // 重点工作完成情况 8 → 9 (效率性 20 → 21); 公众或服务对象满意度 6 → 5 with 第1档 5分 (公平性 9 → 8)
  const r = simulate(
    draft((ind) => {
      ind('efficiency').points = 21;
      ind('key-tasks').points = 9;
      ind('fairness').points = 8;
      ind('satisfaction').points = 5;
      ind('satisfaction').rule.tiers[0].score = 5;
    }),
    baseline,
    cases,
  );

  it('市贸促委: +1 (重点工作, none undone) −1 (满意度 第1档) = 0; 市商务局: +1', () => {
    expect(byId(r.cases, CCPIT).change).toBe('0');
    expect(byId(r.cases, COMMERCE).change).toBe('1');
    expect(byId(r.cases, COMMERCE).indicators.map((i) => [i.id, i.change])).toEqual([
      ['performance', '1'],
      ['efficiency', '1'],
      ['key-tasks', '1'],
    ]);
  });

  it('averages: 重点工作 +1, 满意度 −0.5, total +0.5', () => {
    expect(byId(r.indicators, 'key-tasks')).toMatchObject({ pointsBefore: '8', pointsAfter: '9', averageBefore: '8', averageAfter: '9', averageChange: '1' });
    expect(byId(r.indicators, 'satisfaction')).toMatchObject({ pointsBefore: '6', pointsAfter: '5', averageChange: '-0.5' });
    expect(r.summary).toMatchObject({ raised: 1, unchanged: 1, lowered: 0, averageChange: '0.5' });
    const before = new Decimal(baselineTotal(0)).plus(baselineTotal(1)).div(2);
    expect(r.summary.averageBefore).toBe(before.toDecimalPlaces(4).toFixed());
    expect(r.summary.averageAfter).toBe(before.plus('0.5').toDecimalPlaces(4).toFixed());
  });
});

describe('simulate: grade bands and failing cases', () => {
  it('counts grade changes: 优 from 95 moves both departments (totals below 95) to 良', () => {
    const r = simulate(
      draft((_ind, d) => {
        d.grades[0]!.min = 95;
        d.grades[1]!.max = 95;
      }),
      baseline,
      cases,
    );
    expect(r.cases.map((c) => [c.change, c.before.ok && c.before.grade, c.after.ok && c.after.grade, c.gradeChanged])).toEqual([
      ['0', '优', '良', true],
      ['0', '优', '良', true],
    ]);
    expect(r.summary.gradeChanged).toBe(2);
  });

  it('lists the cases a draft cannot score, with their issues, outside the averages', () => {
    const r = simulate(
      draft((ind, d) => {
        d.inputs.push({ id: '重点工作完成率', label: '重点工作完成率', type: 'percent', min: 0, max: 1 });
        ind('key-tasks').rule = {
          kind: 'tiers',
          metric: '重点工作完成率',
          tiers: [
            { min: 1, minInclusive: true, score: 8 },
            { max: 1, maxInclusive: false, score: 0 },
          ],
        };
      }),
      baseline,
      cases,
    );
    for (const c of r.cases) {
      expect(c.before.ok).toBe(true);
      expect(c.after.ok).toBe(false);
      if (!c.after.ok) expect(c.after.issues.map((i) => [i.code, i.fact])).toContainEqual(['fact-missing', '重点工作完成率']);
      expect(c.change).toBeNull();
      expect(c.gradeChanged).toBeNull();
    }
    expect(r.summary).toMatchObject({ cases: 2, scored: 0, failed: 2, averageBefore: null, averageAfter: null, averageChange: null });
    expect(r.distribution.chart.series.map((s) => s.data)).toEqual([
      [0, 0, 0, 0, 2],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('counts an indicator absent from one version as 0 there', () => {
    // 新增 数字化建设 3分 (扣分 on the same count, none undone → 3), 重点工作完成情况 8 → 5
    const r = simulate(
      draft((ind) => {
        ind('key-tasks').points = 5;
        ind('efficiency').children.push({ id: 'digital', name: '数字化建设', points: 3, rule: { kind: 'deduction', countFact: '未完成重点工作数', perItem: 1 } });
      }),
      baseline,
      cases,
    );
    expect(byId(r.indicators, 'digital')).toMatchObject({ pointsBefore: null, pointsAfter: '3', averageBefore: '0', averageAfter: '3', averageChange: '3' });
    expect(byId(r.indicators, 'key-tasks').averageChange).toBe('-3');
    expect(r.cases.map((c) => c.change)).toEqual(['0', '0']);
    expect(byId(r.cases, CCPIT).indicators.map((i) => [i.id, i.before, i.after])).toEqual([
      ['key-tasks', '8', '5'],
      ['digital', null, '3'],
    ]);
  });
});
