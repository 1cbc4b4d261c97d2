/**
 * 按完成比例计分 (completion). Source: a 部门整体 考核表 (wanglu.net/thread/t13-461855-0.html): 一般公共预算支出实际
 * 完成率 "按完成比例计算得分，满分为止"（权数 20，年度工作目标 100%）; 结转结余率 (目标 9%, lower is better) and
 * 结转结余变动率 (目标 -30%).
 */
import { describe, expect, it } from 'vitest';
import { renderCriterion, validateScheme, type Rule } from '../../index.ts';
import { input, leafScheme, leafScore, mustScore, node } from '../../../test/fixtures/build.ts';

const OFFICIAL = '按完成比例计算得分，满分为止。';
const doc = (rule: Rule, inputs = [input.percent('完成率')]) => leafScheme({ id: 'rate', name: '一般公共预算支出实际完成率', points: 20, rule, inputs });
const higher = doc({ kind: 'completion', actual: '完成率', target: 1 });

describe('completion (按完成比例计分)', () => {
  it('renders the official sentence', () => {
    expect(renderCriterion(higher, 'rate')).toBe(OFFICIAL);
  });

  it('below the target: points × completion share; at or above it: full points, 满分为止', () => {
    // 93.14% ÷ 100% = 93.14%; 20 × 0.9314 = 18.628
    expect(leafScore(higher, { 完成率: '93.14%' })).toBe('18.628');
    expect(leafScore(higher, { 完成率: '100%' })).toBe('20');
    expect(leafScore(higher, { 完成率: '105%' })).toBe('20');
  });

  it('explains the division and the share as percents', () => {
    const leaf = node(mustScore(higher, { 完成率: '93.14%' }), 'rate');
    expect(leaf.trace!.branch).toBe('未达到目标值，按完成比例计分');
    expect(leaf.trace!.arithmetic[0]).toBe('完成比例 = 93.14% ÷ 100% = 93.14%');
    expect(leaf.trace!.arithmetic[1]).toContain('93.14% × 20分');
  });

  it('lower is better with a positive target (结转结余率 ≤ 9%): target ÷ actual', () => {
    const d = doc({ kind: 'completion', actual: '结转结余率', target: '9%', direction: 'lower' }, [input.percent('结转结余率')]);
    // 9% ÷ 18% = 50%; 20 × 50% = 10
    expect(leafScore(d, { 结转结余率: '18%' })).toBe('10');
    expect(leafScore(d, { 结转结余率: '6%' })).toBe('20');
    expect(leafScore(d, { 结转结余率: '0' })).toBe('20');
  });

  it('lower is better with a negative target (结转结余变动率 ≤ -30%): actual ÷ target, never below 0', () => {
    const d = doc({ kind: 'completion', actual: '变动率', target: '-30%', direction: 'lower' }, [input.percent('变动率', { min: -1 })]);
    // -15% ÷ -30% = 50% → 10; +10% ÷ -30% < 0 → 0
    expect(leafScore(d, { 变动率: '-15%' })).toBe('10');
    expect(leafScore(d, { 变动率: '-45%' })).toBe('20');
    expect(leafScore(d, { 变动率: '10%' })).toBe('0');
  });

  it('a target fact instead of a number', () => {
    const d = doc({ kind: 'completion', actual: '完成数', target: '计划数' }, [input.count('完成数'), input.count('计划数')]);
    // 45 ÷ 60 = 75%; 20 × 0.75 = 15
    expect(leafScore(d, { 完成数: 45, 计划数: 60 })).toBe('15');
  });

  it('validation: a zero target and an undeclared fact, with indicator and path', () => {
    const issues = validateScheme(doc({ kind: 'completion', actual: '完成量', target: 0 }));
    expect(issues.map((i) => [i.code, i.path, i.indicator])).toEqual([
      ['undeclared-fact', '/indicators/0/children/0/rule/actual', 'rate'],
      ['completion-target-zero', '/indicators/0/children/0/rule/target', 'rate'],
    ]);
    expect(issues[1]!.message).toContain('一般公共预算支出实际完成率');
  });
});
