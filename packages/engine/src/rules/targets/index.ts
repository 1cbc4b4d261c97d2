/**
 * 年度绩效指标行 (targets): each project's own rows, scored by the scheme's policy.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { TargetsRuleSchema } from './schema.ts';
import { targets as scoring } from './targets.ts';
import { TARGETS_CHANGES, diffTargets } from './diff.ts';
import { targetsMessages } from './messages.ts';

export const targets: KindDefinition<'targets', typeof TargetsRuleSchema, typeof TARGETS_CHANGES> = {
  ...scoring,
  kind: 'targets',
  schema: TargetsRuleSchema,
  names: { zh: '年度绩效指标行', en: 'annual target rows', example: '年度指标值与实际完成值逐行比较' },
  template: (rowsFact) => ({ kind: 'targets', rowsFact, policy: { quantitativeNotMet: 'proportional', qualitative: 'judgement', notApplicable: 'full' } }),
  messages: targetsMessages,
  changes: TARGETS_CHANGES,
  diff: diffTargets,
};
