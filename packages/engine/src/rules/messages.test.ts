/**
 * The rule kinds' own messages: every code renders, with sample params of its own type (one table per
 * kind, typed by its entries, so a code added without a sample does not compile), into a Chinese sentence
 * and an English one without "undefined", "NaN" or "[object Object]", and again from code + params after
 * crossing JSON.
 */
import { describe, expect, it } from 'vitest';
import { renderIssue } from '../errors/catalogue.ts';
import type { IssueParams } from '../errors/issue.ts';
import { evaluate } from '../index.ts';
import { input, leafScheme, mustCompile } from '../../test/fixtures/build.ts';
import { enteredScore } from './messages.ts';
import { ruleSampleTables as tables } from '../../test/fixtures/rule-message-samples.ts';

const BAD = /undefined|\bNaN\b|\[object Object\]|Infinity/;
const HAN = /\p{Script=Han}/u;

describe('the rule kinds’ messages', () => {
  for (const { m, samples } of tables) {
    for (const [code, list] of Object.entries(samples) as [string, IssueParams[]][]) {
      it(code, () => {
        expect(list.length).toBeGreaterThan(0);
        for (const p of list) {
          const i = (m.issue as (c: string, p: IssueParams) => ReturnType<typeof m.issue>)(code, p);
          expect(i.message).toMatch(HAN);
          expect(i.message).not.toMatch(BAD);
          expect(i.messageEn).not.toMatch(BAD);
          expect(renderIssue(JSON.parse(JSON.stringify(i)))).toEqual({ zh: i.message, en: i.messageEn });
        }
      });
    }
  }
});

describe('a reviewer’s score in a message', () => {
  it('is shown as written: text and numbers as they are, anything else as JSON, nothing as （未填）', () => {
    expect([enteredScore('95%'), enteredScore(5), enteredScore({ score: 5 }), enteredScore(undefined), enteredScore(null)]).toEqual(['95%', '5', '{"score":5}', '（未填）', '（未填）']);
  });

  it('a judgement entry whose score is an object is refused in words, not "[object Object]"', () => {
    const doc = leafScheme({ points: 5, inputs: [input.boolean('x')], rule: { kind: 'judgement' } });
    const r = evaluate(mustCompile(doc), { facts: {}, reviewer: { leaf: { score: { value: 4 } as never, reason: '良好' } } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.code)).toEqual(['judgement-range']);
      expect(r.issues[0]!.message).toContain('“测试指标”的评审得分 {"value":4} 不是 0–5 分之间的分数（填数字，不带百分号）');
    }
  });

  // user review: a 给分 of -1 was called "not a number"; it is a number below 0, and the message says the range
  it.each([
    [-1, '“测试指标”的评审得分 -1 低于 0 分（应在 0 至 5 分之间）', 'reviewer score -1 for "leaf" is below 0 (allowed: 0–5)'],
    ['-1', '“测试指标”的评审得分 -1 低于 0 分（应在 0 至 5 分之间）', 'reviewer score -1 for "leaf" is below 0 (allowed: 0–5)'],
    [6, '“测试指标”的评审得分 6 超过本项分值 5 分（应在 0 至 5 分之间）', 'reviewer score 6 for "leaf" is above the item\'s 5 points (allowed: 0–5)'],
    ['4%', '“测试指标”的评审得分 4% 不是 0–5 分之间的分数（填数字，不带百分号）', 'reviewer score 4% for "leaf" is outside 0–5'],
  ])('a judgement score of %j: %s', (score, zh, en) => {
    const doc = leafScheme({ points: 5, inputs: [input.boolean('x')], rule: { kind: 'judgement' } });
    const r = evaluate(mustCompile(doc), { facts: {}, reviewer: { leaf: { score: score as never, reason: '良好' } } });
    // evaluate puts the indicator that could not be scored in front
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.message, i.messageEn])).toEqual([['judgement-range', `指标“测试指标”无法计分：${zh}`, `indicator "测试指标" cannot be scored: ${en}`]]);
  });

  it('an override of a mechanical rule below 0 says so, with the range (reviewer-range)', () => {
    // a ratio rule (5分) whose facts the report withheld: the reviewer's -0.5 is a number below 0
    const doc = leafScheme({ points: 5, inputs: [input.percent('比率')], rule: { kind: 'ratio', metric: '比率', multiplier: 5 } });
    const r = evaluate(mustCompile(doc), { facts: {}, reviewer: { leaf: { score: -0.5, reason: '报告未披露', basis: 'undisclosed' } } });
    expect(r.ok ? [] : r.issues.filter((i) => i.code === 'reviewer-range').map((i) => i.message)).toEqual(['指标“测试指标”无法计分：“测试指标”的评审录入得分 -0.5 低于 0 分（应在 0 至 5 分之间）']);
  });
});
