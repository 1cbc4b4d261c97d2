/**
 * Formulas (mathjs with BigNumber): Chinese identifiers, exact decimals, and a whitelist — user text is
 * never evaluated as code, so assignment, function definition, unknown functions and `import` are refused.
 */
import { describe, expect, it } from 'vitest';
import { parseFormula, validateScheme } from '../src/index.ts';
import { Dec } from '../src/decimal/dec.ts';
import { input, leafScheme, metric } from './fixtures/build.ts';

function run(source: string, scope: Record<string, string> = {}): string | null {
  const p = parseFormula(source);
  if (!p.ok) throw new Error(p.messageEn);
  const r = p.formula.run(new Map(Object.entries(scope).map(([k, v]) => [k, new Dec(v)])));
  return r === null ? null : r.toFixed();
}

describe('formulas: what is allowed', () => {
  it('Chinese identifiers, in order of first use', () => {
    const p = parseFormula('已完成项目数/计划完成项目总数*6');
    expect(p.ok && p.formula.symbols).toEqual(['已完成项目数', '计划完成项目总数']);
    expect(run('已完成项目数/计划完成项目总数*6', { 已完成项目数: '9', 计划完成项目总数: '10' })).toBe('5.4');
  });

  it('exact decimals: 0.1 + 0.2 = 0.3, 1.1 × 3 = 3.3', () => {
    expect(run('0.1 + 0.2')).toBe('0.3');
    expect(run('a * 3', { a: '1.1' })).toBe('3.3');
  });

  it('seed 000 全年平均执行率 = Σ(每个季度的执行率) ÷ 4: (131.18% + 98.04% + 86.33% + 90.29%) ÷ 4 = 101.46%', () => {
    // 1.3118 + 0.9804 + 0.8633 + 0.9029 = 4.0584; ÷ 4 = 1.0146
    expect(run('(一季度 + 二季度 + 三季度 + 四季度) / 4', { 一季度: '1.3118', 二季度: '0.9804', 三季度: '0.8633', 四季度: '0.9029' })).toBe('1.0146');
  });

  it('whitelisted functions min max abs round floor ceil sum', () => {
    expect(run('min(a, 1) * 2', { a: '1.25' })).toBe('2');
    expect(run('max(a, 0)', { a: '-3' })).toBe('0');
    expect(run('abs(a)', { a: '-3.5' })).toBe('3.5');
    expect(run('round(a, 2)', { a: '0.73166' })).toBe('0.73');
    expect(run('floor(a) + ceil(a)', { a: '7.92' })).toBe('15');
    expect(run('sum(a, b)', { a: '0.5', b: '0.25' })).toBe('0.75');
  });

  it('a percent written as such is its fraction: 25% is 0.25, 12.5% is 0.125', () => {
    // 0.3279 ÷ 0.25 = 1.3116; 0.5 × 0.125 = 0.0625
    expect(run('a / 25%', { a: '0.3279' })).toBe('1.3116');
    expect(run('a * 12.5%', { a: '0.5' })).toBe('0.0625');
  });

  it('whole powers are exact; a power with no exact value is an issue (formula-power), never a rounded number', () => {
    // 1.5^2 = 2.25; 2^-2 = 0.25
    expect(run('a ^ 2', { a: '1.5' })).toBe('2.25');
    expect(run('2 ^ -2')).toBe('0.25');
    let thrown: unknown;
    try {
      run('a ^ b', { a: '4', b: '0.5' });
    } catch (e) {
      thrown = e;
    }
    expect((thrown as { issue?: { code: string; message: string } }).issue).toMatchObject({ code: 'formula-power', message: expect.stringContaining('4 ^ 0.5') });
  });

  it('a constant divisor 0 or a constant power that is not whole is refused before any case is scored', () => {
    const refused = (f: string) => {
      const p = parseFormula(f);
      return p.ok ? 'ok' : p.message;
    };
    expect(refused('实际采购金额 / 0')).toBe('公式“实际采购金额 / 0”除以常数 0，任何案例都无法计算');
    expect(refused('a / 0.0')).toBe('公式“a / 0.0”除以常数 0，任何案例都无法计算');
    expect(refused('(-1) ^ 0.5')).toBe('公式“(-1) ^ 0.5”中的乘方 ^ 0.5 不是整数次幂，无法精确计算（只能用整数次幂）');
    expect(refused('a ^ 2')).toBe('ok');
    expect(refused('a / 25%')).toBe('ok');
  });

  it('division by zero gives null (the caller reports it), never Infinity or NaN', () => {
    expect(run('a / b', { a: '1', b: '0' })).toBeNull();
    expect(run('a / b', { a: '0', b: '0' })).toBeNull();
  });
});

describe('formulas: a syntax error is told in Chinese, with where it is', () => {
  const zh = (f: string) => {
    const r = parseFormula(f);
    return r.ok ? 'ok' : r.message;
  };
  it('an unfinished formula, a missing parenthesis, an operator without a value', () => {
    // "实际采购金额 / " is 9 characters; mathjs reports the end at char 10
    expect(zh('实际采购金额 / ')).toBe('公式无法解析：实际采购金额 / （第10个字符处公式不完整，末尾缺少数值或标识）');
    expect(zh('(a + b')).toBe('公式无法解析：(a + b（第7个字符处缺少右括号“)”）');
    expect(zh('a + * b')).toBe('公式无法解析：a + * b（第5个字符处缺少数值或标识）');
  });
  it('× and ÷ copied from a 评分标准 are named with the sign to write instead', () => {
    expect(zh('已完成项目数/计划完成项目总数×6')).toBe('公式无法解析：已完成项目数/计划完成项目总数×6（第16个字符“×”：公式中乘号请写作 *）');
    expect(zh('a ÷ 4')).toBe('公式无法解析：a ÷ 4（第3个字符“÷”：公式中除号请写作 /）');
  });
});

