/**
 * Golden tests on the 57 project tables of seed 001: every funds 得分 is reproduced by the rule
 * (执行率 = 全年执行数 / 全年预算数, rounded to 2 places, × 10), and every difference between the computed
 * total and the printed 总分 is explained — row by row (the rule's score against the self-score, with
 * the reason) — or documented in the case.
 */
import { describe, expect, it } from 'vitest';
import { auditCase, compile, evaluate, formatIssue } from '@jixiao/engine';
import { casesOf } from './load.ts';

const cases = casesOf('shenzhen-project');

describe('seed 001 project self-evaluations', () => {
  it('has all 57 tables', () => expect(cases.length).toBe(57));

  it('table 1: 974,385,898.41 / 980,349,201.00 = 0.9939… → 0.99 × 10 = 9.90 (hand arithmetic, seed 001 表1)', () => {
    const c = cases[0]!;
    const compiled = compile(c.scheme.doc);
    if (!compiled.ok) throw new Error('scheme does not compile');
    const r = evaluate(compiled.compiled, c.doc);
    if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
    const funds = r.sheet.nodes.find((n) => n.id === 'funds')!;
    expect(funds.score).toBe('9.9');
  });

  for (const c of cases) {
    it(`${c.doc.source ?? c.doc.id}: funds reproduced, every difference explained`, () => {
      const compiled = compile(c.scheme.doc);
      if (!compiled.ok) throw new Error('scheme does not compile');
      const r = evaluate(compiled.compiled, c.doc);
      expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([]);
      if (!r.ok) return;
      const audit = auditCase(r.sheet, c.doc);
      expect(audit.differences.filter((d) => !d.documented)).toEqual([]);
      if (c.doc.reported?.scores?.funds !== undefined) expect(audit.differences.find((d) => d.indicator === 'funds')).toBeUndefined();
      for (const d of audit.differences.filter((x) => x.kind === 'row')) expect(d.reason).toMatch(/规则得[\d.]+分；自评/);
    });
  }
});
