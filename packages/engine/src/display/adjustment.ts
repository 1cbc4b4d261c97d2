/**
 * A step from the sum of the indicator tree to the total (`sheet.adjustments`, issue 10), one way on every
 * face that shows a total (the editor's case panel and print view, the Word and Excel reports): its Chinese
 * name, the total before and after with the change (`showChange` at the scheme's places), then the engine's
 * explanation — "总分封顶：95.50 → 89.00（-6.50）；预算执行率 75%，落在第1档：总分不超过89分；…".
 *
 * Sources: 财预〔2020〕10号 附件 (不适用 → 按百分制折算) and the self-evaluation cap ("执行率为70%至80%的，绩效自评
 * 不超过89分；…自评得分超出最高得分部分，予以减分处理").
 */
import type { ScoreSheet } from '../sheet/types.ts';
import { showChange } from './change.ts';

/** One step of `sheet.adjustments`: kind, the total before and after (exact decimal strings), explanation. */
export type Adjustment = NonNullable<ScoreSheet['adjustments']>[number];

/** The Chinese name of each kind of step, as the official tables print it. */
export const ADJUSTMENT_NAME: Readonly<Record<Adjustment['kind'], string>> = {
  renormalise: '不适用折算',
  cap: '总分封顶',
};

/**
 * One step in a line: "总分封顶：95.50 → 89.00（-6.50）；预算执行率 75%，落在第1档：总分不超过89分；…".
 * @param places the scheme's rounding places (the sheet's `places`)
 */
export function showAdjustment(a: Adjustment, places: number): string {
  return `${ADJUSTMENT_NAME[a.kind]}：${showChange(a.before, a.after, places)}；${a.text}`;
}

/** Every step of a sheet, one line each, in order; [] when the scheme has none or none applied. */
export function adjustmentLines(sheet: Pick<ScoreSheet, 'adjustments' | 'places'>): string[] {
  return (sheet.adjustments ?? []).map((a) => showAdjustment(a, sheet.places));
}