describe('formulas add, subtract and compare quantities of one kind only (as conditions do)', () => {
  const inputs = [input.money('实际采购金额', '万元'), input.money('采购计划金额', '元'), input.count('在编人数'), input.percent('满意度'), input.money('预算', '万元')];
  const metricIssues = (formula: string) =>
    validateScheme(leafScheme({ points: 1, inputs, metrics: [metric('执行率', formula)], rule: { kind: 'ratio', metric: '执行率', multiplier: 1 } })).filter((i) => i.code === 'formula-mixed-types');
  it('金额 + 人数 and 金额 + 百分比 in a metric are refused, naming both quantities', () => {
    const [mixed] = metricIssues('实际采购金额 + 在编人数');
    expect(mixed!.message).toBe('计算指标“执行率”的公式“实际采购金额 + 在编人数”把“实际采购金额”（金额）与“在编人数”（计数）直接相加减或比较，二者不是同一种量');
    expect(mixed!.path).toBe('/metrics/0/formula');
    expect(metricIssues('实际采购金额 + 满意度')).toHaveLength(1);
  });
  it('元 and 万元 are not added without converting', () => {
    expect(metricIssues('(实际采购金额 - 采购计划金额) / 预算')[0]!.message).toContain('以万元计的“实际采购金额”与以元计的“采购计划金额”');
  });
  it('one kind, quotients and constants are fine: 万元 − 万元, a share minus 1, a count plus 1', () => {
    expect(metricIssues('(实际采购金额 - 预算) / 预算')).toEqual([]);
    expect(metricIssues('实际采购金额 / 采购计划金额 - 1')).toEqual([]);
    expect(metricIssues('(在编人数 + 1) / 在编人数')).toEqual([]);
  });
  it('a formula rule is checked the same way', () => {
    const issues = validateScheme(leafScheme({ points: 6, inputs, rule: { kind: 'formula', expression: 'min(满意度, 1) * 6 + 在编人数 * 0' } }));
    expect(issues.filter((i) => i.code === 'formula-mixed-types')).toEqual([]);
    const bad = validateScheme(leafScheme({ points: 6, inputs, rule: { kind: 'formula', expression: '(满意度 + 在编人数) * 6' } })).filter((i) => i.code === 'formula-mixed-types');
    expect(bad.map((i) => i.message)).toEqual(['公式“(满意度 + 在编人数) * 6”把“满意度”（百分比）与“在编人数”（计数）直接相加减或比较，二者不是同一种量']);
  });
});

describe('formulas: forbidden constructs are refused, with a Chinese message', () => {
  it.each([
    ['x = 1', 'AssignmentNode'], // assignment
    ['f(x) = x^2', 'FunctionAssignmentNode'], // function definition
    ['sin(x)', '函数 sin'], // unknown function
    ['evaluate("1+1")', '函数 evaluate'],
    ['import({a: 1})', '函数 import'],
    ['parse("x")', '函数 parse'],
    ['createUnit("分")', '函数 createUnit'],
    ['a.b', 'AccessorNode'],
    ['a[1]', 'AccessorNode'],
    ['[1, 2]', 'ArrayNode'],
    ['1:3', 'RangeNode'],
    ['x; y', 'BlockNode'],
    ['x mod 2', '运算符 mod'],
    ['x!', '运算符 !'],
    ['x to cm', '运算符 to'],
    // not finite: would otherwise read as a zero denominator ("NaN = NaN")
    ['NaN', '常量“NaN”'],
    ['a / Infinity', '常量“Infinity”'],
    // a percent sign after anything but a number, and "a + 5%" (5 points or 5 per cent of a?) are refused
    ['a%', '百分号'],
    ['a + 5%', '含义不明'],
    ['a - 5%', '含义不明'],
  ])('%s', (source, what) => {
    const p = parseFormula(source);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.message).toContain('不允许');
      expect(p.message).toContain(what);
      expect(p.messageEn).toContain('forbidden');
    }
  });

  it('syntax errors come back as data, not exceptions', () => {
    const p = parseFormula('a / (b');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.message).toContain('公式无法解析');
  });

  it('validation names the metric and the JSON path of a forbidden formula', () => {
    const doc = leafScheme({
      points: 1,
      inputs: [input.money('a'), input.money('b')],
      metrics: [metric('比率', 'import({a: 1})')],
      rule: { kind: 'ratio', metric: 'a', multiplier: 0 },
    });
    const issues = validateScheme(doc).filter((i) => i.code === 'formula-syntax');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ fact: '比率', path: '/metrics/0/formula' });
  });

  it('a formula that parses but cannot run (max() with no argument) is caught by validation', () => {
    const doc = leafScheme({
      points: 6,
      inputs: [input.count('已完成项目数')],
      rule: { kind: 'formula', expression: 'max() + 已完成项目数' },
    });
    const errors = validateScheme(doc).filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.path).toBe('/indicators/0/children/0/rule/expression');
  });

  it('text constants are not numbers: "abc" is refused at parse time, not reported later as a zero denominator', () => {
    expect(parseFormula('"abc" * 2').ok).toBe(false);
    expect(parseFormula('null').ok).toBe(false);
  });
});
