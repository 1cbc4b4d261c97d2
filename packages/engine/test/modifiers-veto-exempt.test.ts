/** 一票否决 (veto → 0) and 免评 (exemption → full points), on any rule kind. */
import { describe, expect, it } from 'vitest';
import { renderCriterion, type Scheme } from '../src/index.ts';
import { evalIssues, input, leafScheme, leafScore, metric, mustScore, node, norm } from './fixtures/build.ts';

// Seed 000 财务合规性 (3分): "1. 资金支出规范性（1分）…否则酌情扣分。 2. 资金调整、调剂规范性（1分）…直至1分扣完为止。
// 3. 会计核算规范性（1分）…酌情扣分。 4. 发生超范围、超标准支出，虚列支出，截留、挤占、挪用资金的，以及其他不符合制度规定支出，
// 本项指标得0分。"
const VETO_TEXT = '发生超范围、超标准支出，虚列支出，截留、挤占、挪用资金的，以及其他不符合制度规定支出，本项指标得0分。';
const compliance: Scheme = leafScheme({
  id: 'financial-compliance',
  name: '财务合规性',
  points: 3,
  inputs: [input.money('调整调剂资金累计额'), input.money('部门预算总规模'), input.boolean('存在违规支出', { default: false })],
  metrics: [metric('调整调剂资金占比', '调整调剂资金累计额 / 部门预算总规模')],
  rule: {
    kind: 'sum',
    veto: { when: { fact: '存在违规支出', operator: 'equal', value: true }, text: VETO_TEXT },
    parts: [
      { id: 'spending', name: '资金支出规范性', points: 1, rule: { kind: 'judgement', guidance: '否则酌情扣分。' } },
      { id: 'adjustment', name: '资金调整、调剂规范性', points: 1, rule: { kind: 'linearPenalty', metric: '调整调剂资金占比', threshold: 0.1, step: 0.01, deduct: 0.1 } },
      { id: 'accounting', name: '会计核算规范性', points: 1, rule: { kind: 'judgement', guidance: '酌情扣分。' } },
    ],
  },
});
const reviewer = {
  'financial-compliance/spending': { score: 1, reason: '支付符合制度规定' },
  'financial-compliance/accounting': { score: 0.5, reason: '个别凭证不规范' },
};
// 3.75% adjustment → within 10% → 1
const facts = { 调整调剂资金累计额: 190.34, 部门预算总规模: 5069.47 };

describe('veto (一票否决)', () => {
  it('condition false (by its declared default): the parts add up, 1 + 1 + 0.5 = 2.5', () => {
    expect(leafScore(compliance, facts, reviewer)).toBe('2.5');
  });

  it('condition true: the whole indicator scores 0, status vetoed, the clause quoted', () => {
    const leaf = node(mustScore(compliance, { ...facts, 存在违规支出: true }, reviewer), 'financial-compliance');
    expect(norm(leaf.score)).toBe('0');
    expect(leaf.status).toBe('vetoed');
    expect(leaf.trace!.branch).toBe(`一票否决：${VETO_TEXT}`);
  });

  it('a vetoed indicator needs no judgement: missing reviewer entries do not matter', () => {
    expect(leafScore(compliance, { ...facts, 存在违规支出: true })).toBe('0');
  });

  it('condition false but a judgement missing: the error names the part key', () => {
    const issues = evalIssues(compliance, facts, { 'financial-compliance/spending': reviewer['financial-compliance/spending'] });
    expect(issues[0]).toMatchObject({ code: 'judgement-missing', path: '/reviewer/financial-compliance~1accounting' });
  });

  it('renders the veto clause as the next numbered item', () => {
    expect(renderCriterion(compliance, 'financial-compliance')).toMatch(/4\. 发生超范围、超标准支出/);
  });
});

// Seed 000 预决算信息公开 (3分): "1. 部门预算公开（1.5 分）… 2. 部门决算公开（1.5 分）… 3. 涉密部门（单位）按规定不需要公开
// 相关预决算信息的直接得分。"
const EXEMPT_TEXT = '涉密部门（单位）按规定不需要公开相关预决算信息的直接得分。';
const VALUES = ['按要求公开', '公开但不符合要求', '未公开'];
const optionsFor = (fact: string) => ({
  kind: 'options' as const,
  fact,
  options: [
    { value: '按要求公开', score: 1.5, text: '按规定内容、时限、范围等各项要求进行公开' },
    { value: '公开但不符合要求', score: 1, text: '进行了公开，存在不符合时限、内容、范围等要求' },
    { value: '未公开', score: 0, text: '没有进行公开' },
  ],
});
const disclosure = leafScheme({
  id: 'disclosure',
  name: '预决算信息公开',
  points: 3,
  inputs: [input.enum('部门预算公开情况', VALUES), input.enum('部门决算公开情况', VALUES), input.boolean('涉密部门', { default: false })],
  rule: {
    kind: 'sum',
    exempt: { when: { fact: '涉密部门', operator: 'equal', value: true }, text: EXEMPT_TEXT },
    parts: [
      { id: 'budget', name: '部门预算公开', points: 1.5, rule: optionsFor('部门预算公开情况') },
      { id: 'final', name: '部门决算公开', points: 1.5, rule: optionsFor('部门决算公开情况') },
    ],
  },
});

describe('exempt (免评)', () => {
  it('not exempt: 按要求公开 1.5 + 公开但不符合要求 1 = 2.5', () => {
    expect(leafScore(disclosure, { 部门预算公开情况: '按要求公开', 部门决算公开情况: '公开但不符合要求' })).toBe('2.5');
  });

  it('exempt: full 3 points, status exempt, without the disclosure facts', () => {
    const leaf = node(mustScore(disclosure, { 涉密部门: true }), 'disclosure');
    expect(norm(leaf.score)).toBe('3');
    expect(leaf.status).toBe('exempt');
    expect(leaf.trace!.branch).toBe(`免评：${EXEMPT_TEXT}`);
  });

  it('not exempt and a disclosure fact missing: an error naming the indicator and the fact', () => {
    const issues = evalIssues(disclosure, { 部门预算公开情况: '按要求公开' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'fact-missing', indicator: 'disclosure', fact: '部门决算公开情况' });
  });

  it('renders the exemption as item 3 after the two parts', () => {
    expect(renderCriterion(disclosure, 'disclosure')).toMatch(/^1\. （1）.*2\. （1）.*3\. 涉密部门（单位）按规定不需要公开相关预决算信息的直接得分。$/);
  });
});

describe('modifiers on a plain leaf rule', () => {
  // a veto on a tiers rule: the veto wins over any tier
  const doc = leafScheme({
    points: 6,
    inputs: [input.percent('满意度'), input.count('投诉数')],
    rule: {
      kind: 'tiers',
      metric: '满意度',
      veto: { when: { fact: '投诉数', operator: 'greaterThan', value: 10 }, text: '投诉超过10件的，本项得0分。' },
      tiers: [
        { min: 0.95, minInclusive: true, score: 6 },
        { max: 0.95, maxInclusive: false, score: 4 },
      ],
    },
  });
  it('veto off → tier score; on → 0', () => {
    expect(leafScore(doc, { 满意度: 0.97, 投诉数: 10 })).toBe('6'); // 10 is not > 10
    expect(leafScore(doc, { 满意度: 0.97, 投诉数: 11 })).toBe('0');
  });
});
