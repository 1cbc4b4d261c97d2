/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/**
 * 专家评分 (experts): each expert of the panel scores the indicator with a reason; the score is their average.
 * Source: 评价人员（专家）评分汇总表 — "评价得分=(专家1+专家2+…)/专家人数".
 */
export const ExpertsRuleSchema = Type.Object(
  {
    kind: Type.Literal('experts'),
    panel: Type.Array(Type.Ref('Id'), { minItems: 1, uniqueItems: true, description: '专家：每位专家的标识（评审录入键为“指标标识/专家标识”），如 专家1、专家2' }),
    minimum: Type.Optional(Type.Integer({ minimum: 1, description: '至少几位专家打分（缺省为全部专家）' })),
    guidance: Type.Optional(Type.String({ description: '专家评分指引原文' })),
    ...ruleBase,
  },
  { additionalProperties: false, description: '专家评分：评价得分=(专家1+专家2+…)/专家人数，每位专家的得分与理由均保留' },
);
