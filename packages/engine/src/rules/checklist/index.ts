/**
 * 评分要点 (checklist): each point met earns its points.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { ChecklistRuleSchema } from './schema.ts';
import { checklist as scoring } from './checklist.ts';
import { CHECKLIST_CHANGES, diffChecklist } from './diff.ts';

export const checklist: KindDefinition<'checklist', typeof ChecklistRuleSchema, typeof CHECKLIST_CHANGES> = {
  ...scoring,
  kind: 'checklist',
  schema: ChecklistRuleSchema,
  names: { zh: '评分要点', en: 'checklist', example: '1. 预算编制符合本部门职责（1分）……' },
  template: (fact, points) => ({ kind: 'checklist', items: [{ id: '要点1', text: '', points, fact }] }),
  itemCount: (rule) => rule.items.length,
  changes: CHECKLIST_CHANGES,
  diff: diffChecklist,
};
