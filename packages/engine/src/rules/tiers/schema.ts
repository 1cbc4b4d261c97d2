/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/**
 * A tier bound: a number (`Num`, percents as fractions or "95%") or another declared fact or metric of the
 * same kind, `{ "fact": "上年结转" }` — "有结余，但不超过上年结转，2分" is `{ "min": 0, "minInclusive": false,
 * "max": { "fact": "上年结转" }, "maxInclusive": true }`.
 */
const TierBound = Type.Union([Type.Ref('Num'), Type.Object({ fact: Type.Ref('Id', { description: '作为界限的事实或计算指标标识（如 上年结转）' }) }, { additionalProperties: false })], {
  description: '档位界限：数值，或另一事实/计算指标 { "fact": "上年结转" }',
});

/** 分档计分 (tiers): the first tier whose interval contains the metric's value gives the score. */
export const TiersRuleSchema = Type.Object(
  {
    kind: Type.Literal('tiers'),
    metric: Type.Ref('Id', { description: '被分档的事实或计算指标标识' }),
    tiers: Type.Array(
      Type.Object(
        {
          min: Type.Optional(TierBound),
          minInclusive: Type.Optional(Type.Boolean({ description: '下限是否包含（含 ≥ / 不含 >）' })),
          max: Type.Optional(TierBound),
          maxInclusive: Type.Optional(Type.Boolean({ description: '上限是否包含（含 ≤ / 不含 <）' })),
          score: Type.Ref('Points', { description: '该档得分（分）' }),
          label: Type.Optional(Type.String({ description: '该档说明（可选）' })),
        },
        { additionalProperties: false, dependentRequired: { min: ['minInclusive'], max: ['maxInclusive'] } },
      ),
      { minItems: 1, description: '档位：区间与得分；界限为数值时各档须覆盖整个取值范围、互不重叠；界限为事实时按顺序取第一个包含该值的档' },
    ),
    ...ruleBase,
  },
  { additionalProperties: false, description: '分档计分：如 满意度≥95%的，得6分；90%≤满意度<95%的，得4分；结余不超过上年结转的，得2分' },
);
