/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { intervalMembers, intervalOptions, ruleBase } from '../../format/schema-parts.ts';

/**
 * 评分档次 (band): a range of scores within which a reviewer judges, e.g. 财预〔2020〕10号's qualitative
 * targets: 达成年度指标 100–80%（含）, 部分达成年度指标并具有一定效果 80–60%（含）, 未达成年度指标且效果较差
 * 60–0% of the points. The bounds are shares of the points (`unit` share, the default: 0.8 or "80%") or
 * points (`unit` points: 4). With `when` the band is chosen by the facts (a band whose points a document
 * does not state, "完成率在60-100%的…"); without it the reviewer picks the band and gives a score inside it,
 * with a reason. A band whose bounds are equal and included is a fixed score (no reviewer needed).
 * Also used by 年度绩效指标行 (targets) for qualitative rows.
 */
export const BandSchema = Type.Object(
  {
    label: Type.String({ minLength: 1, description: '档次名称（原文），如“达成年度指标”' }),
    unit: Type.Optional(Type.Union([Type.Literal('share'), Type.Literal('points')], { description: '区间单位：share 占分值的比例（默认，如 0.8 或 "80%"）；points 分' })),
    ...intervalMembers,
    when: Type.Optional(Type.Ref('Condition', { description: '按事实选择本档的条件；不写则由评审选择档次' })),
    text: Type.Optional(Type.String({ description: '本档评分标准原文（按条件选择档次时渲染用）' })),
  },
  { ...intervalOptions, description: '评分档次：评审在本档分数区间内酌情给分并写明理由' },
);

/** 酌情评分 (judgement): a reviewer's score between 0 and the points (or within a band), with a written reason. */
export const JudgementRuleSchema = Type.Object(
  {
    kind: Type.Literal('judgement'),
    guidance: Type.Optional(Type.String({ description: '评分指引原文，如“未实现绩效目标的酌情扣分”' })),
    bands: Type.Optional(Type.Array(BandSchema, { minItems: 1, description: '评分档次：评审选择档次（或按条件确定档次），在该档区间内给分' })),
    ...ruleBase,
  },
  { additionalProperties: false, description: '酌情评分：评审人给分（0 至本项分值，或所选档次的区间内）并写明理由' },
);
