/**
 * Messages name what a user knows — an indicator by its name, a part by 指标名称·分项名称, a fact by its
 * label — beside the key the case file uses, wherever the scheme is known (user review: "评审录入“outcomes”
 * 缺少“给分理由”" named only an id). Where no scheme is known the key alone stays.
 */
import { describe, expect, it } from 'vitest';
import { compile, evaluate, schemeNames, validateCase, type CaseDoc, type Scheme } from '../src/index.ts';
import { fixture } from './fixtures/build.ts';

const mini = () => fixture<Scheme>('mini-scheme.json');
const base = { id: 'x', name: '测试部门', department: '测试部门', year: 2021, scheme: { id: 'mini', year: 2024 }, facts: {} };

describe('schemeNames', () => {
  it('names leaf indicators, parts of a sum (指标名称·分项名称) and facts', () => {
    const n = schemeNames(mini());
    expect(n.reviewer.get('effect')).toBe('效果');
    expect(n.reviewer.get('procurement/policy')).toBe('政府采购·政策功能');
    expect(n.indicators.get('a')).toBe('一级');
    expect(n.facts.get('涉密')).toBe('涉密部门');
  });

  it('reads what it can of a broken document and never throws', () => {
    expect(schemeNames(null).reviewer.size).toBe(0);
    const n = schemeNames({ indicators: [{ id: 'k', name: '重点任务', rule: { kind: 'no-such-kind' } }, { id: 7 }], inputs: 'x' });
    expect([...n.reviewer]).toEqual([['k', '重点任务']]);
  });
});

describe('case format messages with the scheme known', () => {
  it('a reviewer entry without a reason names the indicator by name and key', () => {
    const doc = { ...base, reviewer: { effect: { score: 5 } } };
    expect(validateCase(doc, mini()).map((i) => i.message)).toEqual(['评审录入“效果”（effect）缺少“给分理由”（reason），请补上']);
    // no scheme: the key alone, as before
    expect(validateCase(doc).map((i) => i.message)).toEqual(['评审录入“effect”缺少“给分理由”（reason），请补上']);
  });

  it('an empty reason of a part names the indicator and the part', () => {
    const doc = { ...base, reviewer: { 'procurement/policy': { score: 2, reason: '' } } };
    expect(validateCase(doc, mini()).map((i) => i.message)).toEqual(['评审录入“政府采购·政策功能”（procurement/policy）的给分理由不能为空，请填写']);
    expect(validateCase(doc).map((i) => i.message)).toEqual(['评审录入“procurement/policy”的给分理由不能为空，请填写']);
  });

  it('a key the scheme does not have keeps its key', () => {
    const doc = { ...base, reviewer: { nope: { score: 5 } } };
    expect(validateCase(doc, mini()).map((i) => i.message)).toEqual(['评审录入“nope”缺少“给分理由”（reason），请补上']);
  });

  it('evaluate names a reviewer entry that is not an object', () => {
    const c = compile(mini());
    if (!c.ok) throw new Error('fixture');
    const r = evaluate(c.compiled, { ...base, reviewer: { effect: 5 } } as unknown as CaseDoc);
    const msgs = r.ok ? [] : r.issues.filter((i) => i.code === 'reviewer-entry').map((i) => i.message);
    expect(msgs).toEqual(['评审录入“效果”（effect）应为对象 {"score": 得分, "reason": "理由"}，实际为 5']);
  });
});
