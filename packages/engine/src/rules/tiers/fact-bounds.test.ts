/**
 * 分档计分 (tiers) with a bound that is another fact: this year's 结余 against last year's 结转. Source (issue 10
 * item 9, quoting a 部门整体 评分表): "有结余，但不超过上年结转，2分". The other two tiers (无结余 3分, 超过上年结转
 * 0分) are this test's hand-made scheme, to make a complete table around the quoted one.
 */
import { describe, expect, it } from 'vitest';
import { diffSchemes, renderCriterion, validateScheme, type Scheme, type TiersRule } from '../../index.ts';
import { input, leafScheme, leafScore, mustScore, node } from '../../../test/fixtures/build.ts';

const balance: TiersRule = {
  kind: 'tiers',
  metric: '本年结余',
  tiers: [
    { min: 0, minInclusive: true, max: 0, maxInclusive: true, score: 3 }, // 无结余
    { min: 0, minInclusive: false, max: { fact: '上年结转' }, maxInclusive: true, score: 2 }, // 有结余，但不超过上年结转
    { min: { fact: '上年结转' }, minInclusive: false, score: 0 }, // 超过上年结转
  ],
};
const doc: Scheme = leafScheme({
  id: 'balance',
  name: '结转结余控制',
  points: 3,
  rule: balance,
  inputs: [input.money('本年结余', '万元', { min: 0 }), input.money('上年结转', '万元', { min: 0 }), input.money('上年结转元', '元'), input.percent('执行率')],
});

const ruleOf = (d: Scheme) => d.indicators[0]!.children![0]!.rule as TiersRule;

describe('tiers with a bound that is another fact (结余 vs 上年结转)', () => {
  it('is a valid scheme: no gap or overlap is claimed for a table whose bounds move with the case', () => {
    expect(validateScheme(doc).filter((i) => i.severity === 'error')).toEqual([]);
  });

  // Hand arithmetic, 上年结转 35万元:
  //   结余 0      → 0 = 0                 → 第1档 无结余 → 3分
  //   结余 20     → 0 < 20 ≤ 35           → 第2档 → 2分
  //   结余 35     → 0 < 35 ≤ 35 (不超过 includes equal) → 2分
  //   结余 35.01  → 35.01 > 35            → 第3档 → 0分
  it.each([
    ['0', '3'],
    ['20', '2'],
    ['35', '2'],
    ['35.01', '0'],
  ])('本年结余 %s万元 with 上年结转 35万元 scores %s', (x, expected) => {
    expect(leafScore(doc, { 本年结余: x, 上年结转: 35 })).toBe(expected);
  });

  it('compares exactly: a 结余 of "0.30" against 上年结转 "0.3" is equal, hence 不超过', () => {
    // equal as decimals: 0.30 = 0.3, so the tier 0 < 结余 ≤ 上年结转 holds
    expect(leafScore(doc, { 本年结余: '0.30', 上年结转: '0.3' })).toBe('2');
  });

  it('explains the tier taken with the fact’s value', () => {
    const leaf = node(mustScore(doc, { 本年结余: 20, 上年结转: 35 }), 'balance');
    expect(leaf.trace!.branch).toBe('第2档：本年结余大于0且不超过上年结转，得2分');
    expect(leaf.trace!.arithmetic[0]).toBe('本年结余 20.00万元 ≤ 上年结转 35.00万元，落在第2档（本年结余大于0且不超过上年结转）→ 2分');
    const over = node(mustScore(doc, { 本年结余: 50, 上年结转: 35 }), 'balance');
    expect(over.trace!.arithmetic[0]).toBe('本年结余 50.00万元 > 上年结转 35.00万元，落在第3档（本年结余超过上年结转）→ 0分');
  });

  it('renders the 评分标准 in words: "不超过上年结转的，得2分"', () => {
    expect(renderCriterion(doc, 'balance')).toBe('1. 本年结余=0.00万元的，得3分；2. 本年结余大于0且不超过上年结转的，得2分；3. 本年结余超过上年结转的，得0分。');
  });

  it('renders in the dash style too ("…，计2分；…不得分")', () => {
    const d = structuredClone(doc);
    ruleOf(d).render = { style: 'dash' };
    expect(renderCriterion(d, 'balance')).toBe('本年结余=0，计3分；本年结余大于0且不超过上年结转，计2分；本年结余超过上年结转不得分。');
  });

  it('refuses 万元 against 元 with the conditions’ message, naming the indicator and the bound’s path', () => {
    const d = structuredClone(doc);
    ruleOf(d).tiers[1]!.max = { fact: '上年结转元' };
    const issues = validateScheme(d).filter((i) => i.severity === 'error');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe('condition-facts-incomparable');
    expect(issues[0]!.path).toBe('/indicators/0/children/0/rule/tiers/1/max/fact');
    expect(issues[0]!.indicator).toBe('balance');
    expect(issues[0]!.message).toContain('指标“结转结余控制”的档位界限');
    expect(issues[0]!.message).toContain('“本年结余”以万元计，“上年结转元”以元计，单位不同，不能直接比较');
  });

  it('refuses a percent bound for money, and an undeclared fact', () => {
    const d = structuredClone(doc);
    ruleOf(d).tiers[1]!.max = { fact: '执行率' };
    ruleOf(d).tiers[2]!.min = { fact: '上年结余' };
    const issues = validateScheme(d).filter((i) => i.severity === 'error');
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['condition-facts-incomparable', '/indicators/0/children/0/rule/tiers/1/max/fact'],
      ['condition-undeclared-fact', '/indicators/0/children/0/rule/tiers/2/min/fact'],
    ]);
    expect(issues[0]!.message).toContain('类型不同，不能比较');
    expect(issues[1]!.message).toContain('“上年结余”不是已声明的输入事实或计算指标');
  });

  it('diff: a bound changing from a number to a fact is a change sentence', () => {
    const before = structuredClone(doc);
    ruleOf(before).tiers[1]!.max = 30;
    ruleOf(before).tiers[2]!.min = 30;
    const changes = diffSchemes(before, doc).map((c) => [c.kind, c.message]);
    expect(changes).toEqual([
      ['tier-bound-changed', '结转结余控制：第2档 0.00万元<本年结余≤30.00万元 → 本年结余大于0且不超过上年结转'],
      ['tier-bound-changed', '结转结余控制：第3档 >30.00万元 → 本年结余超过上年结转'],
    ]);
  });
});
