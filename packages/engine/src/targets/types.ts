/**
 * Shapes of a parsed 年度指标值 / 实际完成值 text and of a target-vs-actual comparison
 * (项目支出绩效自评表, seed 001). Pure data; every number is the engine's exact Dec.
 */
import type { Dec } from '../decimal/exact.ts';
import type { ComparedNumbers } from './numeric.ts';

/**
 * 比较符. '≥' also stands for 以上/不少于/不低于/达到/至少; '≤' for 以下/不超过/不高于/以内/内/前N名;
 * '>' for 大于/高于/超过; '<' for 小于/低于/少于; '=' for "=" written out; 'between' for a range "5-10家".
 */
export type Comparator = '≥' | '≤' | '>' | '<' | '=' | 'between';

/** The unit table entry a value was written in (see units.ts). */
export interface UnitDef {
  /** The unit as listed: 家, 个, 元, 万元, 小时, 工作日 … */
  readonly symbol: string;
  /**
   * What it measures. Units convert only within one dimension: money:CNY (元/万元/亿元), money:USD,
   * area, hours (小时/天/周), months (个月/季度/年), workdays; each counting word (家, 个, 次, 人 …)
   * is its own dimension `count:家`, so 家 and 个 never compare silently.
   */
  readonly dimension: string;
  /** Size of one of this unit in the dimension's base unit (万元 → 10000 元). */
  readonly scale: Dec;
  /** The dimension's base unit symbol (元, 平方米, 小时, 个月, 工作日, or the counting word itself). */
  readonly base: string;
}

/** "…/月", "…/10个工作日", "…/人·天": the denominator of a rate. */
export interface PerUnit {
  /** The count in the denominator: 10 in "/10个工作日", 1 otherwise. */
  readonly count: Dec;
  /** Known unit of the denominator, or null ("人·天" is kept as text only). */
  readonly unit: UnitDef | null;
  /** The denominator as written after "/": "月", "10个工作日", "人·天", "全年". */
  readonly text: string;
}

interface ParsedBase {
  /** The original text, unchanged. */
  readonly text: string;
  /** Notes in Chinese about how the text was read (e.g. "日期无效（2月31日）"); empty when nothing to say. */
  readonly notes: string[];
  /** Text after a separator that was not part of the value: "100%，无企业投诉" → "无企业投诉". */
  readonly remark?: string;
}

/** A number with a comparator: "≥1000家", "=14份", "≥1.5亿", "约100台", "5-10家", "≥300宗/月". */
export interface QuantitativeValue extends ParsedBase {
  readonly kind: 'quantitative';
  /** null when none was written ("4次", "17133万元"): the comparison decides how to read it. */
  readonly comparator: Comparator | null;
  /**
   * The value in the base unit of `unit`'s dimension (≥2.7万亿元 → 2700000000000, i.e. 元; ≥12万人 →
   * 120000 人), multipliers applied (≥1.5亿 → 150000000); the lower bound of a range.
   */
  readonly value: Dec;
  /** Upper bound of a range "5-10家" (comparator 'between'), in the same base. */
  readonly upper?: Dec;
  /** The unit as written (万元, 家, 万人次), or null when none was written ("≥57.6", "≥1.5亿"). */
  readonly unit: UnitDef | null;
  /** The multiplier word written without a unit (万, 亿, 万亿, 千), when the unit is null or a bare count. */
  readonly multiplier?: string;
  /** The rate denominator: "≥300宗/月" → per 月. */
  readonly per?: PerUnit;
  /** 约 / 大约 / 左右 / 近: the value is approximate. */
  readonly approximate: boolean;
  /** 前N名: a rank, where smaller is better (comparator '≤'). */
  readonly rank?: boolean;
}

/** A percentage, stored as a fraction: "≥95%" → 0.95, "-5.2%" → -0.052, "下降5%" → -0.05. */
export interface PercentValue extends ParsedBase {
  readonly kind: 'percent';
  readonly comparator: Comparator | null;
  /** The fraction (lower bound for a range). */
  readonly value: Dec;
  readonly upper?: Dec;
  readonly approximate: boolean;
  /** 'decrease' for 下降/减少/降低 N%, 'increase' for 增长/提高/上升 N% (value already signed). */
  readonly change?: 'increase' | 'decrease';
}

/** A calendar date, possibly partial ("12月底前" has no year; "2020年12月前" no day; "2020年内" no month). */
export interface CalendarDate {
  readonly year?: number;
  /** Absent for a whole year ("2020年内"). */
  readonly month?: number;
  /** Absent for a whole month ("2020年12月", "12月底"). */
  readonly day?: number;
}

