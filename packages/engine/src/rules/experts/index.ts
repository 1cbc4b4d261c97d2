/**
 * 专家评分 (experts): the average of the panel's scores, each with its reason.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { ExpertsRuleSchema } from './schema.ts';
import { experts as scoring } from './experts.ts';
import { EXPERTS_CHANGES, diffExperts } from './diff.ts';
import { expertsMessages } from './messages.ts';

export const experts: KindDefinition<'experts', typeof ExpertsRuleSchema, typeof EXPERTS_CHANGES> = {
  ...scoring,
  kind: 'experts',
  schema: ExpertsRuleSchema,
  names: { zh: '专家评分', en: 'experts averaged', example: '评价得分=(专家1+专家2+…)/专家人数' },
  template: () => ({ kind: 'experts', panel: ['专家1', '专家2', '专家3'] }),
  readsReviewer: true,
  // each expert's entry is a reviewer key `<indicator>/<expert>` (a judgement within the indicator's points)
  parts: (rule) => rule.panel.map((id) => ({ id, name: id, points: 0, rule: { kind: 'judgement' } })),
  messages: expertsMessages,
  changes: EXPERTS_CHANGES,
  diff: diffExperts,
};
