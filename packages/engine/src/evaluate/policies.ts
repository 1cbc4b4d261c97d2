/**
 * Scheme-level policies applied to the tree (issue 10): 不适用 indicators left out and the applicable scores
 * renormalised to 百分制 (item 7), then a cap on the total tied to a value where overlapping bands resolve to
 * the strictest (item 6); and the checks of shared band tables (item 13) and the calendar (item 12).
 *
 * Sources: 财预〔2020〕10号 附件 — "对于不适用部分评价对象的评价指标，不考核该指标，用适用指标得分汇总后按百分制
 * 对该项目折算计分"; the self-evaluation cap — "执行率为70%至80%的，绩效自评不超过89分；执行率为60%至70%的，
 * 绩效自评不超过79分；执行率低于60%的，绩效自评不超过69分；执行率低于50%的，绩效自评不超过59分。自评得分超出最高
 * 得分部分，予以减分处理。"
 */
import { Dec, ZERO, dec, plain, showNumber, toDec } from '../decimal/dec.ts';
import { showPercent } from '../display/index.ts';
import { pointer, type Issue } from '../errors/issue.ts';
import type { Indicator, Scheme, TotalCapT } from '../format/scheme-types.ts';
import { checkCondition } from '../conditions/check.ts';
import { compileCondition, type Predicate } from '../conditions/condition.ts';
import { checkRef } from '../rules/refs-check.ts';
import { boundIssue } from '../rules/percent-bounds.ts';
import { bounds, contains, coverage, renderInterval, type Bounds } from '../rules/interval.ts';
import type { Decls } from '../rules/kind.ts';
import type { EvalContext } from './context.ts';
import { policyMessages as m } from './policy-messages.ts';
import { bandsMessages } from '../rules/bands/messages.ts';

/** A step applied to the sum of the tree: 不适用折算 or 总分封顶, with its explanation. */
export interface TotalAdjustment {
  kind: 'renormalise' | 'cap';
  /** The total before and after, exact decimal strings. */
  before: string;
  after: string;
  /** Chinese explanation: "适用指标得分 76.5 ÷ 适用分值 85 × 100 = 90分". */
  text: string;
}

/** The compiled policies of a scheme. */
export interface CompiledPolicies {
  /** 不适用 conditions by indicator id. */
  notApplicable: ReadonlyMap<string, { p: Predicate; text: string }>;
  renormalise: boolean;
  cap: { metric: string; subject: string; bands: { b: Bounds; cap: Dec; n: number }[] } | null;
}

/** How a band of the cap reads: "执行率为70%至80%的", "执行率低于60%的", "执行率不低于90%的". */
export function capBandText(b: Bounds, subject: string, show: (d: Dec) => string): string {
  if (b.min !== null && b.max !== null) return `${subject}为${show(b.min)}至${show(b.max)}的`;
  if (b.max !== null) return `${subject}${b.maxInclusive ? '不高于' : '低于'}${show(b.max)}的`;
  if (b.min !== null) return `${subject}${b.minInclusive ? '不低于' : '高于'}${show(b.min)}的`;
  return `${subject}为任意值的`;
}

/** The cap's official wording: "执行率为70%至80%的，绩效自评不超过89分；…。自评得分超出最高得分部分，予以减分处理。" */
export function renderTotalCap(cap: TotalCapT, decls: Decls): string {
  const subject = cap.subject ?? decls.label(cap.metric);
  const show = (d: Dec) => decls.showValue(cap.metric, plain(d));
  const items = cap.bands.map((b) => `${capBandText(bounds(b), subject, show)}，绩效自评不超过${plain(dec(b.cap))}分`);
  return `${items.join('；')}。${cap.after ?? ''}`;
}

function eachIndicator(nodes: readonly Indicator[], base: string, f: (ind: Indicator, path: string) => void): void {
  nodes.forEach((ind, n) => {
    const p = pointer(base, n);
    f(ind, p);
    if (ind.children) eachIndicator(ind.children, pointer(p, 'children'), f);
  });
}

