/** 酌情评分 (judgement): a reviewer's score between 0 and the points, with a written reason. */
import { describe, expect, it } from 'vitest';
import { evaluate, renderCriterion, type ReviewerEntryT } from '../../index.ts';
import { evalIssues, leafScheme, leafScore, mustCompile, mustScore, node, norm } from '../../../test/fixtures/build.ts';

// Seed 000 社会效益、经济效益、生态效益等 (25分): "…通过绩效指标完成情况与目标值对比分析进行评分，未实现绩效目标的酌情扣分。"
// The report awarded 24.
const doc = leafScheme({ id: 'outcomes', name: '社会效益、经济效益、生态效益等', points: 25, rule: { kind: 'judgement', guidance: '未实现绩效目标的酌情扣分。' } });

describe('judgement (酌情评分)', () => {
  it('takes the reviewer score with its reason', () => {
    const leaf = node(mustScore(doc, {}, { outcomes: { score: 24, reason: '个别绩效指标未完成' } }), 'outcomes');
    expect(norm(leaf.score)).toBe('24');
    expect(leaf.status).toBe('judgement');
    expect(leaf.reason).toBe('个别绩效指标未完成');
    expect(leaf.trace!.branch).toContain('个别绩效指标未完成');
  });

  it('accepts decimal strings and the bounds 0 and the points', () => {
    expect(leafScore(doc, {}, { outcomes: { score: '24.5', reason: '理由' } })).toBe('24.5');
    expect(leafScore(doc, {}, { outcomes: { score: 0, reason: '目标均未实现' } })).toBe('0');
    expect(leafScore(doc, {}, { outcomes: { score: 25, reason: '目标全部实现' } })).toBe('25');
  });

  it('missing entry: an error naming the indicator in the Chinese and the reviewer key in its path', () => {
    const issues = evalIssues(doc, {});
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'judgement-missing', indicator: 'outcomes', path: '/reviewer/outcomes' });
    expect(issues[0]!.message).toContain('社会效益、经济效益、生态效益等');
    expect(issues[0]!.message).toContain('案例缺少该项的评审录入（得分与理由）');
    expect(issues[0]!.message).not.toContain('reviewer');
  });

  // "24%" is not 0.24 points: a score is never a percent; a number outside 0–25 is said to be below 0 or above
  // the 25 points, with the range (user review: -1 was called not a number)
  it.each([
    ['26', '26 超过本项分值 25 分（应在 0 至 25 分之间）'],
    ['-1', '-1 低于 0 分（应在 0 至 25 分之间）'],
    ['25.01', '25.01 超过本项分值 25 分（应在 0 至 25 分之间）'],
    ['abc', 'abc 不是 0–25 分之间的分数（填数字，不带百分号）'],
    ['24%', '24% 不是 0–25 分之间的分数（填数字，不带百分号）'],
  ])('score %s is not a score of 0–25', (score, why) => {
    const issues = evalIssues(doc, {}, { outcomes: { score, reason: '理由' } });
    expect(issues[0]).toMatchObject({ code: 'judgement-range', indicator: 'outcomes' });
    expect(issues[0]!.message).toBe(`指标“社会效益、经济效益、生态效益等”无法计分：“社会效益、经济效益、生态效益等”的评审得分 ${why}`);
  });

  it('a blank reason is refused', () => {
    const issues = evalIssues(doc, {}, { outcomes: { score: 24, reason: '   ' } });
    expect(issues[0]).toMatchObject({ code: 'judgement-reason', indicator: 'outcomes' });
  });

  it('an entry with no reason at all is refused with the same clear message (not an internal error)', () => {
    const entry = { score: 24 } as unknown as ReviewerEntryT; // what a hand-written case file may hold
    const r = evaluate(mustCompile(doc), { facts: {}, reviewer: { outcomes: entry } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'judgement-reason', indicator: 'outcomes' });
  });

  it('renders the guidance', () => {
    expect(renderCriterion(doc, 'outcomes')).toBe('未实现绩效目标的酌情扣分。');
  });
});
