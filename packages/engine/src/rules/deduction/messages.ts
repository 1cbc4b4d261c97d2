/** Messages of 扣分（扣完为止） (deduction). */
import { defineMessages } from '../../errors/catalogue.ts';

export const deductionMessages = defineMessages({
  'deduction-per-item': {
    zh: (p: { perItem: string }) => `每项扣分应大于0分（现为 ${p.perItem}）`,
    en: (p: { perItem: string }) => `perItem must be positive (it is ${p.perItem})`,
  },
});
