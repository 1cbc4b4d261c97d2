/**
 * 部门绩效目标行 (deptTargets): targets set by the department, scored by the scheme's band table or 按完成比例.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { DeptTargetsRuleSchema } from './schema.ts';
import { deptTargets as scoring } from './dept-targets.ts';
import { DEPT_TARGETS_CHANGES, diffDeptTargets } from './diff.ts';
import { deptTargetsMessages } from './messages.ts';

export const deptTargets: KindDefinition<'deptTargets', typeof DeptTargetsRuleSchema, typeof DEPT_TARGETS_CHANGES> = {
  ...scoring,
  kind: 'deptTargets',
  schema: DeptTargetsRuleSchema,
  names: { zh: '部门绩效目标行', en: 'department targets', example: '部门设定的绩效指标逐项按完成率分档计分' },
  template: (rowsFact) => ({ kind: 'deptTargets', rowsFact, by: 'proportional' }),
  readsReviewer: true,
  rowKeys: true,
  messages: deptTargetsMessages,
  changes: DEPT_TARGETS_CHANGES,
  diff: diffDeptTargets,
};
