/**
 * The scheme check of conditions (checkCondition, through validateScheme): every mis-typed condition of
 * issue 9 — and the other ways a condition can silently never fire — is refused with ONE issue naming the
 * indicator, the fact, the operator and the JSON path; well-typed conditions pass.
 */
import { describe, expect, it } from 'vitest';
import { validateScheme, type Condition, type Input, type Issue, type Scheme } from '../src/index.ts';
import { renderIssue } from '../src/errors/catalogue.ts';
import { OPERATORS, operatorsFor } from '../src/conditions/operators.ts';
import { comparableTypes } from '../src/conditions/fact-types.ts';
import { input, leafScheme, metric } from './fixtures/build.ts';

const INPUTS: Input[] = [
  input.boolean('存在违规支出'),
  input.enum('公开情况', ['按要求公开', '公开但不符合要求', '未公开']),
  input.percent('满意度'),
  input.percent('完成率', { max: 1 }),
  input.money('实际采购金额', '万元'),
  input.money('采购计划金额', '万元'),
  input.money('预算数', '元'),
  input.number('x'),
  input.count('不符合项数', { default: 0 }),
  { id: '备注', label: '备注', type: 'text', required: false },
  { id: '指标行', label: '年度指标行', type: 'rows', required: false },
];

/** A one-leaf scheme (指标 “支出规范性”, id `leaf`) whose deduction rule is vetoed when `when` holds. */
function withVeto(when: Condition): Scheme {
  return leafScheme({
    points: 4,
    name: '支出规范性',
    inputs: INPUTS,
    metrics: [metric('政府采购执行率', '实际采购金额 / 采购计划金额'), metric('金额差', '实际采购金额 - 采购计划金额', 'money')],
    rule: { kind: 'deduction', countFact: '不符合项数', perItem: 1, veto: { when, text: '条件成立的，本项得0分' } },
  });
}

const VETO = '/indicators/0/children/0/rule/veto/when';
const errorsOf = (doc: Scheme): Issue[] => validateScheme(doc).filter((i) => i.severity === 'error');

/** The one issue of a condition, failing the test when there is not exactly one. */
function theIssue(when: Condition): Issue {
  const errors = errorsOf(withVeto(when));
  expect(errors, JSON.stringify(errors.map((e) => e.message))).toHaveLength(1);
  return errors[0]!;
}

