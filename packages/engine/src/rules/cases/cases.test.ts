/**
 * 条件计分 (cases): comparisons with another fact or last year's figure as conditions. Source (issue 10 item 9,
 * quoting a 部门整体 评分表): "有结余，但不超过上年结转，2分". The other two clauses (无结余 3分, 超过上年结转 0分)
 * are this test's, to make a complete table around the quoted one.
 */
import { describe, expect, it } from 'vitest';
import { diffSchemes, renderCriterion, validateScheme, type Scheme } from '../../index.ts';
import { input, leafScheme, leafScore, mustScore, node } from '../../../test/fixtures/build.ts';

const doc: Scheme = leafScheme({
  id: 'balance',
  name: '结转结余控制',
  points: 3,
  inputs: [input.money('本年结余'), input.money('上年结转'), input.money('上年结转元', '元'), input.enum('单位类型', ['行政', '事业'])],
  rule: {
    kind: 'cases',
    cases: [
      { when: { fact: '本年结余', operator: 'equal', value: 0 }, score: 3, text: '无结余' },
      {
        when: { all: [{ fact: '本年结余', operator: 'greaterThan', value: 0 }, { fact: '本年结余', operator: 'lessThanInclusive', value: { fact: '上年结转' } }] },
        score: 2,
        text: '有结余，但不超过上年结转',
      },
    ],
    otherwise: { score: 0, text: '超过上年结转' },
  },
});

describe('cases (条件计分)', () => {
  it('renders each case in the document’s words: "有结余，但不超过上年结转，2分"', () => {
    expect(renderCriterion(doc, 'balance')).toBe('无结余，3分；有结余，但不超过上年结转，2分；超过上年结转，不得分。');
  });

  it('compares this year’s 结余 with last year’s 结转 (a fact, not a number)', () => {
    expect(leafScore(doc, { 本年结余: 0, 上年结转: 8 })).toBe('3');
    expect(leafScore(doc, { 本年结余: 5, 上年结转: 8 })).toBe('2');
    expect(leafScore(doc, { 本年结余: 8, 上年结转: 8 })).toBe('2'); // 不超过: equal is within
    expect(leafScore(doc, { 本年结余: '8.01', 上年结转: 8 })).toBe('0');
  });

  it('explains the case taken with the inputs', () => {
    const leaf = node(mustScore(doc, { 本年结余: 5, 上年结转: 8 }), 'balance');
    expect(leaf.trace!.branch).toBe('第2个情形：有结余，但不超过上年结转，2分');
    expect(leaf.trace!.arithmetic[0]).toBe('本年结余 5.00万元，上年结转 8.00万元 → 有结余，但不超过上年结转 → 2分');
  });

  it('enum facts in conditions', () => {
    const d = structuredClone(doc);
    const rule = d.indicators[0]!.children![0]!.rule as { cases: unknown[] };
    rule.cases.unshift({ when: { fact: '单位类型', operator: 'equal', value: '事业' }, score: 1, text: '事业单位' });
    expect(leafScore(d, { 单位类型: '事业', 本年结余: 0, 上年结转: 8 })).toBe('1');
    expect(leafScore(d, { 单位类型: '行政', 本年结余: 0, 上年结转: 8 })).toBe('3');
  });

  it('validation: 万元 compared with 元 is refused at the case’s path', () => {
    const d = structuredClone(doc);
    const rule = d.indicators[0]!.children![0]!.rule as { cases: { when: unknown }[] };
    rule.cases[1]!.when = { fact: '本年结余', operator: 'lessThanInclusive', value: { fact: '上年结转元' } };
    const issues = validateScheme(d).filter((i) => i.severity === 'error');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('/indicators/0/children/0/rule/cases/1/when/value/fact');
    expect(issues[0]!.indicator).toBe('balance');
  });

  it('diff: a case’s score', () => {
    const next = structuredClone(doc);
    (next.indicators[0]!.children![0]!.rule as { cases: { score: number }[] }).cases[1]!.score = 1.5;
    expect(diffSchemes(doc, next).map((c) => [c.kind, c.message])).toEqual([['case-score-changed', '结转结余控制：有结余，但不超过上年结转 2分 → 1.5分']]);
  });
});
