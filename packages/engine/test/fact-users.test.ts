/**
 * A message about a fact's value names the indicators that read it (user review: "事实“实际采购金额合计数”…
 * 不能为负数（-5万元）" did not say where it counts): （用于指标：政府采购）, from the rules and metrics that read it.
 */
import { describe, expect, it } from 'vitest';
import { compile, evaluate, renderIssue, type CaseDoc, type Scheme } from '../src/index.ts';
import { factUsers } from '../src/evaluate/fact-users.ts';
import { fixture } from './fixtures/build.ts';

const mini = () => fixture<Scheme>('mini-scheme.json');
function compiled() {
  const c = compile(mini());
  if (!c.ok) throw new Error('the fixture compiles');
  return c.compiled;
}
const factIssues = (facts: Record<string, unknown>) => {
  const r = evaluate(compiled(), { facts, reviewer: {} } as unknown as CaseDoc);
  return r.ok ? [] : r.issues.filter((i) => i.fact !== undefined && i.code !== 'fact-missing');
};

describe('which indicators read a fact', () => {
  it('through a metric (政府采购执行率 = 实际采购金额 / 采购计划金额, read by 政府采购\'s part) and directly (满意度 by 满意度)', () => {
    const users = factUsers(compiled());
    expect(users.get('实际采购金额')).toEqual(['政府采购']);
    expect(users.get('采购计划金额')).toEqual(['政府采购']);
    expect(users.get('满意度')).toEqual(['满意度']);
  });
});

describe('a fact value message names them', () => {
  it('a negative amount: （用于指标：政府采购）', () => {
    const [i, ...rest] = factIssues({ 实际采购金额: -5 });
    expect(rest).toEqual([]);
    expect(i!.code).toBe('fact-negative');
    expect(i!.message).toBe('事实“实际采购金额”（实际采购金额）为金额，不能为负数（-5万元）（用于指标：政府采购）');
    expect(i!.messageEn).toBe('fact "实际采购金额": money cannot be negative (-5) (read by indicator "政府采购")');
    // rendered again from code and params (an issue that crossed JSON), the same text
    expect(renderIssue(JSON.parse(JSON.stringify(i)))).toEqual({ zh: i!.message, en: i!.messageEn });
  });

  it('a percent written with its sign above its limit', () => {
    expect(factIssues({ 满意度: '150%' }).map((i) => i.message)).toEqual(['事实“满意度”（满意度）为 150%，高于上限 100%（用于指标：满意度）']);
  });
});
