/** 比率×分值 (ratio): the multiplier, the cap and the zero clause (得0分条款). */
import type { RatioRule } from '../../format/scheme-types.ts';
import { add, num, pts, sameNum, metricChange, clause, type DiffCtx, type Place } from '../../versions/diff-context.ts';

/** The change kinds this diff reports, with their Chinese names. */
export const RATIO_CHANGES = {
  'ratio-multiplier-changed': '比率乘数变更',
  'ratio-cap-changed': '比率封顶变更',
  'ratio-zero-rule-changed': '得0分条款变更',
} as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffRatio(ctx: DiffCtx, place: Place, x: RatioRule, y: RatioRule): readonly string[] {
  metricChange(ctx, place, 'metric', '比率', x.metric, y.metric);
  if (!sameNum(x.multiplier, y.multiplier)) {
    add(ctx, place, 'ratio-multiplier-changed', `${place.label}：${ctx.db.label(y.metric)}×${pts(x.multiplier)} → ×${pts(y.multiplier)}`, `${place.label}: multiplier ${num(x.multiplier)} → ${num(y.multiplier)}`, {
      sub: ['multiplier'],
      before: x.multiplier,
      after: y.multiplier,
    });
  }
  if (!sameNum(x.cap, y.cap)) {
    const capText = (c: unknown) => (c === undefined ? '本项分值' : pts(c));
    add(ctx, place, 'ratio-cap-changed', `${place.label}：封顶 ${capText(x.cap)} → ${capText(y.cap)}`, `${place.label}: cap ${num(x.cap)} → ${num(y.cap)}`, {
      sub: ['cap'],
      pathBefore: x.cap === undefined ? null : undefined,
      pathAfter: y.cap === undefined ? null : undefined,
      before: x.cap,
      after: y.cap,
    });
  }
  clause(ctx, place, 'zeroWhen', 'ratio-zero-rule-changed', '得0分条款', x.zeroWhen, y.zeroWhen);
  return ['metric', 'multiplier', 'cap', 'zeroWhen'];
}
