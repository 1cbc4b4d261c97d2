/**
 * The rule kinds' own messages: every code renders, with sample params of its own type (one table per
 * kind, typed by its entries, so a code added without a sample does not compile), into a Chinese sentence
 * and an English one without "undefined", "NaN" or "[object Object]", and again from code + params after
 * crossing JSON.
 */
import { describe, expect, it } from 'vitest';
import { renderIssue, type MessageDef, type Messages } from '../errors/catalogue.ts';
import type { IssueParams } from '../errors/issue.ts';
import { evaluate } from '../index.ts';
import { input, leafScheme, mustCompile } from '../../test/fixtures/build.ts';
import { enteredScore, ruleMessages } from './messages.ts';
import { tiersMessages } from './tiers/messages.ts';
import { optionsMessages } from './options/messages.ts';
import { deductionMessages } from './deduction/messages.ts';
import { linearPenaltyMessages } from './linear-penalty/messages.ts';
import { judgementMessages } from './judgement/messages.ts';
import { targetsMessages } from './targets/messages.ts';

const BAD = /undefined|\bNaN\b|\[object Object\]|Infinity/;
const HAN = /\p{Script=Han}/u;

/** Sample params for every code of one module, typed by the code's entry. */
type Samples<D extends Record<string, MessageDef<IssueParams>>> = { [C in keyof D]: (D[C] extends MessageDef<infer P> ? P : never)[] };
const table = <D extends Record<string, MessageDef<IssueParams>>>(m: Messages<D>, samples: Samples<D>) => ({ m, samples });

const tables = [
  table(ruleMessages, {
    'judgement-reason': [
      { name: '效果性', key: 'effect', entry: 'judgement' },
      { name: '政府采购执行情况', key: 'procurement', entry: 'override' },
    ],
    'reviewer-range': [{ name: '政府采购执行情况', key: 'procurement', score: '95%', points: '1' }],
  }),
  table(tiersMessages, {
    'percent-scale': [{ tier: 1, bound: 'min', value: '95', percent: '9500', fraction: '0.95', metric: '满意度', label: '公众或服务对象满意度' }],
    'tier-empty': [{ tier: 2, interval: '95%≤满意度<90%' }],
    'tier-gap': [
      { region: '满意度<80%', tiers: ['3'] },
      { region: '80%≤满意度<85%', tiers: ['2', '3'] },
      { region: '满意度为任意值', tiers: [] },
    ],
    'tier-overlap': [{ region: '90%≤满意度<95%', tiers: ['1', '2'] }],
    'tier-no-match': [{ subject: '满意度', shown: '120%', value: '1.2', metric: '满意度' }],
  }),
  table(optionsMessages, {
    'option-duplicate': [{ value: '按时公开' }],
    'option-undeclared': [{ value: '部分公开', fact: '公开情况', declared: ['按时公开', '未公开'] }],
    'option-missing': [{ value: '未公开', fact: '公开情况' }],
    'option-no-match': [{ value: '部分公开', fact: '公开情况', label: '预决算信息公开情况' }],
  }),
  table(deductionMessages, { 'deduction-per-item': [{ perItem: '0' }] }),
  table(linearPenaltyMessages, { 'penalty-step': [{}], 'penalty-deduct': [{}] }),
  table(judgementMessages, {
    'judgement-missing': [{ name: '效果性', key: 'effect' }],
    'judgement-range': [{ name: '效果性', key: 'effect', score: '（未填）', points: '25' }],
  }),
  table(targetsMessages, {
    'row-points': [{ row: 3, name: '企业获得感', value: '五分' }],
    'row-self-score': [{ row: 3, name: '企业获得感', value: '{"score":5}' }],
    'row-judgement-missing': [{ row: 4, name: '服务满意度', outcome: 'qualitative' }],
  }),
];

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
});
