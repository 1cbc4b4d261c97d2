/**
 * The 评分标准 the editor shows beside a rule is the engine's rendering of the draft (analyse → renderCriterion),
 * also while the draft has a schema error: a tiers bound typed "abc" is written as typed and marked, not
 * read as absent ("满意度<95%" or "为任意值" would say what the rule does not mean).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/worker/analyse.ts';

const root = new URL('../../../schemes/shenzhen-department/', import.meta.url);
const read = (p: string): unknown => JSON.parse(readFileSync(new URL(p, root), 'utf8'));

describe('the rendered 评分标准 beside a tiers bound that is not a number', () => {
  it('第2档下限 typed "abc" (seed 002 满意度): the draft keeps its schema error and the criterion writes the bound as typed, marked', () => {
    const doc = read('2024.json') as { indicators: { children: { children: { rule: { tiers: Record<string, unknown>[] } }[] }[] }[] };
    doc.indicators[2]!.children[3]!.children[1]!.rule.tiers[1]!['min'] = 'abc';
    const r = analyse({ seq: 1, doc, input: null });
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.path)).toEqual(['/indicators/2/children/3/children/1/rule/tiers/1/min']);
    const text = r.rendered['/indicators/2/children/3/children/1']!;
    expect(text).toContain('“abc”≤满意度<95%（下限“abc”不是数字）的，得4分');
    expect(text).not.toContain('为任意值');
  });
});
