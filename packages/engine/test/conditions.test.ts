/**
 * Conditions in json-rules-engine JSON (all / any / not / fact–operator–value), compared
 * decimal-exactly. Exercised through a veto, the way schemes use them: the leaf scores 0 exactly when
 * the condition holds.
 */
import { describe, expect, it } from 'vitest';
import type { Condition, Scheme } from '../src/index.ts';
import { input, leafScheme, leafScore, metric } from './fixtures/build.ts';

function schemeWith(when: Condition): Scheme {
  return leafScheme({
    points: 1,
    inputs: [
      input.number('x', { min: -1000 }),
      input.number('y', { min: -1000 }),
      input.percent('a'),
      input.percent('b'),
      input.money('实际采购金额'),
      input.money('采购计划金额'),
      input.boolean('涉密部门'),
      input.enum('公开情况', ['按要求公开', '公开但不符合要求', '未公开']),
      input.count('n', { default: 0 }),
      input.boolean('上年涉密部门'),
      input.enum('上年公开情况', ['按要求公开', '公开但不符合要求', '未公开']),
      { id: '公开说明', label: '公开说明', type: 'text', required: false },
    ],
    metrics: [metric('s', 'a + b')],
    rule: { kind: 'deduction', countFact: 'n', perItem: 1, veto: { when, text: '条件成立' } },
  });
}
const base = { x: 0, y: 0, a: 0, b: 0, 实际采购金额: 0, 采购计划金额: 0, 涉密部门: false, 公开情况: '未公开', 上年涉密部门: false, 上年公开情况: '未公开', 公开说明: '未公开' };
/** Whether `when` holds for the facts (the vetoed leaf scores 0, else 1). */
function holds(when: Condition, facts: Record<string, unknown>): boolean {
  const s = leafScore(schemeWith(when), { ...base, ...facts });
  if (s !== '0' && s !== '1') throw new Error(`unexpected score ${s}`);
  return s === '0';
}

describe('decimal exactness', () => {
  it('0.1 + 0.2 equals 0.3 (in binary floating point it is 0.30000000000000004)', () => {
    expect(0.1 + 0.2 === 0.3).toBe(false); // the trap
    expect(holds({ fact: 's', operator: 'equal', value: 0.3 }, { a: 0.1, b: 0.2 })).toBe(true);
    expect(holds({ fact: 's', operator: 'greaterThan', value: 0.3 }, { a: 0.1, b: 0.2 })).toBe(false);
    expect(holds({ fact: 's', operator: 'lessThanInclusive', value: '0.3' }, { a: '10%', b: '20%' })).toBe(true);
  });

  it('compares a percent written "95%" with a bound written 0.95 and "95%"', () => {
    expect(holds({ fact: 'a', operator: 'greaterThanInclusive', value: 0.95 }, { a: '95%' })).toBe(true);
    expect(holds({ fact: 'a', operator: 'greaterThanInclusive', value: '95%' }, { a: 0.95 })).toBe(true);
    expect(holds({ fact: 'a', operator: 'greaterThanInclusive', value: '95%' }, { a: 0.9499 })).toBe(false);
  });

  it.each([
    ['equal', 5, 5, true],
    ['equal', 5, 6, false],
    ['notEqual', 5, 6, true],
    ['lessThan', 5, 5, false],
    ['lessThanInclusive', 5, 5, true],
    ['greaterThan', 5.0000001, 5, true],
    ['greaterThanInclusive', 4.9999999, 5, false],
  ] as const)('%s: x=%s vs %s → %s', (operator, x, value, expected) => {
    expect(holds({ fact: 'x', operator, value }, { x })).toBe(expected);
  });

  it('in / notIn against a list of numbers', () => {
    expect(holds({ fact: 'x', operator: 'in', value: [1, 2, 3] }, { x: '2.0' })).toBe(true);
    expect(holds({ fact: 'x', operator: 'in', value: [1, 2, 3] }, { x: 4 })).toBe(false);
    expect(holds({ fact: 'x', operator: 'notIn', value: [1, 2, 3] }, { x: 4 })).toBe(true);
  });
});

