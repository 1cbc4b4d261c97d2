/**
 * 酌情评分 (judgement): the reviewer awards a score between 0 and the points, with a written reason.
 * Source: seed 000 效果性 — 未实现绩效目标的酌情扣分.
 *
 * With `bands` (评分档次, ./bands.ts) the score is constrained to the band the reviewer picks (财预〔2020〕10号
 * 定性指标: 达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差 at 100–80%（含）/
 * 80–60%（含）/ 60–0% of the points), or to the band the facts select ("完成率在60-100%的…", a band whose
 * points a document does not state): a judgement within the band, never a placeholder 0.
 */
import { ZERO, plain, toPlainDec } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import type { JudgementRule } from '../../format/scheme-types.ts';
import { CannotCompute } from '../../evaluate/context.ts';
import { prose, type RuleKind } from '../kind.ts';
import { enteredScore, ruleMessages } from '../messages.ts';
import { bandRefs, checkBands, compileBands, judgeInBands, renderBands } from './bands.ts';
import { judgementMessages as m } from './messages.ts';

export const judgement: RuleKind<JudgementRule> = {
  refs: (r) => bandRefs(r.bands),
  check: (rule, site): Issue[] => (rule.bands ? checkBands(rule.bands, site, pointer(site.path, 'bands'), site.points) : []),
  maxScore: (_r, site) => site.points,

  compile(rule, site) {
    const bands = rule.bands ? compileBands(rule.bands, site) : null;
    return (ctx) => {
      const entry = ctx.reviewer();
      // built only when there is something to report
      const where = () => ({ indicator: site.indicator, path: pointer('/reviewer', ctx.key) });
      if (bands) {
        const j = judgeInBands(bands, entry, { name: site.name, key: ctx.key, where: where(), points: site.points }, ctx);
        return {
          score: j.score,
          branch: j.fixed ? j.text : `酌情评分（${j.band.label}）：${j.reason ?? ''}`,
          arithmetic: [j.text],
          status: j.fixed ? 'computed' : 'judgement',
          ...(j.reason !== undefined ? { reason: j.reason } : {}),
        };
      }
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
    const body = rule.bands ? renderBands(rule.bands, rule.render?.subject ?? '定性指标', site.points) : (rule.guidance ?? '酌情评分');
    return `${prose(rule.render?.before, pts)}${body}${prose(rule.render?.after, pts)}`;
  },
};
