/**
 * evaluate reads a case whose keys are the declared facts in their order by position, and any other
 * case key by key (evaluate/evaluate.ts): the order of a case's keys, or an extra key, changes nothing
 * but the warning about the extra key. And a kept sheet lets go of its metrics' values once scored
 * (evaluate/store.ts `forgetMetrics`): its traces, read later, work them out again to the same text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, plainSheet, type CaseInput, type Scheme, type ScoreSheet } from '../src/index.ts';
import { generateCases } from '../bench/facts-gen.ts';

const read = (rel: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${rel}`, import.meta.url)), 'utf8')) as unknown;

const scheme = read('schemes/shenzhen-department/2021.json') as Scheme;
const c = compile(scheme);
if (!c.ok) throw new Error('scheme does not compile');
const given = read('schemes/shenzhen-department/cases/2021/shenzhen-ccpit.json') as CaseInput;

function score(input: CaseInput): ScoreSheet {
  const r = evaluate(c.ok ? c.compiled : (undefined as never), input);
  if (!r.ok) throw new Error(r.issues.map((i) => i.messageEn).join('\n'));
  return r.sheet;
}

/** The case's facts with their keys in `order` (ids of declared facts, and any other key). */
function withKeys(order: string[], extra: Record<string, unknown> = {}): CaseInput {
  const facts: Record<string, unknown> = {};
  for (const id of order) if (id in given.facts) facts[id] = given.facts[id];
  return { ...given, facts: { ...facts, ...extra } };
}

describe('the order of a case’s facts', () => {
  const declared = scheme.inputs.map((i) => i.id);
  const inOrder = plainSheet(score(withKeys(declared)));

  it('keys in the declared order, reversed, or shuffled give the same sheet', () => {
    expect(Object.keys(withKeys(declared).facts)).toEqual(declared.filter((id) => id in given.facts));
    expect(plainSheet(score(withKeys([...declared].reverse())))).toEqual(inOrder);
    // every third key first, then the rest
    const shuffled = [...declared.filter((_, i) => i % 3 === 0), ...declared.filter((_, i) => i % 3 !== 0)];
    expect(plainSheet(score(withKeys(shuffled)))).toEqual(inOrder);
  });

  it('generated cases with every declared fact, in order (read by position) and reversed (key by key), give the same sheets', () => {
    for (const k of generateCases(scheme, 30, 7)) {
      expect(Object.keys(k.facts)).toEqual(declared);
      const reversed: Record<string, unknown> = {};
      for (const id of [...declared].reverse()) reversed[id] = k.facts[id];
      const a = evaluate(c.ok ? c.compiled : (undefined as never), k);
      const b = evaluate(c.ok ? c.compiled : (undefined as never), { ...k, facts: reversed });
      expect(a.ok).toBe(true);
      expect(JSON.parse(JSON.stringify(b))).toEqual(JSON.parse(JSON.stringify(a)));
    }
  });

  it('an extra key, first or last, is the one warning and changes no score', () => {
    const warning = '事实“备注”未在方案中声明，已忽略（undeclared fact ignored）';
    for (const input of [withKeys(declared, { 备注: '说明' }), { ...given, facts: { 备注: '说明', ...withKeys(declared).facts } }]) {
      const sheet = plainSheet(score(input));
      expect(sheet.warnings).toEqual([warning]);
      expect({ ...sheet, warnings: [] }).toEqual({ ...inOrder, warnings: [] });
    }
  });

  it('a missing fact is missing whichever way the case is read', () => {
    // 实际采购金额 is the numerator of 政府采购执行率 (scheme metrics): without it the leaf cannot be scored
    const without = declared.filter((id) => id !== '实际采购金额');
    for (const order of [without, [...without].reverse()]) {
      const r = evaluate(c.ok ? c.compiled : (undefined as never), withKeys(order));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues.some((i) => i.fact === '实际采购金额')).toBe(true);
    }
  });
});

describe('a kept sheet without its metrics’ values', () => {
  it('writes the same traces when read after other cases were scored', () => {
    const kept = score(given);
    const atOnce = plainSheet(score(given));
    for (const order of [scheme.inputs.map((i) => i.id).reverse()]) score(withKeys(order));
    expect(plainSheet(kept)).toEqual(atOnce);
    // the metric lines are there: 政府采购执行率 = 实际采购金额 ÷ 采购计划金额 (scheme metrics)
    expect(JSON.stringify(kept)).toContain('政府采购执行率 = ');
  });
});
