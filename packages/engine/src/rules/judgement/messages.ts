/** Messages of 酌情评分 (judgement): the reviewer's entry missing or out of range (a missing reason: ../messages.ts). */
import { defineMessages } from '../../errors/catalogue.ts';

export const judgementMessages = defineMessages({
  'judgement-missing': {
    zh: (p: { name: string; key: string }) => `“${p.name}”为酌情评分项，案例缺少评审录入（reviewer["${p.key}"]：得分与理由）`,
    en: (p: { name: string; key: string }) => `judgement item "${p.key}" needs a reviewer entry (score and reason)`,
  },
  /** `score`: the entry as written (it may not be a number). */
  'judgement-range': {
    zh: (p: { name: string; key: string; score: string; points: string }) => `“${p.name}”的评审得分 ${p.score} 不是 0–${p.points} 分之间的分数（填数字，不带百分号）`,
    en: (p: { name: string; key: string; score: string; points: string }) => `reviewer score ${p.score} for "${p.key}" is outside 0–${p.points}`,
  },
});
