/**
 * 分档计分 (tiers): the tier whose interval contains the metric gives the score.
 * Source: e.g. seed 000 公众或服务对象满意度 — 满意度≥95%的，得6分；90%≤满意度<95%的，得4分；… ；
 * 固定资产利用率 (tiers on a computed metric) — ≥90%得1分；90%>x≥75%得0.7分…; 岳阳市部门整体支出绩效评价评分表
 * 重点支出安排率 (the `dash` style) — 重点支出安排率≥90%,计5分;80%(含)-90%,计4分;…;低于60%不得分.
 *
 * Render styles (`render.style`): `ascending` (default, numbered "1. 90%≤满意度<95%的，得4分；"), `descending`
 * (numbered "2. 90%>固定资产利用率≥75%的，得0.7分；"), `dash` (unnumbered, "80%（含）-90%，计4分；…；低于60%不得分。").
 */
import { Dec, dec, plain, toDec } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import { shared } from '../../errors/shared.ts';
import type { TiersRule } from '../../format/scheme-types.ts';
import { CannotCompute } from '../../evaluate/context.ts';
import { contains, coverage, isEmpty, renderInterval, type Bounds } from '../interval.ts';
import { boundFacts, checkFactBounds, factComparisons, factOf, factTierText, hasFactBound, numericBounds as bounds, resolveBounds, unreadableTierText, type Tier } from './bounds.ts';
import { checkRef } from '../refs-check.ts';
import { looksPercentPoints } from '../percent-bounds.ts';
import { itemNo, prose, type RuleKind, type RuleSite } from '../kind.ts';
import { tiersMessages as m } from './messages.ts';

function domainOf(rule: TiersRule, site: RuleSite): Bounds {
  const input = site.decls.inputs.get(rule.metric);
  return {
    min: input?.min !== undefined ? dec(input.min) : null,
    minInclusive: true,
    max: input?.max !== undefined ? dec(input.max) : null,
    maxInclusive: true,
  };
}

function showBound(site: RuleSite, id: string) {
  return (d: Dec) => site.decls.showValue(id, plain(d));
}

/**
 * Bounds of a percent metric are fractions (95% is 0.95), as facts are: a bound beyond ±10 (1000%), or a
 * whole number above the declared maximum (rules/percent-bounds.ts), was almost surely written in percent
 * points (95 for 95%) and would silently move every case to another tier.
 */
function percentScale(rule: TiersRule, site: RuleSite): Issue[] {
  if (site.decls.typeOf(rule.metric) !== 'percent') return [];
  const declared = site.decls.inputs.get(rule.metric)?.max;
  const max = declared !== undefined ? toDec(declared) : null;
  const out: Issue[] = [];
  rule.tiers.forEach((t, i) => {
    for (const k of ['min', 'max'] as const) {
      const v = t[k];
      const d = v === undefined || factOf(v) !== undefined || (typeof v === 'string' && v.trim().endsWith('%')) ? null : toDec(v as number | string);
      if (d === null || !looksPercentPoints(d, max)) continue;
      out.push(
        shared.issue(
          'percent-scale',
          { at: 'tier', tier: i + 1, bound: k, value: plain(d), percent: plain(d.times(100)), fraction: plain(d.div(100)), metric: rule.metric, label: site.decls.label(rule.metric) },
          { path: pointer(site.path, 'tiers', i, k), indicator: site.indicator },
        ),
      );
    }
  });
  return out;
}

/** A shown bound split into its number and its unit ("10%" → "10", "%"); a zero is written bare ("0%" → "0"). */
function numberAndUnit(d: Dec, shown: string): { num: string; unit: string } {
  if (d.isZero()) return { num: '0', unit: '' };
  const m = /^(.*\d)(\D*)$/.exec(shown);
  return m ? { num: m[1]!, unit: m[2]! } : { num: shown, unit: '' };
}

