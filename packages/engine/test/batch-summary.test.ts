/**
 * summarizeTotals: the one summary of a batch of scored cases (the CLI's `batch` summary, the editor's
 * 项目总览/部门总览). Every expected number is hand arithmetic written beside it.
 */
import { describe, expect, it } from 'vitest';
import { Dec, NO_GRADE_BANDS, NO_MATCHING_GRADE, summarizeTotals } from '../src/index.ts';

const GRADES = ['优', '良', '中', '差'];

describe('summarizeTotals', () => {
  it('averages the totals exactly, then shows the mean once at the places, half-up', () => {
    // (93.9 + 81.9) ÷ 2 = 175.8 ÷ 2 = 87.9 → "87.90" at 2 places
    expect(summarizeTotals([{ total: '93.9', grade: '优' }, { total: '81.9', grade: '良' }], 2).average).toBe('87.90');
    // (80 + 84.5899) ÷ 2 = 164.5899 ÷ 2 = 82.29495 → "82.29" (rounding first to 4 places, 82.2950, would give 82.30)
    expect(summarizeTotals([{ total: '80', grade: '良' }, { total: '84.5899', grade: '良' }], 2).average).toBe('82.29');
    // (16.23 + 16) ÷ 2 = 16.115 → "16.12" (half-up at the third decimal 5)
    expect(summarizeTotals([{ total: '16.23', grade: '良' }, { total: '16', grade: '良' }], 2).average).toBe('16.12');
    // (90 + 91 + 91) ÷ 3 = 272 ÷ 3 = 90.666… → "90.7" at 1 place; a Dec total is read as a string one
    expect(summarizeTotals([{ total: new Dec('90'), grade: '优' }, { total: '91', grade: '优' }, { total: '91', grade: '优' }], 1).average).toBe('90.7');
  });

  it('counts the grades in the declared order, zero counts included, then grades met outside it', () => {
    const s = summarizeTotals(
      [
        { total: '93.9', grade: '优' },
        { total: '81.9', grade: '良' },
        { total: '79', grade: '合格' },
        { total: '95', grade: '优' },
      ],
      2,
      GRADES,
    );
    expect(s.scored).toBe(4);
    // 优: 93.9 and 95 → 2; 良: 81.9 → 1; 中, 差: none; 合格 (not declared) last
    expect(s.grades).toEqual({ 优: 2, 良: 1, 中: 0, 差: 0, 合格: 1 });
    expect(Object.keys(s.grades)).toEqual(['优', '良', '中', '差', '合格']);
  });

  it('lists the grades in the order met when no order is given, and a grade declared twice once', () => {
    expect(Object.keys(summarizeTotals([{ total: '81.9', grade: '良' }, { total: '93.9', grade: '优' }], 2).grades)).toEqual(['良', '优']);
    // two schemes declaring the same grades (the CLI passes every scheme's list)
    expect(Object.keys(summarizeTotals([], 2, [...GRADES, ...GRADES]).grades)).toEqual(GRADES);
  });

  it('has no average for no case, and still lists the declared grades at zero', () => {
    expect(summarizeTotals([], 2, GRADES)).toEqual({ scored: 0, average: null, grades: { 优: 0, 良: 0, 中: 0, 差: 0 } });
  });

  it('counts no grade for a scheme without grade bands (the 岳阳 excerpt), but counts a total its bands leave without one', () => {
    // 28 + 30 = 58, ÷ 2 = 29
    expect(summarizeTotals([{ total: '28', grade: NO_GRADE_BANDS }, { total: '30', grade: NO_GRADE_BANDS }], 2, [])).toEqual({ scored: 2, average: '29.00', grades: {} });
    expect(summarizeTotals([{ total: '105', grade: NO_MATCHING_GRADE }], 2, GRADES).grades).toEqual({ 优: 0, 良: 0, 中: 0, 差: 0, [NO_MATCHING_GRADE]: 1 });
  });
});
