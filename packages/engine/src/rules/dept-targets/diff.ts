/** 部门绩效目标行 (deptTargets): the rows fact and how a row is scored. */
import type { KindRule } from '../kind.ts';
import { add, metricChange, sameJson, type DiffCtx, type Place } from '../../versions/diff-context.ts';

type DeptTargetsRule = KindRule<'deptTargets'>;

/** The change kinds this diff reports, with their Chinese names. */
export const DEPT_TARGETS_CHANGES = {
  'dept-targets-scoring-changed': '指标行计分方式变更',
} as const;

const how = (b: DeptTargetsRule['by']) => (b === 'proportional' ? '按完成比例' : `按分档表${b.table}`);

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffDeptTargets(ctx: DiffCtx, place: Place, x: DeptTargetsRule, y: DeptTargetsRule): readonly string[] {
  metricChange(ctx, place, 'rowsFact', '指标行', x.rowsFact, y.rowsFact);
  if (!sameJson(x.by, y.by)) add(ctx, place, 'dept-targets-scoring-changed', `${place.label}：指标行 ${how(x.by)} → ${how(y.by)}`, `${place.label}: row scoring changed`, { sub: ['by'], before: x.by, after: y.by });
  return ['rowsFact', 'by'];
}
