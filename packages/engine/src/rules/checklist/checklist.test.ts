/** 评分要点 (checklist): each point met (a boolean fact) earns its points. */
import { describe, expect, it } from 'vitest';
import { renderCriterion, validateScheme, type ChecklistRule } from '../../index.ts';
import { evalIssues, input, leafScheme, leafScore, mustScore, node } from '../../../test/fixtures/build.ts';

// Seed 000 管理制度健全性 (3分): "1. 部门制定了财政资金管理、财务管理、内部控制等制度(0.5分); 2. 上述财政资金管理、财务管理、
// 内部控制等制度得到有效执行(1.5分); 3. 部门按照预算和绩效管理一体化的要求制定本部门全面实施预算绩效管理的制度或工作方案，
// 组织指导本级及下属单位开展事前评估、绩效目标编报、绩效监控、绩效评价和评价结果应用等工作(1分)。"
const rule: ChecklistRule = {
  kind: 'checklist',
  items: [
    { id: 'i1', text: '部门制定了财政资金管理、财务管理、内部控制等制度', points: 0.5, fact: '制定资金财务内控制度' },
    { id: 'i2', text: '上述财政资金管理、财务管理、内部控制等制度得到有效执行', points: 1.5, fact: '制度得到有效执行' },
    {
      id: 'i3',
      text: '部门按照预算和绩效管理一体化的要求制定本部门全面实施预算绩效管理的制度或工作方案，组织指导本级及下属单位开展事前评估、绩效目标编报、绩效监控、绩效评价和评价结果应用等工作',
      points: 1,
      fact: '制定预算绩效管理制度',
    },
  ],
};
const inputs = ['制定资金财务内控制度', '制度得到有效执行', '制定预算绩效管理制度'].map((id) => input.boolean(id));
const doc = leafScheme({ rule, points: 3, inputs });

describe('checklist (评分要点)', () => {
  it('all points met → 0.5 + 1.5 + 1 = 3', () => {
    expect(leafScore(doc, { 制定资金财务内控制度: true, 制度得到有效执行: true, 制定预算绩效管理制度: true })).toBe('3');
  });

  it('points 1 and 3 met → 0.5 + 0 + 1 = 1.5', () => {
    const leaf = node(mustScore(doc, { 制定资金财务内控制度: true, 制度得到有效执行: false, 制定预算绩效管理制度: true }), 'leaf');
    expect(leaf.trace!.branch).toBe('达到要点 1、3（共3项）');
    expect(leaf.trace!.arithmetic.at(-1)).toBe('合计 0.5 + 0 + 1 = 1.5分');
  });

  it('none met → 0', () => {
    expect(leafScore(doc, { 制定资金财务内控制度: false, 制度得到有效执行: false, 制定预算绩效管理制度: false })).toBe('0');
  });

  it('accepts 是/否 for booleans', () => {
    expect(leafScore(doc, { 制定资金财务内控制度: '是', 制度得到有效执行: '否', 制定预算绩效管理制度: '否' })).toBe('0.5');
  });

  it('refuses a non-boolean answer, naming the fact', () => {
    const issues = evalIssues(doc, { 制定资金财务内控制度: 'yes', 制度得到有效执行: true, 制定预算绩效管理制度: true });
    expect(issues[0]).toMatchObject({ code: 'fact-not-boolean', fact: '制定资金财务内控制度', path: '/facts/制定资金财务内控制度' });
  });

  it('renders the numbered points with their points', () => {
    expect(renderCriterion(doc, 'leaf')).toBe(
      '1. 部门制定了财政资金管理、财务管理、内部控制等制度（0.5分）；2. 上述财政资金管理、财务管理、内部控制等制度得到有效执行（1.5分）；3. 部门按照预算和绩效管理一体化的要求制定本部门全面实施预算绩效管理的制度或工作方案，组织指导本级及下属单位开展事前评估、绩效目标编报、绩效监控、绩效评价和评价结果应用等工作（1分）。',
    );
  });

  it('validation: items that do not add up to the points, and an item fact that is not boolean', () => {
    const bad = leafScheme({
      points: 3,
      inputs: [...inputs.slice(0, 2), input.count('制定预算绩效管理制度')],
      rule: { ...rule, items: [rule.items[0]!, { ...rule.items[1]!, points: 1 }, rule.items[2]!] },
    });
    const issues = validateScheme(bad);
    // 0.5 + 1 + 1 = 2.5 ≠ 3
    expect(issues.find((i) => i.code === 'points-mismatch')).toMatchObject({ indicator: 'leaf', path: '/indicators/0/children/0/rule/items' });
    expect(issues.find((i) => i.code === 'points-mismatch')!.message).toContain('2.5');
    expect(issues.find((i) => i.code === 'fact-type')).toMatchObject({ fact: '制定预算绩效管理制度', path: '/indicators/0/children/0/rule/items/2/fact' });
  });
});
