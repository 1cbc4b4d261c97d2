/**
 * 分档计分 (tiers): the tier whose interval contains the metric's value gives the score.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { TiersRuleSchema } from './schema.ts';
import { tiers as scoring } from './tiers.ts';
import { TIERS_CHANGES, diffTiers } from './diff.ts';
import { tiersMessages } from './messages.ts';

export const tiers: KindDefinition<'tiers', typeof TiersRuleSchema, typeof TIERS_CHANGES> = {
  ...scoring,
  kind: 'tiers',
  schema: TiersRuleSchema,
  names: { zh: '分档计分', en: 'tiers', example: '满意度≥95%的，得6分；90%≤满意度<95%的，得4分……' },
  template: (metric, points) => ({ kind: 'tiers', metric, tiers: [{ min: 0.9, minInclusive: true, score: points }, { max: 0.9, maxInclusive: false, score: 0 }] }),
  itemCount: (rule) => rule.tiers.length,
  branches: (rule) =>
    rule.tiers.map((t, i) => ({
      branch: `tier${i + 1}`,
      when: {
        all: [
          ...(t.min === undefined ? [] : [{ fact: rule.metric, operator: t.minInclusive ? ('greaterThanInclusive' as const) : ('greaterThan' as const), value: t.min }]),
          ...(t.max === undefined ? [] : [{ fact: rule.metric, operator: t.maxInclusive ? ('lessThanInclusive' as const) : ('lessThan' as const), value: t.max }]),
        ],
      },
    })),
  messages: tiersMessages,
  changes: TIERS_CHANGES,
  diff: diffTiers,
};