/**
 * One tier in the `dash` style of 岳阳市部门整体支出绩效评价评分表: the first tier names the subject and is written
 * with a sign ("重点支出安排率≥90%", "预算调整率=0"); later tiers omit the subject, a two-sided tier is written
 * "80%（含）-90%" or "10-20%（含）" (（含） after an included end; the lower bound shares the upper's unit unless
 * （含） stands between them), and an open-ended tier in words ("低于60%", "大于30%", "90%及以上", "60%及以下").
 */
export function dashTier(b: Bounds, subject: string, show: (d: Dec) => string, first: boolean): string {
  const lo = b.min === null ? null : numberAndUnit(b.min, show(b.min));
  const hi = b.max === null ? null : numberAndUnit(b.max, show(b.max));
  const full = (x: { num: string; unit: string }) => `${x.num}${x.unit}`;
  const who = first ? subject : '';
  if (lo === null && hi === null) return `${subject}为任意值`;
  if (lo !== null && hi !== null && b.min!.eq(b.max!) && b.minInclusive && b.maxInclusive) return `${who}${first ? '=' : '等于'}${full(lo)}`;
  if (hi === null) return first ? `${subject}${b.minInclusive ? '≥' : '>'}${full(lo!)}` : b.minInclusive ? `${full(lo!)}及以上` : `大于${full(lo!)}`;
  if (lo === null) return first ? `${subject}${b.maxInclusive ? '≤' : '<'}${full(hi)}` : b.maxInclusive ? `${full(hi)}及以下` : `低于${full(hi)}`;
  const low = b.minInclusive ? `${full(lo)}（含）` : lo.unit === hi.unit || lo.unit === '' ? lo.num : full(lo);
  return `${who}${low}-${full(hi)}${b.maxInclusive ? '（含）' : ''}`;
}

/** The `dash` style's sentence for a whole table: "…，计5分；…；低于60%不得分。" (a tier scoring 0 reads "不得分"). */
function renderDash(rule: TiersRule, subject: string, show: (d: Dec) => string, label: (id: string) => string): string {
  const items = rule.tiers.map((t, i) => {
    const range = unreadableTierText(t, subject, show, label) ?? (hasFactBound(t) ? factTierText(t, subject, show, label) : dashTier(bounds(t), subject, show, i === 0));
    const score = dec(t.score);
    return score.isZero() ? `${range}不得分` : `${range}，计${plain(score)}分`;
  });
  return `${items.join('；')}。`;
}

/**
 * One tier's interval in words: numbers as the style writes them ("90%≤满意度<95%"), a fact bound in words
 * ("本年结余不超过上年结转"), a bound that is not a number as written and marked ("“abc”≤满意度<95%（下限“abc”不是数字）").
 */
function tierText(t: Tier, b: Bounds, subject: string, show: (d: Dec) => string, style: 'ascending' | 'descending', label: (id: string) => string): string {
  return unreadableTierText(t, subject, show, label, style) ?? (hasFactBound(t) ? factTierText(t, subject, show, label) : renderInterval(b, subject, show, style));
}

