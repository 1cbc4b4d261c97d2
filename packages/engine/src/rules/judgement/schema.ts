/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/** 酌情评分 (judgement): a reviewer's score between 0 and the points, with a written reason. */
export const JudgementRuleSchema = Type.Object(
  {
    kind: Type.Literal('judgement'),
    guidance: Type.Optional(Type.String({ description: '评分指引原文，如“未实现绩效目标的酌情扣分”' })),
    ...ruleBase,
  },
  { additionalProperties: false, description: '酌情评分：评审人给分（0 至本项分值）并写明理由' },
);
