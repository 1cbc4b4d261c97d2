/** Messages of 择一考核 (choice). */
import { defineMessages } from '../../errors/catalogue.ts';

export const choiceMessages = defineMessages({
  /** `value`: an option's value that is not one of the enum fact's options. */
  'choice-value-unknown': {
    zh: (p: { name: string; by: string; value: string; allowed: readonly string[] }) => `“${p.name}”的考核口径“${p.value}”不是“${p.by}”的可选值（可选：${p.allowed.join('、')}）`,
    en: (p: { name: string; by: string; value: string; allowed: readonly string[] }) => `"${p.name}": option value "${p.value}" is not a value of ${p.by}`,
  },
  'choice-value-twice': {
    zh: (p: { name: string; value: string }) => `“${p.name}”的考核口径“${p.value}”写了两次`,
    en: (p: { name: string; value: string }) => `"${p.name}": option value "${p.value}" appears twice`,
  },
  /** At evaluation: the case chose a value no option covers. */
  'choice-none': {
    zh: (p: { name: string; by: string; value: string; allowed: readonly string[] }) => `“${p.name}”：${p.by}为“${p.value}”，方案没有对应的考核口径（可选：${p.allowed.join('、')}）`,
    en: (p: { name: string; by: string; value: string; allowed: readonly string[] }) => `"${p.name}": no measure for ${p.by} = "${p.value}"`,
  },
});