/** A date or deadline: "2020/12/31", "2020年12月31日前", "12月底前", "2020年12月31日完成支付". */
export interface DateValue extends ParsedBase {
  readonly kind: 'date';
  readonly date: CalendarDate;
  /** True when written as a deadline (前/之前/以前/底前); a bare date in a 时效 row is read as a deadline too. */
  readonly deadline: boolean;
  /** Words after the date that were accepted as part of it: "完成支付", "完成". */
  readonly suffix?: string;
}

/**
 * A length of time: "≤24小时内", "<2小时", "≤20个工作日", "≤2个月", "7*24小时",
 * "领导签发后1个工作日内" (anchor 领导签发), "出访团到达前1个工作日" (lead time, comparator ≥).
 */
export interface DurationValue extends ParsedBase {
  readonly kind: 'duration';
  readonly comparator: Comparator | null;
  /** In the base of the unit's dimension (小时 for 小时/天/周, 个月 for 个月/季度/年, 工作日); range low. */
  readonly value: Dec;
  /** Upper bound of a range "1-2个工作日". */
  readonly upper?: Dec;
  /** The unit as written. */
  readonly unit: UnitDef;
  /** "7*24小时": the factors as written (value is their product). */
  readonly factors?: Dec[];
  /** The event the time is counted from or before: "领导签发后", "市财政同意后", "出访团到达前". */
  readonly anchor?: string;
}

/** 定性表述: 及时, 有效, 良好, 合格, 完成, 符合要求 … and anything that is not a value. */
export interface QualitativeValue extends ParsedBase {
  readonly kind: 'qualitative';
  /**
   * 'positive' for words saying it was done or is good (及时, 完成, 是, 合格, 有效提升 …),
   * 'negative' for words saying it was not (未完成, 未支付, 未验收, 暂缓举办, 尚未…, 否),
   * 'neutral' otherwise.
   */
  readonly polarity: 'positive' | 'negative' | 'neutral';
  /** The text states that nothing of the kind happened: "暂未收到企业正式投诉", "无有效投诉" (→ 0 次). */
  readonly none?: boolean;
  /** Ordinal grade when the text is one (优秀 4, 良好 3, 合格/中 2, 差/不合格 1), and "或以上". */
  readonly grade?: { readonly level: number; readonly orAbove: boolean };
}

/** 不适用 / 无 / "/" / "-" / "暂不考核": the row does not apply. */
export interface NotApplicableValue extends ParsedBase {
  readonly kind: 'notApplicable';
}

/** One 年度指标值 or 实际完成值 text, read. `parseValue` never throws; unreadable text is qualitative. */
export type ParsedValue =
  | QuantitativeValue
  | PercentValue
  | DateValue
  | DurationValue
  | QualitativeValue
  | NotApplicableValue;

export type ParsedKind = ParsedValue['kind'];

/**
 * Result of comparing a target with its actual.
 * - met / notMet: decided mechanically from the two texts;
 * - qualitative: at least one side is words, not values; a reviewer's judgement decides (酌情);
 * - notApplicable: the target row is 不适用/无;
 * - incomparable: both are values but cannot be compared (单位不一致, 日期精度不足 …); see warnings.
 */
export type Outcome = 'met' | 'notMet' | 'qualitative' | 'notApplicable' | 'incomparable';

export interface Comparison {
  readonly outcome: Outcome;
  /**
   * Degree of completion in [0, 1] for numeric comparisons (for proportional scoring):
   * actual/target for ≥ targets, target/actual for ≤ targets, capped at 1, never below 0;
   * 1 when met, 0 when the actual says it was not done (未完成, 无). Absent for qualitative,
   * notApplicable, incomparable and date comparisons that are not decided.
   */
  readonly ratio?: Dec;
  /**
   * The target and actual as numbers in one unit, with the comparator and whether the indicator is reverse
   * (lower is better), for numeric comparisons with one comparator (not ranges, not an actual written as a
   * bound). Absent otherwise.
   */
  readonly numbers?: ComparedNumbers;
  /** Chinese, for the score sheet: "目标≥3个，实际1个，未达成". */
  readonly explanation: string;
  /** Chinese warnings: "单位不一致（目标“家”，实际“个”）", "实际值未写单位，按目标单位“家”比较" … */
  readonly warnings: string[];
  readonly target: ParsedValue;
  readonly actual: ParsedValue;
}

/**
 * What the row says about itself, to read a target that has no comparator:
 * `indicator` is the 三级指标 name, `category` the 二级指标 (数量指标, 成本指标, 时效指标 …).
 */
export interface TargetContext {
  readonly indicator?: string;
  readonly category?: string;
  /** The year evaluated, for dates written without a year ("12月底前"). */
  readonly year?: number;
}
