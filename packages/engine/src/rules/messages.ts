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

/**
 * Why a reviewer's score (as entered, `enteredScore`) is refused, after `得分 `: a number below 0 or above the
 * item's 分值 says so, with the range allowed — `-1 低于 0 分（应在 0 至 5 分之间）` — and only what is not a
 * plain number is called one that is not a score (a percent sign, words). Used by `reviewer-range` and
 * `judgement-range`, which are issued only for a score outside 0 to `points` or not a number.
 */
export function scoreRangeZh(score: string, points: string): string {
  const t = score.trim();
  if (/^-\d+(\.\d+)?$/.test(t)) return `${t} 低于 0 分（应在 0 至 ${points} 分之间）`;
  if (/^\d+(\.\d+)?$/.test(t)) return `${t} 超过本项分值 ${points} 分（应在 0 至 ${points} 分之间）`;
  return `${score} 不是 0–${points} 分之间的分数（填数字，不带百分号）`;
}

/** `scoreRangeZh` in English: `-1 for "effect" is below 0 (allowed: 0–5)`. */
export function scoreRangeEn(score: string, key: string, points: string): string {
  const t = score.trim();
  if (/^-\d+(\.\d+)?$/.test(t)) return `${t} for "${key}" is below 0 (allowed: 0–${points})`;
  if (/^\d+(\.\d+)?$/.test(t)) return `${t} for "${key}" is above the item's ${points} points (allowed: 0–${points})`;
  return `${score} for "${key}" is outside 0–${points}`;
}

export const ruleMessages = defineMessages({
  /** A reviewer's entry without a reason: on a judgement item (评审得分) or overriding a mechanical rule (评审录入). */
  'judgement-reason': {
    zh: (p: { name: string; key: string; entry: 'judgement' | 'override' }) => `“${p.name}”的${p.entry === 'judgement' ? '评审得分' : '评审录入'}缺少理由`,
    en: (p: { name: string; key: string; entry: 'judgement' | 'override' }) => `reviewer entry for "${p.key}" has no reason`,
  },
  /** `score`: the entry as written (it may not be a number); see `scoreRangeZh`. */
  'reviewer-range': {
    zh: (p: { name: string; key: string; score: string; points: string }) => `“${p.name}”的评审录入得分 ${scoreRangeZh(p.score, p.points)}`,
    en: (p: { name: string; key: string; score: string; points: string }) => `reviewer score ${scoreRangeEn(p.score, p.key, p.points)}`,
  },
});
