/**
 * 线性扣分 (linear penalty): full points while the metric is within the threshold; beyond it, `deduct`
 * per `step` of excess, down to 0. Source: seed 000 财务合规性 — 调整、调剂资金累计在本单位部门预算总规模
 * 10%以内的，得1分；超出10%的，超出一个百分点扣0.1分，直至1分扣完为止.
 */
import { ZERO, dec, greater, plain, showNumber } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import type { LinearPenaltyRule } from '../../format/scheme-types.ts';
import type { Line } from '../../evaluate/context.ts';
import { checkRef } from '../refs-check.ts';
import { prose, type RuleKind, type RuleSite } from '../kind.ts';
import { linearPenaltyMessages as m } from './messages.ts';

function stepText(rule: LinearPenaltyRule, site: RuleSite): string {
  const step = dec(rule.step);
  if (site.decls.typeOf(rule.metric) === 'percent' && step.eq('0.01')) return '一个百分点';
  return site.decls.showValue(rule.metric, plain(step));
}

export const linearPenalty: RuleKind<LinearPenaltyRule> = {
  refs: (r) => [r.metric],

  check(rule, site) {
    const out: Issue[] = [...checkRef(rule.metric, site, 'metric', 'numeric')];
    if (dec(rule.step).lte(ZERO)) out.push(m.issue('penalty-step', {}, { path: pointer(site.path, 'step'), indicator: site.indicator }));
    if (dec(rule.deduct).lte(ZERO)) out.push(m.issue('penalty-deduct', {}, { path: pointer(site.path, 'deduct'), indicator: site.indicator }));
    return out;
  },

  maxScore: (_r, site) => site.points,

  compile(rule, site) {
    const threshold = dec(rule.threshold);
    const step = dec(rule.step);
    const deduct = dec(rule.deduct);
    const label = rule.render?.subject ?? site.decls.label(rule.metric);
    const mode = rule.stepping ?? 'proportional';
    return (ctx) => {
      const x = ctx.num(rule.metric);
      const shownT = () => ctx.show(rule.metric, threshold);
      if (x.lte(threshold)) {
        return {
          score: site.points,
          branch: () => `${label}在${shownT()}以内，得${plain(site.points)}分`,
          arithmetic: [() => `${ctx.show(rule.metric, x)} ≤ ${shownT()} → ${plain(site.points)}分`],
          status: 'computed',
        };
      }
      const excess = x.minus(threshold);
      let steps = excess.div(step);
      if (mode === 'whole') steps = steps.floor();
      if (mode === 'started') steps = steps.ceil();
      const raw = site.points.minus(steps.times(deduct));
      const score = greater(raw, ZERO);
      const lines: Line[] = [
        () => `超出 ${ctx.show(rule.metric, x)} − ${shownT()} = ${ctx.show(rule.metric, excess)}，合 ${showNumber(steps)} 步（每步 ${stepText(rule, site)}）`,
        () => `${plain(site.points)}分 − ${showNumber(steps)} × ${plain(deduct)}分 = ${showNumber(raw)}分`,
      ];
      if (raw.lt(ZERO)) lines.push('扣完为止，取0分');
      return { score, branch: () => `超出${shownT()}，每超${stepText(rule, site)}扣${plain(deduct)}分`, arithmetic: lines, status: 'computed' };
    };
  },

  render(rule, site) {
    const pts = plain(site.points);
    const t = site.decls.showValue(rule.metric, plain(dec(rule.threshold)));
    const subject = rule.render?.subject ?? site.decls.label(rule.metric);
    return `${prose(rule.render?.before, pts)}${subject}${t}以内的，得${pts}分；超出${t}的，超出${stepText(rule, site)}扣${plain(dec(rule.deduct))}分，直至${pts}分扣完为止。${prose(rule.render?.after, pts)}`;
  },
};
