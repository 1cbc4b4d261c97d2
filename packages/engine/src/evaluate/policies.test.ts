/**
 * Scheme-level policies (issue 10 items 6, 7): a cap on the total tied to 执行率, overlapping bands resolved by the
 * strictest; 不适用 indicators renormalised to 百分制.
 *
 * Sources: the self-evaluation cap as issue 10 quotes it — "执行率为70%至80%的，绩效自评不超过89分；执行率为60%至70%的
 * …不超过79分；执行率低于60%的…不超过69分；执行率低于50%的…不超过59分。自评得分超出最高得分部分，予以减分处理。" (the
 * elided "，绩效自评" restored after the first clause's pattern); 财预〔2020〕10号 附件 — "对于不适用部分评价对象的评价
 * 指标，不考核该指标，用适用指标得分汇总后按百分制对该项目折算计分".
 */
import { describe, expect, it } from 'vitest';
import { buildDecls } from '../compile/decls.ts';
import { validateScheme, type Scheme } from '../index.ts';
import { evalIssues, input, mustScore, node } from '../../test/fixtures/build.ts';
import { renderTotalCap } from './policies.ts';

const CAP_OFFICIAL = '执行率为70%至80%的，绩效自评不超过89分；执行率为60%至70%的，绩效自评不超过79分；执行率低于60%的，绩效自评不超过69分；执行率低于50%的，绩效自评不超过59分。自评得分超出最高得分部分，予以减分处理。';

/** Two judgement leaves: 政府采购 10 and 绩效目标 90; 执行率 a fact. */
function scheme(extra: Partial<Scheme> = {}): Scheme {
  return {
    id: 'test',
    family: 'test',
    title: '测试方案',
    jurisdiction: '测试',
    year: 2024,
    version: '1',
    status: 'draft',
    totalPoints: 100,
    rounding: { places: 2, mode: 'half-up', stages: ['total'] },
    grades: [{ grade: '合格', min: 0, minInclusive: true }],
    inputs: [input.percent('执行率'), input.boolean('有政府采购预算')],
    indicators: [
      {
        id: 'all',
        name: '项目',
        points: 100,
        children: [
          { id: 'procurement', name: '政府采购', points: 10, rule: { kind: 'judgement' }, notApplicable: { when: { fact: '有政府采购预算', operator: 'equal', value: false }, text: '未安排政府采购预算的' } },
          { id: 'goals', name: '绩效目标完成情况', points: 90, rule: { kind: 'judgement' } },
        ],
      },
    ],
    ...extra,
  };
}

const cap: Scheme['totalCap'] = {
  metric: '执行率',
  bands: [
    { min: 0.7, minInclusive: true, max: 0.8, maxInclusive: false, cap: 89 },
    { min: 0.6, minInclusive: true, max: 0.7, maxInclusive: true, cap: 79 },
    { max: 0.6, maxInclusive: false, cap: 69 },
    { max: 0.5, maxInclusive: false, cap: 59 },
  ],
  after: '自评得分超出最高得分部分，予以减分处理。',
};
const policy = { notApplicablePolicy: { mode: 'renormalise' as const } };
const scores = (p: number, g: number) => ({ procurement: { score: p, reason: '采购合规' }, goals: { score: g, reason: '目标基本完成' } });

