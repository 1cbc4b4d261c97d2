/**
 * Messages of the condition check (条件校验), in the catalogue: one sentence per mis-typed condition, naming
 * the indicator, the clause (一票否决 / 免评 / 得0分条件), the condition as written (fact, operator, value)
 * and what to write instead. The JSON path, indicator id and fact id travel on the issue (`path`,
 * `indicator`, `fact`), and every face prints them beside the sentence.
 */
import { defineMessages } from '../errors/catalogue.ts';
import { TYPE_ZH } from '../format/type-names.ts';
import { operatorDef } from './operators.ts';

/** What every condition message names: the indicator (or part), the clause, the condition as written. */
type At = {
  /** Name of the indicator or part whose rule holds the condition. */
  name: string;
  /** Whether `name` is a part of a sum rule (分项) rather than an indicator. */
  part: boolean;
  /** The rule property holding the condition: `veto`, `exempt`, `zeroWhen`, or `tiers` for a tier bound naming a fact. */
  clause: string;
  /** The condition as written, e.g. `存在违规支出 greaterThan 95`. */
  condition: string;
};

type OnFact = At & {
  fact: string;
  factLabel: string;
  /** The fact's declared type (number, percent, money, count, boolean, enum, text, rows). */
  type: string;
};

const CLAUSE_ZH: Readonly<Record<string, string>> = { veto: '一票否决条件', exempt: '免评条件', zeroWhen: '得0分条件', tiers: '档位界限' };
const CLAUSE_EN: Readonly<Record<string, string>> = { veto: 'veto condition', exempt: 'exemption condition', zeroWhen: 'zero-score condition', tiers: 'tier bound' };

const zhAt = (p: At) => `${p.part ? '分项' : '指标'}“${p.name}”的${CLAUSE_ZH[p.clause] ?? '条件'}“${p.condition}”：`;
const enAt = (p: At) => `${p.part ? 'part' : 'indicator'} "${p.name}", ${CLAUSE_EN[p.clause] ?? 'condition'} "${p.condition}": `;
const typeZh = (t: string) => TYPE_ZH[t] ?? t;
const opZh = (name: string) => {
  const d = operatorDef(name);
  return d ? `${name}（${d.zh}）` : name;
};
const opsZh = (names: readonly string[]) => names.map(opZh).join('、');

/** How a literal of each type is written, for the wrong-value message. */
const HOW_ZH: Readonly<Record<string, string>> = {
  number: '填数字，如 3 或 "2.5"',
  count: '填整数，如 3',
  money: '填金额数字（不带百分号和单位），如 143.4',
  percent: '百分比按小数或带百分号填写（95% 填 0.95 或 "95%"）',
  boolean: '填 true（是）或 false（否），不加引号',
  text: '填文本，加引号',
};
const HOW_EN: Readonly<Record<string, string>> = {
  number: 'write a number, e.g. 3 or "2.5"',
  count: 'write a whole number, e.g. 3',
  money: 'write the amount as a number (no percent sign, no unit), e.g. 143.4',
  percent: 'write a percent as a fraction or with a percent sign (95% is 0.95 or "95%")',
  boolean: 'write true or false, without quotes',
  text: 'write text, in quotes',
};