export const tiers: RuleKind<TiersRule> = {
  refs: (r) => [r.metric, ...boundFacts(r)],

  check(rule, site) {
    const out: Issue[] = [...checkRef(rule.metric, site, 'metric', 'numeric'), ...percentScale(rule, site), ...checkFactBounds(rule, site)];
    const bs = rule.tiers.map(bounds);
    const subject = site.decls.label(rule.metric);
    const show = showBound(site, rule.metric);
    // A fact bound moves with the case: gaps and overlaps cannot be found before the case is known (the first
    // tier containing the value is taken; none is an error at evaluation), so only numeric tables are checked.
    const symbolic = rule.tiers.some(hasFactBound);
    bs.forEach((b, i) => {
      if (!hasFactBound(rule.tiers[i]!) && isEmpty(b)) {
        out.push(m.issue('tier-empty', { tier: i + 1, interval: renderInterval(b, subject, show) }, { path: pointer(site.path, 'tiers', i), indicator: site.indicator }));
      }
      const score = dec(rule.tiers[i]!.score);
      if (score.gt(site.points) || score.lt(0)) {
        out.push(
          shared.issue(
            'score-exceeds-points',
            { at: 'tier', tier: i + 1, score: plain(score), points: plain(site.points) },
            { path: pointer(site.path, 'tiers', i, 'score'), indicator: site.indicator },
          ),
        );
      }
    });
    for (const p of symbolic ? [] : coverage(bs, domainOf(rule, site))) {
      const params = { region: renderInterval(p.region, subject, show), tiers: [...p.tiers].sort((a, b) => a - b).map((t) => String(t + 1)) };
      out.push(
        p.type === 'gap'
          ? m.issue('tier-gap', params, { path: pointer(site.path, 'tiers', p.tiers[p.tiers.length - 1] ?? 0), indicator: site.indicator })
          : m.issue('tier-overlap', params, { path: pointer(site.path, 'tiers', p.tiers[1] ?? 0), indicator: site.indicator }),
      );
    }
    return out;
  },

  maxScore: (rule) => rule.tiers.map((t) => dec(t.score)).reduce((a, b) => Dec.max(a, b)),

  compile(rule, site) {
    const bs = rule.tiers.map(bounds);
    const scores = rule.tiers.map((t) => dec(t.score));
    const subject = rule.render?.subject ?? site.decls.label(rule.metric);
    const show = showBound(site, rule.metric);
    const style = rule.render?.style === 'descending' ? 'descending' : 'ascending';
    const label = (id: string) => site.decls.label(id);
    const texts = rule.tiers.map((t, i) => tierText(t, bs[i]!, subject, show, style, label));
    const branches = texts.map((t, i) => `第${i + 1}档：${t}，得${plain(scores[i]!)}分`);
    const symbolic = rule.tiers.map(hasFactBound);
    return (ctx) => {
      const x = ctx.num(rule.metric);
      const i = rule.tiers.findIndex((t, k) => contains(symbolic[k] ? resolveBounds(t, ctx) : bs[k]!, x));
      if (i < 0) {
        throw new CannotCompute(
          m.issue('tier-no-match', { subject, shown: ctx.show(rule.metric, x), value: plain(x), metric: rule.metric }, { indicator: site.indicator, fact: rule.metric, path: pointer(site.path, 'tiers') }),
        );
      }
      return {
        score: scores[i]!,
        branch: branches[i]!,
        arithmetic: [
          () => {
            const shown = ctx.show(rule.metric, x);
            const met = symbolic[i] ? factComparisons(rule.tiers[i]!, subject, shown, ctx, label) : [];
            return met.length > 0
              ? `${met.join('，')}，落在第${i + 1}档（${texts[i]}）→ ${plain(scores[i]!)}分`
              : `${subject} = ${shown}，落在第${i + 1}档（${texts[i]}）→ ${plain(scores[i]!)}分`;
          },
        ],
        status: 'computed',
      };
    };
  },

  render(rule, site) {
    const subject = rule.render?.subject ?? site.decls.label(rule.metric);
    const show = showBound(site, rule.metric);
    const pts = plain(site.points);
    const label = (id: string) => site.decls.label(id);
    if (rule.render?.style === 'dash') return `${prose(rule.render.before, pts)}${renderDash(rule, subject, show, label)}${prose(rule.render.after, pts)}`;
    const style = rule.render?.style === 'descending' ? 'descending' : 'ascending';
    const items = rule.tiers.map((t, i) => {
      const end = i === rule.tiers.length - 1 ? '。' : '；';
      return `${itemNo(i + 1, site.depth)}${tierText(t, bounds(t), subject, show, style, label)}的，得${plain(dec(t.score))}分${end}`;
    });
    return `${prose(rule.render?.before, pts)}${items.join('')}${prose(rule.render?.after, pts)}`;
  },
};
