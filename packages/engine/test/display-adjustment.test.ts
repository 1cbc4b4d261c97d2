/**
 * A step from the tree's sum to the total, as the official tables print it (display/adjustment.ts). Figures
 * by hand: 7.5 + 60 + 28 = 95.5, 执行率 75% lies in 70%–80% → 不超过89分, 95.5 − 89 = 6.5; 不适用: 63 ÷ 70 × 100 = 90.
 */
import { describe, expect, it } from 'vitest';
import { ADJUSTMENT_NAME, adjustmentLines, showAdjustment } from '../src/index.ts';

const cap = { kind: 'cap' as const, before: '95.5', after: '89', text: '预算执行率 75%，落在第1档：总分不超过89分' };
const renormalise = { kind: 'renormalise' as const, before: '63', after: '90', text: '适用指标得分 63 ÷ 适用指标分值 70 × 100 = 90分' };

describe('showAdjustment', () => {
  it('names the step, shows before → after with the change at the places, then the explanation', () => {
    expect(showAdjustment(cap, 2)).toBe('总分封顶：95.50 → 89.00（-6.50）；预算执行率 75%，落在第1档：总分不超过89分');
    expect(showAdjustment(renormalise, 1)).toBe('不适用折算：63.0 → 90.0（+27.0）；适用指标得分 63 ÷ 适用指标分值 70 × 100 = 90分');
    expect(ADJUSTMENT_NAME.cap).toBe('总分封顶');
  });

  it('a sheet without steps has no lines; with steps, one line each in order', () => {
    expect(adjustmentLines({ places: 2 })).toEqual([]);
    expect(adjustmentLines({ places: 2, adjustments: [] })).toEqual([]);
    expect(adjustmentLines({ places: 2, adjustments: [renormalise, { ...cap, before: '90' }] })).toEqual([
      '不适用折算：63.00 → 90.00（+27.00）；适用指标得分 63 ÷ 适用指标分值 70 × 100 = 90分',
      '总分封顶：90.00 → 89.00（-1.00）；预算执行率 75%，落在第1档：总分不超过89分',
    ]);
  });
});
