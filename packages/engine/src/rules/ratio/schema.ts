/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/** 比率×分值 (ratio): score = metric × multiplier, capped, with an optional zero rule. */
export const RatioRuleSchema = Type.Object(
  {
    kind: Type.Literal('ratio'),
    metric: Type.Ref('Id'),
    multiplier: Type.Ref('Points', { description: '乘数（分）：比率为 100% 时的得分' }),
    cap: Type.Optional(Type.Ref('Points', { description: '封顶（分），缺省为本项分值' })),
    zeroWhen: Type.Optional(
      Type.Object(
        { when: Type.Ref('Condition'), text: Type.String({ description: '得0分条款原文' }) },
        { additionalProperties: false },
      ),
    ),
    ...ruleBase,
  },
  { additionalProperties: false, description: '比率×分值：如 政府采购执行率得分=政府采购执行率×1分，封顶，可带得0分条件' },
);
