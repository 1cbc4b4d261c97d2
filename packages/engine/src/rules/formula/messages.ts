/** Messages of 公式计分 (formula): a formula that does not parse, a zero denominator. */
import { defineMessages } from '../../errors/catalogue.ts';

export const formulaMessages = defineMessages({
  /** `error`/`errorEn`: the formula parser's own explanation (formula/formula.ts), which quotes the formula. */
  'formula-syntax': {
    zh: (p: { expression: string; error: string; errorEn: string }) => p.error,
    en: (p: { expression: string; error: string; errorEn: string }) => p.errorEn,
  },
  /** `shown`: the formula with the values substituted, as finance staff write them. */
  'zero-denominator': {
    zh: (p: { expression: string; shown: string }) => `公式 ${p.expression} 无法计算：分母为 0（${p.shown}）`,
    en: (p: { expression: string; shown: string }) => `formula ${p.expression} divides by zero (${p.shown})`,
  },
});
