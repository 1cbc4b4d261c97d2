/**
 * 酌情评分 (judgement): the reviewer's score between 0 and the points, with a reason.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { JudgementRuleSchema } from './schema.ts';
import { judgement as scoring } from './judgement.ts';
import { JUDGEMENT_CHANGES, diffJudgement } from './diff.ts';
import { judgementMessages } from './messages.ts';

export const judgement: KindDefinition<'judgement', typeof JudgementRuleSchema, typeof JUDGEMENT_CHANGES> = {
  ...scoring,
  kind: 'judgement',
  schema: JudgementRuleSchema,
  names: { zh: '酌情评分', en: 'judgement', example: '未实现绩效目标的酌情扣分' },
  template: () => ({ kind: 'judgement' }),
  readsReviewer: true,
  messages: judgementMessages,
  changes: JUDGEMENT_CHANGES,
  diff: diffJudgement,
};
