/** 线性扣分 (linearPenalty): threshold, step, deduction per step, how a partial step counts, and the direction. */
import type { LinearPenaltyRule } from '../../format/scheme-types.ts';
import type { Decls } from '../kind.ts';
import { add, num, pts, sameNum, shown, metricChange, type DiffCtx, type Place } from '../../versions/diff-context.ts';

/** The change kinds this diff reports, with their Chinese names. */
export const LINEAR_PENALTY_CHANGES = {
  'linear-penalty-changed': '线性扣分参数变更',
} as const;

const STEPPING_ZH: Record<string, string> = { proportional: '按比例计', whole: '只计整步', started: '不足一步按一步' };

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffLinearPenalty(ctx: DiffCtx, place: Place, x: LinearPenaltyRule, y: LinearPenaltyRule): readonly string[] {
  metricChange(ctx, place, 'metric', '扣分依据', x.metric, y.metric);
  const one = (key: 'threshold' | 'step' | 'deduct', zh: string, show: (d: Decls, r: LinearPenaltyRule, v: unknown) => string) => {
    if (sameNum(x[key], y[key])) return;
    add(ctx, place, 'linear-penalty-changed', `${place.label}：${zh} ${show(ctx.da, x, x[key])} → ${show(ctx.db, y, y[key])}`, `${place.label}: ${key} ${num(x[key])} → ${num(y[key])}`, {
      sub: [key],
      before: x[key],
      after: y[key],
    });
  };
  one('threshold', '阈值', (d, r, v) => shown(d, r.metric, v));
  one('step', '步长', (d, r, v) => shown(d, r.metric, v));
  one('deduct', '每步扣分', (_d, _r, v) => pts(v));
  const sa = x.stepping ?? 'proportional';
  const sb = y.stepping ?? 'proportional';
  if (sa !== sb) {
    add(ctx, place, 'linear-penalty-changed', `${place.label}：不足一步时 ${STEPPING_ZH[sa] ?? sa} → ${STEPPING_ZH[sb] ?? sb}`, `${place.label}: stepping ${sa} → ${sb}`, {
      sub: ['stepping'],
      pathBefore: x.stepping === undefined ? null : undefined,
      pathAfter: y.stepping === undefined ? null : undefined,
      before: x.stepping,
      after: y.stepping,
    });
  }
  const da = x.direction ?? 'above';
  const db = y.direction ?? 'above';
  if (da !== db) {
    const zh = (d: string) => (d === 'below' ? '低于阈值扣分' : '超过阈值扣分');
    add(ctx, place, 'linear-penalty-changed', `${place.label}：扣分方向 ${zh(da)} → ${zh(db)}`, `${place.label}: direction ${da} → ${db}`, {
      sub: ['direction'],
      pathBefore: x.direction === undefined ? null : undefined,
      pathAfter: y.direction === undefined ? null : undefined,
      before: x.direction,
      after: y.direction,
    });
  }
  return ['metric', 'threshold', 'step', 'deduct', 'stepping', 'direction'];
}
