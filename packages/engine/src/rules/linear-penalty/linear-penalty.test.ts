/** 线性扣分 (linear penalty), in each stepping mode. */
import { describe, expect, it } from 'vitest';
import { diffSchemes, renderCriterion, validateScheme, type LinearPenaltyRule } from '../../index.ts';
import { input, leafScheme, leafScore, metric, mustScore, node } from '../../../test/fixtures/build.ts';

// Seed 000 财务合规性, item 2 (1分): "资金调整、调剂规范性（1分）。调整、调剂资金累计在本单位部门预算总规模10%以内的，得1分；
// 超出10%的，超出一个百分点扣0.1分，直至1分扣完为止。"
const base: LinearPenaltyRule = {
  kind: 'linearPenalty',
  metric: '调整调剂资金占比',
  threshold: 0.1,
  step: 0.01,
  deduct: 0.1,
  render: { subject: '调整、调剂资金累计在本单位部门预算总规模' },
};
const schemeFor = (stepping?: LinearPenaltyRule['stepping']) =>
  leafScheme({
    points: 1,
    rounding: { places: 2, mode: 'half-up', stages: ['leaf'] },
    inputs: [input.money('调整调剂资金累计额'), input.money('部门预算总规模')],
    metrics: [metric('调整调剂资金占比', '调整调剂资金累计额 / 部门预算总规模')],
    rule: stepping ? { ...base, stepping } : base,
  });

// Seed 000 report: "年初预算数4,299.00万元…调整资金770.47万元，调整资金占部门预算总规模的17.92%".
// 770.47 ÷ 4299.00 = 0.179221 (17.9221%): 7.9221 percentage points beyond 10%.
const seedFacts = { 调整调剂资金累计额: '770.47', 部门预算总规模: '4,299.00' };

describe('linearPenalty (线性扣分)', () => {
  it('within the threshold: 190.34 / 5069.47 = 3.75% ≤ 10% → 1', () => {
    expect(leafScore(schemeFor(), { 调整调剂资金累计额: 190.34, 部门预算总规模: 5069.47 })).toBe('1');
  });

  it('exactly at the threshold (10%以内 includes 10%) → 1', () => {
    expect(leafScore(schemeFor(), { 调整调剂资金累计额: 10, 部门预算总规模: 100 })).toBe('1');
  });

  it('proportional (default): 7.9221 points over → 1 − 0.79221 = 0.20779 → 0.21', () => {
    expect(leafScore(schemeFor(), seedFacts)).toBe('0.21');
    expect(leafScore(schemeFor('proportional'), seedFacts)).toBe('0.21');
  });

  it('whole: only whole points count → 7 × 0.1 = 0.7 → 0.3', () => {
    expect(leafScore(schemeFor('whole'), seedFacts)).toBe('0.3');
  });

  it('started: a started point counts as one → 8 × 0.1 = 0.8 → 0.2', () => {
    expect(leafScore(schemeFor('started'), seedFacts)).toBe('0.2');
  });

  it.each([
    ['proportional', '12.5', '0.75'], // 2.5 points over → 1 − 0.25
    ['whole', '12.5', '0.8'], // 2 whole points → 1 − 0.2
    ['started', '12.5', '0.7'], // 3 started points → 1 − 0.3
    ['proportional', '13', '0.7'], // exactly 3 points: all modes agree
    ['whole', '13', '0.7'],
    ['started', '13', '0.7'],
  ] as const)('%s: %s%% → %s', (mode, pct, expected) => {
    expect(leafScore(schemeFor(mode), { 调整调剂资金累计额: pct, 部门预算总规模: 100 })).toBe(expected);
  });

  it('直至扣完为止: 20% → 10 points × 0.1 = 1 → 0; 25% → 1.5 → 0, never negative', () => {
    expect(leafScore(schemeFor(), { 调整调剂资金累计额: 20, 部门预算总规模: 100 })).toBe('0');
    const leaf = node(mustScore(schemeFor(), { 调整调剂资金累计额: 25, 部门预算总规模: 100 }), 'leaf');
    expect(leaf.score.startsWith('0')).toBe(true);
    expect(leaf.trace!.arithmetic.join('\n')).toContain('扣完为止');
  });

  it('renders the seed sentence', () => {
    expect(renderCriterion(schemeFor(), 'leaf')).toBe(
      '调整、调剂资金累计在本单位部门预算总规模10%以内的，得1分；超出10%的，超出一个百分点扣0.1分，直至1分扣完为止。',
    );
  });

  it('validation: step and deduct must be positive', () => {
    const bad = leafScheme({
      points: 1,
      inputs: [input.percent('占比')],
      rule: { kind: 'linearPenalty', metric: '占比', threshold: 0.1, step: 0, deduct: -0.1 },
    });
    const codes = validateScheme(bad).map((i) => i.code);
    expect(codes).toContain('penalty-step');
    expect(codes).toContain('penalty-deduct');
  });
});

