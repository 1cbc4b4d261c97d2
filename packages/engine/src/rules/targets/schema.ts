/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/**
 * 年度绩效指标行 (targets): rows supplied by each case (a project's own targets), scored by this policy.
 * Source: seed 001 项目支出绩效自评表.
 */
export const TargetsRuleSchema = Type.Object(
  {
    kind: Type.Literal('targets'),
    rowsFact: Type.Ref('Id', { description: '行数据事实标识（类型 rows）' }),
    policy: Type.Object(
      {
        quantitativeMet: Type.Optional(Type.Union([Type.Literal('full')], { description: '定量目标达成：得满分' })),
        quantitativeNotMet: Type.Union(
          [Type.Literal('proportional'), Type.Literal('zero'), Type.Literal('judgement')],
          { description: '定量目标未达成：按完成比例 / 0分 / 酌情' },
        ),
        qualitative: Type.Union([Type.Literal('judgement'), Type.Literal('full')], {
          description: '定性目标（及时、有效、良好……）：酌情（采用自评分并核对上限）或满分',
        }),
        notApplicable: Type.Union([Type.Literal('full'), Type.Literal('zero'), Type.Literal('judgement')], {
          description: '不适用行：满分 / 0分 / 酌情',
        }),
      },
      { additionalProperties: false },
    ),
    ...ruleBase,
  },
  { additionalProperties: false, description: '年度绩效指标行：每个项目自带指标行（年度指标值、实际完成值、分值），按本政策计分' },
);
