/**
 * 年度绩效指标 target vs actual (项目支出绩效自评表, seed 001): read the texts written in the
 * 年度指标值 and 实际完成值 columns, and compare them. Pure functions, no I/O; every number an exact Dec.
 *
 * - `parseValue(text)` → ParsedValue: quantitative ("≥1000家", "≥1.5亿", "约100台", "5-10家",
 *   "≥300宗/月"), percent ("≥95%" → 0.95, "-5.2%", "下降5%"), date ("2020/12/31", "2020年12月31日前",
 *   "12月底前"), duration ("≤24小时内", "7*24小时", "≤20个工作日", "领导签发后1个工作日内"),
 *   qualitative (及时, 有效提升, 未完成 … and anything unreadable) or notApplicable (不适用, 无, /, -).
 *   Never throws.
 * - `compareTarget(target, actual, context?)` → Comparison { outcome: met | notMet | qualitative |
 *   notApplicable | incomparable, ratio? (Dec in [0,1]), explanation (中文), warnings (中文) }.
 *   Never throws.
 * - The unit table (`lookupUnit`): 家 个 份 次 场 人 台 批 … 元/万元/亿元 (convert), 美元/万美元/亿美元,
 *   平方米/万平方米, 小时/天/周, 工作日, 个月/季度/年.
 */
export { parseValue } from './parse.ts';
export { compareTarget } from './compare.ts';
export { lookupUnit, convertible, isMoney, isTimeUnit, UNIT_SYMBOLS } from './units.ts';
export { normalizeText } from './normalize.ts';
export type { ComparedNumbers } from './numeric.ts';
export type {
  CalendarDate,
  Comparator,
  Comparison,
  DateValue,
  DurationValue,
  NotApplicableValue,
  Outcome,
  ParsedKind,
  ParsedValue,
  PercentValue,
  PerUnit,
  QualitativeValue,
  QuantitativeValue,
  TargetContext,
  UnitDef,
} from './types.ts';
