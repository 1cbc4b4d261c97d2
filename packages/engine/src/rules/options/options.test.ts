/** 枚举分档 (options): an enumerated fact, one score per option. */
import { describe, expect, it } from 'vitest';
import { renderCriterion, validateScheme, type OptionsRule } from '../../index.ts';
import { evalIssues, input, leafScheme, leafScore, mustScore, node } from '../../../test/fixtures/build.ts';

// Seed 000 预决算信息公开, item 1 "部门预算公开（1.5 分），按以下标准分档计分： （1）按规定内容、时限、范围等各项要求进行公开的，
// 得 1.5 分。 （2）进行了公开，存在不符合时限、内容、范围等要求的，得 1 分。 （3）没有进行公开的，得 0 分。"
const VALUES = ['按要求公开', '公开不符合要求', '未公开'];
const rule: OptionsRule = {
  kind: 'options',
  fact: '部门预算公开情况',
  options: [
    { value: '按要求公开', score: 1.5, text: '按规定内容、时限、范围等各项要求进行公开' },
    { value: '公开不符合要求', score: 1, text: '进行了公开，存在不符合时限、内容、范围等要求' },
    { value: '未公开', score: 0, text: '没有进行公开' },
  ],
};
const doc = leafScheme({ rule, points: 1.5, inputs: [input.enum('部门预算公开情况', VALUES)] });

describe('options (枚举分档)', () => {
  it.each([
    ['按要求公开', '1.5'],
    ['公开不符合要求', '1'],
    ['未公开', '0'],
  ])('%s scores %s', (v, expected) => {
    expect(leafScore(doc, { 部门预算公开情况: v })).toBe(expected);
  });

  it('explains which option applied', () => {
    const leaf = node(mustScore(doc, { 部门预算公开情况: '公开不符合要求' }), 'leaf');
    expect(leaf.trace?.branch).toBe('第2档：进行了公开，存在不符合时限、内容、范围等要求，得1分');
  });

  it('refuses a value that is not one of the declared options, listing the options', () => {
    const issues = evalIssues(doc, { 部门预算公开情况: '部分公开' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'fact-enum', fact: '部门预算公开情况', path: '/facts/部门预算公开情况' });
    expect(issues[0]!.message).toContain('按要求公开、公开不符合要求、未公开');
  });

  it('renders each option as a numbered clause', () => {
    expect(renderCriterion(doc, 'leaf')).toBe(
      '1. 按规定内容、时限、范围等各项要求进行公开的，得1.5分。2. 进行了公开，存在不符合时限、内容、范围等要求的，得1分。3. 没有进行公开的，得0分。',
    );
  });

  it('validation: a declared value without a score, and an option scoring above the points', () => {
    const bad = leafScheme({
      points: 1.5,
      inputs: [input.enum('部门预算公开情况', VALUES)],
      rule: { ...rule, options: [{ value: '按要求公开', score: 2, text: '按要求公开' }, rule.options[2]!] },
    });
    const issues = validateScheme(bad);
    expect(issues.find((i) => i.code === 'option-missing')).toMatchObject({ indicator: 'leaf', fact: '部门预算公开情况' });
    expect(issues.find((i) => i.code === 'option-missing')!.message).toContain('公开不符合要求');
    expect(issues.find((i) => i.code === 'score-exceeds-points')).toMatchObject({ indicator: 'leaf', path: '/indicators/0/children/0/rule/options/0/score' });
  });
});
