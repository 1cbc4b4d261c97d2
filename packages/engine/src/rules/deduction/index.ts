/**
 * 扣分（扣完为止） (deduction): points − count × perItem, not below the floor.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { DeductionRuleSchema } from './schema.ts';
import { deduction as scoring } from './deduction.ts';
import { DEDUCTION_CHANGES, diffDeduction } from './diff.ts';
import { deductionMessages } from './messages.ts';

export const deduction: KindDefinition<'deduction', typeof DeductionRuleSchema, typeof DEDUCTION_CHANGES> = {
  ...scoring,
  kind: 'deduction',
  schema: DeductionRuleSchema,
  names: { zh: '扣分（扣完为止）', en: 'deduction to a floor', example: '发现一项不符合的扣1分，扣完为止' },
  template: (countFact) => ({ kind: 'deduction', countFact, perItem: 1 }),
  messages: deductionMessages,
  changes: DEDUCTION_CHANGES,
  diff: diffDeduction,
};