// Issue 10, from provinces' 部门整体 schemes: "在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止".
describe('linearPenalty: per-point deductions stepping whole, in the compact wording', () => {
  const staff = (stepping: LinearPenaltyRule['stepping'], style = 'compact-fullwidth') =>
    leafScheme({
      points: 5,
      inputs: [input.count('实有在职人数'), input.count('编制数')],
      metrics: [metric('在职人员控制率', '实有在职人数 / 编制数')],
      rule: { kind: 'linearPenalty', metric: '在职人员控制率', threshold: 1, step: 0.01, deduct: 0.5, stepping, render: { style } },
    });

  it('renders the official sentence for whole steps', () => {
    expect(renderCriterion(staff('whole'), 'leaf')).toBe('在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。');
  });

  it('renders proportional and started steps differently', () => {
    expect(renderCriterion(staff('proportional', 'compact'), 'leaf')).toBe('在职人员控制率≤100%，计5分；超过部分按每超过一个百分点扣0.5分的比例扣分，扣完为止。');
    expect(renderCriterion(staff('started'), 'leaf')).toBe('在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分（不足一个百分点的按一个百分点计），扣完为止。');
  });

  // 103 of 100 在编: 103% is 3 points over → 5 − 3 × 0.5 = 3.5; 41 of 40 (102.5%): whole 2 steps → 4, proportional 2.5 → 3.75
  it('103% → 5 − 3 × 0.5 = 3.5; 102.5%: whole 5 − 2 × 0.5 = 4, proportional 5 − 2.5 × 0.5 = 3.75; 100% → 5; 46 of 40 = 115% → 5 − 15 × 0.5 < 0 → 0 (扣完为止)', () => {
    expect(leafScore(staff('whole'), { 实有在职人数: 103, 编制数: 100 })).toBe('3.5');
    expect(leafScore(staff('whole'), { 实有在职人数: 41, 编制数: 40 })).toBe('4');
    expect(leafScore(staff('proportional'), { 实有在职人数: 41, 编制数: 40 })).toBe('3.75');
    expect(leafScore(staff('whole'), { 实有在职人数: 100, 编制数: 100 })).toBe('5');
    expect(leafScore(staff('whole'), { 实有在职人数: 46, 编制数: 40 })).toBe('0');
  });

  it('the trace says which steps counted', () => {
    const leaf = node(mustScore(staff('whole'), { 实有在职人数: 41, 编制数: 40 }), 'leaf');
    expect(leaf.trace!.arithmetic).toContain('超出 102.5% − 100% = 2.5%，合 2.5 步（每步 一个百分点，只计整步） → 2 步');
    expect(leaf.trace!.arithmetic).toContain('5分 − 2 × 0.5分 = 4分');
  });
});

// Issue 10: "每低于5%扣2分" — a deduction for falling below a threshold. Here 预算执行率 ≥ 95% earns 10分.
describe('linearPenalty below a threshold', () => {
  const execution = (stepping: LinearPenaltyRule['stepping']) =>
    leafScheme({
      points: 10,
      inputs: [input.percent('预算执行率')],
      rule: { kind: 'linearPenalty', metric: '预算执行率', threshold: 0.95, step: 0.05, deduct: 2, direction: 'below', stepping, render: { style: 'compact' } },
    });

  it('renders "每低于5%扣2分"', () => {
    expect(renderCriterion(execution('whole'), 'leaf')).toBe('预算执行率≥95%，计10分；每低于5%扣2分，扣完为止。');
  });

  // 87%: 8 points below 95% = 1.6 steps of 5% → whole 1 step: 10 − 2 = 8; proportional 10 − 1.6 × 2 = 6.8
  it('87%: whole 10 − 1 × 2 = 8; proportional 10 − 1.6 × 2 = 6.8; 95% → 10; 60% → 0', () => {
    expect(leafScore(execution('whole'), { 预算执行率: '87%' })).toBe('8');
    expect(leafScore(execution('proportional'), { 预算执行率: '87%' })).toBe('6.8');
    expect(leafScore(execution('whole'), { 预算执行率: '95%' })).toBe('10');
    expect(leafScore(execution('whole'), { 预算执行率: '60%' })).toBe('0');
  });

  it('diff names the direction', () => {
    const a = execution('whole');
    const b = structuredClone(a);
    delete (b.indicators[0]!.children![0]!.rule as LinearPenaltyRule).direction;
    expect(diffSchemes(a, b).map((c) => c.message)).toContain('测试指标：扣分方向 低于阈值扣分 → 超过阈值扣分');
  });
});

// 岳阳市部门整体支出绩效评价评分表: "“三公经费”变动率≦0,计5分;“三公经费”>0,每超过一个百分点扣0.5分,扣完为止。" — a zero
// threshold written bare, and `render.restate` restating the condition before the deduction.
describe('linearPenalty compact: a zero threshold and the restated condition', () => {
  const change = (restate?: string, direction?: LinearPenaltyRule['direction']) =>
    leafScheme({
      points: 4,
      inputs: [input.percent('经费变动率', { min: -1 })],
      rule: {
        kind: 'linearPenalty',
        metric: '经费变动率',
        threshold: 0,
        step: 0.01,
        deduct: 1,
        stepping: 'whole',
        ...(direction ? { direction } : {}),
        render: { style: 'compact-fullwidth', ...(restate ? { restate } : {}) },
      },
    });

  it('writes 0, not 0%, and restates "经费>0，" before the deduction when asked', () => {
    expect(renderCriterion(change(), 'leaf')).toBe('经费变动率≦0，计4分；每超过一个百分点扣1分，扣完为止。');
    expect(renderCriterion(change('经费'), 'leaf')).toBe('经费变动率≦0，计4分；经费>0，每超过一个百分点扣1分，扣完为止。');
    expect(renderCriterion(change('经费', 'below'), 'leaf')).toBe('经费变动率≧0，计4分；经费<0，每低于一个百分点扣1分，扣完为止。');
  });

  // −3% ≤ 0 → 4; +2.5%: 2 whole points over → 4 − 2 × 1 = 2; +7% → 4 − 7 < 0 → 0
  it('scores −3% → 4, 2.5% → 2, 7% → 0', () => {
    expect(leafScore(change('经费'), { 经费变动率: '-3%' })).toBe('4');
    expect(leafScore(change('经费'), { 经费变动率: '2.5%' })).toBe('2');
    expect(leafScore(change('经费'), { 经费变动率: '7%' })).toBe('0');
  });
});
