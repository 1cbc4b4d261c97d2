/** 评分要点 (checklist): items added, removed or changed (points, text, fact, id). */
import type { ChecklistRule } from '../../format/scheme-types.ts';
import { add, pairUp, pts, refChange, restDiff, sameNum, short, textChange, type DiffCtx, type Place } from '../../versions/diff-context.ts';

/** The change kinds this diff reports, with their Chinese names. */
export const CHECKLIST_CHANGES = {
  'checklist-item-added': '新增评分要点',
  'checklist-item-removed': '删除评分要点',
  'checklist-item-changed': '评分要点变更',
} as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffChecklist(ctx: DiffCtx, place: Place, x: ChecklistRule, y: ChecklistRule): readonly string[] {
  const ia = x.items ?? [];
  const ib = y.items ?? [];
  const { pairs, onlyA, onlyB } = pairUp(ia, ib, [(t) => t.id, (t) => t.text]);
  for (const [i, j] of pairs) {
    const p = ia[i]!;
    const q = ib[j]!;
    const what: string[] = [];
    if (!sameNum(p.points, q.points)) what.push(`分值 ${pts(p.points)} → ${pts(q.points)}`);
    if (p.text !== q.text) what.push(`文字变更：${textChange(p.text, q.text)}`);
    if (p.fact !== q.fact) what.push(`依据事实 ${refChange(ctx, p.fact, q.fact)}`);
    if (p.id !== q.id) what.push(`标识 ${p.id} → ${q.id}`);
    if (what.length) {
      add(ctx, place, 'checklist-item-changed', `${place.label}：评分要点${j + 1} ${what.join('；')}`, `${place.label}: checklist item ${q.id} changed`, {
        sub: ['items', j],
        pathBefore: `${place.pa}/items/${i}`,
        before: p,
        after: q,
      });
    }
    restDiff(ctx, { ...place, pa: `${place.pa}/items/${i}`, pb: `${place.pb}/items/${j}` }, p, q, ['id', 'text', 'points', 'fact']);
  }
  for (const i of onlyA) add(ctx, place, 'checklist-item-removed', `${place.label}：删除评分要点“${short(ia[i]!.text, 30)}”（${pts(ia[i]!.points)}）`, `${place.label}: checklist item ${ia[i]!.id} removed`, { sub: ['items', i], pathAfter: null, before: ia[i] });
  for (const j of onlyB) add(ctx, place, 'checklist-item-added', `${place.label}：新增评分要点“${short(ib[j]!.text, 30)}”（${pts(ib[j]!.points)}）`, `${place.label}: checklist item ${ib[j]!.id} added`, { sub: ['items', j], pathBefore: null, after: ib[j] });
  return ['items'];
}
