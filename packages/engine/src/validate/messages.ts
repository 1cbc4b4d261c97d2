/**
 * Messages of the scheme's semantic checks (validate/semantic.ts). Points (分) are decimal strings as
 * `plain()` writes them. Codes shared with the rule kinds (duplicate-id, points-mismatch, …) are in
 * errors/shared.ts.
 */
import { defineMessages } from '../errors/catalogue.ts';

/** An indicator named in a message: its Chinese name and its id. */
type IndicatorP = { name: string; indicator: string };

/** A 节点 of the scheme's calendar and one of its dates: its label (春节前), the year it is for and the date as written. */
type CalendarDateP = { label: string; node: string; year: string; date: string };

export const semanticMessages = defineMessages({
  /** A date that is no day of the calendar (2021-02-30, 2021-13-01): the milestones rule could not compare with it. */
  'calendar-date-invalid': {
    zh: (p: CalendarDateP) => `节点“${p.label}”的${p.year}年日期 ${p.date} 不是真实的日期；请写成 ${p.year}-MM-DD 形式的实际日期`,
    en: (p: CalendarDateP) => `milestone ${p.node}: its ${p.year} date ${p.date} is not a real date; write it as ${p.year}-MM-DD`,
  },
  /**
   * A date of another year than the one it is given for (2022-02-11 as 2021's 春节前): a slip of the year, most
   * likely — a warning, since a 节点 of a year's evaluation may fall early in the next (a 次年1月 deadline).
   */
  'calendar-date-year': {
    zh: (p: CalendarDateP) => `节点“${p.label}”的${p.year}年日期写的是 ${p.date}，不在${p.year}年内；请核对年份`,
    en: (p: CalendarDateP) => `milestone ${p.node}: the date given for ${p.year} is ${p.date}, outside ${p.year}; check the year`,
    severity: 'warning',
  },
  'points-negative': {
    zh: (p: IndicatorP) => `指标“${p.name}”的分值为负数`,
    en: (p: IndicatorP) => `indicator ${p.indicator} has negative points`,
  },
  'rule-on-parent': {
    zh: (p: IndicatorP) => `指标“${p.name}”既有下级指标又有计分规则；规则只能放在末级指标上`,
    en: (p: IndicatorP) => `indicator ${p.indicator} has both children and a rule`,
  },
  'leaf-without-rule': {
    zh: (p: IndicatorP) => `末级指标“${p.name}”没有计分规则`,
    en: (p: IndicatorP) => `leaf indicator ${p.indicator} has no rule`,
  },
  'criterion-stale': {
    zh: (p: IndicatorP) => `指标“${p.name}”的评分标准原文与规则不一致（规则已改而原文未改？）；请按规则生成的文字核对并更新原文`,
    en: (p: IndicatorP) => `indicator ${p.indicator}: the stored criterion text no longer matches its rule`,
    severity: 'warning',
  },
  /** `region`: the uncovered or doubly covered range of 总分 in words, e.g. “60≤总分<70”. */
  'grade-gap': {
    zh: (p: { region: string }) => `等级区间未覆盖：${p.region} 时没有等级`,
    en: (p: { region: string }) => `grade bands leave a gap: ${p.region}`,
  },
  /** `region`: the band in words (“总分≥90”); `total`: the scheme's totalPoints (分). */
  'grade-beyond-total': {
    zh: (p: { grade: string; region: string; total: string }) =>
      `等级“${p.grade}”的区间（${p.region}）超出方案总分 ${p.total} 分，任何案例都达不到；百分制的等级区间不适用于其他总分（如节选），可不设等级区间（grades 为空）`,
    en: (p: { grade: string; region: string; total: string }) =>
      `grade band ${p.grade} lies above the scheme's total of ${p.total} points and can never be given; bands meant for 100 points do not fit another total (leave grades empty)`,
    severity: 'warning',
  },
  'grade-overlap': {
    zh: (p: { region: string }) => `等级区间重叠：${p.region}`,
    en: (p: { region: string }) => `grade bands overlap: ${p.region}`,
  },
  /** `sum`: the top-level indicators' points added up; `total`: the declared totalPoints (分). */
  'total-mismatch': {
    zh: (p: { sum: string; total: string }) => `一级指标分值合计 ${p.sum} 分，与方案总分 ${p.total} 分不符`,
    en: (p: { sum: string; total: string }) => `top-level indicators add up to ${p.sum}, totalPoints is ${p.total}`,
  },
  'enum-without-options': {
    zh: (p: { label: string; fact: string }) => `枚举型事实“${p.label}”没有列出可选值`,
    en: (p: { label: string; fact: string }) => `enum input ${p.fact} has no options`,
  },
  /** `cycle`: the metric ids around the loop, the first repeated at the end. */
  'metric-cycle': {
    zh: (p: { cycle: readonly string[] }) => `计算指标循环引用：${p.cycle.join(' → ')}`,
    en: (p: { cycle: readonly string[] }) => `metric cycle: ${p.cycle.join(' -> ')}`,
  },
});
