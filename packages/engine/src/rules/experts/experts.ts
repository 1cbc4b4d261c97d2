/**
 * 专家评分 (experts): each expert's score (0 … points, with a reason) is entered under the reviewer key
 * `<indicator>/<expert>`; the indicator's score is their exact average, every expert's score and reason kept
 * in the trace. Source: 评价人员（专家）评分汇总表 — "评价得分=(专家1+专家2+…)/专家人数".
 */
import { Dec, ZERO, plain, showNumber, toPlainDec } from '../../decimal/dec.ts';
import { pointer } from '../../errors/issue.ts';
import { CannotCompute } from '../../evaluate/context.ts';
import { makePartTrace } from '../../evaluate/trace.ts';
import { prose, type KindRule, type RuleKind } from '../kind.ts';
import { enteredScore, ruleMessages } from '../messages.ts';
import { judgementMessages } from '../judgement/messages.ts';
import { expertsMessages as m } from './messages.ts';

type ExpertsRule = KindRule<'experts'>;

export const experts: RuleKind<ExpertsRule> = {
  refs: () => [],

  check(rule, site) {
    if (rule.minimum !== undefined && rule.minimum > rule.panel.length) {
      return [m.issue('experts-minimum', { name: site.name, minimum: rule.minimum, panel: rule.panel.length }, { path: pointer(site.path, 'minimum'), indicator: site.indicator })];
    }
    return [];
  },

  maxScore: (_r, site) => site.points,

  compile(rule, site) {
    const need = rule.minimum ?? rule.panel.length;
    return (ctx) => {
      const scored: { id: string; score: Dec; reason: string }[] = [];
      const missing: string[] = [];
      for (const id of rule.panel) {
        const key = `${ctx.key}/${id}`;
        const entry = ctx.reviewer(key);
        if (!entry) {
          missing.push(id);
          continue;
        }
        const where = { indicator: site.indicator, path: pointer('/reviewer', key) };
        const s = toPlainDec(entry.score);
        if (s === null || s.lt(ZERO) || s.gt(site.points)) throw new CannotCompute(judgementMessages.issue('judgement-range', { name: `${site.name}（${id}）`, key, score: enteredScore(entry.score), points: plain(site.points) }, where));
        if (typeof entry.reason !== 'string' || !entry.reason.trim()) throw new CannotCompute(ruleMessages.issue('judgement-reason', { name: `${site.name}（${id}）`, key, entry: 'judgement' }, where));
        scored.push({ id, score: s, reason: entry.reason });
      }
      if (scored.length < need || scored.length === 0) {
        throw new CannotCompute(m.issue('experts-missing', { name: site.name, missing, need, got: scored.length }, { indicator: site.indicator, path: pointer('/reviewer', missing[0] !== undefined ? `${ctx.key}/${missing[0]}` : ctx.key) }));
      }
      const sum = scored.reduce((a, e) => a.plus(e.score), ZERO);
      const score = sum.div(new Dec(scored.length));
      return {
        score,
        branch: `专家评分：${scored.length}位专家的平均分`,
        arithmetic: [
          ...scored.map((e) => `${e.id} ${plain(e.score)}分（理由：${e.reason}）`),
          () => `评价得分 = (${scored.map((e) => plain(e.score)).join(' + ')}) ÷ ${scored.length} = ${showNumber(score)}分`,
        ],
        status: 'judgement',
        reason: scored.map((e) => `${e.id}：${e.reason}`).join('；'),
        // each expert as a part of the trace: id, score and reason as data, not only as text
        parts: scored.map((e) => {
          const sub = ctx.child(`${ctx.key}/${e.id}`, site.points);
          const run = { score: e.score, branch: `${e.id}：${e.reason}`, arithmetic: [`${e.id} ${plain(e.score)}分`], status: 'judgement' as const, reason: e.reason };
          return makePartTrace('judgement', run, sub, e.score, undefined, { id: e.id, name: e.id, points: plain(site.points) });
        }),
      };
    };
  },

  /** "评价得分=(专家1+专家2+专家3)/专家人数"; style `ellipsis` writes the official "(专家1+专家2+…)". */
  render(rule, site) {
    const pts = plain(site.points);
    const names = rule.render?.style === 'ellipsis' ? [...rule.panel.slice(0, 2), '…'] : rule.panel;
    const formula = `评价得分=(${names.join('+')})/专家人数`;
    return `${prose(rule.render?.before, pts)}${rule.guidance ?? ''}${formula}${prose(rule.render?.after, pts)}`;
  },
};
