/**
 * 比率×分值 (ratio × points): score = metric × multiplier, capped (default: the points), with an
 * optional zero rule. Source: seed 000 政府采购执行情况 — 政府采购执行率得分=政府采购执行率×1分；
 * 如实际采购金额大于采购计划金额，本项得0分; 预算执行率 — 一季度预算执行率得分=(支出进度/序时进度25%)×1分.
 */
import { ZERO, dec, plain, showNumber } from '../../decimal/dec.ts';
import type { Issue } from '../../errors/issue.ts';
import type { RatioRule } from '../../format/scheme-types.ts';
import { compileCondition, conditionRefs, renderCondition } from '../../conditions/condition.ts';
import { checkRef } from '../refs-check.ts';
import { checkWithinPoints } from '../points-check.ts';
import { prose, type RuleKind } from '../kind.ts';
import { checkCondition } from '../../conditions/check.ts';

export const ratio: RuleKind<RatioRule> = {
  refs: (r) => [r.metric, ...(r.zeroWhen ? conditionRefs(r.zeroWhen.when) : [])],

  check(rule, site) {
    const out: Issue[] = [...checkRef(rule.metric, site, 'metric', 'numeric')];
    if (rule.zeroWhen) out.push(...checkCondition(rule.zeroWhen.when, site, 'zeroWhen/when'));
    if (rule.cap !== undefined) out.push(...checkWithinPoints(dec(rule.cap), site, 'cap', '封顶分'));
    if (dec(rule.multiplier).lt(ZERO)) out.push(...checkWithinPoints(dec(rule.multiplier), site, 'multiplier', '乘数'));
    return out;
  },

  maxScore: (rule, site) => (rule.cap !== undefined ? dec(rule.cap) : site.points),

  compile(rule, site) {
    const m = dec(rule.multiplier);
    const cap = rule.cap !== undefined ? dec(rule.cap) : site.points;
    const zero = rule.zeroWhen ? compileCondition(rule.zeroWhen.when, (id) => site.decls.typeOf(id)) : null;
    const label = site.decls.label(rule.metric);
    const zeroBranch = rule.zeroWhen ? `得0分条款：${rule.zeroWhen.text}` : '';
    const zeroLine = rule.zeroWhen ? `${renderCondition(rule.zeroWhen.when, (id) => site.decls.label(id), (id, v) => site.decls.showValue(id, v))} → 0分` : '';
    const branch = `${label}×${plain(m)}分`;
    const capLine = `超过封顶 ${plain(cap)}分，取 ${plain(cap)}分`;
    const cappedBranch = `${branch}，封顶${plain(cap)}分`;
    const negativeBranch = `${branch}（负值取0）`;
    return (ctx) => {
      if (zero && zero(ctx)) return { score: ZERO, branch: zeroBranch, arithmetic: [zeroLine], status: 'computed' };
      const x = ctx.num(rule.metric);
      const raw = x.times(m);
      const line = () => `${label} ${ctx.show(rule.metric, x)} × ${plain(m)}分 = ${showNumber(raw)}分`;
      if (raw.gt(cap)) return { score: cap, branch: cappedBranch, arithmetic: [line, capLine], status: 'computed' };
      if (raw.lt(ZERO)) return { score: ZERO, branch: negativeBranch, arithmetic: [line, '低于0分，取0分'], status: 'computed' };
      return { score: raw, branch, arithmetic: [line], status: 'computed' };
    };
  },

  render(rule, site) {
    const pts = plain(site.points);
    const name = rule.render?.name ?? site.decls.label(rule.metric);
    const subject = rule.render?.subject ?? site.decls.label(rule.metric);
    const head = `${prose(rule.render?.before, pts)}${name}得分=${subject}×${plain(dec(rule.multiplier))}分${prose(rule.render?.after, pts)}`;
    if (!rule.zeroWhen) return head;
    return `${head}${/[\p{P}\s]$/u.test(head) ? '' : '；'}${rule.zeroWhen.text}`;
  },
};
