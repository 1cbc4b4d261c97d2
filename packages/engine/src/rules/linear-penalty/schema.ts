/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/**
 * 线性扣分 (linearPenalty): full points up to a threshold, then `deduct` per `step` beyond it (or below it, with
 * `direction` below), down to 0. Sources: seed 000 "超出10%的，超出一个百分点扣0.1分，直至1分扣完为止"; provinces'
 * "在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止" and "每低于5%扣2分" (issue 10).
 */
export const LinearPenaltyRuleSchema = Type.Object(
  {
    kind: Type.Literal('linearPenalty'),
    metric: Type.Ref('Id'),
    threshold: Type.Ref('Num', { description: '阈值，如 0.10（10%）' }),
    step: Type.Ref('Num', { description: '步长，如 0.01（一个百分点）' }),
    deduct: Type.Ref('Points', { description: '每步扣分（分），如 0.1' }),
    direction: Type.Optional(
      Type.Union([Type.Literal('above'), Type.Literal('below')], {
        description: '扣分方向：above 超过阈值扣分（默认，如 每超过一个百分点扣0.5分）；below 低于阈值扣分（如 每低于5%扣2分）',
      }),
    ),
    stepping: Type.Optional(
      Type.Union([Type.Literal('proportional'), Type.Literal('whole'), Type.Literal('started')], {
        description: '不足一步如何计：proportional 按比例（默认）、whole 只计整步、started 不足一步按一步',
      }),
    ),
    ...ruleBase,
  },
  {
    additionalProperties: false,
    description: '线性扣分：如 超出10%的，超出一个百分点扣0.1分，直至扣完为止；渲染样式 render.style：compact（“≤100%，计5分；每超过一个百分点扣0.5分，扣完为止”）或 compact-fullwidth（用 ≦ ≧）',
  },
);
