/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/** 枚举分档 (options): an enumerated fact, one score per option. */
export const OptionsRuleSchema = Type.Object(
  {
    kind: Type.Literal('options'),
    fact: Type.Ref('Id', { description: '枚举型事实标识' }),
    options: Type.Array(
      Type.Object(
        {
          value: Type.String({ description: '选项取值（与事实的 options 对应）' }),
          score: Type.Ref('Points'),
          text: Type.String({ description: '该档原文，如“按规定内容、时限、范围等各项要求进行公开的”' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    ...ruleBase,
  },
  { additionalProperties: false, description: '枚举分档：如 按要求公开1.5分；公开但不符合时限、内容、范围1分；没有公开0分' },
);
