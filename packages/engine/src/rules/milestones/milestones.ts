/**
 * 时间节点 (milestones): each step is due by a dated 节点 of the scheme's calendar (`calendar`, dates per
 * year, so a new year changes a date, not code); a step done after its date, or not done, deducts `perMiss`,
 * 扣完为止. Source: "6月底前…全部下达", "春节前下达…50%", "每出现一个专项未按进度完成扣0.5分，扣完为止".
 */
import { Dec, ZERO, dec, plain } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import { CannotCompute, type EvalContext } from '../../evaluate/context.ts';
import { checkRef } from '../refs-check.ts';
import { checkWithinPoints } from '../points-check.ts';
import { prose, type KindRule, type RuleKind } from '../kind.ts';
import { milestonesMessages as m } from './messages.ts';

type MilestonesRule = KindRule<'milestones'>;

/** "2024-06-28", "2024/6/28", "2024.6.28" or "2024年6月28日" as "2024-06-28"; null when it is none of these. */
export function isoDate(text: string): string | null {
  const r = /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!r) return null;
  const [y, mo, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${r[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The completion date of a step, or null when the case says it is not done (the fact absent or null). */
function doneDate(ctx: EvalContext, fact: string, name: string): string | null {
  let text: string;
  try {
    text = ctx.text(fact);
  } catch (e) {
    // not given: the step is not done
    if (e instanceof CannotCompute && e.issue.code === 'fact-missing') return null;
    throw e;
  }
  const d = isoDate(text);
  if (d === null) throw new CannotCompute(m.issue('milestone-date', { name, fact: ctx.label(fact), value: text }, { fact, path: pointer('/facts', fact) }));
  return d;
}

export const milestones: RuleKind<MilestonesRule> = {
  refs: (rule) => rule.items.flatMap((i) => [...(i.done ? [i.done] : []), ...(i.late ? [i.late] : [])]),

  check(rule, site) {
    const out: Issue[] = [...checkWithinPoints(dec(rule.perMiss), site, 'perMiss', '每项扣分')];
    rule.items.forEach((it, i) => {
      if ((it.done === undefined) === (it.late === undefined)) out.push(m.issue('milestone-fact', { name: site.name, step: it.id }, { path: pointer(site.path, 'items', i), indicator: site.indicator }));
      if (it.done) out.push(...checkRef(it.done, site, `items/${i}/done`));
      if (it.late) out.push(...checkRef(it.late, site, `items/${i}/late`, 'numeric'));
      const c = site.decls.calendar?.get(it.due);
      const where = { path: pointer(site.path, 'items', i, 'due'), indicator: site.indicator };
      if (!c) out.push(m.issue('milestone-due-unknown', { name: site.name, due: it.due }, where));
      else if (!c.dates[String(site.decls.year)]) out.push(m.issue('milestone-no-date', { name: site.name, due: it.due, label: c.label, year: site.decls.year }, where));
    });
    return out;
  },

  maxScore: (_r, site) => site.points,

  compile(rule, site) {
    const per = dec(rule.perMiss);
    const items = rule.items.map((it) => {
      const c = site.decls.calendar!.get(it.due)!;
      return { ...it, label: c.label, date: c.dates[String(site.decls.year)]! };
    });
    return (ctx) => {
      const lines: string[] = [];
      let misses = ZERO;
      for (const it of items) {
        if (it.late) {
          const n = ctx.num(it.late);
          misses = misses.plus(n);
          lines.push(`${it.label}${it.what}（截止 ${it.date}）：${ctx.label(it.late)} ${plain(n)} → ${n.isZero() ? '按进度' : `扣 ${plain(n)} × ${plain(per)}分`}`);
          continue;
        }
        const d = doneDate(ctx, it.done!, site.name);
        const ok = d !== null && d <= it.date;
        if (!ok) misses = misses.plus(1);
        lines.push(`${it.label}${it.what}（截止 ${it.date}）：${d === null ? '未完成' : `${d} 完成`} → ${ok ? '按进度' : `未按进度，扣${plain(per)}分`}`);
      }
      const deducted = per.times(misses);
      const score = Dec.max(ZERO, site.points.minus(deducted));
      lines.push(`${plain(site.points)}分 − ${plain(misses)} × ${plain(per)}分 = ${plain(site.points.minus(deducted))}分${score.eq(site.points.minus(deducted)) ? '' : '，扣完为止，取0分'}`);
      return { score, branch: misses.isZero() ? '均按进度完成' : `${plain(misses)}项未按进度完成`, arithmetic: lines, status: 'computed' };
    };
  },

  /** "春节前下达全部专项资金的50%；6月底前所有专项资金指标全部下达完。每出现一个专项未按进度完成资金下达扣0.5分，扣完为止。" */
  render(rule, site) {
    const pts = plain(site.points);
    const steps = rule.items.map((it) => `${site.decls.calendar?.get(it.due)?.label ?? it.due}${it.what}`).join('；');
    const each = rule.each ?? `${rule.render?.subject ?? '事项'}未按进度完成`;
    return `${prose(rule.render?.before, pts)}${steps}。每出现一个${each}扣${plain(dec(rule.perMiss))}分，扣完为止${prose(rule.render?.after ?? '。', pts)}`;
  },
};
