/**
 * 专家评分 (experts). Source: 评价人员（专家）评分汇总表 — columns 专家1 专家2 专家3 专家4 专家5 …… and
 * "评价得分=(专家1+专家2+…)/专家人数".
 */
import { describe, expect, it } from 'vitest';
import { diffSchemes, renderCriterion, type Scheme } from '../../index.ts';
import { evalIssues, leafScheme, leafScore, mustScore, node } from '../../../test/fixtures/build.ts';

const OFFICIAL = '评价得分=(专家1+专家2+…)/专家人数';
const doc: Scheme = leafScheme({
  id: 'benefit',
  name: '社会效益',
  points: 10,
  rounding: { places: 2, mode: 'half-up', stages: ['leaf'] },
  rule: { kind: 'experts', panel: ['专家1', '专家2', '专家3'], render: { style: 'ellipsis' } },
});
const three = {
  'benefit/专家1': { score: 8, reason: '受益面广' },
  'benefit/专家2': { score: 9, reason: '群众反映良好' },
  'benefit/专家3': { score: '7.5', reason: '个别目标未达成' },
};

describe('experts (专家评分)', () => {
  it('renders the official formula', () => {
    expect(renderCriterion(doc, 'benefit')).toBe(OFFICIAL);
  });

  it('averages the experts exactly and keeps each score and reason', () => {
    // (8 + 9 + 7.5) ÷ 3 = 24.5 ÷ 3 = 8.1666… → 8.17
    const leaf = node(mustScore(doc, {}, three), 'benefit');
    expect(leaf.score).toBe('8.17');
    expect(leaf.status).toBe('judgement');
    expect(leaf.trace!.arithmetic.slice(0, 3)).toEqual(['专家1 8分（理由：受益面广）', '专家2 9分（理由：群众反映良好）', '专家3 7.5分（理由：个别目标未达成）']);
    expect(leaf.trace!.arithmetic[3]).toContain('(8 + 9 + 7.5) ÷ 3');
    expect(leaf.reason).toBe('专家1：受益面广；专家2：群众反映良好；专家3：个别目标未达成');
    expect(leaf.trace!.parts!.map((p) => [p.id, p.score, p.branch])).toEqual([
      ['专家1', '8', '专家1：受益面广'],
      ['专家2', '9', '专家2：群众反映良好'],
      ['专家3', '7.5', '专家3：个别目标未达成'],
    ]);
  });

  it('every expert must score unless the scheme says how many suffice', () => {
    const two = { 'benefit/专家1': three['benefit/专家1'], 'benefit/专家2': three['benefit/专家2'] };
    const issues = evalIssues(doc, {}, two);
    expect(issues[0]).toMatchObject({ code: 'experts-missing', indicator: 'benefit', path: '/reviewer/benefit~1专家3' });
    // the Chinese names the expert, not the reviewer key (the path has it)
    expect(issues[0]!.message).toContain('缺少“专家3”的评分');
    expect(issues[0]!.message).not.toContain('reviewer');
    const min2 = structuredClone(doc);
    (min2.indicators[0]!.children![0]!.rule as { minimum?: number }).minimum = 2;
    // (8 + 9) ÷ 2 = 8.5
    expect(leafScore(min2, {}, two)).toBe('8.5');
  });

  it('an expert’s score above the points is refused, naming the expert', () => {
    const issues = evalIssues(doc, {}, { ...three, 'benefit/专家2': { score: 11, reason: '好' } });
    expect(issues[0]).toMatchObject({ code: 'judgement-range', indicator: 'benefit' });
    expect(issues[0]!.message).toContain('社会效益（专家2）');
  });

  it('diff: the panel', () => {
    const next = structuredClone(doc);
    (next.indicators[0]!.children![0]!.rule as { panel: string[] }).panel.push('专家4');
    expect(diffSchemes(doc, next).map((c) => [c.kind, c.message])).toEqual([['experts-panel-changed', '社会效益：专家 专家1、专家2、专家3 → 专家1、专家2、专家3、专家4']]);
  });
});
