/**
 * The steps from the sum of the indicator tree to the total (`sheet.adjustments`, issue 10): 不适用折算
 * (Σ 适用指标得分 ÷ Σ 适用分值 × 总分) and 总分封顶 (the strictest cap of the bands containing a value, e.g.
 * "执行率为70%至80%的，绩效自评不超过89分"). Presentation only: before and after are the engine's decimal strings
 * shown by the engine's display module (`showChange` at the scheme's places: "97.50 → 89.00（-8.50）"), the
 * explanation is the engine's text.
 */
import { ADJUSTMENT_NAME as ADJUSTMENT_NAME_ZH, showChange, type Adjustment, type ScoreSheet } from '@jixiao/engine';

export type { Adjustment };

/** The English beside the engine's Chinese name of each kind of step (the CLI is read by developers too). */
const ADJUSTMENT_NAME_EN: Readonly<Record<Adjustment['kind'], string>> = {
  renormalise: 'not-applicable indicators renormalised',
  cap: 'total capped',
};

/** The name of each kind of step: the engine's Chinese with English beside, e.g. "总分封顶（total capped）". */
export const ADJUSTMENT_NAME: Readonly<Record<Adjustment['kind'], string>> = {
  renormalise: `${ADJUSTMENT_NAME_ZH.renormalise}（${ADJUSTMENT_NAME_EN.renormalise}）`,
  cap: `${ADJUSTMENT_NAME_ZH.cap}（${ADJUSTMENT_NAME_EN.cap}）`,
};

/**
 * One step in a line: "总分封顶（total capped）：97.50 → 89.00（-8.50）；执行率 75%，落在第1档：总分不超过89分；…".
 * @param places the scheme's rounding places (a value the scheme has not rounded yet is marked 未取整).
 */
export function adjustmentText(a: Adjustment, places: number): string {
  return `${ADJUSTMENT_NAME[a.kind]}：${showChange(a.before, a.after, places)}；${a.text}`;
}

/**
 * The sheet's steps under a heading, for a report's foot: [] when the scheme has none (or none applied), else
 * ["总分调整（adjustments to the total）：", "  - 不适用折算…", "  - 总分封顶…"].
 */
export function adjustmentLines(sheet: Pick<ScoreSheet, 'adjustments'>, places: number): string[] {
  const steps = sheet.adjustments ?? [];
  if (steps.length === 0) return [];
  return ['总分调整（adjustments to the total）：', ...steps.map((a) => `  - ${adjustmentText(a, places)}`)];
}
