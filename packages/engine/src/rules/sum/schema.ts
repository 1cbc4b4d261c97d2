/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/** 分项合计 (sum): the score is the sum of its parts, each with its own points and rule. */
export const SumRuleSchema = Type.Object(
  {
    kind: Type.Literal('sum'),
    parts: Type.Array(Type.Ref('Part'), { minItems: 1 }),
    ...ruleBase,
  },
  { additionalProperties: false, description: '分项合计：如 公用经费控制率 = “三公”经费控制率得分 + 日常公用经费控制率得分' },
);
