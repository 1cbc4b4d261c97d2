/** Rule kinds in the editor come from the engine's registry: names, examples (marked 例：) and templates. */
import { describe, expect, it } from 'vitest';
import { RULE_KIND_ZH } from '@jixiao/engine';
import { RULE_KINDS, kindExample, kindLabel, templateRule } from '../src/model/rule-kinds.ts';

describe('rule kind examples', () => {
  it('start with 例：', () => {
    expect(kindExample('ratio')).toBe('例：政府采购执行率得分=政府采购执行率×1分');
    expect(kindExample('no-such-kind')).toBeUndefined();
  });
});

describe('rule kinds from the registry', () => {
  it('the selector offers every registered kind under the one name table', () => {
    expect(Object.fromEntries(RULE_KINDS.map((k) => [k.kind, k.label]))).toEqual(RULE_KIND_ZH);
    expect(kindLabel('deduction')).toBe('扣分（扣完为止）');
    expect(kindLabel('targets')).toBe('年度绩效指标行');
    expect(kindLabel('no-such-kind')).toBe('no-such-kind');
  });

  it('a new rule of a kind is the kind’s template', () => {
    expect(templateRule('deduction', '不符合项数', 5)).toEqual({ kind: 'deduction', countFact: '不符合项数', perItem: 1 });
    expect(templateRule('ratio', '政府采购执行率', 1)).toEqual({ kind: 'ratio', metric: '政府采购执行率', multiplier: 1 });
  });
});
