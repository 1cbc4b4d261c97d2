/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/**
 * 择一考核 (choice): one of several measures, chosen by an enum fact; only the chosen measure's rule is
 * scored. Source: "结转结余率 / 结转结余变动率 … 二者择其一进行考核，按完成比例计算得分，满分为止".
 */
export const ChoiceRuleSchema = Type.Object(
  {
    kind: Type.Literal('choice'),
    by: Type.Ref('Id', { description: '选择考核口径的枚举事实标识，如 结转结余考核口径' }),
    options: Type.Array(
      Type.Object(
        {
          value: Type.String({ minLength: 1, description: '枚举事实取此值时按本项考核' }),
          name: Type.String({ minLength: 1, description: '考核口径名称，如 结转结余率' }),
          rule: Type.Ref('Rule'),
        },
        { additionalProperties: false },
      ),
      { minItems: 2, description: '可选的考核口径（各自的计分规则，分值同本指标）' },
    ),
    ...ruleBase,
  },
  { additionalProperties: false, description: '择一考核：如 结转结余率、结转结余变动率二者择其一进行考核' },
);
