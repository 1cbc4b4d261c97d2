/** Messages of 条件计分 (cases). */
import { defineMessages } from '../../errors/catalogue.ts';

export const casesMessages = defineMessages({
  /** At evaluation: no case holds and the rule has no `otherwise`. */
  'cases-none': {
    zh: (p: { name: string; facts: string }) => `“${p.name}”：没有一个情形的条件成立（${p.facts}），且方案未写“其余情形”`,
    en: (p: { name: string; facts: string }) => `"${p.name}": no case holds and there is no otherwise`,
  },
});