describe('the mis-typed conditions of issue 9: one sentence each, naming indicator, fact, operator and path', () => {
  it.each([
    ['greaterThan 95 on a yes/no fact', { fact: '存在违规支出', operator: 'greaterThan', value: 95 }, 'condition-operator-type', `${VETO}/operator`, '存在违规支出', 'greaterThan'],
    ['in with a value that is not a list', { fact: '公开情况', operator: 'in', value: '未公开' }, 'condition-value-not-list', `${VETO}/value`, '公开情况', 'in'],
    ['greaterThanInclusive on an enum fact', { fact: '公开情况', operator: 'greaterThanInclusive', value: '未公开' }, 'condition-operator-type', `${VETO}/operator`, '公开情况', 'greaterThanInclusive'],
    ['equal "九成" on a percent', { fact: '满意度', operator: 'equal', value: '九成' }, 'condition-value-type', `${VETO}/value`, '满意度', 'equal'],
    ['a percent written 95 for 95%', { fact: '满意度', operator: 'greaterThanInclusive', value: 95 }, 'condition-percent-scale', `${VETO}/value`, '满意度', 'greaterThanInclusive'],
    ['an unknown operator', { fact: '满意度', operator: 'greaterThanFoo', value: 0.95 }, 'condition-operator-unknown', `${VETO}/operator`, '满意度', 'greaterThanFoo'],
    ['an undeclared fact', { fact: '涉密单位', operator: 'equal', value: true }, 'condition-undeclared-fact', `${VETO}/fact`, '涉密单位', 'equal'],
  ] as const)('%s', (_, when, code, path, fact, operator) => {
    const i = theIssue(when as Condition);
    expect(i).toMatchObject({ code, severity: 'error', path, indicator: 'leaf', fact });
    expect(i.message).toContain('指标“支出规范性”的一票否决条件');
    expect(i.message).toContain(fact);
    expect(i.message).toContain(operator);
    expect(i.message).not.toMatch(/undefined|NaN|\[object/);
    expect(i.messageEn).toContain(operator);
    // the text comes from the catalogue: re-rendered from code + params it is the same
    expect(renderIssue(JSON.parse(JSON.stringify(i)) as Issue)).toEqual({ zh: i.message, en: i.messageEn });
  });

  it('the operator mismatch lists the operators that fit the fact: a yes/no takes only equal / notEqual', () => {
    const i = theIssue({ fact: '存在违规支出', operator: 'greaterThan', value: 95 });
    expect(i.message).toContain('是/否');
    expect(i.message).toContain('equal（等于）、notEqual（不等于）');
    expect(i.message).not.toContain('lessThan');
  });

  it('an unknown operator is one message (not the schema union’s alternatives) listing the allowed operators', () => {
    const i = theIssue({ fact: '满意度', operator: 'greaterThanFoo', value: 0.95 });
    for (const o of OPERATORS) expect(i.message).toContain(o.name);
    expect(i.message).toContain('没有“greaterThanFoo”这种比较');
  });

  it('a percent written 95 gives the tier bounds’ hint: 95% 填 0.95', () => {
    const i = theIssue({ fact: '满意度', operator: 'lessThan', value: 95 });
    expect(i.message).toContain('95% 填 0.95');
    expect(i.message).toContain('9500%');
    expect(i.message).toContain('应写作 0.95 或 "95%"');
  });

  it('a percent bound within ±10 (1000%) is a fraction, as for tier bounds: 1.01 (101%) is not refused', () => {
    expect(errorsOf(withVeto({ fact: '完成率', operator: 'lessThanInclusive', value: 1.01 }))).toEqual([]);
    expect(theIssue({ fact: '完成率', operator: 'lessThan', value: -10.5 })).toMatchObject({ code: 'condition-percent-scale', path: `${VETO}/value` });
  });
});

describe('other ways a condition would never fire', () => {
  it.each([
    ['a string for a yes/no', { fact: '存在违规支出', operator: 'equal', value: '是' }, 'condition-value-type', `${VETO}/value`],
    ['a value that is not an option of the enum', { fact: '公开情况', operator: 'equal', value: '已公开' }, 'condition-value-option', `${VETO}/value`],
    ['one list element that is not an option', { fact: '公开情况', operator: 'notIn', value: ['按要求公开', '按时公开'] }, 'condition-value-option', `${VETO}/value/1`],
    ['a list element that is not a percent', { fact: '满意度', operator: 'in', value: [0.9, '九成'] }, 'condition-value-type', `${VETO}/value/1`],
    ['an empty list for in', { fact: '不符合项数', operator: 'in', value: [] }, 'condition-value-empty-list', `${VETO}/value`],
    ['a list for a single comparison', { fact: 'x', operator: 'equal', value: [1, 2] }, 'condition-value-list-unexpected', `${VETO}/value`],
    ['a percent sign on money ("50%" is not 0.5 万元)', { fact: '实际采购金额', operator: 'greaterThan', value: '50%' }, 'condition-value-type', `${VETO}/value`],
    ['a number for text', { fact: '备注', operator: 'equal', value: 5 }, 'condition-value-type', `${VETO}/value`],
    ['indicator rows in a condition', { fact: '指标行', operator: 'equal', value: 'x' }, 'condition-operator-type', `${VETO}/fact`],
    ['money in 万元 against money in 元', { fact: '实际采购金额', operator: 'greaterThan', value: { fact: '预算数' } }, 'condition-facts-incomparable', `${VETO}/value/fact`],
    ['a percent against money', { fact: '满意度', operator: 'greaterThan', value: { fact: '实际采购金额' } }, 'condition-facts-incomparable', `${VETO}/value/fact`],
    ['a yes/no against an enum', { fact: '存在违规支出', operator: 'equal', value: { fact: '公开情况' } }, 'condition-facts-incomparable', `${VETO}/value/fact`],
    ['an undeclared fact as the value', { fact: '实际采购金额', operator: 'greaterThan', value: { fact: '采购预算' } }, 'condition-undeclared-fact', `${VETO}/value/fact`],
  ] as const)('%s', (_, when, code, path) => {
    expect(theIssue(when as Condition)).toMatchObject({ code, path, indicator: 'leaf' });
  });

  it('the units of two money facts are named', () => {
    const i = theIssue({ fact: '实际采购金额', operator: 'greaterThan', value: { fact: '预算数' } });
    expect(i.message).toContain('以万元计');
    expect(i.message).toContain('以元计');
  });

  it('reports each mis-typed comparison inside all / any / not, with its own path', () => {
    const errors = errorsOf(
      withVeto({
        all: [
          { fact: '存在违规支出', operator: 'equal', value: true },
          { any: [{ fact: '满意度', operator: 'lessThan', value: 80 }, { not: { fact: '公开情况', operator: 'in', value: '未公开' } }] },
        ],
      }),
    );
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['condition-percent-scale', `${VETO}/all/1/any/0/value`],
      ['condition-value-not-list', `${VETO}/all/1/any/1/not/value`],
    ]);
  });
});

