/** 分项合计 (sum of parts): each part with its own points and rule; reviewer keys `indicator/part`. */
import { describe, expect, it } from 'vitest';
import { criterionMatches, plainSheet, validateScheme, type Input, type Metric, type SumRule, type TiersRule } from '../../index.ts';
import { evalIssues, input, leafScheme, metric, mustScore, node, norm } from '../../../test/fixtures/build.ts';

// Seed 000 公用经费控制率 (6分): "1. “三公”经费控制率=“三公”经费实际支出数/“三公”经费预算安排数×100% (1) “三公”经费控制率<90%的,得3分;
// (2) 90%≤“三公”经费控制率≤100%的,得2分; (3) “三公”经费控制率>100%的,得0分。 2. 日常公用经费控制率=日常公用经费决算数/
// 日常公用经费调整预算数×100% (1) 日常公用经费控制率<90%的,得3分; (2) 90%≤日常公用经费控制率≤100%的,得2分;
// (3) 日常公用经费控制率>100%的, 得 0 分。"
const controlTiers = (m: string, label: string): TiersRule => ({
  kind: 'tiers',
  metric: m,
  render: { before: `${label}=${label === '“三公”经费控制率' ? '“三公”经费实际支出数/“三公”经费预算安排数' : '日常公用经费决算数/日常公用经费调整预算数'}×100% ` },
  tiers: [
    { max: 0.9, maxInclusive: false, score: 3 },
    { min: 0.9, minInclusive: true, max: 1, maxInclusive: true, score: 2 },
    { min: 1, minInclusive: false, score: 0 },
  ],
});
const fundsInputs: Input[] = [input.money('三公经费预算数'), input.money('三公经费实际支出数'), input.money('日常公用经费调整预算数'), input.money('日常公用经费决算数')];
const fundsMetrics: Metric[] = [
  { id: '三公经费控制率', label: '“三公”经费控制率', type: 'percent', formula: '三公经费实际支出数 / 三公经费预算数' },
  { id: '日常公用经费控制率', label: '日常公用经费控制率', type: 'percent', formula: '日常公用经费决算数 / 日常公用经费调整预算数' },
];
const fundsRule: SumRule = {
  kind: 'sum',
  parts: [
    { id: 'sangong', name: '“三公”经费控制率', points: 3, rule: controlTiers('三公经费控制率', '“三公”经费控制率') },
    { id: 'daily', name: '日常公用经费控制率', points: 3, rule: controlTiers('日常公用经费控制率', '日常公用经费控制率') },
  ],
};
const fundsDoc = leafScheme({
  id: 'public-funds-control',
  name: '公用经费控制率',
  points: 6,
  rule: fundsRule,
  inputs: fundsInputs,
  metrics: fundsMetrics,
  criterion:
    '1. “三公”经费控制率=“三公”经费实际支出数/“三公”经费预算安排数×100% (1) “三公”经费控制率<90%的,得3分; (2) 90%≤“三公”经费控制率≤100%的,得2分; (3) “三公”经费控制率>100%的,得0分。 2. 日常公用经费控制率=日常公用经费决算数/日常公用经费调整预算数×100% (1) 日常公用经费控制率<90%的,得3分; (2) 90%≤日常公用经费控制率≤100%的,得2分; (3) 日常公用经费控制率>100%的, 得 0 分。',
});

describe('sum of parts (分项合计)', () => {
  it('seed 000 figures: 三公 9.69/10.00 = 96.90% → 2, 日常 229.72/249.07 = 92.23% → 2, total 4', () => {
    const sheet = mustScore(fundsDoc, { 三公经费预算数: '10.00', 三公经费实际支出数: '9.69', 日常公用经费调整预算数: '249.07', 日常公用经费决算数: '229.72' });
    const leaf = node(sheet, 'public-funds-control');
    expect(norm(leaf.score)).toBe('4');
    expect(leaf.trace!.parts!.map((p) => [p.id, p.name, p.points, norm(p.score)])).toEqual([
      ['sangong', '“三公”经费控制率', '3', '2'],
      ['daily', '日常公用经费控制率', '3', '2'],
    ]);
    // each part has its own inputs in its trace
    expect(leaf.trace!.parts![0]!.inputs.map((i) => i.id)).toEqual(['三公经费实际支出数', '三公经费预算数', '三公经费控制率']);
  });

  it('a trace written out as JSON (plainSheet) carries every field, the parts with id, name and points', () => {
    const sheet = mustScore(fundsDoc, { 三公经费预算数: '10.00', 三公经费实际支出数: '9.69', 日常公用经费调整预算数: '249.07', 日常公用经费决算数: '229.72' });
    const plain = plainSheet(sheet);
    const t = node(plain, 'public-funds-control').trace!;
    // own data now, as postMessage and structuredClone need
    expect(Object.keys(t)).toEqual(['kind', 'branch', 'inputs', 'arithmetic', 'score', 'parts']);
    expect(t.branch).toBe('分项合计（2项）');
    expect(t.arithmetic).toEqual(['“三公”经费控制率 2分 + 日常公用经费控制率 2分 = 4分']);
    const sangong = t.parts![0]!;
    expect(Object.keys(sangong)).toEqual(['kind', 'branch', 'inputs', 'arithmetic', 'score', 'id', 'name', 'points']);
    // 9.69 ÷ 10.00 = 0.969 → shown 96.9%; the metric's line comes before the tier's
    expect(sangong.arithmetic[0]).toContain('96.9%');
    expect(sangong.arithmetic[1]).toContain('落在第2档');
    expect(structuredClone(plain)).toEqual(plain);
  });

  it('parts score independently: 三公 8.5/10 = 85% → 3, 日常 260/249.07 > 100% → 0, total 3', () => {
    const sheet = mustScore(fundsDoc, { 三公经费预算数: 10, 三公经费实际支出数: 8.5, 日常公用经费调整预算数: 249.07, 日常公用经费决算数: 260 });
    expect(norm(node(sheet, 'public-funds-control').score)).toBe('3');
  });

  it('renders nested numbering "1. … (1) …" matching the official text', () => {
    expect(criterionMatches(fundsDoc, 'public-funds-control')?.match).toBe(true);
  });

  it('validation: parts that do not add up to the points', () => {
    const bad = leafScheme({ points: 6, inputs: fundsInputs, metrics: fundsMetrics, rule: { ...fundsRule, parts: [fundsRule.parts[0]!, { ...fundsRule.parts[1]!, points: 2 }] } });
    const issues = validateScheme(bad);
    const mismatch = issues.find((i) => i.code === 'points-mismatch');
    expect(mismatch).toMatchObject({ indicator: 'leaf', path: '/indicators/0/children/0/rule/parts' });
    expect(mismatch!.message).toContain('5'); // 3 + 2 = 5 ≠ 6
    expect(mismatch!.message).toContain('6');
  });

  it('validation: duplicate part ids', () => {
    const bad = leafScheme({ points: 6, inputs: fundsInputs, metrics: fundsMetrics, rule: { ...fundsRule, parts: [fundsRule.parts[0]!, { ...fundsRule.parts[1]!, id: 'sangong' }] } });
    expect(validateScheme(bad).find((i) => i.code === 'duplicate-id')).toMatchObject({ path: '/indicators/0/children/0/rule/parts/1/id' });
  });
});

