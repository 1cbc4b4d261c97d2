/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/**
 * 按完成比例计分 (completion): 完成值 against 目标值, full points when the target is met, else the points × the
 * completion share, 满分为止. Source: "按完成比例计算得分，满分为止" (一般公共预算支出实际完成率 … 结转结余率).
 */
export const CompletionRuleSchema = Type.Object(
  {
    kind: Type.Literal('completion'),
    actual: Type.Ref('Id', { description: '完成值（实际值）的事实或计算指标标识' }),
    target: Type.Union([Type.Ref('Id'), Type.Ref('Num')], { description: '目标值：事实或计算指标标识，或数值（百分数按小数写，如 0.09 或 "9%"）' }),
    direction: Type.Optional(
      Type.Union([Type.Literal('higher'), Type.Literal('lower')], {
        description: '方向：higher 越高越好（完成比例=完成值÷目标值，缺省）；lower 越低越好（目标为正数时 完成比例=目标值÷完成值，目标为负数时 完成比例=完成值÷目标值）',
      }),
    ),
    ...ruleBase,
  },
  { additionalProperties: false, description: '按完成比例计分：达到目标值得满分，否则按完成比例计算得分，满分为止' },
);
