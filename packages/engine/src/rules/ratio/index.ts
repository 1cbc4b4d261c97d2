/**
 * 比率×分值 (ratio): metric × multiplier, capped, with an optional zero clause.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { RatioRuleSchema } from './schema.ts';
import { ratio as scoring } from './ratio.ts';
import { RATIO_CHANGES, diffRatio } from './diff.ts';

export const ratio: KindDefinition<'ratio', typeof RatioRuleSchema, typeof RATIO_CHANGES> = {
  ...scoring,
  kind: 'ratio',
  schema: RatioRuleSchema,
  names: { zh: '比率×分值', en: 'ratio × points', example: '政府采购执行率得分=政府采购执行率×1分' },
  template: (metric, points) => ({ kind: 'ratio', metric, multiplier: points }),
  branches: (rule) => (rule.zeroWhen ? [{ branch: 'zero', when: rule.zeroWhen.when }] : []),
  changes: RATIO_CHANGES,
  diff: diffRatio,
};
