/**
 * Extreme inputs never become an internal error: every pair of extreme amounts through a ratio metric, and
 * formulas at the edges of what their functions take, give a sheet or a user's issue (with its code).
 */
import { describe, expect, it } from 'vitest';
import { compile, evaluate } from '../src/index.ts';
import { evalIssues, input, leafScheme, metric } from './fixtures/build.ts';

const EXTREMES: unknown[] = [1e308, 5e-324, -0, 0, 1e21, 1e15, 999999999999999.9, 0.1, 1 / 3, 2 ** 53, 2 ** 53 + 2, '123456789012345678901234567890', '0.000000000000000000000000000001', '1e-7', 1e-7, 4.35, 1.005, '9007199254740993', 1e-300, 123.456e5];

describe('extreme inputs', () => {
  it("every pair of extreme amounts in a ratio metric scores or is refused as the user's mistake, never an internal error", () => {
    const doc = leafScheme({ points: 1, inputs: [input.money('a'), input.money('b')], metrics: [metric('r', 'a / b')], rule: { kind: 'ratio', metric: 'r', multiplier: 1 } });
    const c = compile(doc);
    if (!c.ok) throw new Error('fixture must compile');
    const internal: string[] = [];
    for (const a of EXTREMES) {
      for (const b of EXTREMES) {
        const r = evaluate(c.compiled, { facts: { a, b } });
        if (r.ok) expect(JSON.stringify(r.sheet)).not.toMatch(/NaN|Infinity|undefined/);
        else for (const i of r.issues) if (i.code === 'internal') internal.push(`${String(a)} / ${String(b)}: ${i.messageEn}`);
      }
    }
    expect(internal).toEqual([]);
  });

  it.each(['round(a, -1)', 'round(a, 2.5)', 'round(a, 21)'])("%s: decimal places outside 0–20 are the formula's error, named", (expression) => {
    const doc = leafScheme({ points: 10, inputs: [input.number('a')], rule: { kind: 'formula', expression } });
    const issues = evalIssues(doc, { a: 7 });
    expect(issues.map((i) => i.code)).toEqual(['formula-round']);
    expect(issues[0]).toMatchObject({ indicator: 'leaf' });
    expect(issues[0]!.message).toContain('0–20 的整数');
  });

  it('formulas at the edges still score: powers, tiny steps, 1/3 × 3', () => {
    const internal: string[] = [];
    for (const expression of ['round(a, 20)', 'a ^ 1000', '2 ^ 100000', 'a ^ -3', 'floor(a / 0.0000001)', 'ceil(-a)', 'min(a, 1/3) * 3', 'a ^ a', '10 ^ 400 / 10 ^ 399', 'abs(a - 1e300)']) {
      const c = compile(leafScheme({ points: 10, inputs: [input.number('a')], rule: { kind: 'formula', expression } }));
      if (!c.ok) throw new Error(`${expression} must compile`);
      for (const a of [0, 1, 2.5, 1e15, 0.1, 7, 1e-9]) {
        const r = evaluate(c.compiled, { facts: { a } });
        if (r.ok) expect(JSON.stringify(r.sheet)).not.toMatch(/NaN|Infinity|undefined/);
        else for (const i of r.issues) if (i.code === 'internal') internal.push(`${expression}, a = ${a}: ${i.messageEn}`);
      }
    }
    expect(internal).toEqual([]);
  });
});
