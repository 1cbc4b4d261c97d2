/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { intervalMembers, intervalOptions, ruleBase } from '../../format/schema-parts.ts';

/** 分档计分 (tiers): the first tier whose interval contains the metric's value gives the score. */
export const TiersRuleSchema = Type.Object(
  {
    kind: Type.Literal('tiers'),
    metric: Type.Ref('Id', { description: '被分档的事实或计算指标标识' }),
    tiers: Type.Array(
      Type.Object(
        {
          ...intervalMembers,
          score: Type.Ref('Points', { description: '该档得分（分）' }),
          label: Type.Optional(Type.String({ description: '该档说明（可选）' })),
        },
        intervalOptions,
      ),
      { minItems: 1, description: '档位：区间与得分；各档须覆盖整个取值范围、互不重叠' },
    ),
    ...ruleBase,
  },
  { additionalProperties: false, description: '分档计分：如 满意度≥95%的，得6分；90%≤满意度<95%的，得4分' },
);
