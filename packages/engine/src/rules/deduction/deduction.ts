/**
 * 扣分（扣完为止） (deduction to a floor): points − count × perItem, never below the floor (default 0).
 * Source: seed 000 预算编制规范性 — 发现一项不符合的扣1分，扣完为止; 重点工作完成情况 — 一项重点工作没有完成扣4分，扣完为止.
 */
import { ZERO, dec, greater, plain } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import type { DeductionRule } from '../../format/scheme-types.ts';
import type { Line } from '../../evaluate/context.ts';
import { checkRef } from '../refs-check.ts';
import { checkWithinPoints } from '../points-check.ts';
import { prose, type RuleKind } from '../kind.ts';
import { deductionMessages as m } from './messages.ts';

export const deduction: RuleKind<DeductionRule> = {
  refs: (r) => [r.countFact],

  check(rule, site) {
    const out: Issue[] = [...checkRef(rule.countFact, site, 'countFact', 'numeric')];
    if (rule.floor !== undefined) out.push(...checkWithinPoints(dec(rule.floor), site, 'floor', '最低得分'));
    if (dec(rule.perItem).lte(ZERO)) {
      out.push(m.issue('deduction-per-item', { perItem: plain(dec(rule.perItem)) }, { path: pointer(site.path, 'perItem'), indicator: site.indicator }));
    }
    return out;
  },

  maxScore: (_rule, site) => site.points,

  compile(rule, site) {
    const per = dec(rule.perItem);
    const floor = rule.floor !== undefined ? dec(rule.floor) : ZERO;
    const label = site.decls.label(rule.countFact);
    return (ctx) => {
      const n = ctx.num(rule.countFact);
      const raw = site.points.minus(n.times(per));
      const score = greater(raw, floor);
      const lines: Line[] = [() => `${plain(site.points)}分 − ${plain(n)}项 × ${plain(per)}分 = ${plain(raw)}分`];
      if (raw.lt(floor)) lines.push(() => `扣完为止，取 ${plain(floor)}分`);
      return {
        score,
        branch: n.isZero() ? `${label}为0，得满分` : () => `${label} ${plain(n)}项，每项扣${plain(per)}分`,
        arithmetic: lines,
        status: 'computed',
      };
    };
  },

  render(rule, site) {
    const pts = plain(site.points);
    const floor = rule.floor !== undefined && !dec(rule.floor).isZero() ? `最低${plain(dec(rule.floor))}分` : '扣完为止';
    const subject = rule.render?.subject ?? `${site.decls.label(rule.countFact)}每一项`;
    return `${prose(rule.render?.before, pts)}${subject}扣${plain(dec(rule.perItem))}分，${floor}。${prose(rule.render?.after, pts)}`;
  },
};
