/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';
import { BandSchema } from '../judgement/schema.ts';

/**
 * 年度绩效指标行 (targets): rows supplied by each case (a project's own targets), scored by this policy.
 * Sources: seed 001 项目支出绩效自评表 (深圳市商务局 2020); 财预〔2020〕10号 项目支出绩效自评 ("完成指标值的，记该
 * 指标所赋全部分值；对完成值高于指标值较多的，要分析原因，如果是由于年初指标值设定明显偏低造成的，要按照偏离度适度调减
 * 分值；未完成指标值的，按照完成值与指标值的比例记分", 定性指标 three bands, 一级指标权重 产出50、效益30、满意度10);
 * overshoot rules of provincial schemes ("完成值超过年初设置指标值30%及以上的指标，定义为指标偏离并减2分";
 * "实际完成未达到预期指标或超过预期指标30%以上的，均不计分").
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
          { description: '定量目标未达成：按完成比例（正向指标 完成值÷指标值×分值；反向指标 指标值÷实际值×分值）/ 0分 / 酌情' },
        ),
        qualitative: Type.Union([Type.Literal('judgement'), Type.Literal('full'), Type.Literal('bands')], {
          description: '定性目标（及时、有效、良好……）：酌情（采用自评分并核对上限）、满分，或按档次酌情（bands：在所选档次区间内给分并写明理由）',
        }),
        notApplicable: Type.Union([Type.Literal('full'), Type.Literal('zero'), Type.Literal('judgement')], {
          description: '不适用行：满分 / 0分 / 酌情',
        }),
        overshoot: Type.Optional(
          Type.Object(
            {
              over: Type.Optional(Type.Ref('Num', { description: '偏离度界限：(完成值 − 指标值) ÷ 指标值，如 0.3（30%）；按偏离度酌情调减时可不写' })),
              inclusive: Type.Optional(Type.Boolean({ description: '是否含界限（“30%及以上”为 true，默认；“30%以上”为 false）' })),
              then: Type.Union([Type.Literal('deduct'), Type.Literal('zero'), Type.Literal('judgement')], {
                description: '超过界限时：deduct 减分（指标偏离减N分）、zero 不计分、judgement 按偏离度适度调减（评审或自评给分并写明原因）',
              }),
              deduct: Type.Optional(Type.Ref('Points', { description: '指标偏离减分（分），如 2' })),
            },
            { additionalProperties: false, description: '超额完成（指标偏离）：正向定量指标完成值高于指标值较多时的处理' },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    bands: Type.Optional(Type.Array(BandSchema, { minItems: 1, description: '定性指标的评分档次（policy.qualitative 为 bands 时必填），区间为该行分值的比例' })),
    weights: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, description: '分组名称（一级指标），如 产出指标' }),
            match: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: '归入本组的一级或二级指标名称（默认为分组名称）' })),
            points: Type.Ref('Points', { description: '本组权重（分），如 50' }),
            absentTo: Type.Optional(Type.String({ minLength: 1, description: '本组没有指标行时，其权重调整至的分组名称，如 效益指标' })),
          },
          { additionalProperties: false },
        ),
        { minItems: 1, description: '一级指标权重：各组指标行分值合计应等于其权重（财预〔2020〕10号：产出50、效益30、满意度10；未设置满意度指标的，其权重调整至效益指标）' },
      ),
    ),
    ...ruleBase,
  },
  { additionalProperties: false, description: '年度绩效指标行：每个项目自带指标行（年度指标值、实际完成值、分值），按本政策计分' },
);
