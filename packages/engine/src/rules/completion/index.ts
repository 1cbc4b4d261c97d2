/**
 * 按完成比例计分 (completion): full points when the target is met, else points × completion share, 满分为止.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { CompletionRuleSchema } from './schema.ts';
import { completion as scoring } from './completion.ts';
import { COMPLETION_CHANGES, diffCompletion } from './diff.ts';
import { completionMessages } from './messages.ts';

export const completion: KindDefinition<'completion', typeof CompletionRuleSchema, typeof COMPLETION_CHANGES> = {
  ...scoring,
  kind: 'completion',
  schema: CompletionRuleSchema,
  names: { zh: '按完成比例计分', en: 'completion share', example: '按完成比例计算得分，满分为止' },
  template: (actual) => ({ kind: 'completion', actual, target: 1 }),
  messages: completionMessages,
  changes: COMPLETION_CHANGES,
  diff: diffCompletion,
};
