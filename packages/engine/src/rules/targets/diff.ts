/** 年度绩效指标行 (targets): the rows fact, each policy choice, overshoot, the qualitative bands and the weights. */
import { plain, toDec } from '../../decimal/dec.ts';
import type { TargetsRule } from '../../format/scheme-types.ts';
import { add, metricChange, sameJson, type DiffCtx, type Place } from '../../versions/diff-context.ts';
import { BAND_CHANGES, diffBands } from '../judgement/bands.ts';

/** The change kinds this diff reports, with their Chinese names. */
export const TARGETS_CHANGES = {
  'targets-policy-changed': '指标行计分政策变更',
  'targets-weights-changed': '一级指标权重变更',
  ...BAND_CHANGES,
} as const;

const POLICY_ZH: Record<string, string> = {
  quantitativeMet: '定量目标达成',
  quantitativeNotMet: '定量目标未达成',
  qualitative: '定性目标',
  notApplicable: '不适用行',
  overshoot: '超额完成（指标偏离）',
};
const POLICY_VALUE_ZH: Record<string, string> = { full: '满分', proportional: '按完成比例', zero: '0分', judgement: '酌情', bands: '按档次酌情' };

type Overshoot = NonNullable<TargetsRule['policy']['overshoot']>;

/** "超过30%及以上减2分" / "超过30%以上不计分" / "按偏离度酌情调减". */
function overshootText(o: Overshoot | undefined): string {
  if (!o) return '—';
  const over = o.over === undefined ? '' : `超过${plain(toDec(o.over)!.times(100))}%${o.inclusive === false ? '以上' : '及以上'}`;
  const then = o.then === 'deduct' ? `减${String(o.deduct ?? '')}分` : o.then === 'zero' ? '不计分' : '按偏离度酌情调减';
  return `${over}${then}`;
}

/** "产出指标50分、效益指标30分、满意度指标10分（缺项调整至效益指标）". */
function weightsText(w: TargetsRule['weights']): string {
  if (!w) return '—';
  return w.map((g) => `${g.name}${String(g.points)}分${g.absentTo ? `（缺项调整至${g.absentTo}）` : ''}`).join('、');
}

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffTargets(ctx: DiffCtx, place: Place, x: TargetsRule, y: TargetsRule): readonly string[] {
  metricChange(ctx, place, 'rowsFact', '指标行事实', x.rowsFact, y.rowsFact);
  const px = (x.policy ?? {}) as Record<string, unknown>;
  const py = (y.policy ?? {}) as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(px), ...Object.keys(py)])]) {
    if (sameJson(px[k], py[k])) continue;
    const v = (s: unknown) => (k === 'overshoot' ? overshootText(s as Overshoot | undefined) : s === undefined ? '—' : (POLICY_VALUE_ZH[String(s)] ?? String(s)));
    add(ctx, place, 'targets-policy-changed', `${place.label}：${POLICY_ZH[k] ?? k} ${v(px[k])} → ${v(py[k])}`, `${place.label}: policy ${k} changed`, {
      sub: ['policy', k],
      pathBefore: px[k] === undefined ? null : undefined,
      pathAfter: py[k] === undefined ? null : undefined,
      before: px[k],
      after: py[k],
    });
  }
  diffBands(ctx, place, 'bands', x.bands, y.bands);
  if (!sameJson(x.weights, y.weights)) {
    add(ctx, place, 'targets-weights-changed', `${place.label}：一级指标权重 ${weightsText(x.weights)} → ${weightsText(y.weights)}`, `${place.label}: weights changed`, {
      sub: ['weights'],
      pathBefore: x.weights === undefined ? null : undefined,
      pathAfter: y.weights === undefined ? null : undefined,
      before: x.weights,
      after: y.weights,
    });
  }
  return ['rowsFact', 'policy', 'bands', 'weights'];
}
