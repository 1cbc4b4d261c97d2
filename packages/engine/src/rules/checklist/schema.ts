/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/** 评分要点 (checklist): each item met (a boolean fact) earns its points. */
export const ChecklistRuleSchema = Type.Object(
  {
    kind: Type.Literal('checklist'),
    items: Type.Array(
      Type.Object(
        {
          id: Type.Ref('Id'),
          text: Type.String({ description: '要点原文，如“部门预算编制、分配符合本部门职责……”' }),
          points: Type.Ref('Points'),
          fact: Type.Ref('Id', { description: '布尔型事实：该要点是否达到' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    ...ruleBase,
  },
  { additionalProperties: false, description: '评分要点：每项达到得该项分数' },
);
