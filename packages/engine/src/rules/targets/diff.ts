/** 年度绩效指标行 (targets): the rows fact and each policy choice. */
import type { TargetsRule } from '../../format/scheme-types.ts';
import { add, metricChange, type DiffCtx, type Place } from '../../versions/diff-context.ts';

/** The change kinds this diff reports, with their Chinese names. */
export const TARGETS_CHANGES = {
  'targets-policy-changed': '指标行计分政策变更',
} as const;

const POLICY_ZH: Record<string, string> = {
  quantitativeMet: '定量目标达成',
  quantitativeNotMet: '定量目标未达成',
  qualitative: '定性目标',
  notApplicable: '不适用行',
};
const POLICY_VALUE_ZH: Record<string, string> = { full: '满分', proportional: '按完成比例', zero: '0分', judgement: '酌情' };

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffTargets(ctx: DiffCtx, place: Place, x: TargetsRule, y: TargetsRule): readonly string[] {
  metricChange(ctx, place, 'rowsFact', '指标行事实', x.rowsFact, y.rowsFact);
  const px = (x.policy ?? {}) as Record<string, string | undefined>;
  const py = (y.policy ?? {}) as Record<string, string | undefined>;
  for (const k of [...new Set([...Object.keys(px), ...Object.keys(py)])]) {
    if (px[k] === py[k]) continue;
    const v = (s: string | undefined) => (s === undefined ? '—' : (POLICY_VALUE_ZH[s] ?? s));
    add(ctx, place, 'targets-policy-changed', `${place.label}：${POLICY_ZH[k] ?? k} ${v(px[k])} → ${v(py[k])}`, `${place.label}: policy ${k} ${px[k] ?? '-'} → ${py[k] ?? '-'}`, {
      sub: ['policy', k],
      before: px[k],
      after: py[k],
    });
  }
  return ['rowsFact', 'policy'];
}
