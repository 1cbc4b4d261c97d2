/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/**
 * 条件计分 (cases): the first case whose condition holds gives its score; conditions may compare a fact with
 * another fact or with last year's figure (`{ "fact": "结转结余", "operator": "lessThanInclusive", "value":
 * { "fact": "上年结转" } }`). Source: "有结余，但不超过上年结转，2分".
 */
export const CasesRuleSchema = Type.Object(
  {
    kind: Type.Literal('cases'),
    cases: Type.Array(
      Type.Object(
        {
          when: Type.Ref('Condition'),
          score: Type.Ref('Points', { description: '条件成立时的得分（分）' }),
          text: Type.String({ minLength: 1, description: '该情形的原文，如“有结余，但不超过上年结转”' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, description: '情形：按顺序取第一个条件成立的情形' },
    ),
    otherwise: Type.Optional(
      Type.Object(
        {
          score: Type.Ref('Points', { description: '各情形均不成立时的得分（分）' }),
          text: Type.String({ minLength: 1, description: '其余情形的原文，如“超过上年结转”' }),
        },
        { additionalProperties: false },
      ),
    ),
    ...ruleBase,
  },
  { additionalProperties: false, description: '条件计分：如 无结余，3分；有结余，但不超过上年结转，2分；超过上年结转，0分' },
);
