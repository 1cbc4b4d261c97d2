/** Rule kinds in the editor come from the engine's registry: names, examples (marked 例：) and templates. */
import { describe, expect, it } from 'vitest';
import { RULE_KIND_ZH } from '@jixiao/engine';
import { readFileSync } from 'node:fs';
import { RULE_KINDS, kindExample, kindLabel, templateRef, templateRule } from '../src/model/rule-kinds.ts';
import { namesOf } from '../src/components/editor-context.tsx';
import type { Rule } from '../src/model/types.ts';

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

describe('the fact or metric a new rule starts with (templateRef)', () => {
  // 深圳市部门整体 2024: its first input is the yes/no 预算编制符合职责和政策, its metrics percents
  const names = namesOf(JSON.parse(readFileSync(new URL('../../../schemes/shenzhen-department/2024.json', import.meta.url), 'utf8')));
  const type = (id: string) => names.find((n) => n.id === id)?.type;

  it('the scheme starts with a yes/no fact, which no 分档计分 can read', () => {
    expect(names[0]).toMatchObject({ id: '预算编制符合职责和政策', type: 'boolean' });
  });

  it('分档计分 → 比率×分值 → 分档计分 keeps reading the metric the rule read (满意度), never the yes/no first input', () => {
    const tiers: Rule = { kind: 'tiers', metric: '满意度', tiers: [{ min: 0.95, minInclusive: true, score: 6 }, { max: 0.95, maxInclusive: false, score: 1 }] };
    const toRatio = templateRef('ratio', names, tiers);
    expect(toRatio).toBe('满意度');
    const ratio = templateRule('ratio', toRatio, 6);
    const back = templateRef('tiers', names, ratio);
    expect(back).toBe('满意度');
    expect(templateRule('tiers', back, 6)).toMatchObject({ kind: 'tiers', metric: '满意度' });
  });

  it('from a rule that read nothing numeric (评审酌情), a percent metric or fact', () => {
    const id = templateRef('tiers', names, { kind: 'judgement' });
    expect(type(id)).toBe('percent');
  });

  it('each kind gets a name of the type it reads: a yes/no for a checklist item, a count for 扣分, an enum for 选项, rows for 指标行', () => {
    expect(type(templateRef('checklist', names, { kind: 'judgement' }))).toBe('boolean');
    expect(['count', 'number']).toContain(type(templateRef('deduction', names, { kind: 'judgement' })));
    for (const k of ['ratio', 'linearPenalty', 'completion', 'bands', 'formula', 'cases'] as const) {
      expect(['number', 'percent', 'money', 'count'], k).toContain(type(templateRef(k, names, { kind: 'judgement' })));
    }
  });

  it('nothing of the type needed: empty (the picker asks), not a name of another type', () => {
    expect(templateRef('tiers', [{ id: '是否', type: 'boolean', kind: 'fact' }])).toBe('');
    expect(templateRef('judgement', names)).toBe('');
  });
});