describe('总分封顶 (a cap on the total tied to 执行率)', () => {
  const doc = scheme({ totalCap: cap, ...policy });

  it('renders the official clause', () => {
    expect(renderTotalCap(cap, buildDecls(doc))).toBe(CAP_OFFICIAL);
  });

  it('caps the total by the band of 执行率: 75% → 不超过89分', () => {
    // 9 + 86 = 95 > 89 → 95 − 6 = 89
    const sheet = mustScore(doc, { 执行率: '75%', 有政府采购预算: true }, scores(9, 86));
    expect(sheet.total).toBe('89');
    expect(sheet.adjustments).toEqual([{ kind: 'cap', before: '95', after: '89', text: '执行率 75%，落在第1档：总分不超过89分；95分超出部分 6分予以减分 → 89分' }]);
  });

  it('overlapping bands resolve to the strictest: 70% is in 70%至80% and 60%至70% → 79; 45% in 低于60% and 低于50% → 59', () => {
    expect(mustScore(doc, { 执行率: '70%', 有政府采购预算: true }, scores(9, 86)).total).toBe('79');
    const low = mustScore(doc, { 执行率: '45%', 有政府采购预算: true }, scores(9, 86));
    expect(low.total).toBe('59');
    expect(low.adjustments![0]!.text).toContain('落在第3、4档，取最严的第4档');
  });

  it('no band, or a total already within the cap, leaves the total as it is', () => {
    expect(mustScore(doc, { 执行率: '85%', 有政府采购预算: true }, scores(9, 86)).total).toBe('95');
    // 65% caps at 79; 8 + 62 = 70 ≤ 79
    expect(mustScore(doc, { 执行率: '65%', 有政府采购预算: true }, scores(8, 62)).total).toBe('70');
  });

  it('the cap needs its fact: a missing 执行率 is an issue naming it', () => {
    const issues = evalIssues(doc, { 有政府采购预算: true }, scores(9, 86));
    expect(issues[0]).toMatchObject({ code: 'fact-missing', fact: '执行率' });
  });

  it('validation: a cap above the total, with its path', () => {
    const bad = scheme({ totalCap: { ...cap, bands: [{ ...cap.bands[0]!, cap: 101 }] }, ...policy });
    const issues = validateScheme(bad).filter((i) => i.severity === 'error');
    expect(issues.map((i) => [i.code, i.path, i.message])).toEqual([['total-cap-above-total', '/totalCap/bands/0/cap', '总分封顶第1档的最高得分 101 分超过总分 100 分']]);
  });
});

describe('不适用 → 按百分制折算 (renormalise)', () => {
  const doc = scheme(policy);

  it('a 不适用 indicator is not scored and the rest is converted to 百分制', () => {
    // 81 ÷ (100 − 10) × 100 = 90
    const sheet = mustScore(doc, { 执行率: '95%', 有政府采购预算: false }, { goals: { score: 81, reason: '目标基本完成' } });
    expect(sheet.total).toBe('90');
    expect(node(sheet, 'procurement')).toMatchObject({ score: '0', notApplicable: '未安排政府采购预算的' });
    expect(sheet.adjustments).toEqual([
      { kind: 'renormalise', before: '81', after: '90', text: '不适用指标分值 10分不考核：适用指标得分 81 ÷ 适用指标分值 90 × 100 = 90分（按百分制折算）' },
    ]);
  });

  it('when the indicator applies, nothing is converted', () => {
    // 8 + 81 = 89
    const sheet = mustScore(doc, { 执行率: '95%', 有政府采购预算: true }, scores(8, 81));
    expect(sheet.total).toBe('89');
    expect(sheet.adjustments).toBeUndefined();
  });

  it('renormalised first, then capped', () => {
    // 81 ÷ 90 × 100 = 90, then 执行率 75% caps at 89
    const both = scheme({ ...policy, totalCap: cap });
    const sheet = mustScore(both, { 执行率: '75%', 有政府采购预算: false }, { goals: { score: 81, reason: '目标基本完成' } });
    expect(sheet.adjustments!.map((a) => [a.kind, a.before, a.after])).toEqual([
      ['renormalise', '81', '90'],
      ['cap', '90', '89'],
    ]);
    expect(sheet.total).toBe('89');
  });

  it('validation: 不适用 without the scheme saying how to treat it', () => {
    const issues = validateScheme(scheme()).filter((i) => i.severity === 'error');
    expect(issues.map((i) => [i.code, i.path, i.indicator])).toEqual([['not-applicable-without-policy', '/indicators/0/children/0/notApplicable', 'procurement']]);
  });
});
