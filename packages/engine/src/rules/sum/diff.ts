/** 分项合计 (sum): parts added, removed, renamed, re-weighted, and each paired part's own rule. */
import type { Part, SumRule } from '../../format/scheme-types.ts';
import type { DiffOps } from '../kind.ts';
import { add, num, pairUp, pts, restDiff, sameNum, type DiffCtx, type Place } from '../../versions/diff-context.ts';

/** The change kinds this diff reports, with their Chinese names. */
export const SUM_CHANGES = {
  'part-added': '新增分项',
  'part-removed': '删除分项',
  'part-renamed': '分项更名',
  'part-points-changed': '分项分值变更',
} as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffSum(ctx: DiffCtx, place: Place, x: SumRule, y: SumRule, rules: DiffOps): readonly string[] {
  const pa = x.parts ?? [];
  const pb = y.parts ?? [];
  const { pairs, onlyA, onlyB } = pairUp<Part>(pa, pb, [(p) => p.id, (p) => p.name]);
  for (const [i, j] of pairs) {
    const p = pa[i]!;
    const q = pb[j]!;
    const at: Place = { ...place, label: `${place.label}·${q.name}`, pa: `${place.pa}/parts/${i}`, pb: `${place.pb}/parts/${j}` };
    if (p.name !== q.name) add(ctx, at, 'part-renamed', `${place.label}：分项更名 ${p.name} → ${q.name}`, `${place.label}: part renamed ${p.name} → ${q.name}`, { sub: ['name'], before: p.name, after: q.name });
    if (p.id !== q.id) add(ctx, at, 'part-renamed', `${place.label}·${q.name}：分项标识 ${p.id} → ${q.id}`, `${place.label}: part id ${p.id} → ${q.id}`, { sub: ['id'], before: p.id, after: q.id });
    if (!sameNum(p.points, q.points)) add(ctx, at, 'part-points-changed', `${at.label} ${pts(p.points)} → ${pts(q.points)}`, `${at.label}: points ${num(p.points)} → ${num(q.points)}`, { sub: ['points'], before: p.points, after: q.points });
    if (p.rule && q.rule) rules.diff(ctx, { ...at, pa: `${at.pa}/rule`, pb: `${at.pb}/rule` }, p.rule, q.rule);
    restDiff(ctx, at, p, q, ['id', 'name', 'points', 'rule']);
  }
  for (const i of onlyA) add(ctx, place, 'part-removed', `${place.label}：删除分项 ${pa[i]!.name} ${pts(pa[i]!.points)}`, `${place.label}: part ${pa[i]!.id} removed`, { sub: ['parts', i], pathAfter: null, before: pa[i] });
  for (const j of onlyB) {
    const q = pb[j]!;
    add(ctx, place, 'part-added', `${place.label}：新增分项 ${q.name} ${pts(q.points)}（${(q.rule && rules.name(q.rule.kind)) ?? ''}）`, `${place.label}: part ${q.id} added`, { sub: ['parts', j], pathBefore: null, after: q });
  }
  return ['parts'];
}
