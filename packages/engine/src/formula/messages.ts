/** Messages of running a formula (formula/formula.ts). */
import { defineMessages } from '../errors/catalogue.ts';
import { TYPE_ZH } from '../format/type-names.ts';

/**
 * `formula-mixed-types`: a formula adds, subtracts or compares `a` and `b` (ids; labels `aLabel`, `bLabel`;
 * declared types `aType`, `bType`; money units `unit`, `otherUnit` when the units are what differ).
 * `metric` is the label of the metric whose formula it is (absent for a formula rule).
 */
type MixedP = { formula: string; metric?: string; a: string; aLabel: string; aType: string; b: string; bLabel: string; bType: string; unit?: string; otherUnit?: string };
const whose = (p: MixedP) => (p.metric !== undefined ? `计算指标“${p.metric}”的公式` : '公式');

export const formulaMessages = defineMessages({
  'formula-mixed-types': {
    zh: (p: MixedP) =>
      p.unit !== undefined && p.otherUnit !== undefined
        ? `${whose(p)}“${p.formula}”把以${p.unit}计的“${p.aLabel}”与以${p.otherUnit}计的“${p.bLabel}”直接相加减或比较，单位不同；请先换算成同一单位`
        : `${whose(p)}“${p.formula}”把“${p.aLabel}”（${TYPE_ZH[p.aType] ?? p.aType}）与“${p.bLabel}”（${TYPE_ZH[p.bType] ?? p.bType}）直接相加减或比较，二者不是同一种量`,
    en: (p: MixedP) =>
      p.unit !== undefined && p.otherUnit !== undefined
        ? `formula "${p.formula}" adds or compares ${p.a} (${p.unit}) and ${p.b} (${p.otherUnit}): different units`
        : `formula "${p.formula}" adds or compares ${p.a} (${p.aType}) and ${p.b} (${p.bType}): different kinds of quantity`,
  },
  /** round(x, places) with `places` (a decimal string) not a whole number 0–20. */
  'formula-round': {
    zh: (p: { places: string }) => `公式中 round 的小数位数应为 0–20 的整数，实际为 ${p.places}`,
    en: (p: { places: string }) => `round() takes 0–20 decimal places, got ${p.places}`,
  },
  'formula-power': {
    zh: (p: { base: string; exponent: string }) => `公式中的乘方只能是整数次幂（且结果不能过大）：${p.base} ^ ${p.exponent} 无法精确计算`,
    en: (p: { base: string; exponent: string }) => `a power in a formula must be a whole number (and not too large): ${p.base} ^ ${p.exponent} has no exact value`,
  },
  /** A quoted value compared with an enum fact in a formula that is not one of its options (issue 10 item 8). */
  'formula-enum-value': {
    zh: (p: { formula: string; fact: string; label: string; value: string; allowed: readonly string[] }) => `公式“${p.formula}”中“${p.label}”与“${p.value}”比较，但“${p.value}”不是它的可选值（可选：${p.allowed.join('、')}）`,
    en: (p: { formula: string; fact: string; label: string; value: string; allowed: readonly string[] }) => `formula "${p.formula}": "${p.value}" is not a value of ${p.fact}`,
  },
});
