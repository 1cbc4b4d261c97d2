/**
 * 评分要点 (checklist): each point met (a boolean fact) earns its points.
 * Source: seed 000 预算编制合理性 — 1. 部门预算编制、分配符合本部门职责……（1分）；… five points.
 */
import { Dec, ZERO, dec, plain } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import { shared } from '../../errors/shared.ts';
import type { ChecklistRule } from '../../format/scheme-types.ts';
import { checkRef } from '../refs-check.ts';
import { itemNo, prose, type RuleKind } from '../kind.ts';

export const checklist: RuleKind<ChecklistRule> = {
  refs: (r) => r.items.map((i) => i.fact),

  check(rule, site) {
    const out: Issue[] = [];
    rule.items.forEach((it, i) => out.push(...checkRef(it.fact, site, `items/${i}/fact`, 'boolean')));
    const sum = rule.items.reduce((a, it) => a.plus(dec(it.points)), new Dec(0));
    if (!sum.eq(site.points)) {
      out.push(shared.issue('points-mismatch', { at: 'items', sum: plain(sum), points: plain(site.points) }, { path: pointer(site.path, 'items'), indicator: site.indicator }));
    }
    return out;
  },

  maxScore: (rule) => rule.items.reduce((a, it) => a.plus(dec(it.points)), new Dec(0)),

  compile(rule) {
    const items = rule.items.map((it, i) => {
      const p = dec(it.points);
      return { fact: it.fact, p, met: `要点${i + 1}达到：${plain(p)}分`, unmet: `要点${i + 1}未达到：0分` };
    });
    const allMet = items.map((it) => it.met);
    return (ctx) => {
      let score = ZERO;
      let metCount = 0;
      const met = new Array<boolean>(items.length);
      for (let i = 0; i < items.length; i++) {
        const it = items[i]!;
        const ok = ctx.bool(it.fact);
        met[i] = ok;
        if (ok) {
          score = score.plus(it.p);
          metCount++;
        }
      }
      const total = score;
      const all = metCount === items.length;
      return {
        score,
        branch: all ? '全部要点达到' : () => `达到要点 ${met.flatMap((ok, i) => (ok ? [i + 1] : [])).join('、') || '无'}（共${items.length}项）`,
        arithmetic: [
          ...(all ? allMet : items.map((it, i) => (met[i] ? it.met : it.unmet))),
          () => `合计 ${items.map((it, i) => (met[i] ? plain(it.p) : '0')).join(' + ')} = ${plain(total)}分`,
        ],
        status: 'computed',
      };
    };
  },

  render(rule, site) {
    const pts = plain(site.points);
    const items = rule.items.map((it, i) => `${itemNo(i + 1, site.depth)}${it.text}（${plain(dec(it.points))}分）${i === rule.items.length - 1 ? '。' : '；'}`);
    return `${prose(rule.render?.before, pts)}${items.join('')}${prose(rule.render?.after, pts)}`;
  },
};