describe('fact-to-fact', () => {
  // Seed 000: "如实际采购金额大于采购计划金额，本项得0分"
  const when: Condition = { fact: '实际采购金额', operator: 'greaterThan', value: { fact: '采购计划金额' } };
  it('实际采购金额 > 采购计划金额', () => {
    expect(holds(when, { 实际采购金额: '143.41', 采购计划金额: '143.40' })).toBe(true);
    expect(holds(when, { 实际采购金额: '143.40', 采购计划金额: '143.4' })).toBe(false); // equal, not greater
    expect(holds(when, { 实际采购金额: '104.92', 采购计划金额: '143.40' })).toBe(false);
  });
});

describe('fact-to-fact on yes/no, enum and text (compared by value, as json-rules-engine does)', () => {
  it('yes/no equal yes/no', () => {
    const when: Condition = { fact: '涉密部门', operator: 'equal', value: { fact: '上年涉密部门' } };
    expect(holds(when, { 涉密部门: true, 上年涉密部门: true })).toBe(true);
    expect(holds(when, { 涉密部门: true, 上年涉密部门: '否' })).toBe(false);
  });

  it('enum notEqual enum, enum equal text', () => {
    expect(holds({ fact: '公开情况', operator: 'notEqual', value: { fact: '上年公开情况' } }, { 公开情况: '按要求公开', 上年公开情况: '未公开' })).toBe(true);
    expect(holds({ fact: '公开情况', operator: 'notEqual', value: { fact: '上年公开情况' } }, { 公开情况: '未公开', 上年公开情况: '未公开' })).toBe(false);
    expect(holds({ fact: '公开情况', operator: 'equal', value: { fact: '公开说明' } }, { 公开情况: '未公开', 公开说明: '未公开' })).toBe(true);
  });
});

describe('booleans and enums', () => {
  it('boolean equal / notEqual', () => {
    expect(holds({ fact: '涉密部门', operator: 'equal', value: true }, { 涉密部门: true })).toBe(true);
    expect(holds({ fact: '涉密部门', operator: 'equal', value: true }, { 涉密部门: false })).toBe(false);
    expect(holds({ fact: '涉密部门', operator: 'notEqual', value: true }, { 涉密部门: '否' })).toBe(true);
  });

  it('enum equal / in / notIn', () => {
    expect(holds({ fact: '公开情况', operator: 'equal', value: '未公开' }, { 公开情况: '未公开' })).toBe(true);
    expect(holds({ fact: '公开情况', operator: 'in', value: ['未公开', '公开但不符合要求'] }, { 公开情况: '公开但不符合要求' })).toBe(true);
    expect(holds({ fact: '公开情况', operator: 'notIn', value: ['未公开', '公开但不符合要求'] }, { 公开情况: '按要求公开' })).toBe(true);
  });
});

describe('all / any / not', () => {
  const xPos: Condition = { fact: 'x', operator: 'greaterThan', value: 0 };
  const yPos: Condition = { fact: 'y', operator: 'greaterThan', value: 0 };
  it.each([
    [1, 1, true, true, false],
    [1, -1, false, true, false],
    [-1, 1, false, true, false],
    [-1, -1, false, false, true],
  ])('x=%s y=%s: all %s, any %s, not(any) %s', (x, y, all, any, none) => {
    expect(holds({ all: [xPos, yPos] }, { x, y })).toBe(all);
    expect(holds({ any: [xPos, yPos] }, { x, y })).toBe(any);
    expect(holds({ not: { any: [xPos, yPos] } }, { x, y })).toBe(none);
  });

  it('nests: all [ any [x>0, y>0], not (涉密部门) ]', () => {
    const when: Condition = { all: [{ any: [xPos, yPos] }, { not: { fact: '涉密部门', operator: 'equal', value: true } }] };
    expect(holds(when, { x: 1, 涉密部门: false })).toBe(true);
    expect(holds(when, { x: 1, 涉密部门: true })).toBe(false);
    expect(holds(when, { x: -1, y: -1, 涉密部门: false })).toBe(false);
  });
});
