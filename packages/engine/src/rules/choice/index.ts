/**
 * 择一考核 (choice): one of several measures, chosen by an enum fact; only the chosen one is scored.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { ChoiceRuleSchema } from './schema.ts';
import { choice as scoring } from './choice.ts';
import { CHOICE_CHANGES, diffChoice } from './diff.ts';
import { choiceMessages } from './messages.ts';

export const choice: KindDefinition<'choice', typeof ChoiceRuleSchema, typeof CHOICE_CHANGES> = {
  ...scoring,
  kind: 'choice',
  schema: ChoiceRuleSchema,
  names: { zh: '择一考核', en: 'one of several measures', example: '结转结余率、结转结余变动率二者择其一进行考核，按完成比例计算得分，满分为止' },
  template: (by) => ({
    kind: 'choice',
    by,
    options: [
      { value: '口径一', name: '口径一', rule: { kind: 'judgement' } },
      { value: '口径二', name: '口径二', rule: { kind: 'judgement' } },
    ],
  }),
  itemCount: () => 0,
  parts: (rule) => rule.options.map((o) => ({ id: o.value, name: o.name, points: 0, rule: o.rule })),
  messages: choiceMessages,
  changes: CHOICE_CHANGES,
  diff: diffChoice,
};
