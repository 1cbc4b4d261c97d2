/** Messages of 时间节点 (milestones). */
import { defineMessages } from '../../errors/catalogue.ts';

export const milestonesMessages = defineMessages({
  'milestone-due-unknown': {
    zh: (p: { name: string; due: string }) => `“${p.name}”的截止节点“${p.due}”不在方案的节点日期（calendar）中`,
    en: (p: { name: string; due: string }) => `"${p.name}": milestone ${p.due} is not in the scheme's calendar`,
  },
  'milestone-no-date': {
    zh: (p: { name: string; due: string; label: string; year: number }) => `“${p.name}”：节点“${p.label}”（${p.due}）没有${p.year}年度的日期：请在节点日期表中补上${p.year}年的截止日期（JSON 中为 calendar 该节点 dates 的 "${p.year}"）`,
    en: (p: { name: string; due: string; label: string; year: number }) => `"${p.name}": milestone ${p.due} has no date for ${p.year}`,
  },
  /** A step must name either its completion date fact (`done`) or its count of late items (`late`), not both. */
  'milestone-fact': {
    zh: (p: { name: string; step: string }) => `“${p.name}”的时间节点“${p.step}”须写 done（完成日期事实）或 late（未按进度个数事实）之一`,
    en: (p: { name: string; step: string }) => `"${p.name}": step ${p.step} needs exactly one of done or late`,
  },
  /** `value`: the date as the case wrote it. */
  'milestone-date': {
    zh: (p: { name: string; fact: string; value: string }) => `“${p.name}”：${p.fact}“${p.value}”不是日期（写作 2024-06-28 或 2024年6月28日）`,
    en: (p: { name: string; fact: string; value: string }) => `"${p.name}": ${p.fact} "${p.value}" is not a date`,
  },
});
