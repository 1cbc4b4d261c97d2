/**
 * Golden tests on the three real department reports (seeds 000, 002, 004): every reported score that
 * follows mechanically from the facts is reproduced to the cent; where the report's own arithmetic
 * contradicts its rule, the case documents the discrepancy and the engine's value is the rule's.
 */
import { describe, expect, it } from 'vitest';
import { auditCase, compile, evaluate, formatIssue } from '@jixiao/engine';
import { casesOf } from './load.ts';

const cases = [...casesOf('shenzhen-department'), ...casesOf('futian-department')];

describe('department cases reproduce their reports', () => {
  it('has the three seed cases', () => {
    expect(cases.map((c) => c.doc.scheme.id + '/' + c.doc.year).sort()).toEqual(['futian-department/2020', 'shenzhen-department/2021', 'shenzhen-department/2024']);
  });
  for (const c of cases) {
    describe(c.doc.name, () => {
      const compiled = compile(c.scheme.doc);
      if (!compiled.ok) throw new Error(compiled.issues.map(formatIssue).join('\n'));
      const result = evaluate(compiled.compiled, c.doc);
      it('scores without errors', () => {
        expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual([]);
      });
      if (!result.ok) return;
      const audit = auditCase(result.sheet, c.doc);
      it('every difference from the report is a documented discrepancy', () => {
        const unexplained = audit.differences.filter((d) => !d.documented);
        expect(unexplained).toEqual([]);
      });
      it('every documented discrepancy is one the engine actually finds', () => {
        for (const d of c.doc.discrepancies ?? []) {
          const found = audit.differences.find((x) => x.indicator === d.indicator);
          expect(found, `${d.indicator} is listed as a discrepancy`).toBeDefined();
        }
      });
      it('reproduces mechanical leaves (none differ without a documented reason)', () => {
        expect(audit.reproduced).toBeGreaterThan(0);
        expect(audit.differing).toBe(audit.differences.filter((d) => d.indicator !== 'total').length);
      });
      it('the grade follows the total under 财预〔2020〕10号 bands', () => {
        const t = Number(result.sheet.total);
        const expected = t >= 90 ? '优' : t >= 80 ? '良' : t >= 60 ? '中' : '差';
        expect(result.sheet.grade).toBe(expected);
      });
    });
  }
});
