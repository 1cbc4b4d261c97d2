/**
 * 分项合计 (sum): the score is the sum of its parts, each with its own points and rule.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { SumRuleSchema } from './schema.ts';
import { sum as scoring } from './sum.ts';
import { SUM_CHANGES, diffSum } from './diff.ts';

export const sum: KindDefinition<'sum', typeof SumRuleSchema, typeof SUM_CHANGES> = {
  ...scoring,
  kind: 'sum',
  schema: SumRuleSchema,
  names: { zh: '分项合计', en: 'sum of parts', example: '“三公”经费控制率得分 + 日常公用经费控制率得分' },
  template: (_ref, points) => ({ kind: 'sum', parts: [{ id: '分项1', name: '分项1', points, rule: { kind: 'judgement' } }] }),
  itemCount: (rule) => rule.parts.length,
  parts: (rule) => rule.parts,
  changes: SUM_CHANGES,
  diff: diffSum,
};
