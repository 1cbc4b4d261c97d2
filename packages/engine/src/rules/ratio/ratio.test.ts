/** 比率×分值 (ratio × points) with cap and zero rule. */
import { describe, expect, it } from 'vitest';
import { criterionMatches, type RatioRule } from '../../index.ts';
import { input, leafScheme, leafScore, metric, mustScore, node, norm } from '../../../test/fixtures/build.ts';

const LEAF_2DP = { places: 2, mode: 'half-up' as const, stages: ['leaf' as const] };

describe('ratio (比率×分值)', () => {
  // Seed 000 政府采购执行情况, item 1: "政府采购执行率得分=政府采购执行率×1分 政府采购执行率=（实际采购金额合计数/采购计划金额合计数）×100%
  // 如实际采购金额大于采购计划金额，本项得0分。"
  const rule: RatioRule = {
    kind: 'ratio',
    metric: '政府采购执行率',
    multiplier: 1,
    render: { after: ' 政府采购执行率=（实际采购金额合计数/采购计划金额合计数）×100% ' },
    zeroWhen: { when: { fact: '实际采购金额', operator: 'greaterThan', value: { fact: '采购计划金额' } }, text: '如实际采购金额大于采购计划金额，本项得0分。' },
  };
  const doc = leafScheme({
    rule,
    points: 1,
    rounding: LEAF_2DP,
    criterion: '政府采购执行率得分=政府采购执行率×1分 政府采购执行率=（实际采购金额合计数/采购计划金额合计数）×100% 如实际采购金额大于采购计划金额，本项得0分。',
    inputs: [input.money('采购计划金额'), input.money('实际采购金额')],
    metrics: [metric('政府采购执行率', '实际采购金额 / 采购计划金额')],
  });

  it('seed 000 figures: 104.92 万元 of 143.40 万元 → 73.17% × 1分 → 0.73', () => {
    // 104.92 / 143.40: 143.4 × 0.73 = 104.682, remainder 0.238 / 143.4 = 0.00166 → 0.73166 × 1分 → 0.73 (2 places, half-up)
    const leaf = node(mustScore(doc, { 采购计划金额: '143.40', 实际采购金额: '104.92' }), 'leaf');
    expect(norm(leaf.score)).toBe('0.73');
    const lines = leaf.trace!.arithmetic.join('\n');
    expect(lines).toContain('73.17% × 1分');
    expect(leaf.trace!.arithmetic.at(-1)).toContain('→ 0.73');
  });

  it('zero rule: actual above plan → 0, even though the ratio would be capped at 1', () => {
    const leaf = node(mustScore(doc, { 采购计划金额: '143.40', 实际采购金额: '150' }), 'leaf');
    expect(norm(leaf.score)).toBe('0');
    expect(leaf.trace!.branch).toBe('得0分条款：如实际采购金额大于采购计划金额，本项得0分。');
  });

  it('zero rule is strict: actual equal to plan is 100% × 1分 = 1', () => {
    expect(leafScore(doc, { 采购计划金额: '143.40', 实际采购金额: '143.4' })).toBe('1');
  });

  it('renders the rule with its zero clause as the official text', () => {
    expect(criterionMatches(doc, 'leaf')?.match).toBe(true);
  });

  // Seed 000 预算执行率, items 1–2: "一季度预算执行率得分=(一季度部门预算支出进度/序时进度 25%) ×1 分",
  // "二季度预算执行率得分=(二季度部门预算支出进度/序时进度 50%) ×1 分"; each item is worth 1分, so the score is capped at 1.
  const quarter = (q: string, pace: string) =>
    leafScheme({
      points: 1,
      rounding: LEAF_2DP,
      inputs: [input.money(`${q}累计支出`), input.money(`${q}调整预算`)],
      metrics: [metric(`${q}部门预算支出进度`, `${q}累计支出 / ${q}调整预算`), metric(`${q}预算执行率`, `${q}部门预算支出进度 / ${pace}`)],
      rule: { kind: 'ratio', metric: `${q}预算执行率`, multiplier: 1, cap: 1 },
    });

  it('cap: seed 000 Q1 1612.16 / 4915.89 = 32.79%, ÷ 25% = 131.18% × 1分 → capped at 1', () => {
    const leaf = node(mustScore(quarter('一季度', '0.25'), { 一季度累计支出: 1612.16, 一季度调整预算: 4915.89 }), 'leaf');
    expect(norm(leaf.score)).toBe('1');
    expect(leaf.trace!.arithmetic.join('\n')).toContain('封顶');
  });

  it('seed 000 Q2 2406.61 / 4909.63 = 49.018%, ÷ 50% = 98.04% × 1分 → 0.98', () => {
    // 4909.63 × 0.49 = 2405.7187; (2406.61 − 2405.7187) / 4909.63 = 0.000182 → 0.490182 ÷ 0.5 = 0.980363 → 0.98
    expect(leafScore(quarter('二季度', '0.5'), { 二季度累计支出: 2406.61, 二季度调整预算: 4909.63 })).toBe('0.98');
  });

  it('a cap below the points wins over the points', () => {
    const doc2 = leafScheme({ points: 1, inputs: [input.percent('比率')], rule: { kind: 'ratio', metric: '比率', multiplier: 1, cap: 0.8 } });
    expect(leafScore(doc2, { 比率: 0.9 })).toBe('0.8'); // 0.9 × 1 = 0.9 > cap 0.8
    expect(leafScore(doc2, { 比率: 0.75 })).toBe('0.75'); // under the cap
  });

  it('multiplier other than 1: 全年平均执行率 101.46% × 2分 = 2.0292 → capped at the 2 points', () => {
    // Seed 000 预算执行率 item 5: "全年平均支出进度得分=全年平均执行率×2 分"; the report gives 全年平均执行率 101.46%.
    const doc2 = leafScheme({ points: 2, inputs: [input.percent('全年平均执行率')], rule: { kind: 'ratio', metric: '全年平均执行率', multiplier: 2 } });
    expect(leafScore(doc2, { 全年平均执行率: '101.46%' })).toBe('2');
    expect(leafScore(doc2, { 全年平均执行率: '90.29%' })).toBe('1.8058'); // 0.9029 × 2 = 1.8058 (no rounding stage)
  });

  it('a negative ratio scores 0, never below', () => {
    const doc2 = leafScheme({ points: 1, inputs: [input.number('增长率', { min: -10 })], rule: { kind: 'ratio', metric: '增长率', multiplier: 1 } });
    expect(leafScore(doc2, { 增长率: -0.5 })).toBe('0');
  });
});
