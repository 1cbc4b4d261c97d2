/** 公式计分 (formula rule): Chinese identifiers, exact arithmetic, kept within 0 and the points. */
import { describe, expect, it } from 'vitest';
import { renderCriterion, validateScheme } from '../../index.ts';
import { evalIssues, input, leafScheme, leafScore, mustScore, node, norm } from '../../../test/fixtures/build.ts';

// Seed 000 项目完成及时性 (6分): "1. 所有部门预算安排的项目均按计划时间完成(6 分); 2. 部分项目未按计划时间完成的,
// 本指标得分=已完成项目数/计划完成项目总数×6分。"
const doc = leafScheme({
  points: 6,
  inputs: [input.count('已完成项目数'), input.count('计划完成项目总数')],
  rule: { kind: 'formula', expression: '已完成项目数 / 计划完成项目总数 * 6' },
});

describe('formula (公式计分)', () => {
  it('reads Chinese identifiers: 9 of 10 projects on time → 9/10 × 6 = 5.4', () => {
    expect(leafScore(doc, { 已完成项目数: 9, 计划完成项目总数: 10 })).toBe('5.4');
  });

  it('shows a constant beside a percent as a percent in its arithmetic: 25.88% ÷ 25% × 1', () => {
    // seed 000 预算执行率: 一季度预算执行率得分=(支出进度/序时进度25%)×1分; 25.88% ÷ 25% = 1.0352 → capped at 1分
    const q = leafScheme({ points: 1, inputs: [input.percent('一季度支出进度')], rule: { kind: 'formula', expression: '一季度支出进度 / 0.25 * 1' } });
    const leaf = node(mustScore(q, { 一季度支出进度: '25.88%' }), 'leaf');
    expect(norm(leaf.score)).toBe('1');
    expect(leaf.trace?.arithmetic.join('\n')).toContain('25.88% ÷ 25%');
    expect(leaf.trace?.arithmetic.join('\n')).not.toContain('÷ 0.25');
  });

  it('all projects on time → 6', () => {
    expect(leafScore(doc, { 已完成项目数: 10, 计划完成项目总数: 10 })).toBe('6');
  });

  it('a repeating fraction is rounded where the scheme says: 7/9 × 6 = 4.666… → 4.67', () => {
    const rounded = { ...doc, rounding: { places: 2, mode: 'half-up' as const, stages: ['leaf' as const] } };
    expect(leafScore(rounded, { 已完成项目数: 7, 计划完成项目总数: 9 })).toBe('4.67');
  });

  it('clamps a result above the points to the points, with a warning', () => {
    // 12 / 10 × 6 = 7.2 > 6
    const leaf = node(mustScore(doc, { 已完成项目数: 12, 计划完成项目总数: 10 }), 'leaf');
    expect(norm(leaf.score)).toBe('6');
    expect(leaf.warnings.join()).toContain('7.2');
  });

  it('clamps a negative result to 0, with a warning', () => {
    const neg = leafScheme({ points: 6, inputs: [input.count('已完成项目数'), input.count('计划完成项目总数')], rule: { kind: 'formula', expression: '(已完成项目数 - 计划完成项目总数) / 计划完成项目总数 * 6' } });
    // (8 − 10) / 10 × 6 = −1.2 → 0
    const leaf = node(mustScore(neg, { 已完成项目数: 8, 计划完成项目总数: 10 }), 'leaf');
    expect(norm(leaf.score)).toBe('0');
    expect(leaf.warnings.join()).toContain('-1.2');
  });

  it('allows the whitelisted functions: min(已完成项目数 / 计划完成项目总数, 1) × 6', () => {
    const capped = leafScheme({ points: 6, inputs: [input.count('已完成项目数'), input.count('计划完成项目总数')], rule: { kind: 'formula', expression: 'min(已完成项目数 / 计划完成项目总数, 1) * 6' } });
    expect(leafScore(capped, { 已完成项目数: 3, 计划完成项目总数: 4 })).toBe('4.5'); // 0.75 × 6
    expect(leafScore(capped, { 已完成项目数: 5, 计划完成项目总数: 4 })).toBe('6'); // min(1.25, 1) × 6
  });

  it('a zero denominator is an error naming the indicator, never a silent 0 or Infinity', () => {
    const issues = evalIssues(doc, { 已完成项目数: 0, 计划完成项目总数: 0 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'zero-denominator', indicator: 'leaf', path: '/indicators/0/children/0/rule/expression' });
    expect(issues[0]!.message).toContain('分母为 0');
  });

  it('renders as 本指标得分=…×6分', () => {
    expect(renderCriterion(doc, 'leaf')).toBe('本指标得分=已完成项目数/计划完成项目总数×6分');
  });

  it('validation: a formula referencing an undeclared name names it', () => {
    const bad = leafScheme({ points: 6, inputs: [input.count('已完成项目数')], rule: { kind: 'formula', expression: '已完成项目数 / 计划项目数 * 6' } });
    const issues = validateScheme(bad);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'undeclared-fact', fact: '计划项目数', indicator: 'leaf', path: '/indicators/0/children/0/rule/expression' });
  });
});

describe('formula with an enum fact (issue 10 item 8: "enum facts usable in formulas")', () => {
  // 结转结余率 and 结转结余变动率, "二者择其一进行考核": a formula may say which one counts by the enum fact
  const doc = leafScheme({
    id: 'carry',
    points: 20,
    inputs: [input.enum('考核口径', ['结转结余率', '结转结余变动率']), input.number('结余率得分'), input.number('变动率得分')],
    rule: { kind: 'formula', expression: '(考核口径 == "结转结余率") * 结余率得分 + (考核口径 != "结转结余率") * 变动率得分' },
  });

  it('compares the enum with a quoted value (1 or 0) and explains it with the value', () => {
    // 1 × 12 + 0 × 15 = 12; 0 × 12 + 1 × 15 = 15
    expect(leafScore(doc, { 考核口径: '结转结余率', 结余率得分: 12, 变动率得分: 15 })).toBe('12');
    expect(leafScore(doc, { 考核口径: '结转结余变动率', 结余率得分: 12, 变动率得分: 15 })).toBe('15');
    const leaf = node(mustScore(doc, { 考核口径: '结转结余率', 结余率得分: 12, 变动率得分: 15 }), 'carry');
    expect(leaf.trace!.arithmetic[0]).toContain('(“结转结余率” == "结转结余率")');
  });

  it('a quoted value that is not an option is refused, naming the formula and the options', () => {
    const bad = structuredClone(doc);
    (bad.indicators[0]!.children![0]!.rule as { expression: string }).expression = '(考核口径 == "余额") * 20';
    const issues = validateScheme(bad).filter((i) => i.severity === 'error');
    expect(issues.map((i) => [i.code, i.path, i.fact])).toEqual([['formula-enum-value', '/indicators/0/children/0/rule/expression', '考核口径']]);
    expect(issues[0]!.message).toBe('公式“(考核口径 == "余额") * 20”中“考核口径”与“余额”比较，但“余额”不是它的可选值（可选：结转结余率、结转结余变动率）');
  });
});
