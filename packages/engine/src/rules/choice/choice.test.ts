/**
 * 择一考核 (choice). Source: a 部门整体 考核表 (wanglu.net/thread/t13-461855-0.html): 结转结余率 "=本年结转结余资金
 * 总额*100%/本年一般公共预算支出完成数" (目标 9%) and 结转结余变动率 "=(本年结转结余资金总额-上年结转结余资金总额)
 * *100%/上年结转结余资金总额" (目标 -30%): "二者择其一进行考核，按完成比例计算得分，满分为止"（权数 20）.
 */
import { describe, expect, it } from 'vitest';
import { diffSchemes, renderCriterion, validateScheme, type Scheme } from '../../index.ts';
import { input, leafScheme, leafScore, metric, mustScore, node } from '../../../test/fixtures/build.ts';

const OFFICIAL = '二者择其一进行考核，按完成比例计算得分，满分为止。';
const doc: Scheme = leafScheme({
  id: 'carryover',
  name: '结转结余情况',
  points: 20,
  rounding: { places: 2, mode: 'half-up', stages: ['leaf'] },
  inputs: [input.enum('考核口径', ['结转结余率', '结转结余变动率']), input.money('本年结转结余'), input.money('上年结转结余'), input.money('支出完成数')],
  metrics: [metric('结转结余率', '本年结转结余 / 支出完成数'), metric('结转结余变动率', '(本年结转结余 - 上年结转结余) / 上年结转结余')],
  rule: {
    kind: 'choice',
    by: '考核口径',
    options: [
      { value: '结转结余率', name: '结转结余率', rule: { kind: 'completion', actual: '结转结余率', target: '9%', direction: 'lower' } },
      { value: '结转结余变动率', name: '结转结余变动率', rule: { kind: 'completion', actual: '结转结余变动率', target: '-30%', direction: 'lower' } },
    ],
  },
});

describe('choice (择一考核)', () => {
  it('renders the official sentence once for both measures', () => {
    expect(renderCriterion(doc, 'carryover')).toBe(OFFICIAL);
  });

  it('only the chosen measure is scored: the other one’s zero denominator (no 上年结转结余) is no error', () => {
    // 90 ÷ 500 = 18%; 9% ÷ 18% = 50%; 20 × 50% = 10
    const leaf = node(mustScore(doc, { 考核口径: '结转结余率', 本年结转结余: 90, 上年结转结余: 0, 支出完成数: 500 }), 'carryover');
    expect(leaf.score).toBe('10');
    expect(leaf.trace!.branch).toBe('择一考核：考核口径为“结转结余率”，按结转结余率考核');
    expect(leaf.trace!.arithmetic[0]).toBe('考核口径 = 结转结余率 → 按结转结余率考核（其余口径不计算）');
    expect(leaf.trace!.arithmetic).toContain('完成比例 = 9% ÷ 18% = 50%');
    expect(leaf.trace!.parts?.[0]?.name).toBe('结转结余率');
  });

  it('the other measure when the enum says so', () => {
    // (90 − 120) ÷ 120 = −25%; −25% ÷ −30% = 5/6; 20 × 5/6 = 16.666… → 16.67
    expect(leafScore(doc, { 考核口径: '结转结余变动率', 本年结转结余: 90, 上年结转结余: 120, 支出完成数: 500 })).toBe('16.67');
  });

  it('validation: an option that is not a value of the enum, with indicator and path', () => {
    const bad = structuredClone(doc);
    const rule = bad.indicators[0]!.children![0]!.rule as { options: { value: string }[] };
    rule.options[1]!.value = '变动';
    const issues = validateScheme(bad).filter((i) => i.severity === 'error');
    expect(issues.map((i) => [i.code, i.path, i.indicator])).toEqual([['choice-value-unknown', '/indicators/0/children/0/rule/options/1/value', 'carryover']]);
    expect(issues[0]!.message).toBe('“结转结余情况”的考核口径“变动”不是“考核口径”的可选值（可选：结转结余率、结转结余变动率）');
  });

  it('diff: a measure’s own rule changes are reported under its name', () => {
    const next = structuredClone(doc);
    const rule = next.indicators[0]!.children![0]!.rule as { options: { rule: { target: string } }[] };
    rule.options[0]!.rule.target = '10%';
    const cs = diffSchemes(doc, next);
    expect(cs.map((c) => [c.kind, c.message])).toEqual([['completion-target-changed', '结转结余情况·结转结余率：目标值 9% → 10%']]);
  });
});
