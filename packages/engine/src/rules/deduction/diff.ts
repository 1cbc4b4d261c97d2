/** 扣分（扣完为止） (deduction): the count fact, the deduction per item and the floor. */
import type { DeductionRule } from '../../format/scheme-types.ts';
import { add, num, pts, refChange, sameNum, type DiffCtx, type Place } from '../../versions/diff-context.ts';

/** The change kinds this diff reports, with their Chinese names. */
export const DEDUCTION_CHANGES = {
  'deduction-per-item-changed': '每项扣分变更',
  'deduction-floor-changed': '扣分下限变更',
  'deduction-count-changed': '扣分计数事实变更',
} as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffDeduction(ctx: DiffCtx, place: Place, x: DeductionRule, y: DeductionRule): readonly string[] {
  if (x.countFact !== y.countFact) {
    add(ctx, place, 'deduction-count-changed', `${place.label}：扣分计数 ${refChange(ctx, x.countFact, y.countFact)}`, `${place.label}: count fact ${x.countFact} → ${y.countFact}`, {
      sub: ['countFact'],
      before: x.countFact,
      after: y.countFact,
    });
  }
  if (!sameNum(x.perItem, y.perItem)) {
    add(ctx, place, 'deduction-per-item-changed', `${place.label}：每项扣分 ${pts(x.perItem)} → ${pts(y.perItem)}`, `${place.label}: per item ${num(x.perItem)} → ${num(y.perItem)}`, {
      sub: ['perItem'],
      before: x.perItem,
      after: y.perItem,
    });
  }
  if (!sameNum(x.floor ?? 0, y.floor ?? 0)) {
    add(ctx, place, 'deduction-floor-changed', `${place.label}：最低得分 ${pts(x.floor ?? 0)} → ${pts(y.floor ?? 0)}`, `${place.label}: floor ${num(x.floor ?? 0)} → ${num(y.floor ?? 0)}`, {
      sub: ['floor'],
      pathBefore: x.floor === undefined ? null : undefined,
      pathAfter: y.floor === undefined ? null : undefined,
      before: x.floor,
      after: y.floor,
    });
  }
  return ['countFact', 'perItem', 'floor'];
}
