/**
 * The bench compares like with like: on generated fact sets for the 2021 Shenzhen scheme, every sheet
 * scores (the bench times real sheets, not error paths), and json-rules-engine, given the scheme's
 * conditions, picks the same tier / option / veto / exemption / zero rule as jixiao's trace.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, type Scheme, type SheetNode, type Trace } from '../src/index.ts';
import { generateCases } from '../bench/facts-gen.ts';
import { buildEngine } from '../bench/jre.ts';

const scheme = JSON.parse(readFileSync(fileURLToPath(new URL('../../../schemes/shenzhen-department/2021.json', import.meta.url)), 'utf8')) as Scheme;

/** Branch of every rule and part in jixiao's terms: key → tierN / optionN / veto / exempt / zero. */
function jixiaoBranches(nodes: SheetNode[]): Map<string, string> {
  const out = new Map<string, string>();
  const fromTrace = (t: Trace, key: string) => {
    const tier = /^第(\d+)档/.exec(t.branch);
    if (t.branch.startsWith('一票否决')) out.set(key, 'veto');
    else if (t.branch.startsWith('免评')) out.set(key, 'exempt');
    else if (t.branch.startsWith('得0分条款')) out.set(key, 'zero');
    else if (tier) out.set(key, `${t.kind === 'options' ? 'option' : 'tier'}${tier[1]}`);
    for (const p of t.parts ?? []) fromTrace(p, `${key}/${p.id}`);
  };
  const walk = (ns: SheetNode[]) => ns.forEach((n) => (n.children ? walk(n.children) : n.trace && fromTrace(n.trace, n.id)));
  walk(nodes);
  return out;
}

describe('bench cross-check (2021 Shenzhen scheme)', () => {
  const c = compile(scheme);
  const cases = generateCases(scheme, 150, 7);

  it('every generated fact set scores', () => {
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    for (const k of cases) {
      const r = evaluate(c.compiled, k);
      expect(r.ok ? [] : r.issues).toEqual([]);
    }
  });

  it.each(['decimal.js', 'jixiao'] as const)('json-rules-engine (%s numbers) takes the branch jixiao takes', async (numbers) => {
    if (!c.ok) throw new Error('scheme does not compile');
    const { engine } = buildEngine(scheme, numbers);
    let compared = 0;
    for (const k of cases) {
      const r = evaluate(c.compiled, k);
      if (!r.ok) continue;
      const mine = jixiaoBranches(r.sheet.nodes);
      const theirs = new Map<string, Set<string>>();
      for (const e of (await engine.run(k.facts)).events) {
        const { key, branch } = e.params as { key: string; branch: string };
        if (!theirs.has(key)) theirs.set(key, new Set());
        theirs.get(key)!.add(branch);
      }
      for (const [key, branch] of mine) {
        expect(theirs.get(key)?.has(branch), `${key}: jixiao ${branch}, json-rules-engine ${[...(theirs.get(key) ?? [])].join(',')}`).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(cases.length * 5);
  });
});
