/** 扣分（扣完为止） (deduction to a floor). */
import { describe, expect, it } from 'vitest';
import { renderCriterion, validateScheme } from '../../index.ts';
import { evalIssues, input, leafScheme, leafScore, mustScore, node } from '../../../test/fixtures/build.ts';

describe('deduction (扣分，扣完为止)', () => {
  // Seed 000 预算编制规范性 (5分): "2. 发现一项不符合的扣1分，扣完为止。"
  const norms = leafScheme({
    points: 5,
    inputs: [input.count('预算编制不符合项数')],
    rule: { kind: 'deduction', countFact: '预算编制不符合项数', perItem: 1, render: { subject: '发现一项不符合的' } },
  });

  it.each([
    [0, '5'], // nothing found → full 5
    [2, '3'], // 5 − 2 × 1 = 3
    [5, '0'], // 5 − 5 × 1 = 0
    [7, '0'], // 5 − 7 × 1 = −2 → 扣完为止: 0
  ])('%s findings → %s', (n, expected) => {
    expect(leafScore(norms, { 预算编制不符合项数: n })).toBe(expected);
  });

  it('writes the arithmetic and the floor out', () => {
    const leaf = node(mustScore(norms, { 预算编制不符合项数: 7 }), 'leaf');
    expect(leaf.trace!.arithmetic).toEqual(['5分 − 7项 × 1分 = -2分', '扣完为止，取 0分']);
  });

  it('renders as the seed clause', () => {
    expect(renderCriterion(norms, 'leaf')).toBe('发现一项不符合的扣1分，扣完为止。');
  });

  // Seed 000 重点工作完成情况 (8分): "全部按期保质保量完成得 8 分; 一项重点工作没有完成扣 4 分, 扣完为止。"
  const keyTasks = leafScheme({ points: 8, inputs: [input.count('未完成重点工作数')], rule: { kind: 'deduction', countFact: '未完成重点工作数', perItem: 4 } });
  it.each([
    [0, '8'],
    [1, '4'], // 8 − 4
    [2, '0'], // 8 − 8
    [3, '0'], // 8 − 12 = −4 → 0
  ])('重点工作: %s not done → %s', (n, expected) => {
    expect(leafScore(keyTasks, { 未完成重点工作数: n })).toBe(expected);
  });

  it('a floor above 0 stops the deduction there: 8 − 3 × 4 = −4 → floor 2', () => {
    const floored = leafScheme({ points: 8, inputs: [input.count('未完成重点工作数')], rule: { kind: 'deduction', countFact: '未完成重点工作数', perItem: 4, floor: 2 } });
    expect(leafScore(floored, { 未完成重点工作数: 3 })).toBe('2');
    expect(leafScore(floored, { 未完成重点工作数: 1 })).toBe('4'); // 8 − 4 = 4, above the floor
    expect(renderCriterion(floored, 'leaf')).toContain('最低2分');
  });

  it('a fractional count is refused (count must be a whole number)', () => {
    const issues = evalIssues(norms, { 预算编制不符合项数: 1.5 });
    expect(issues[0]).toMatchObject({ code: 'fact-count', fact: '预算编制不符合项数' });
  });

  it('validation: a floor above the points, a non-positive perItem', () => {
    const bad = leafScheme({ points: 5, inputs: [input.count('n')], rule: { kind: 'deduction', countFact: 'n', perItem: 0, floor: 6 } });
    const codes = validateScheme(bad).map((i) => [i.code, i.path]);
    expect(codes).toContainEqual(['score-exceeds-points', '/indicators/0/children/0/rule/floor']);
    expect(codes).toContainEqual(['deduction-per-item', '/indicators/0/children/0/rule/perItem']);
  });
});
