/**
 * The pieces of the scheme format that rule kinds build their schema fragments from (区间, and what every
 * rule may carry). Kept apart from `scheme-types.ts`, which composes the whole document from
 * the rule kinds' fragments, so that a fragment never imports the composition (no import cycle).
 *
 * Inside a fragment, the scheme's other definitions are named by reference and resolved when the
 * scheme module is built: `Type.Ref('Id')`, `Type.Ref('Num')` (a number, percents allowed),
 * `Type.Ref('Points')` (分值/得分 in 分, no percent sign), `Type.Ref('Condition')`, `Type.Ref('Part')`,
 * `Type.Ref('Round')`, `Type.Ref('RenderHints')`, `Type.Ref('Rule')`.
 */
import { Type } from '@sinclair/typebox';

/**
 * The members of a numeric interval (区间) in a rule kind's fragment, the bounds by reference to `Num`.
 * A present bound must say whether it is included: `{ "min": 0.9, "minInclusive": true, "max": 0.95,
 * "maxInclusive": false }` is 90% ≤ x < 95%.
 */
export const intervalMembers = {
  min: Type.Optional(Type.Ref('Num')),
  minInclusive: Type.Optional(Type.Boolean({ description: '下限是否包含（含 ≥ / 不含 >）' })),
  max: Type.Optional(Type.Ref('Num')),
  maxInclusive: Type.Optional(Type.Boolean({ description: '上限是否包含（含 ≤ / 不含 <）' })),
};
/** Object options of an interval: no other members, and a present bound says whether it is included. */
export const intervalOptions = { additionalProperties: false, dependentRequired: { min: ['minInclusive'], max: ['maxInclusive'] } };

/**
 * What every rule may carry, whatever its kind: 一票否决 (veto → 0分), 免评 (exempt → 满分), its own
 * rounding, and rendering hints. Spread into each kind's fragment: `{ kind: Type.Literal('tiers'), …, ...ruleBase }`.
 */
export const ruleBase = {
  veto: Type.Optional(
    Type.Object(
      {
        when: Type.Ref('Condition'),
        text: Type.String({ description: '一票否决条款原文，如“发生超范围、超标准支出……本项指标得0分”' }),
      },
      { additionalProperties: false, description: '一票否决：条件成立时本项得 0 分' },
    ),
  ),
  exempt: Type.Optional(
    Type.Object(
      {
        when: Type.Ref('Condition'),
        text: Type.String({ description: '免评条款原文，如“涉密部门（单位）按规定不需要公开……直接得分”' }),
      },
      { additionalProperties: false, description: '免评：条件成立时直接得满分' },
    ),
  ),
  round: Type.Optional(Type.Ref('Round')),
  render: Type.Optional(Type.Ref('RenderHints')),
};
