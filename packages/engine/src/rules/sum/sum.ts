/**
 * 分项合计 (composite / sum of parts): the score is the sum of its parts, each with its own points and
 * rule (and reviewer key `indicator/part`). Source: seed 000 公用经费控制率 = “三公”经费控制率 (3/2/0) +
 * 日常公用经费控制率 (3/2/0); 预算执行率 = four quarterly ratios ×1分 + 全年平均执行率×2分.
 */
import { Dec, ZERO, dec, lesser, plain, roundDec, roundingText, showNumber } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import { shared } from '../../errors/shared.ts';
import type { SumRule } from '../../format/scheme-types.ts';
import type { Trace } from '../../sheet/types.ts';
import { makePartTrace } from '../../evaluate/trace.ts';
import type { Line } from '../../evaluate/context.ts';
import { itemNo, prose, type RuleKind, type RuleSite } from '../kind.ts';

function partSite(rule: SumRule, i: number, site: RuleSite): RuleSite {
  const p = rule.parts[i]!;
  return {
    ...site,
    path: pointer(site.path, 'parts', i, 'rule'),
    points: dec(p.points),
    key: `${site.key}/${p.id}`,
    name: p.name,
    depth: site.depth + 1,
  };
}

export const sum: RuleKind<SumRule> = {
  refs: (rule, rules) => rule.parts.flatMap((p) => rules.refs(p.rule)),

  check(rule, site, rules) {
    const out: Issue[] = [];
    const total = rule.parts.reduce((a, p) => a.plus(dec(p.points)), ZERO);
    if (!total.eq(site.points)) {
      out.push(shared.issue('points-mismatch', { at: 'parts', sum: plain(total), points: plain(site.points) }, { path: pointer(site.path, 'parts'), indicator: site.indicator }));
    }
    const ids = new Set<string>();
    rule.parts.forEach((p, i) => {
      if (ids.has(p.id)) out.push(shared.issue('duplicate-id', { id: p.id, owner: 'part' }, { path: pointer(site.path, 'parts', i, 'id'), indicator: site.indicator }));
      ids.add(p.id);
      const ps = partSite(rule, i, site);
      out.push(...rules.check(p.rule, ps));
      // a part that can never reach its own points: the whole can never reach its points either
      const max = rules.maxScore(p.rule, ps);
      if (max !== null && max.lt(ps.points)) {
        out.push(shared.issue('points-unreachable', { at: 'part', name: site.name, indicator: site.indicator, part: p.name, max: plain(max), points: plain(ps.points) }, { path: ps.path, indicator: site.indicator }));
      }
    });
    return out;
  },

  maxScore(rule, site, rules) {
    let total = ZERO;
    for (let i = 0; i < rule.parts.length; i++) {
      const max = rules.maxScore(rule.parts[i]!.rule, partSite(rule, i, site));
      total = total.plus(max === null ? dec(rule.parts[i]!.points) : Dec.min(max, dec(rule.parts[i]!.points)));
    }
    return total;
  },

  compile(rule, site, rules) {
    const parts = rule.parts.map((p, i) => {
      const ps = partSite(rule, i, site);
      return { p, key: ps.key, points: ps.points, label: { id: p.id, name: p.name, points: plain(ps.points) }, run: rules.compile(p.rule, ps) };
    });
    const branch = `分项合计（${rule.parts.length}项）`;
    const roundParts = site.decls.rounding.stages.includes('part');
    const { places, mode } = site.decls.rounding;
    return (ctx) => {
      const traces: NonNullable<Trace['parts']> = [];
      let total = ZERO;
      let status: string | undefined;
      let warnings: string[] | undefined;
      let notices: Issue[] | undefined;
      const scores: Dec[] = [];
      for (const { p, key, points, label, run } of parts) {
        const sub = ctx.child(key, points);
        const r = run(sub);
        let score = r.score;
        let rounding: Line | undefined;
        if (roundParts) {
          const rounded = lesser(roundDec(score, places, mode), points);
          if (!rounded.eq(score)) {
            const before = score;
            rounding = () => `${showNumber(before)} → ${plain(rounded)}（${roundingText(places, mode)}）`;
            score = rounded;
          }
        }
        total = total.plus(score);
        scores.push(score);
        status = status === undefined || status === r.status ? r.status : 'mixed';
        if (r.warnings?.length) (warnings ??= []).push(...r.warnings.map((w) => `${p.name}：${w}`));
        if (r.notices?.length) (notices ??= []).push(...r.notices);
        traces.push(makePartTrace(p.rule.kind, r, sub, score, rounding, label));
      }
      const sumTotal = total;
      return {
        score: total,
        branch,
        arithmetic: [() => `${parts.map(({ p }, i) => `${p.name} ${showNumber(scores[i]!)}分`).join(' + ')} = ${showNumber(sumTotal)}分`],
        status: status === 'computed' || status === 'judgement' || status === 'unverified' ? status : 'mixed',
        parts: traces,
        warnings: warnings ?? [],
        ...(notices ? { notices } : {}),
      };
    };
  },

  render(rule, site, rules) {
    const pts = plain(site.points);
    const items = rule.parts.map((p, i) => `${itemNo(i + 1, site.depth)}${rules.render(p.rule, partSite(rule, i, site))}`);
    return `${prose(rule.render?.before, pts)}${items.join('')}${prose(rule.render?.after, pts)}`;
  },
};
