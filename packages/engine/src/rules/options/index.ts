/**
 * 枚举分档 (options): an enumerated fact, one score per option.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { OptionsRuleSchema } from './schema.ts';
import { options as scoring } from './options.ts';
import { OPTIONS_CHANGES, diffOptions } from './diff.ts';
import { optionsMessages } from './messages.ts';

export const options: KindDefinition<'options', typeof OptionsRuleSchema, typeof OPTIONS_CHANGES> = {
  ...scoring,
  kind: 'options',
  schema: OptionsRuleSchema,
  names: { zh: '枚举分档', en: 'enumerated tiers', example: '按要求公开1.5分；公开但不符合要求1分；没有公开0分' },
  template: (fact, points) => ({ kind: 'options', fact, options: [{ value: '是', score: points, text: '' }] }),
  itemCount: (rule) => rule.options.length,
  branches: (rule) => rule.options.map((o, i) => ({ branch: `option${i + 1}`, when: { fact: rule.fact, operator: 'equal', value: o.value } })),
  messages: optionsMessages,
  changes: OPTIONS_CHANGES,
  diff: diffOptions,
};
