/**
 * A kept sheet's traces are written when read by running each leaf's rule again on the sheet's own
 * values (evaluate/trace.ts): what they say is the same whenever they are read — right away, or after
 * other sheets of the same scheme were scored — and the same as the plain JSON of a fresh evaluation.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, plainSheet, type CaseInput, type Scheme, type ScoreSheet, type SheetNode } from '../src/index.ts';

const read = (rel: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${rel}`, import.meta.url)), 'utf8')) as unknown;

function leaves(nodes: SheetNode[]): SheetNode[] {
  return nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));
}

describe.each([
  ['schemes/shenzhen-department/2021.json', 'schemes/shenzhen-department/cases/2021/shenzhen-ccpit.json'],
  ['schemes/shenzhen-department/2024.json', 'schemes/shenzhen-department/cases/2024/shenzhen-commerce.json'],
])('traces of %s read late', (schemePath, casePath) => {
  const c = compile(read(schemePath) as Scheme);
  if (!c.ok) throw new Error('scheme does not compile');
  const input = read(casePath) as CaseInput;
  const score = (): ScoreSheet => {
    const r = evaluate(c.compiled, input);
    if (!r.ok) throw new Error(r.issues.map((i) => i.messageEn).join('\n'));
    return r.sheet;
  };

  it('say the same as traces read at once, after other sheets were scored', () => {
    const kept = score();
    const atOnce = plainSheet(score());
    // other sheets scored in between, on the same compiled scheme
    for (let k = 0; k < 3; k++) evaluate(c.compiled, input);
    expect(plainSheet(kept)).toEqual(atOnce);
  });

  it('parts and rows are there exactly for the rules that have them, and each trace reads the same twice', () => {
    const sheet = score();
    for (const leaf of leaves(sheet.nodes)) {
      const t = leaf.trace;
      if (!t) continue;
      expect(t.parts !== undefined).toBe(t.kind === 'sum');
      expect(t.rows !== undefined).toBe(t.kind === 'targets');
      const first = JSON.stringify(t);
      expect(JSON.stringify(t)).toBe(first);
      expect(t.score).toBe(leaf.score);
    }
  });
});
