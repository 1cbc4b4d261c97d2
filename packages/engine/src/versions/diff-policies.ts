/**
 * The diff of the scheme-level policies of issue 10 (evaluate/policies.ts): 总分封顶, 不适用 (the scheme's
 * policy and each indicator's clause), 节点日期 and 共用分档表 — in the documents' own words, not as JSON.
 */
import { dec, plain } from '../decimal/dec.ts';
import type { Indicator, Scheme } from '../format/scheme-types.ts';
import { renderTotalCap } from '../evaluate/policies.ts';
import { bounds, renderInterval } from '../rules/interval.ts';
import { shareText } from '../rules/bands/bands.ts';
import { add, conditionText, pairUp, sameJson, type DiffCtx, type Place } from './diff-context.ts';

/** The change kinds of the policies, with their Chinese names. */
export const POLICY_CHANGES = {
  'total-cap-changed': '总分封顶变更',
  'not-applicable-changed': '不适用条款变更',
  'calendar-changed': '节点日期变更',
  'band-table-definition-changed': '共用分档表变更',
} as const;

/** Scheme members this diff compares (left out of the safety net). */
export const POLICY_FIELDS = ['totalCap', 'notApplicablePolicy', 'calendar', 'bandTables'] as const;

const scheme: Place = { label: '方案', pa: '', pb: '' };

function tableText(t: NonNullable<Scheme['bandTables']>[number]): string {
  return t.bands.map((b) => `${b.text ?? renderInterval(bounds(b), 'x', (d) => `${plain(d.times(100))}%`)} ${shareText(dec(b.share))}`).join('；');
}

/** Compares the scheme-level policies of `ctx.a` and `ctx.b`. */
export function diffPolicies(ctx: DiffCtx): void {
  const { a, b } = ctx;
  if (!sameJson(a.totalCap, b.totalCap)) {
    const x = a.totalCap ? renderTotalCap(a.totalCap, ctx.da) : '（无）';
    const y = b.totalCap ? renderTotalCap(b.totalCap, ctx.db) : '（无）';
    add(ctx, scheme, 'total-cap-changed', `总分封顶：${x} → ${y}`, 'total cap changed', { sub: ['totalCap'], pathBefore: a.totalCap ? undefined : null, pathAfter: b.totalCap ? undefined : null, before: a.totalCap, after: b.totalCap });
  }
  if (!sameJson(a.notApplicablePolicy, b.notApplicablePolicy)) {
    const t = (p: Scheme['notApplicablePolicy']) => (p ? `按百分制折算${p.text ? `（${p.text}）` : ''}` : '（未规定）');
    add(ctx, scheme, 'not-applicable-changed', `不适用指标的处理：${t(a.notApplicablePolicy)} → ${t(b.notApplicablePolicy)}`, 'not-applicable policy changed', {
      sub: ['notApplicablePolicy'],
      pathBefore: a.notApplicablePolicy ? undefined : null,
      pathAfter: b.notApplicablePolicy ? undefined : null,
      before: a.notApplicablePolicy,
      after: b.notApplicablePolicy,
    });
  }
  const ca = a.calendar ?? [];
  const cb = b.calendar ?? [];
  const cal = pairUp(ca, cb, [(c) => c.id]);
  for (const [i, j] of cal.pairs) {
    const x = ca[i]!;
    const y = cb[j]!;
    if (sameJson(x, y)) continue;
    const years = [...new Set([...Object.keys(x.dates), ...Object.keys(y.dates)])].sort();
    const what = years.filter((yr) => x.dates[yr] !== y.dates[yr]).map((yr) => `${yr}年 ${x.dates[yr] ?? '（无）'} → ${y.dates[yr] ?? '（无）'}`);
    if (x.label !== y.label) what.unshift(`写法 ${x.label} → ${y.label}`);
    add(ctx, scheme, 'calendar-changed', `节点日期“${y.label}”：${what.join('；')}`, `calendar ${y.id} changed`, { sub: ['calendar', j], pathBefore: `/calendar/${i}`, before: x, after: y });
  }
  for (const i of cal.onlyA) add(ctx, scheme, 'calendar-changed', `删除节点日期“${ca[i]!.label}”`, `calendar ${ca[i]!.id} removed`, { sub: ['calendar', i], pathAfter: null, before: ca[i] });
  for (const j of cal.onlyB) add(ctx, scheme, 'calendar-changed', `新增节点日期“${cb[j]!.label}”`, `calendar ${cb[j]!.id} added`, { sub: ['calendar', j], pathBefore: null, after: cb[j] });
  const ta = a.bandTables ?? [];
  const tb = b.bandTables ?? [];
  const tables = pairUp(ta, tb, [(t) => t.id]);
  for (const [i, j] of tables.pairs) {
    if (sameJson(ta[i], tb[j])) continue;
    add(ctx, scheme, 'band-table-definition-changed', `共用分档表“${tb[j]!.name}”（引用它的指标一并改变）：${tableText(ta[i]!)} → ${tableText(tb[j]!)}`, `band table ${tb[j]!.id} changed`, {
      sub: ['bandTables', j],
      pathBefore: `/bandTables/${i}`,
      before: ta[i],
      after: tb[j],
    });
  }
  for (const i of tables.onlyA) add(ctx, scheme, 'band-table-definition-changed', `删除共用分档表“${ta[i]!.name}”`, `band table ${ta[i]!.id} removed`, { sub: ['bandTables', i], pathAfter: null, before: ta[i] });
  for (const j of tables.onlyB) add(ctx, scheme, 'band-table-definition-changed', `新增共用分档表“${tb[j]!.name}”：${tableText(tb[j]!)}`, `band table ${tb[j]!.id} added`, { sub: ['bandTables', j], pathBefore: null, after: tb[j] });
}

/** An indicator's 不适用 clause added, removed or changed. */
export function diffNotApplicable(ctx: DiffCtx, place: Place, x: Indicator, y: Indicator): void {
  const p = x.notApplicable;
  const q = y.notApplicable;
  if (sameJson(p, q)) return;
  const t = (c: Indicator['notApplicable'], d: typeof ctx.da) => (c ? `${c.text}（条件：${conditionText(d, c.when)}）` : '（无）');
  add(ctx, place, 'not-applicable-changed', `${y.name}：不适用条款 ${t(p, ctx.da)} → ${t(q, ctx.db)}`, `${y.id}: not-applicable clause changed`, {
    sub: ['notApplicable'],
    pathBefore: p ? undefined : null,
    pathAfter: q ? undefined : null,
    before: p,
    after: q,
  });
}
