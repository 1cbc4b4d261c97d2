/**
 * 时间节点 (milestones): steps due by dated 节点 of the scheme's calendar; each late step deducts, 扣完为止.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { MilestonesRuleSchema } from './schema.ts';
import { milestones as scoring } from './milestones.ts';
import { MILESTONES_CHANGES, diffMilestones } from './diff.ts';
import { milestonesMessages } from './messages.ts';

export const milestones: KindDefinition<'milestones', typeof MilestonesRuleSchema, typeof MILESTONES_CHANGES> = {
  ...scoring,
  kind: 'milestones',
  schema: MilestonesRuleSchema,
  names: { zh: '时间节点', en: 'dated milestones', example: '6月底前全部下达；每出现一个专项未按进度完成扣0.5分，扣完为止' },
  template: (done) => ({ kind: 'milestones', items: [{ id: '节点1', due: '节点1', what: '全部下达', done }], perMiss: 0.5 }),
  messages: milestonesMessages,
  changes: MILESTONES_CHANGES,
  diff: diffMilestones,
};
