/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/** 扣分（扣完为止） (deduction): points − count × perItem, not below the floor. */
export const DeductionRuleSchema = Type.Object(
  {
    kind: Type.Literal('deduction'),
    countFact: Type.Ref('Id', { description: '计数型事实：不符合（未完成）的项数' }),
    perItem: Type.Ref('Points', { description: '每项扣分（分）' }),
    floor: Type.Optional(Type.Ref('Points', { description: '最低得分（分），缺省 0：扣完为止' })),
    ...ruleBase,
  },
  { additionalProperties: false, description: '扣分（扣完为止）：如 发现一项不符合的扣1分，扣完为止' },
);
