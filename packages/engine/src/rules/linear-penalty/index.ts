/**
 * 线性扣分 (linearPenalty): full points up to a threshold, then a deduction per step beyond it.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { LinearPenaltyRuleSchema } from './schema.ts';
import { linearPenalty as scoring } from './linear-penalty.ts';
import { LINEAR_PENALTY_CHANGES, diffLinearPenalty } from './diff.ts';
import { linearPenaltyMessages } from './messages.ts';

export const linearPenalty: KindDefinition<'linearPenalty', typeof LinearPenaltyRuleSchema, typeof LINEAR_PENALTY_CHANGES> = {
  ...scoring,
  kind: 'linearPenalty',
  schema: LinearPenaltyRuleSchema,
  names: { zh: '线性扣分', en: 'linear penalty', example: '超出一个百分点扣0.1分，直至扣完为止' },
  template: (metric) => ({ kind: 'linearPenalty', metric, threshold: 0.1, step: 0.01, deduct: 0.1 }),
  messages: linearPenaltyMessages,
  changes: LINEAR_PENALTY_CHANGES,
  diff: diffLinearPenalty,
};
