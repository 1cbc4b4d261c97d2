/**
 * 按完成比例计分 (completion): the target met gives the full points; otherwise the points × the completion
 * share (完成值 ÷ 目标值, or 目标值 ÷ 完成值 for a lower-is-better target), 满分为止, never below 0.
 * Source: a 部门整体 考核表's 一般公共预算支出实际完成率 — "按完成比例计算得分，满分为止" (权数 20; the page at
 * wanglu.net/thread/t13-461855-0.html); the same sentence scores 结转结余率 (年度工作目标 9%, lower is better)
 * and 结转结余变动率 (目标 -30%).
 */
import { Dec, ONE, ZERO, plain, showNumber, showPercent, toDec } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import type { Decls, KindRule, RuleKind } from '../kind.ts';
import { prose } from '../kind.ts';
import type { EvalContext, Line } from '../../evaluate/context.ts';
import { checkRef } from '../refs-check.ts';
import { boundIssue } from '../percent-bounds.ts';
import { completionMessages as m } from './messages.ts';

/** A target written as a number (a JSON number or a decimal string), or null when it names a fact. */
export function targetLiteral(t: string | number, decls: Decls): Dec | null {
  if (typeof t === 'string' && decls.typeOf(t) !== undefined) return null;
  return toDec(t);
}

/** The completion share and the text of its division ("93.14% ÷ 100%"); null share when the target is met. */
export function completionShare(actual: Dec, target: Dec, direction: 'higher' | 'lower'): { met: boolean; share: Dec; how: 'a/t' | 't/a' } {
  if (direction === 'higher') return actual.gte(target) ? { met: true, share: ONE, how: 'a/t' } : { met: false, share: target.isZero() ? ZERO : actual.div(target), how: 'a/t' };
  if (actual.lte(target)) return { met: true, share: ONE, how: 't/a' };
  // lower is better and the target is missed: 9% against 18% is half done; -30% against -15% is half done
  if (target.gt(ZERO)) return { met: false, share: target.div(actual), how: 't/a' };
  if (target.lt(ZERO)) return { met: false, share: actual.div(target), how: 'a/t' };
  return { met: false, share: ZERO, how: 'a/t' };
}

export const completion: RuleKind<KindRule<'completion'>> = {
  refs: (r) => [r.actual, ...(typeof r.target === 'string' && !/^-?[0-9]/.test(r.target) ? [r.target] : [])],

  check(rule, site) {
    const out: Issue[] = [...checkRef(rule.actual, site, 'actual', 'numeric')];
    const lit = targetLiteral(rule.target, site.decls);
    if (lit === null) out.push(...checkRef(String(rule.target), site, 'target', 'numeric'));
    else if (lit.isZero()) out.push(m.issue('completion-target-zero', { name: site.name, target: plain(lit) }, { path: pointer(site.path, 'target'), indicator: site.indicator }));
    else {
      // a target on a percent fact is a fraction: "9" would read as 900% and every case would miss it
      const bad = boundIssue(rule.target, rule.actual, site.decls, { zh: `“${site.name}”的目标值（target）`, en: 'completion target' }, { path: pointer(site.path, 'target'), indicator: site.indicator });
      if (bad) out.push(bad);
    }
    return out;
  },

  maxScore: (_r, site) => site.points,

  compile(rule, site) {
    const lit = targetLiteral(rule.target, site.decls);
    const direction = rule.direction ?? 'higher';
    const points = site.points;
    const label = site.decls.label(rule.actual);
    const showT = (ctx: EvalContext, t: Dec) => (lit === null ? ctx.show(String(rule.target), t) : site.decls.showValue(rule.actual, plain(t)));
    return (ctx) => {
      const a = ctx.num(rule.actual);
      const t = lit ?? ctx.num(String(rule.target));
      const r = completionShare(a, t, direction);
      const sa = () => ctx.show(rule.actual, a);
      if (r.met) {
        return {
          score: points,
          branch: `达到目标值，得满分`,
          arithmetic: [() => `${label} ${sa()} ${direction === 'higher' ? '≥' : '≤'} 目标值 ${showT(ctx, t)} → 得满分 ${plain(points)}分`],
          status: 'computed',
        };
      }
      const share = Dec.max(ZERO, Dec.min(ONE, r.share));
      const score = share.times(points);
      const div = () => (r.how === 't/a' ? `${showT(ctx, t)} ÷ ${sa()}` : `${sa()} ÷ ${showT(ctx, t)}`);
      const lines: Line[] = [() => `完成比例 = ${div()} = ${showPercent(r.share)}`, () => `${showPercent(share)} × ${plain(points)}分 = ${showNumber(score)}分`];
      if (r.share.lt(ZERO)) lines.splice(1, 0, '完成比例为负，按0计');
      return { score, branch: `未达到目标值，按完成比例计分`, arithmetic: lines, status: 'computed' };
    };
  },

  render(rule, site) {
    const pts = plain(site.points);
    return `${prose(rule.render?.before, pts)}按完成比例计算得分，满分为止${prose(rule.render?.after ?? '。', pts)}`;
  },
};
