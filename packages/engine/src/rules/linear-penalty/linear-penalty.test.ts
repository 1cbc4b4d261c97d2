/** 线性扣分 (linear penalty), in each stepping mode. */
import { describe, expect, it } from 'vitest';
import { renderCriterion, validateScheme, type LinearPenaltyRule } from '../../index.ts';
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
