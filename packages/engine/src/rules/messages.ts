/**
 * Messages shared by several rule kinds and by the registry's modifiers (the references a rule reads,
 * amounts within the points, a reviewer's entry). Each kind's own messages are in its folder
 * (`rules/<kind>/messages.ts`).
 */
import { defineMessages } from '../errors/catalogue.ts';

/** What a rule needs a fact or metric to be (refs-check.ts). */
export type WantedType = 'numeric' | 'boolean' | 'enum' | 'rows';
const WANTED_ZH: Record<WantedType, string> = { numeric: '数值型', boolean: '布尔型（是/否）', enum: '枚举型', rows: '指标行' };

/** Whose amounts add up: a sum's parts (分项) or a checklist's items (评分要点). */
export type Summands = 'parts' | 'items';
const SUMMANDS_ZH: Record<Summands, string> = { parts: '分项分值', items: '评分要点分数' };
const SUMMANDS_EN: Record<Summands, string> = { parts: 'parts', items: 'checklist items' };

export const ruleMessages = defineMessages({
  'undeclared-fact': {
    zh: (p: { id: string }) => `引用了未声明的事实或计算指标“${p.id}”`,
    en: (p: { id: string }) => `references undeclared fact or metric "${p.id}"`,
  },
  'fact-type': {
    zh: (p: { id: string; type: string; want: WantedType }) => `“${p.id}”的类型为 ${p.type}，此处需要${WANTED_ZH[p.want]}`,
    en: (p: { id: string; type: string; want: WantedType }) => `"${p.id}" has type ${p.type}, ${p.want} expected here`,
  },
  /** `what` names the amount in Chinese ("封顶分", "第2档得分"); `field` is its JSON path under the rule. */
  'score-exceeds-points': {
    zh: (p: { what: string; field: string; amount: string; points: string }) => `${p.what} ${p.amount} 分超出本项分值 0–${p.points} 分`,
    en: (p: { what: string; field: string; amount: string; points: string }) => `${p.field} ${p.amount} is outside 0–${p.points} points`,
  },
  'points-mismatch': {
    zh: (p: { of: Summands; total: string; points: string }) => `${SUMMANDS_ZH[p.of]}合计 ${p.total} 分，与本项分值 ${p.points} 分不符`,
    en: (p: { of: Summands; total: string; points: string }) => `${SUMMANDS_EN[p.of]} add up to ${p.total}, the points are ${p.points}`,
  },
  /** A reviewer's entry without a reason: on a judgement item (评审得分) or overriding a mechanical rule (评审录入). */
  'judgement-reason': {
    zh: (p: { name: string; key: string; entry: 'judgement' | 'override' }) => `“${p.name}”的${p.entry === 'judgement' ? '评审得分' : '评审录入'}缺少理由`,
    en: (p: { name: string; key: string; entry: 'judgement' | 'override' }) => `reviewer entry for "${p.key}" has no reason`,
  },
  'reviewer-range': {
    zh: (p: { name: string; key: string; score: string; points: string }) => `“${p.name}”的评审录入得分 ${p.score} 不是 0–${p.points} 分之间的分数（填数字，不带百分号）`,
    en: (p: { name: string; key: string; score: string; points: string }) => `reviewer score ${p.score} for "${p.key}" is outside 0–${p.points}`,
  },
});