export const conditionMessages = defineMessages({
  'condition-undeclared-fact': {
    zh: (p: At & { fact: string }) => `${zhAt(p)}“${p.fact}”不是已声明的输入事实或计算指标；请先声明它，或改用已声明的标识`,
    en: (p: At & { fact: string }) => `${enAt(p)}"${p.fact}" is not a declared fact or metric`,
  },
  'condition-operator-unknown': {
    zh: (p: OnFact & { operator: string; allowed: readonly string[] }) =>
      `${zhAt(p)}没有“${p.operator}”这种比较；“${p.factLabel}”为${typeZh(p.type)}型，可用的比较：${opsZh(p.allowed)}`,
    en: (p: OnFact & { operator: string; allowed: readonly string[] }) =>
      `${enAt(p)}unknown operator "${p.operator}"; for ${p.fact} (${p.type}) use one of: ${p.allowed.join(', ')}`,
  },
  'condition-operator-type': {
    zh: (p: OnFact & { operator: string; allowed: readonly string[] }) =>
      p.allowed.length
        ? `${zhAt(p)}“${p.factLabel}”为${typeZh(p.type)}型，不能用 ${opZh(p.operator)}比较；可用的比较：${opsZh(p.allowed)}`
        : `${zhAt(p)}“${p.factLabel}”为${typeZh(p.type)}，条件中不能比较它`,
    en: (p: OnFact & { operator: string; allowed: readonly string[] }) =>
      p.allowed.length
        ? `${enAt(p)}operator ${p.operator} does not apply to ${p.fact} (${p.type}); use one of: ${p.allowed.join(', ')}`
        : `${enAt(p)}${p.fact} (${p.type}) cannot be compared in a condition`,
  },
  'condition-value-not-list': {
    zh: (p: OnFact & { operator: string; value: string }) =>
      `${zhAt(p)}${opZh(p.operator)}的取值应为列表（方括号内的若干取值，如 [1, 2] 或 ["甲", "乙"]），实际为 ${p.value}`,
    en: (p: OnFact & { operator: string; value: string }) => `${enAt(p)}operator ${p.operator} takes a list of values (e.g. [1, 2]), got ${p.value}`,
  },
  'condition-value-empty-list': {
    zh: (p: OnFact & { operator: string }) => `${zhAt(p)}${opZh(p.operator)}的列表为空，条件${p.operator === 'in' ? '永远不成立' : '永远成立'}；请在列表中填写取值`,
    en: (p: OnFact & { operator: string }) => `${enAt(p)}the list of ${p.operator} is empty, so the condition ${p.operator === 'in' ? 'never' : 'always'} holds`,
  },
  'condition-value-list-unexpected': {
    zh: (p: OnFact & { operator: string; value: string }) =>
      `${zhAt(p)}${opZh(p.operator)}只与一个取值比较，不能是列表 ${p.value}；要与几个取值之一比较，请用 in（属于）`,
    en: (p: OnFact & { operator: string; value: string }) => `${enAt(p)}operator ${p.operator} takes one value, not the list ${p.value}; use "in" for a list`,
  },
  'condition-value-type': {
    zh: (p: OnFact & { value: string }) => `${zhAt(p)}“${p.factLabel}”为${typeZh(p.type)}型，取值 ${p.value} 无法读作${typeZh(p.type)}；${HOW_ZH[p.type] ?? ''}`,
    en: (p: OnFact & { value: string }) => `${enAt(p)}${p.value} is not a value of ${p.fact} (${p.type}); ${HOW_EN[p.type] ?? ''}`,
  },
  'condition-value-option': {
    zh: (p: OnFact & { value: string; options: readonly string[] }) =>
      `${zhAt(p)}取值 ${p.value} 不是“${p.factLabel}”的可选值；可选值：${p.options.map((o) => `"${o}"`).join('、')}`,
    en: (p: OnFact & { value: string; options: readonly string[] }) => `${enAt(p)}${p.value} is not an option of ${p.fact}; options: ${p.options.join(', ')}`,
  },
  'condition-percent-scale': {
    zh: (p: OnFact & { value: string; percent: string; fraction: string }) =>
      `${zhAt(p)}“${p.factLabel}”是百分比，取值 ${p.value} 即 ${p.percent}%；百分比按小数填写（95% 填 0.95）；若指 ${p.value}%，应写作 ${p.fraction} 或 "${p.value}%"`,
    en: (p: OnFact & { value: string; percent: string; fraction: string }) =>
      `${enAt(p)}${p.value} for percent ${p.fact} reads as ${p.percent}%; for ${p.value}% write ${p.fraction} or "${p.value}%"`,
  },
  'condition-facts-incomparable': {
    zh: (p: OnFact & { other: string; otherLabel: string; otherType: string; unit?: string; otherUnit?: string }) =>
      p.unit !== undefined && p.otherUnit !== undefined
        ? `${zhAt(p)}“${p.factLabel}”以${p.unit}计，“${p.otherLabel}”以${p.otherUnit}计，单位不同，不能直接比较`
        : `${zhAt(p)}“${p.factLabel}”（${typeZh(p.type)}）与“${p.otherLabel}”（${typeZh(p.otherType)}）类型不同，不能比较`,
    en: (p: OnFact & { other: string; otherLabel: string; otherType: string; unit?: string; otherUnit?: string }) =>
      p.unit !== undefined && p.otherUnit !== undefined
        ? `${enAt(p)}${p.fact} is in ${p.unit} but ${p.other} in ${p.otherUnit}; they cannot be compared`
        : `${enAt(p)}${p.fact} (${p.type}) cannot be compared with ${p.other} (${p.otherType})`,
  },
});
