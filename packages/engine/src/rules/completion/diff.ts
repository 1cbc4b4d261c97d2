/** 按完成比例计分 (completion): the actual, the target and the direction. */
import type { KindRule } from '../kind.ts';

type CompletionRule = KindRule<'completion'>;
import { add, metricChange, num, sameNum, shown, type DiffCtx, type Place } from '../../versions/diff-context.ts';

/** The change kinds this diff reports, with their Chinese names. */
export const COMPLETION_CHANGES = {
  'completion-target-changed': '目标值变更',
  'completion-direction-changed': '完成比例方向变更',
} as const;

const DIRECTION = { higher: '越高越好', lower: '越低越好' } as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffCompletion(ctx: DiffCtx, place: Place, x: CompletionRule, y: CompletionRule): readonly string[] {
  metricChange(ctx, place, 'actual', '完成值', x.actual, y.actual);
  if (!sameNum(x.target, y.target) && x.target !== y.target) {
    add(ctx, place, 'completion-target-changed', `${place.label}：目标值 ${shown(ctx.da, x.actual, x.target)} → ${shown(ctx.db, y.actual, y.target)}`, `${place.label}: target ${num(x.target)} → ${num(y.target)}`, { sub: ['target'], before: x.target, after: y.target });
  }
  const dx = x.direction ?? 'higher';
  const dy = y.direction ?? 'higher';
  if (dx !== dy) add(ctx, place, 'completion-direction-changed', `${place.label}：${DIRECTION[dx]} → ${DIRECTION[dy]}`, `${place.label}: direction ${dx} → ${dy}`, { sub: ['direction'], before: dx, after: dy });
  return ['actual', 'target', 'direction'];
}
