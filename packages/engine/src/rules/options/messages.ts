/** Messages of 枚举分档 (options): duplicate, undeclared and missing options; a value with no option. */
import { defineMessages } from '../../errors/catalogue.ts';

export const optionsMessages = defineMessages({
  'option-duplicate': {
    zh: (p: { value: string }) => `选项“${p.value}”重复`,
    en: (p: { value: string }) => `option "${p.value}" appears twice`,
  },
  /** `declared`: the enum fact's declared values. */
  'option-undeclared': {
    zh: (p: { value: string; fact: string; declared: readonly string[] }) => `选项“${p.value}”不是事实“${p.fact}”的可选值（${p.declared.join('、')}）`,
    en: (p: { value: string; fact: string; declared: readonly string[] }) => `option "${p.value}" is not a declared value of "${p.fact}"`,
  },
  'option-missing': {
    zh: (p: { value: string; fact: string }) => `事实“${p.fact}”的可选值“${p.value}”没有对应得分`,
    en: (p: { value: string; fact: string }) => `declared value "${p.value}" of "${p.fact}" has no score`,
  },
  'option-no-match': {
    zh: (p: { value: string; fact: string; label: string }) => `“${p.label}”的取值“${p.value}”没有对应的档`,
    en: (p: { value: string; fact: string; label: string }) => `value "${p.value}" of ${p.fact} matches no option`,
  },
});