describe('sum with a judgement part: reviewer keys indicator/part', () => {
  // Seed 000 政府采购执行情况 (2分): "1. 政府采购执行率得分=政府采购执行率×1分 … 如实际采购金额大于采购计划金额，本项得0分。
  // 2. 政府采购政策功能的执行和落实情况（1分），落实不到位的酌情扣分。" The report: 104.92 of 143.40 万元, policy functions
  // "有效落实"; reported 1.73.
  const doc = leafScheme({
    id: 'procurement',
    name: '政府采购执行情况',
    points: 2,
    rounding: { places: 2, mode: 'half-up', stages: ['part', 'leaf'] },
    inputs: [input.money('采购计划金额'), input.money('实际采购金额')],
    metrics: [metric('政府采购执行率', '实际采购金额 / 采购计划金额')],
    rule: {
      kind: 'sum',
      parts: [
        {
          id: 'execution',
          name: '政府采购执行率',
          points: 1,
          rule: { kind: 'ratio', metric: '政府采购执行率', multiplier: 1, cap: 1, zeroWhen: { when: { fact: '实际采购金额', operator: 'greaterThan', value: { fact: '采购计划金额' } }, text: '如实际采购金额大于采购计划金额，本项得0分。' } },
        },
        { id: 'policy', name: '政府采购政策功能的执行和落实情况', points: 1, rule: { kind: 'judgement', guidance: '落实不到位的酌情扣分。' } },
      ],
    },
  });
  const facts = { 采购计划金额: '143.40', 实际采购金额: '104.92' };

  it('0.73 (104.92/143.40 = 0.73166 → 0.73) + reviewer 1 = 1.73, as the report', () => {
    const leaf = node(mustScore(doc, facts, { 'procurement/policy': { score: 1, reason: '有效落实其政策功能' } }), 'procurement');
    expect(norm(leaf.score)).toBe('1.73');
    expect(leaf.status).toBe('mixed'); // one part computed, one by judgement
    expect(leaf.trace!.parts!.map((p) => norm(p.score))).toEqual(['0.73', '1']);
    expect(leaf.trace!.parts![1]!.branch).toContain('有效落实其政策功能');
  });

  it('a partial judgement: 0.73 + 0.6 = 1.33', () => {
    const leaf = node(mustScore(doc, facts, { 'procurement/policy': { score: '0.6', reason: '部分政策功能落实不到位' } }), 'procurement');
    expect(norm(leaf.score)).toBe('1.33');
  });

  it('a missing part judgement is an error with the key procurement/policy in its path, the part by its name in the Chinese', () => {
    const issues = evalIssues(doc, facts);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'judgement-missing', indicator: 'procurement', path: '/reviewer/procurement~1policy' });
    expect(issues[0]!.message).toContain('“政府采购政策功能的执行和落实情况”为酌情评分项，案例缺少该项的评审录入');
    expect(issues[0]!.message).not.toContain('procurement/policy');
  });

  it('an entry keyed by the indicator alone does not stand in for the part', () => {
    // reviewer["procurement"] would override the whole sum (the report's score, unverified); it is not the part's entry
    const leaf = node(mustScore(doc, facts, { procurement: { score: '1.73', reason: '照录报告得分', basis: 'undisclosed' } }), 'procurement');
    expect(leaf.status).toBe('unverified');
    expect(norm(leaf.score)).toBe('1.73');
  });

  it('a reviewer entry on a mechanical part (facts withheld) makes that part unverified', () => {
    const leaf = node(
      mustScore(doc, {}, {
        'procurement/execution': { score: '0.73', reason: '报告未披露采购金额', basis: 'undisclosed' },
        'procurement/policy': { score: 1, reason: '有效落实' },
      }),
      'procurement',
    );
    expect(norm(leaf.score)).toBe('1.73');
    expect(leaf.trace!.parts!.map((p) => norm(p.score))).toEqual(['0.73', '1']);
    expect(leaf.status).toBe('mixed');
  });
});
