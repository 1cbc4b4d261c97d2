/**
 * Facts are checked against the declared inputs before any rule runs: types, ranges, units, and the
 * classic mistakes. Convention (packages/engine/src/facts/facts.ts): a percent is a fraction (0.95) or a
 * string with a percent sign ("95%"); 95 written for 95% is detected and refused.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, percentPointsMeant, percentPointsValue, readFactNumber, type Issue, type Metric } from '../src/index.ts';
import { evalIssues, input, leafScheme, leafScore, metric, mustCompile, mustScore, node } from './fixtures/build.ts';

// Seed 000 公众或服务对象满意度 tiers (≥95% 6, 90–95% 4, 80–90% 2, <80% 1), on a percent fact without declared bounds.
const satisfaction = leafScheme({
  points: 6,
  inputs: [input.percent('满意度')],
  rule: {
    kind: 'tiers',
    metric: '满意度',
    tiers: [
      { min: 0.95, minInclusive: true, score: 6 },
      { min: 0.9, minInclusive: true, max: 0.95, maxInclusive: false, score: 4 },
      { min: 0.8, minInclusive: true, max: 0.9, maxInclusive: false, score: 2 },
      { max: 0.8, maxInclusive: false, score: 1 },
    ],
  },
});
// Seed 000 政府采购执行率 = 实际采购金额 / 采购计划金额 × 1分
const procurement = (extra: Partial<Metric> = {}) =>
  leafScheme({
    id: 'procurement',
    points: 1,
    inputs: [input.money('采购计划金额'), input.money('实际采购金额')],
    metrics: [{ ...metric('政府采购执行率', '实际采购金额 / 采购计划金额'), ...extra }],
    rule: { kind: 'ratio', metric: '政府采购执行率', multiplier: 1 },
  });

const only = (issues: Issue[]) => {
  expect(issues).toHaveLength(1);
  return issues[0]!;
};

describe('percent facts', () => {
  it('a fraction: 0.9314 is 93.14% → 4', () => {
    expect(leafScore(satisfaction, { 满意度: 0.9314 })).toBe('4');
  });

  it('"95%" is accepted as 0.95 → 6, and "93.14%" → 4', () => {
    expect(leafScore(satisfaction, { 满意度: '95%' })).toBe('6');
    expect(leafScore(satisfaction, { 满意度: '93.14%' })).toBe('4');
  });

  it('95 written for 95% is detected and refused, suggesting 0.95 or "95%"', () => {
    const i = only(evalIssues(satisfaction, { 满意度: 95 }));
    expect(i).toMatchObject({ code: 'percent-scale', fact: '满意度', path: '/facts/满意度' });
    expect(i.message).toContain('0.95');
    expect(i.message).toContain('"95%"');
  });

  it('with a declared maximum of 100%, 2 (meant as 2%) is detected too', () => {
    const bounded = { ...satisfaction, inputs: [input.percent('满意度', { min: 0, max: 1 })] };
    expect(only(evalIssues(bounded, { 满意度: 2 })).code).toBe('percent-scale');
  });

  it('bounds are inclusive: 100% and "100%" pass a maximum of 1; 1.0001 looks scaled, "100.01%" is out of range, -0.01 below 0', () => {
    const bounded = { ...satisfaction, inputs: [input.percent('满意度', { min: 0, max: 1 })] };
    expect(leafScore(bounded, { 满意度: 1 })).toBe('6');
    expect(leafScore(bounded, { 满意度: '100%' })).toBe('6');
    expect(leafScore(bounded, { 满意度: 0 })).toBe('1');
    expect(only(evalIssues(bounded, { 满意度: 1.0001 })).code).toBe('percent-scale'); // 100.01 ÷ 100 fits, so 1.0001 was probably meant as 1.0001%
    expect(only(evalIssues(bounded, { 满意度: '100.01%' })).code).toBe('fact-range');
    expect(only(evalIssues(bounded, { 满意度: -0.01 })).code).toBe('fact-range');
  });

  it('without bounds, a fraction up to ±10 (1000%) passes; beyond that it looks scaled, while "1200%" is taken as written', () => {
    expect(only(evalIssues(satisfaction, { 满意度: 10.5 })).code).toBe('percent-scale');
    expect(leafScore(satisfaction, { 满意度: 10 })).toBe('6');
    expect(leafScore(satisfaction, { 满意度: '1200%' })).toBe('6');
  });
});

describe('full-width characters (as Chinese input methods type them)', () => {
  it('readFactNumber reads a typed fact as the readers do, every digit kept: "1,234.5" 1234.5, "９５％" 0.95, "95%" 0.95', () => {
    expect(readFactNumber('1,234.5')?.toFixed()).toBe('1234.5');
    expect(readFactNumber('９５％')?.toFixed()).toBe('0.95');
    expect(readFactNumber('95%')?.toFixed()).toBe('0.95');
    expect(readFactNumber('１２，３４５．６')?.toFixed()).toBe('12345.6');
    // 19 significant digits: more than a JS number holds, all of them kept
    expect(readFactNumber('1,234,567,890,123.456789')?.toFixed()).toBe('1234567890123.456789');
    for (const t of ['abc', '1.2.3', '1e3', '九十五', '9,5']) expect(readFactNumber(t)).toBeNull();
  });

  it('a percent typed as percent points (the editor’s field, a plain Excel cell): "95" → "95%", read 0.95 (→ 6); 0.95 is 0.95% and names 95', () => {
    expect(percentPointsValue('95')).toBe('95%');
    expect(percentPointsValue(' ９５ ')).toBe('95%');
    expect(percentPointsValue('95%')).toBe('95%');
    expect(percentPointsValue('95.50')).toBe('95.5%');
    expect(percentPointsValue('1,234.5')).toBe('1234.5%');
    expect(percentPointsValue('abc')).toBe('abc');
    expect(percentPointsValue('  ')).toBeUndefined();
    expect(leafScore(satisfaction, { 满意度: percentPointsValue('95')! })).toBe('6');
    expect(percentPointsValue('0.95')).toBe('0.95%');
    // 0.95 × 100 = 95; -0.5 × 100 = -50; none for 0, for more than 1 in size, or with its sign
    expect(percentPointsMeant('0.95')).toBe('95');
    expect(percentPointsMeant('-0.5')).toBe('-50');
    for (const t of ['0', '1.5', '95', '0.95%', 'abc']) expect(percentPointsMeant(t)).toBeNull();
  });

  it('"９５％" is read as "95%" (0.95 → 6) and "０．９３１４" as 0.9314 (→ 4)', () => {
    expect(leafScore(satisfaction, { 满意度: '９５％' })).toBe('6');
    expect(leafScore(satisfaction, { 满意度: '０．９３１４' })).toBe('4');
    expect(leafScore(satisfaction, { 满意度: '７９．９％' })).toBe('1'); // 79.9% < 80%
  });

  it('"１２，３４５．６" 万元 is 12345.6: 12345.6 ÷ 12345.6 = 100% × 1分 = 1分', () => {
    expect(leafScore(procurement(), { 采购计划金额: '１２，３４５．６', 实际采购金额: '12345.6' })).toBe('1');
  });

  it('the full-width minus: "－１％" is -1%, below the declared lower limit 0%', () => {
    const bounded = { ...satisfaction, inputs: [input.percent('满意度', { min: 0, max: 1 })] };
    const i = only(evalIssues(bounded, { 满意度: '－１％' }));
    expect(i.code).toBe('fact-range');
    expect(i.message).toContain('为 -1%，低于下限 0%');
  });

  it('only those characters are converted: "９５ 分" is still not a number, and the message quotes it as written', () => {
    const i = only(evalIssues(satisfaction, { 满意度: '９５ 分' }));
    expect(i.code).toBe('fact-not-number');
    expect(i.message).toContain('"９５ 分"');
  });
});

describe('a value written with a percent sign is checked in percent', () => {
  const bounded = { ...satisfaction, inputs: [input.percent('满意度', { min: 0, max: 1 })] };
  it('"150%" is above the upper limit 100% (not "1.5 above 1"); "-1%" below the lower limit 0%', () => {
    expect(only(evalIssues(bounded, { 满意度: '150%' })).message).toContain('为 150%，高于上限 100%');
    expect(only(evalIssues(bounded, { 满意度: '-1%' })).message).toContain('为 -1%，低于下限 0%');
  });
  it('a fraction beyond the range is still told as a fraction: -0.01 below 0', () => {
    expect(only(evalIssues(bounded, { 满意度: -0.01 })).message).toContain('为 -0.01，低于下限 0');
  });
});

describe('which facts are read', () => {
  it('a fact the scheme does not declare is ignored with a warning naming it; declared ones still score', () => {
    const sheet = mustScore(satisfaction, { 满意度: 0.96, 满意率: 0.96, 备注: '无' });
    expect(node(sheet, 'leaf').score).toBe('6');
    expect(sheet.warnings).toEqual(['事实“满意率”未在方案中声明，已忽略（undeclared fact ignored）', '事实“备注”未在方案中声明，已忽略（undeclared fact ignored）']);
    expect(mustScore(satisfaction, { 满意度: 0.96 }).warnings).toEqual([]);
  });

  it('a declared fact named like an Object property ("constructor") is missing when the case lacks it, not a function', () => {
    const doc = leafScheme({ points: 1, inputs: [input.boolean('constructor')], rule: { kind: 'checklist', items: [{ id: 'c1', fact: 'constructor', text: '要点', points: 1 }] } });
    expect(evalIssues(doc, {}).map((i) => i.code)).toEqual(['fact-missing']);
    expect(node(mustScore(doc, { constructor: true }), 'leaf').score).toBe('1');
  });
});

describe('numbers, money and counts', () => {
  it('money with thousands separators and as { value, source } is read', () => {
    // 104.92 / 143.40 → 0.7316596… × 1
    const sheet = mustScore(procurement(), {
      采购计划金额: { value: '143.40', source: '政府采购年初预算数 0.00 万元，调整预算数 143.40 万元' },
      实际采购金额: '104.92',
    });
    expect(node(sheet, 'procurement').score.startsWith('0.73165969')).toBe(true);
    const big = mustScore(procurement(), { 采购计划金额: '1,039,209,201.00', 实际采购金额: '1,039,209,201' });
    expect(node(big, 'procurement').score).toMatch(/^1(\.0+)?$/);
  });

  it('negative money is refused', () => {
    const i = only(evalIssues(procurement(), { 采购计划金额: '143.40', 实际采购金额: -5 }));
    expect(i).toMatchObject({ code: 'fact-negative', fact: '实际采购金额' });
    expect(i.message).toContain('不能为负数');
  });

  it.each([['abc'], [''], ['12万元'], [true], [[1, 2]], [{ amount: 1 }]])('a non-number in a money field (%j) is refused', (v) => {
    const i = only(evalIssues(procurement(), { 采购计划金额: '143.40', 实际采购金额: v }));
    expect(i).toMatchObject({ code: 'fact-not-number', fact: '实际采购金额', path: '/facts/实际采购金额' });
  });

  it('non-finite numbers (Infinity, NaN) are refused, never carried into a score', () => {
    for (const v of [Infinity, -Infinity, NaN]) {
      expect(only(evalIssues(procurement(), { 采购计划金额: '143.40', 实际采购金额: v })).code).toBe('fact-not-number');
    }
  });

  it('huge numbers are refused as implausible (check the unit); 10^15 itself passes', () => {
    const i = only(evalIssues(procurement(), { 采购计划金额: '143.40', 实际采购金额: 1e16 }));
    expect(i.code).toBe('fact-range');
    expect(evalIssues(procurement(), { 采购计划金额: '143.40', 实际采购金额: '1000000000000000.01' }).map((x) => x.code)).toEqual(['fact-range']);
    // 10^15 passes the check: 10^15 ÷ 10^15 = 100% × 1分 = 1分
    expect(leafScore(procurement(), { 采购计划金额: 1e15, 实际采购金额: 1e15 })).toBe('1');
  });

  it('only a percent may carry a percent sign: "50%" in money or a count is refused, not read as 0.5', () => {
    const i = only(evalIssues(procurement(), { 采购计划金额: '143.40', 实际采购金额: '50%' }));
    expect(i).toMatchObject({ code: 'fact-percent-sign', fact: '实际采购金额', path: '/facts/实际采购金额' });
    expect(i.message).toContain('金额不能写百分号');
    const doc = leafScheme({ points: 5, inputs: [input.count('不符合项数')], rule: { kind: 'deduction', countFact: '不符合项数', perItem: 1 } });
    expect(only(evalIssues(doc, { 不符合项数: '90%' })).code).toBe('fact-percent-sign');
  });

  it('a count must be a non-negative whole number', () => {
    const doc = leafScheme({ points: 5, inputs: [input.count('不符合项数')], rule: { kind: 'deduction', countFact: '不符合项数', perItem: 1 } });
    expect(only(evalIssues(doc, { 不符合项数: 1.5 })).code).toBe('fact-count');
    expect(only(evalIssues(doc, { 不符合项数: -1 })).code).toBe('fact-count');
    expect(leafScore(doc, { 不符合项数: '2' })).toBe('3'); // "2" is a number written as text: 5 − 2
  });

  it('declared ranges are enforced', () => {
    const doc = leafScheme({ points: 5, inputs: [input.count('不符合项数', { max: 10 })], rule: { kind: 'deduction', countFact: '不符合项数', perItem: 1 } });
    const i = only(evalIssues(doc, { 不符合项数: 11 }));
    expect(i.code).toBe('fact-range');
    expect(i.message).toContain('10');
  });
});

describe('enums, booleans', () => {
  const doc = leafScheme({
    points: 1.5,
    inputs: [input.enum('部门预算公开情况', ['按要求公开', '公开但不符合要求', '未公开'])],
    rule: {
      kind: 'options',
      fact: '部门预算公开情况',
      options: [
        { value: '按要求公开', score: 1.5, text: '按要求公开' },
        { value: '公开但不符合要求', score: 1, text: '公开但不符合要求' },
        { value: '未公开', score: 0, text: '没有公开' },
      ],
    },
  });
  it('an enum value out of range names the allowed values', () => {
    const i = only(evalIssues(doc, { 部门预算公开情况: '已公开' }));
    expect(i).toMatchObject({ code: 'fact-enum', fact: '部门预算公开情况' });
    expect(i.message).toContain('按要求公开、公开但不符合要求、未公开');
  });
  it('an enum given as a number is refused', () => {
    expect(only(evalIssues(doc, { 部门预算公开情况: 1 })).code).toBe('fact-enum');
  });
});

describe('missing and extra facts', () => {
  it('an undeclared extra fact is a warning, and the sheet still comes out', () => {
    const sheet = mustScore(satisfaction, { 满意度: 0.96, 满意率: 0.96 });
    expect(sheet.warnings).toHaveLength(1);
    expect(sheet.warnings[0]).toContain('满意率');
  });

  it('a missing fact is an error naming the indicator and the fact', () => {
    const i = only(evalIssues(satisfaction, {}));
    expect(i).toMatchObject({ code: 'fact-missing', indicator: 'leaf', fact: '满意度', path: '/facts/满意度' });
    expect(i.message).toContain('满意度');
  });

  it('a fact given as null is missing too', () => {
    expect(only(evalIssues(satisfaction, { 满意度: null })).code).toBe('fact-missing');
  });

  it('null for an optional fact that no rule reads is the same as leaving it out: not an error', () => {
    // the case schema allows null fact values; an absent optional fact is fine, so null must be too
    const doc = { ...satisfaction, inputs: [...satisfaction.inputs, input.number('备注数', { required: false })] };
    expect(leafScore(doc, { 满意度: 0.96 })).toBe('6');
    expect(leafScore(doc, { 满意度: 0.96, 备注数: null })).toBe('6');
  });

  it('a missing fact behind a metric names the fact, not only the metric', () => {
    const i = only(evalIssues(procurement(), { 采购计划金额: '143.40' }));
    expect(i).toMatchObject({ code: 'fact-missing', indicator: 'procurement', fact: '实际采购金额' });
  });

  it('a declared default stands in for a missing fact and is marked as such in the trace', () => {
    const doc = leafScheme({ points: 5, inputs: [input.count('不符合项数', { default: 0 })], rule: { kind: 'deduction', countFact: '不符合项数', perItem: 1 } });
    const leaf = node(mustScore(doc, {}), 'leaf');
    expect(leaf.score).toMatch(/^5(\.0+)?$/);
    expect(leaf.trace!.inputs[0]!.origin).toBe('default');
  });

  it('no facts object at all is a clear error, not a crash', () => {
    const c = mustCompile(satisfaction);
    for (const bad of [undefined, null, 42, 'facts', { facts: null }, { facts: [1, 2] }, {}]) {
      const r = evaluate(c, bad as never);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]!.code).toBe('facts-missing');
    }
  });
});

describe('zero denominators (政府采购计划金额为 0)', () => {
  it('without a declared outcome: an error naming the metric, never NaN or a silent 0', () => {
    const i = only(evalIssues(procurement(), { 采购计划金额: 0, 实际采购金额: 0 }));
    expect(i).toMatchObject({ code: 'zero-denominator', indicator: 'procurement', fact: '政府采购执行率', path: '/metrics/0/formula' });
    expect(i.message).toContain('政府采购执行率');
    expect(i.message).toContain('分母为 0');
  });

  it('with onZeroDenominator: the declared value is used and its text is in the trace', () => {
    const doc = procurement({ onZeroDenominator: { value: 1, text: '无政府采购计划的，视同执行率100%' } });
    const leaf = node(mustScore(doc, { 采购计划金额: 0, 实际采购金额: 0 }), 'procurement');
    expect(leaf.score).toMatch(/^1(\.0+)?$/); // 100% × 1分
    expect(leaf.trace!.arithmetic.join('\n')).toContain('无政府采购计划的，视同执行率100%');
  });

  it('a declared value written as a percent string: "0%" → 0', () => {
    const doc = procurement({ onZeroDenominator: { value: '0%', text: '无计划的得0分' } });
    expect(leafScore(doc, { 采购计划金额: 0, 实际采购金额: 0 })).toBe('0');
  });
});
