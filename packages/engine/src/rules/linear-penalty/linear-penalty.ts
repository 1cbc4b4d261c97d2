/**
 * 线性扣分 (linear penalty): full points while the metric is within the threshold; beyond it (above, or below
 * with `direction` below), `deduct` per `step`, down to 0. Sources: seed 000 财务合规性 — 调整、调剂资金累计在本单位
 * 部门预算总规模10%以内的，得1分；超出10%的，超出一个百分点扣0.1分，直至1分扣完为止; provinces' (issue 10)
 * "在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止" and "每低于5%扣2分".
 *
 * Stepping and its words: `proportional` (a part step deducts its part) reads "超出一个百分点扣0.1分"; `whole` (only
 * whole steps count) reads "每超过一个百分点扣0.5分"; `started` (a started step counts whole) adds
 * "（不足一个百分点的按一个百分点计）".
 *
 * Render styles (`render.style`): the default "…以内的，得N分；超出…的，超出一个百分点扣…，直至N分扣完为止";
 * `compact` "在职人员控制率≤100%，计5分；每超过一个百分点扣0.5分，扣完为止" and `compact-fullwidth` (≦ ≧), where
 * `render.restate` restates the condition before the deduction (岳阳 "“三公经费”>0，每超过一个百分点扣0.5分").
 */
import { ZERO, dec, greater, plain, showNumber } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import type { LinearPenaltyRule } from '../../format/scheme-types.ts';
import type { Line } from '../../evaluate/context.ts';
import { checkRef } from '../refs-check.ts';
import { boundIssue } from '../percent-bounds.ts';
import { prose, type RuleKind, type RuleSite } from '../kind.ts';
import { linearPenaltyMessages as m } from './messages.ts';

function stepText(rule: LinearPenaltyRule, site: RuleSite): string {
  const step = dec(rule.step);
  if (site.decls.typeOf(rule.metric) === 'percent' && step.eq('0.01')) return '一个百分点';
  return site.decls.showValue(rule.metric, plain(step));
}

/** "（不足一个百分点的按一个百分点计）" for `started`, nothing otherwise. */
function startedNote(rule: LinearPenaltyRule, site: RuleSite): string {
  return rule.stepping === 'started' ? `（不足${stepText(rule, site)}的按${stepText(rule, site)}计）` : '';
}

export const linearPenalty: RuleKind<LinearPenaltyRule> = {
  refs: (r) => [r.metric],

  check(rule, site) {
    const out: Issue[] = [...checkRef(rule.metric, site, 'metric', 'numeric')];
    const bad = boundIssue(rule.threshold, rule.metric, site.decls, { zh: `“${site.name}”的阈值（threshold）`, en: 'penalty threshold' }, { path: pointer(site.path, 'threshold'), indicator: site.indicator });
    if (bad) out.push(bad);
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
    const below = rule.direction === 'below';
    const beyondWord = below ? '低于' : '超出';
    return (ctx) => {
      const x = ctx.num(rule.metric);
      const shownT = () => ctx.show(rule.metric, threshold);
      if (below ? x.gte(threshold) : x.lte(threshold)) {
        return {
          score: site.points,
          branch: () => `${label}${below ? '不低于' : '在'}${shownT()}${below ? '' : '以内'}，得${plain(site.points)}分`,
          arithmetic: [() => `${ctx.show(rule.metric, x)} ${below ? '≥' : '≤'} ${shownT()} → ${plain(site.points)}分`],
          status: 'computed',
        };
      }
      const excess = below ? threshold.minus(x) : x.minus(threshold);
      const exact = excess.div(step);
      let steps = exact;
      if (mode === 'whole') steps = steps.floor();
      if (mode === 'started') steps = steps.ceil();
      const raw = site.points.minus(steps.times(deduct));
      const score = greater(raw, ZERO);
      const modeText = mode === 'whole' ? '，只计整步' : mode === 'started' ? '，不足一步按一步' : '';
      const lines: Line[] = [
        () =>
          `${beyondWord} ${below ? `${shownT()} − ${ctx.show(rule.metric, x)}` : `${ctx.show(rule.metric, x)} − ${shownT()}`} = ${ctx.show(rule.metric, excess)}，合 ${showNumber(exact)} 步（每步 ${stepText(rule, site)}${modeText}）${steps.eq(exact) ? '' : ` → ${showNumber(steps)} 步`}`,
        () => `${plain(site.points)}分 − ${showNumber(steps)} × ${plain(deduct)}分 = ${showNumber(raw)}分`,
      ];
      if (raw.lt(ZERO)) lines.push('扣完为止，取0分');
      return { score, branch: () => `${beyondWord}${shownT()}，${mode === 'proportional' ? '' : '每'}${below ? '低于' : '超'}${stepText(rule, site)}扣${plain(deduct)}分`, arithmetic: lines, status: 'computed' };
    };
  },

  render(rule, site) {
    const pts = plain(site.points);
    const threshold = dec(rule.threshold);
    const t = site.decls.showValue(rule.metric, plain(threshold));
    const subject = rule.render?.subject ?? site.decls.label(rule.metric);
    const d = plain(dec(rule.deduct));
    const below = rule.direction === 'below';
    const every = rule.stepping === 'whole' || rule.stepping === 'started' ? '每' : '';
    const style = rule.render?.style;
    let body: string;
    if (style === 'compact' || style === 'compact-fullwidth') {
      // "在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止"
      // a zero threshold is written bare ("“三公经费”变动率≦0"); `render.restate` restates the condition before
      // the deduction ("“三公经费”>0，每超过一个百分点扣0.5分")
      const sign = below ? (style === 'compact' ? '≥' : '≧') : style === 'compact' ? '≤' : '≦';
      const shownT = threshold.isZero() ? '0' : t;
      const proportional = rule.stepping === undefined || rule.stepping === 'proportional';
      const word = below ? '低于' : '超过';
      const per = proportional ? `${word}部分按每${word}${stepText(rule, site)}扣${d}分的比例扣分` : `每${word}${stepText(rule, site)}扣${d}分${startedNote(rule, site)}`;
      const restated = rule.render?.restate === undefined ? '' : `${rule.render.restate}${below ? '<' : '>'}${shownT}，`;
      body = `${subject}${sign}${shownT}，计${pts}分；${restated}${per}，扣完为止。`;
    } else if (below) {
      body = `${subject}${t}及以上的，得${pts}分；低于${t}的，${every}低于${stepText(rule, site)}扣${d}分${startedNote(rule, site)}，直至${pts}分扣完为止。`;
    } else {
      body = `${subject}${t}以内的，得${pts}分；超出${t}的，${every}超出${stepText(rule, site)}扣${d}分${startedNote(rule, site)}，直至${pts}分扣完为止。`;
    }
    return `${prose(rule.render?.before, pts)}${body}${prose(rule.render?.after, pts)}`;
  },
};
