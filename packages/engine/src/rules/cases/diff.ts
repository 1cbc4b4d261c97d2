/** 条件计分 (cases): cases added, removed, their conditions, texts and scores. */
import type { KindRule } from '../kind.ts';
import { add, conditionText, num, pts, sameJson, sameNum, type DiffCtx, type Place } from '../../versions/diff-context.ts';

type CasesRule = KindRule<'cases'>;

/** The change kinds this diff reports, with their Chinese names. */
export const CASES_CHANGES = {
  'case-added': '新增情形',
  'case-removed': '删除情形',
  'case-condition-changed': '情形条件变更',
  'case-score-changed': '情形得分变更',
  'case-otherwise-changed': '其余情形变更',
} as const;

/** Compares two rules of this kind (x older, y newer) case by case in order; returns the members it compared. */
export function diffCases(ctx: DiffCtx, place: Place, x: CasesRule, y: CasesRule): readonly string[] {
  const ca = x.cases ?? [];
  const cb = y.cases ?? [];
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const p = ca[i]!;
    const q = cb[i]!;
    if (!sameJson(p.when, q.when) || p.text !== q.text) {
      add(ctx, place, 'case-condition-changed', `${place.label}：第${i + 1}个情形 ${p.text}（${conditionText(ctx.da, p.when)}）→ ${q.text}（${conditionText(ctx.db, q.when)}）`, `${place.label}: case ${i + 1} condition changed`, { sub: ['cases', i, 'when'], before: p, after: q });
    }
    if (!sameNum(p.score, q.score)) add(ctx, place, 'case-score-changed', `${place.label}：${q.text} ${pts(p.score)} → ${pts(q.score)}`, `${place.label}: case ${i + 1} score ${num(p.score)} → ${num(q.score)}`, { sub: ['cases', i, 'score'], before: p.score, after: q.score });
  }
  for (let i = n; i < ca.length; i++) add(ctx, place, 'case-removed', `${place.label}：删除情形 ${ca[i]!.text}`, `${place.label}: case ${i + 1} removed`, { sub: ['cases', i], pathAfter: null, before: ca[i] });
  for (let i = n; i < cb.length; i++) add(ctx, place, 'case-added', `${place.label}：新增情形 ${cb[i]!.text} ${pts(cb[i]!.score)}`, `${place.label}: case ${i + 1} added`, { sub: ['cases', i], pathBefore: null, after: cb[i] });
  if (!sameJson(x.otherwise, y.otherwise)) {
    add(ctx, place, 'case-otherwise-changed', `${place.label}：其余情形 ${x.otherwise ? `${x.otherwise.text} ${pts(x.otherwise.score)}` : '（无）'} → ${y.otherwise ? `${y.otherwise.text} ${pts(y.otherwise.score)}` : '（无）'}`, `${place.label}: otherwise changed`, {
      sub: ['otherwise'],
      pathBefore: x.otherwise ? undefined : null,
      pathAfter: y.otherwise ? undefined : null,
      before: x.otherwise,
      after: y.otherwise,
    });
  }
  return ['cases', 'otherwise'];
}
