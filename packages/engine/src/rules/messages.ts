/**
 * Messages of the registry's modifiers and of more than one rule kind: a reviewer's entry (on a judgement
 * item, or overriding a mechanical rule). Codes the rule kinds share with other modules (undeclared-fact,
 * fact-type, score-exceeds-points, points-mismatch, duplicate-id, formula-syntax, zero-denominator) are
 * declared once in errors/shared.ts; each kind's own messages are in its folder (`rules/<kind>/messages.ts`).
 */
import { defineMessages } from '../errors/catalogue.ts';

/**
 * A reviewer's score as the case wrote it, for a message: text and numbers as they are, anything else as
 * JSON, and （未填） when there is none — never "undefined" or "[object Object]".
 */
export function enteredScore(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '（未填）';
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

export const ruleMessages = defineMessages({
  /** A reviewer's entry without a reason: on a judgement item (评审得分) or overriding a mechanical rule (评审录入). */
  'judgement-reason': {
    zh: (p: { name: string; key: string; entry: 'judgement' | 'override' }) => `“${p.name}”的${p.entry === 'judgement' ? '评审得分' : '评审录入'}缺少理由`,
    en: (p: { name: string; key: string; entry: 'judgement' | 'override' }) => `reviewer entry for "${p.key}" has no reason`,
  },
  /** `score`: the entry as written (it may not be a number). */
  'reviewer-range': {
    zh: (p: { name: string; key: string; score: string; points: string }) => `“${p.name}”的评审录入得分 ${p.score} 不是 0–${p.points} 分之间的分数（填数字，不带百分号）`,
    en: (p: { name: string; key: string; score: string; points: string }) => `reviewer score ${p.score} for "${p.key}" is outside 0–${p.points}`,
  },
});