describe('well-typed conditions pass', () => {
  const ok: [string, Condition][] = [
    ['yes/no equal true', { fact: '存在违规支出', operator: 'equal', value: true }],
    ['yes/no notEqual false', { fact: '存在违规支出', operator: 'notEqual', value: false }],
    ['enum in options', { fact: '公开情况', operator: 'in', value: ['未公开', '公开但不符合要求'] }],
    ['enum equal an option', { fact: '公开情况', operator: 'equal', value: '按要求公开' }],
    ['percent ≥ 0.95', { fact: '满意度', operator: 'greaterThanInclusive', value: 0.95 }],
    ['percent ≥ "95%"', { fact: '满意度', operator: 'greaterThanInclusive', value: '95%' }],
    ['percent "95%" is not read as 95 even with a maximum of 100%', { fact: '完成率', operator: 'lessThan', value: '95%' }],
    ['percent metric < "0.6"', { fact: '政府采购执行率', operator: 'lessThan', value: '0.6' }],
    ['money > money in the same unit', { fact: '实际采购金额', operator: 'greaterThan', value: { fact: '采购计划金额' } }],
    ['money metric (no unit) > 0', { fact: '金额差', operator: 'greaterThan', value: 0 }],
    ['money input vs money metric', { fact: '实际采购金额', operator: 'lessThan', value: { fact: '金额差' } }],
    ['a plain number against a percent', { fact: 'x', operator: 'lessThanInclusive', value: { fact: '满意度' } }],
    ['count in a list', { fact: '不符合项数', operator: 'in', value: [1, 2, '3'] }],
    ['text equal text', { fact: '备注', operator: 'equal', value: '无' }],
    ['nested all / any / not', { all: [{ fact: '存在违规支出', operator: 'equal', value: true }, { not: { any: [{ fact: 'x', operator: 'lessThan', value: -1 }] } }] }],
  ];
  it.each(ok)('%s', (_, when) => {
    expect(errorsOf(withVeto(when))).toEqual([]);
  });
});

describe('every condition of a scheme is checked: veto, exempt, ratio zeroWhen, inside sum parts', () => {
  it('exempt.when and zeroWhen.when of a ratio rule inside a sum part', () => {
    const doc = leafScheme({
      points: 2,
      name: '政府采购',
      inputs: INPUTS,
      metrics: [metric('政府采购执行率', '实际采购金额 / 采购计划金额')],
      rule: {
        kind: 'sum',
        exempt: { when: { fact: '存在违规支出', operator: 'lessThan', value: 1 }, text: '免评' },
        parts: [
          {
            id: 'p1',
            name: '执行率',
            points: 2,
            rule: { kind: 'ratio', metric: '政府采购执行率', multiplier: 2, zeroWhen: { when: { fact: '实际采购金额', operator: 'greaterThan', value: { fact: '预算数' } }, text: '得0分' } },
          },
        ],
      },
    });
    const errors = errorsOf(doc);
    expect(errors.map((e) => [e.code, e.path])).toEqual(
      expect.arrayContaining([
        ['condition-operator-type', '/indicators/0/children/0/rule/exempt/when/operator'],
        ['condition-facts-incomparable', '/indicators/0/children/0/rule/parts/0/rule/zeroWhen/when/value/fact'],
      ]),
    );
    expect(errors).toHaveLength(2);
    expect(errors.find((e) => e.path.includes('exempt'))!.message).toContain('指标“政府采购”的免评条件');
    expect(errors.find((e) => e.path.includes('zeroWhen'))!.message).toContain('分项“执行率”的得0分条件');
  });
});

describe('the registry', () => {
  it('says which types a fact may be compared with', () => {
    expect(comparableTypes('percent')).toEqual(['percent', 'number']);
    expect(comparableTypes('number')).toEqual(['number', 'percent', 'money', 'count']);
    expect(comparableTypes('enum')).toEqual(['enum', 'text']);
    expect(comparableTypes('boolean')).toEqual(['boolean']);
    expect(comparableTypes('rows')).toEqual([]);
  });

  it('offers each fact type the operators that apply to it', () => {
    const names = (t: string) => operatorsFor(t).map((o) => o.name);
    expect(names('boolean')).toEqual(['equal', 'notEqual']);
    expect(names('enum')).toEqual(['equal', 'notEqual', 'in', 'notIn']);
    expect(names('text')).toEqual(['equal', 'notEqual', 'in', 'notIn']);
    for (const t of ['number', 'percent', 'money', 'count']) expect(names(t)).toHaveLength(8);
    expect(names('rows')).toEqual([]);
  });
});
