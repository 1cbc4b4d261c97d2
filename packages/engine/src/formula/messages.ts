/** Messages of running a formula (formula/formula.ts). */
import { defineMessages } from '../errors/catalogue.ts';

export const formulaMessages = defineMessages({
  /** round(x, places) with `places` (a decimal string) not a whole number 0–20. */
  'formula-round': {
    zh: (p: { places: string }) => `公式中 round 的小数位数应为 0–20 的整数，实际为 ${p.places}`,
    en: (p: { places: string }) => `round() takes 0–20 decimal places, got ${p.places}`,
  },
  'formula-power': {
    zh: (p: { base: string; exponent: string }) => `公式中的乘方只能是整数次幂（且结果不能过大）：${p.base} ^ ${p.exponent} 无法精确计算`,
    en: (p: { base: string; exponent: string }) => `a power in a formula must be a whole number (and not too large): ${p.base} ^ ${p.exponent} has no exact value`,
  },
});
