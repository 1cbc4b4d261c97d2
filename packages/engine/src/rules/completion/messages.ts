/** Messages of 按完成比例计分 (completion). */
import { defineMessages } from '../../errors/catalogue.ts';

export const completionMessages = defineMessages({
  /** A target that is a number literal of the wrong sign or zero for its direction. */
  'completion-target-zero': {
    zh: (p: { name: string; target: string }) => `“${p.name}”的目标值为 ${p.target}：按完成比例计分的目标值不能为 0（无法计算完成比例）`,
    en: (p: { name: string; target: string }) => `"${p.name}": a completion target of ${p.target} leaves no completion share`,
  },
});
