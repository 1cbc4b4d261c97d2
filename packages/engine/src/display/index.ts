/**
 * The one way the engine's numbers are shown, for every face (CLI, server, editor) and every
 * explanation the engine writes. A file per idea:
 * - score.ts: 得分 at the scheme's places ("5.00", "9.70"; "0.98（未取整）" for a value the scheme has
 *   not rounded) and 分值 as written ("5");
 * - percent.ts: fractions as percents ("93.14%", "25%"), and a fraction as shown, read back (percentAsShown);
 * - money.ts: amounts with separators ("1,039,209,201.00"), and an amount as shown, read back (moneyAsShown);
 * - counted.ts: a row's or part's score as counted, unrounded ("7.9999（未取整）", never 8.00 for it);
 * - operand.ts: numbers inside arithmetic lines (exact when short, else at the scheme's places, 未取整), and
 *   "（按未取整数计算）" after a result its rounded operands do not give by hand;
 * - change.ts: changes of score ("93.87 → 94.12（+0.25）", "无变化");
 * - adjustment.ts: a step from the tree's sum to the total ("总分封顶：95.50 → 89.00（-6.50）；…");
 * - statistic.ts: averages of scores and their changes, unmarked, adding up ("93.87 → 93.75（-0.12）");
 * - labels.ts: the Chinese names of statuses and trace-input origins ("部分酌情", "计算指标") and of a case's
 *   own fields ("部门（单位）名称", "项目名称", "主管部门");
 * - scheme-names.ts: the names a scheme gives its indicators, reviewer keys and facts (for messages and history);
 * - rounding.ts: the name of a rounding ("保留2位小数（四舍五入）");
 * - precision.ts: the scheme's places in force while a sheet or trace is written.
 * Every function takes a Dec or a decimal string (as the score sheet carries them) and returns other
 * text unchanged.
 */
export { NO_CHANGE, showChange, showDelta } from './change.ts';
export { ADJUSTMENT_NAME, adjustmentLines, showAdjustment, type Adjustment } from './adjustment.ts';
export { CASE_FIELD_LABELS, ORIGIN_NAME, REPORT_TITLE, STATUS_NOTE, STATUS_TEXT, caseSubject, reportFileName, reportMeta, type CaseFieldLabels, type EvaluationKind } from './labels.ts';
export { moneyAsShown, showMoney } from './money.ts';
export { EXACT_PLACES, FROM_UNROUNDED, showNumber } from './operand.ts';
export { percentAsShown, showPercent } from './percent.ts';
export { DEFAULT_PLACES, displayPlaces, withDisplayPlaces } from './precision.ts';
export { roundingText } from './rounding.ts';
export { showStatistic, showStatisticChange, showStatisticDelta, statisticChange } from './statistic.ts';
export { UNROUNDED, UNROUNDED_MARK, showPoints, showScore } from './score.ts';
export { showCounted } from './counted.ts';
export type { Shown } from './value.ts';
export { countEn } from './count.ts';
