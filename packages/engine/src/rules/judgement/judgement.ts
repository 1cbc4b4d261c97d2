/**
 * 酌情评分 (judgement): the reviewer awards a score between 0 and the points, with a written reason.
 * Source: seed 000 效果性 — 未实现绩效目标的酌情扣分.
 */
import { ZERO, plain, toPlainDec } from '../../decimal/dec.ts';
import { pointer } from '../../errors/issue.ts';
import type { JudgementRule } from '../../format/scheme-types.ts';
import { CannotCompute } from '../../evaluate/context.ts';
import { prose, type RuleKind } from '../kind.ts';
import { enteredScore, ruleMessages } from '../messages.ts';
import { judgementMessages as m } from './messages.ts';

export const judgement: RuleKind<JudgementRule> = {
  refs: () => [],
  check: () => [],
  maxScore: (_r, site) => site.points,

  compile(_rule, site) {
    return (ctx) => {
      const entry = ctx.reviewer();
      // built only when there is something to report
      const where = () => ({ indicator: site.indicator, path: pointer('/reviewer', ctx.key) });
      if (!entry) {
        throw new CannotCompute(m.issue('judgement-missing', { name: site.name, key: ctx.key }, where()));
      }
      const s = toPlainDec(entry.score);
      if (s === null || s.lt(ZERO) || s.gt(site.points)) {
        throw new CannotCompute(m.issue('judgement-range', { name: site.name, key: ctx.key, score: enteredScore(entry.score), points: plain(site.points) }, where()));
      }
      if (typeof entry.reason !== 'string' || !entry.reason.trim()) {
        throw new CannotCompute(ruleMessages.issue('judgement-reason', { name: site.name, key: ctx.key, entry: 'judgement' }, where()));
      }
      return {
        score: s,
        branch: `酌情评分：${entry.reason}`,
        arithmetic: [() => `评审给分 ${plain(s)}分（满分 ${plain(site.points)}分）`],
        status: 'judgement',
        reason: entry.reason,
      };
    };
  },

  render(rule, site) {
    const pts = plain(site.points);
    return `${prose(rule.render?.before, pts)}${rule.guidance ?? '酌情评分'}${prose(rule.render?.after, pts)}`;
  },
};
