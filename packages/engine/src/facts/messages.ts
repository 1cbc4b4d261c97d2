/**
 * Messages of reading a case's facts against their declarations (facts/facts.ts) and of scoring with
 * them (evaluate/). Every fact message names the fact by its Chinese label and its id. Numbers are decimal
 * strings as `plain()` writes them; `value` params are the value as the case wrote it (JSON text).
 */
import { defineMessages } from '../errors/catalogue.ts';
import { TYPE_ZH } from '../format/type-names.ts';

/** The fact a message is about: its Chinese label and its id. */
type FactP = { label: string; fact: string };
const of = (p: FactP) => `事实“${p.label}”（${p.fact}）`;
const ofEn = (p: FactP) => `fact "${p.fact}": `;

/**
 * `fact-range`: below the declared minimum, above the maximum, or implausibly large (`limit`: ±1e15).
 * `percent`: the value was written with a percent sign ("150%"), so `value` and `limit` are in percent
 * (150 and 100, shown as 150% and 100%); otherwise they are as the format stores them (a fraction 1.5).
 */
type RangeP = FactP & ({ bound: 'min' | 'max'; value: string; limit: string; percent?: true } | { bound: 'limit'; value: string });
const pct = (p: RangeP) => ('percent' in p && p.percent ? '%' : '');

/** `fact-rows`: rows are not an array (`row` absent), row `row` (1-based) is not an object, lacks text `field`, or its points are not a number. */
type RowsP = FactP & ({ problem: 'not-array' } | { problem: 'not-object'; row: number } | { problem: 'text'; row: number; field: string } | { problem: 'points'; row: number });

export const factMessages = defineMessages({
  /** A fact the case leaves empty (`given`: it is there but null) or does not give at all (`absent`). */
  'fact-missing': {
    zh: (p: FactP & { given: boolean }) => (p.given ? `${of(p)}未填写` : `缺少事实“${p.label}”（${p.fact}）`),
    en: (p: FactP & { given: boolean }) => (p.given ? `${ofEn(p)}missing value` : `missing fact "${p.fact}"`),
  },
  'fact-not-number': {
    zh: (p: FactP & { value: string }) => `${of(p)}应为数字，实际为 ${p.value}`,
    en: (p: FactP & { value: string }) => `${ofEn(p)}expected a number, got ${p.value}`,
  },
  /** A money, count or number written with a percent sign; `type` is the declared type, `unit` its unit. */
  'fact-percent-sign': {
    zh: (p: FactP & { type: string; unit?: string; value: string }) =>
      `${of(p)}${TYPE_ZH[p.type] ?? '数值'}不能写百分号：${p.value}（请填写${p.unit ? `以“${p.unit}”为单位的` : ''}数值本身）`,
    en: (p: FactP & { type: string; unit?: string; value: string }) => `${ofEn(p)}a ${p.type} cannot be written with a percent sign: ${p.value}`,
  },
  'fact-count': {
    zh: (p: FactP & { value: string }) => `${of(p)}应为非负整数，实际为 ${p.value}`,
    en: (p: FactP & { value: string }) => `${ofEn(p)}expected a non-negative integer, got ${p.value}`,
  },
  'fact-negative': {
    zh: (p: FactP & { value: string; unit?: string }) => `${of(p)}为金额，不能为负数（${p.value}${p.unit ?? ''}）`,
    en: (p: FactP & { value: string; unit?: string }) => `${ofEn(p)}money cannot be negative (${p.value})`,
  },
  'fact-range': {
    zh: (p: RangeP) =>
      `${of(p)}${p.bound === 'limit' ? `数值 ${p.value} 过大，请检查单位` : `为 ${p.value}${pct(p)}，${p.bound === 'min' ? '低于下限' : '高于上限'} ${p.limit}${pct(p)}`}`,
    en: (p: RangeP) =>
      `${ofEn(p)}${p.bound === 'limit' ? `${p.value} is implausibly large; check the unit` : `${p.value}${pct(p)} is ${p.bound === 'min' ? 'below the minimum' : 'above the maximum'} ${p.limit}${pct(p)}`}`,
  },
  'fact-not-boolean': {
    zh: (p: FactP & { value: string }) => `${of(p)}应为 是/否（true/false），实际为 ${p.value}`,
    en: (p: FactP & { value: string }) => `${ofEn(p)}expected true/false, got ${p.value}`,
  },
  /** `allowed`: the declared options' values. */
  'fact-enum': {
    zh: (p: FactP & { allowed: readonly string[]; value: string }) => `${of(p)}应为以下之一：${p.allowed.join('、')}；实际为 ${p.value}`,
    en: (p: FactP & { allowed: readonly string[]; value: string }) => `${ofEn(p)}expected one of ${p.allowed.join(', ')}, got ${p.value}`,
  },
  'fact-not-text': {
    zh: (p: FactP & { value: string }) => `${of(p)}应为文本，实际为 ${p.value}`,
    en: (p: FactP & { value: string }) => `${ofEn(p)}expected text, got ${p.value}`,
  },
  'fact-rows': {
    zh: (p: RowsP) => {
      switch (p.problem) {
        case 'not-array':
          return `${of(p)}应为指标行数组`;
        case 'not-object':
          return `${of(p)}第${p.row}行不是对象`;
        case 'text':
          return `${of(p)}第${p.row}行缺少文本字段 ${p.field}`;
        case 'points':
          return `${of(p)}第${p.row}行的分值不是数字`;
      }
    },
    en: (p: RowsP) => {
      switch (p.problem) {
        case 'not-array':
          return `${ofEn(p)}expected an array of indicator rows`;
        case 'not-object':
          return `${ofEn(p)}row ${p.row} is not an object`;
        case 'text':
          return `${ofEn(p)}row ${p.row} lacks text field ${p.field}`;
        case 'points':
          return `${ofEn(p)}row ${p.row}: points is not a number`;
      }
    },
  },
  'facts-missing': {
    zh: () => '案例缺少 facts（事实）对象',
    en: () => 'the case has no "facts" object',
  },
  /**
   * A reviewer entry (`key`: indicator id or indicator/part) that is not an object; `value` as given; `name`
   * what the scheme calls the key (指标名称, or 指标名称·分项名称), when it has one.
   */
  'reviewer-entry': {
    zh: (p: { key: string; name?: string; value: string }) =>
      `评审录入${p.name ? `“${p.name}”（${p.key}）` : `“${p.key}”`}应为对象 {"score": 得分, "reason": "理由"}，实际为 ${p.value}`,
    en: (p: { key: string; name?: string; value: string }) => `reviewer entry "${p.key}" must be an object {score, reason}, got ${p.value}`,
  },
  'reviewer-unknown-key': {
    zh: (p: { key: string }) => `评审录入“${p.key}”不对应方案中的任何末级指标或分项（可用：指标标识，或“指标标识/分项标识”）`,
    en: (p: { key: string }) => `reviewer entry "${p.key}" matches no leaf indicator or part`,
  },
});