/** Semantic issues of the scheme-level policies, each with its JSON path. */
export function policyIssues(scheme: Scheme, decls: Decls): Issue[] {
  const out: Issue[] = [];
  eachIndicator(scheme.indicators, '/indicators', (ind, p) => {
    if (!ind.notApplicable) return;
    const site = { path: p, indicator: ind.id, name: ind.name, decls };
    out.push(...checkCondition(ind.notApplicable.when, site, 'notApplicable/when'));
    if (!scheme.notApplicablePolicy) out.push(m.issue('not-applicable-without-policy', { name: ind.name }, { path: pointer(p, 'notApplicable'), indicator: ind.id }));
  });
  const cap = scheme.totalCap;
  if (cap) {
    const site = { path: '/totalCap', indicator: '', points: dec(scheme.totalPoints), key: '', name: '总分封顶', decls, depth: 0 };
    out.push(...checkRef(cap.metric, site, 'metric', 'numeric'));
    cap.bands.forEach((b, i) => {
      for (const k of ['min', 'max'] as const) {
        const name = { zh: `总分封顶（totalCap）第${i + 1}段的${k === 'min' ? '下限' : '上限'}`, en: `totalCap band ${i + 1} ${k}` };
        const bad = boundIssue(b[k], cap.metric, decls, name, { path: pointer('/totalCap/bands', i, k), indicator: '' });
        if (bad) out.push(bad);
      }
      const c = dec(b.cap);
      if (c.gt(dec(scheme.totalPoints)) || c.lt(ZERO)) out.push(m.issue('total-cap-above-total', { band: i + 1, cap: plain(c), total: plain(dec(scheme.totalPoints)) }, { path: pointer('/totalCap/bands', i, 'cap') }));
    });
  }
  const seen = new Set<string>();
  (scheme.calendar ?? []).forEach((c, i) => {
    if (seen.has(c.id)) out.push(m.issue('calendar-duplicate', { id: c.id }, { path: pointer('/calendar', i, 'id') }));
    seen.add(c.id);
  });
  (scheme.bandTables ?? []).forEach((t, i) => {
    t.bands.forEach((b, j) => {
      const s = toDec(b.share);
      if (s !== null && (s.lt(ZERO) || s.gt(1))) {
        // the table is not a rule of one leaf: its problems are reported at the table
        out.push(bandsMessages.issue('band-table-share', { table: t.name, band: j + 1, share: plain(s) }, { path: pointer('/bandTables', i, 'bands', j, 'share') }));
      }
    });
    for (const p of coverage(t.bands.map(bounds), { min: ZERO, minInclusive: true, max: null, maxInclusive: true })) {
      out.push(m.issue('band-table-coverage', { table: t.name, region: renderInterval(p.region, 'x', (d) => showPercent(d, 2)), type: p.type }, { path: pointer('/bandTables', i, 'bands') }));
    }
  });
  return out;
}

/** Compiles the policies of a scheme (after validation). */
export function compilePolicies(scheme: Scheme, decls: Decls): CompiledPolicies {
  const notApplicable = new Map<string, { p: Predicate; text: string }>();
  eachIndicator(scheme.indicators, '/indicators', (ind) => {
    if (ind.notApplicable) notApplicable.set(ind.id, { p: compileCondition(ind.notApplicable.when, decls.typeOf), text: ind.notApplicable.text });
  });
  const c = scheme.totalCap;
  return {
    notApplicable,
    renormalise: scheme.notApplicablePolicy?.mode === 'renormalise',
    cap: c ? { metric: c.metric, subject: c.subject ?? decls.label(c.metric), bands: c.bands.map((b, i) => ({ b: bounds(b), cap: dec(b.cap), n: i + 1 })) } : null,
  };
}

/**
 * The total after the policies: renormalised when indicators do not apply (Σ scores ÷ Σ applicable points ×
 * total points), then capped by the strictest band containing the cap's value.
 * @param naPoints 分值 of the indicators that do not apply (topmost ones only)
 * @param ctx reads the cap's fact or metric (recorded like a leaf's inputs)
 */
export function applyPolicies(pol: CompiledPolicies, sum: Dec, totalPoints: Dec, naPoints: Dec, ctx: EvalContext | null): { total: Dec; steps: TotalAdjustment[]; issue?: Issue } {
  const steps: TotalAdjustment[] = [];
  let total = sum;
  if (naPoints.gt(ZERO) && pol.renormalise) {
    const base = totalPoints.minus(naPoints);
    if (base.lte(ZERO)) return { total, steps, issue: m.issue('not-applicable-everything', {}, { path: '/indicators' }) };
    const after = sum.div(base).times(totalPoints);
    steps.push({
      kind: 'renormalise',
      before: plain(sum),
      after: plain(after),
      text: `不适用指标分值 ${plain(naPoints)}分不考核：适用指标得分 ${showNumber(sum)} ÷ 适用指标分值 ${plain(base)} × ${plain(totalPoints)} = ${showNumber(after)}分（按百分制折算）`,
    });
    total = after;
  }
  if (pol.cap && ctx) {
    const x = ctx.num(pol.cap.metric);
    const hits = pol.cap.bands.filter((b) => contains(b.b, x));
    if (hits.length) {
      const strictest = hits.reduce((a, b) => (b.cap.lt(a.cap) ? b : a));
      const shown = ctx.show(pol.cap.metric, x);
      const which = hits.length > 1 ? `落在第${hits.map((h) => h.n).join('、')}档，取最严的第${strictest.n}档` : `落在第${strictest.n}档`;
      if (total.gt(strictest.cap)) {
        steps.push({
          kind: 'cap',
          before: plain(total),
          after: plain(strictest.cap),
          text: `${pol.cap.subject} ${shown}，${which}：总分不超过${plain(strictest.cap)}分；${showNumber(total)}分超出部分 ${showNumber(total.minus(strictest.cap))}分予以减分 → ${plain(strictest.cap)}分`,
        });
        total = strictest.cap;
      } else {
        steps.push({ kind: 'cap', before: plain(total), after: plain(total), text: `${pol.cap.subject} ${shown}，${which}：总分不超过${plain(strictest.cap)}分；${showNumber(total)}分未超出` });
      }
    }
  }
  return { total, steps };
}
