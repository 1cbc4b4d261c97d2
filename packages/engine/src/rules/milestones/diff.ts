/** 时间节点 (milestones): steps added, removed or re-dated, and the deduction per miss. */
import type { KindRule } from '../kind.ts';
import { add, num, pts, sameJson, sameNum, type DiffCtx, type Place } from '../../versions/diff-context.ts';

type MilestonesRule = KindRule<'milestones'>;

/** The change kinds this diff reports, with their Chinese names. */
export const MILESTONES_CHANGES = {
  'milestone-changed': '时间节点变更',
  'milestone-per-miss-changed': '未按进度扣分变更',
} as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffMilestones(ctx: DiffCtx, place: Place, x: MilestonesRule, y: MilestonesRule): readonly string[] {
  const show = (r: MilestonesRule) => (r.items ?? []).map((i) => `${i.due}${i.what}`).join('；');
  if (!sameJson(x.items, y.items)) add(ctx, place, 'milestone-changed', `${place.label}：时间节点 ${show(x)} → ${show(y)}`, `${place.label}: milestones changed`, { sub: ['items'], before: x.items, after: y.items });
  if (!sameNum(x.perMiss, y.perMiss)) add(ctx, place, 'milestone-per-miss-changed', `${place.label}：每项未按进度扣分 ${pts(x.perMiss)} → ${pts(y.perMiss)}`, `${place.label}: per miss ${num(x.perMiss)} → ${num(y.perMiss)}`, { sub: ['perMiss'], before: x.perMiss, after: y.perMiss });
  return ['items', 'perMiss'];
}
