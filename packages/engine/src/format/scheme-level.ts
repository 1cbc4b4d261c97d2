/**
 * Scheme-level policies beyond the indicator tree (issue 10, items 6, 7, 12, 13), as TypeBox fragments the
 * scheme module composes (`format/scheme-types.ts`): a cap on the total tied to a value, 不适用 indicators
 * renormalised to 百分制, the calendar of dated milestones, and shared band tables referenced by many leaves.
 * Other definitions are named by reference (`Type.Ref('Id')`, `'Num'`, `'Points'`, `'Condition'`).
 */
import { Type } from '@sinclair/typebox';
import { intervalMembers, intervalOptions } from './schema-parts.ts';

/**
 * 总分封顶 (a cap on the total tied to a value): every band containing the value caps the total, and where
 * bands overlap the strictest (lowest) cap holds. Source (项目支出绩效自评): "执行率为70%至80%的，绩效自评不超过
 * 89分；执行率为60%至70%的，绩效自评不超过79分；执行率低于60%的，绩效自评不超过69分；执行率低于50%的，绩效自评
 * 不超过59分。自评得分超出最高得分部分，予以减分处理。"
 */
export const TotalCap = Type.Object(
  {
    metric: Type.Ref('Id', { description: '决定封顶分的事实或计算指标，如 预算执行率' }),
    subject: Type.Optional(Type.String({ description: '渲染时称呼该值所用的词，如“执行率”（缺省为其中文名称）' })),
    bands: Type.Array(
      Type.Object(
        { ...intervalMembers, cap: Type.Ref('Points', { description: '落在该区间时总分不超过的分数（分）' }) },
        intervalOptions,
      ),
      { minItems: 1, description: '区间与最高得分；区间可重叠，重叠时取最低的最高得分' },
    ),
    after: Type.Optional(Type.String({ description: '封顶条款之后的原文，如“自评得分超出最高得分部分，予以减分处理。”' })),
  },
  { additionalProperties: false, description: '总分封顶：如 执行率为70%至80%的，绩效自评不超过89分' },
);

/**
 * 不适用指标折算 (renormalise): indicators that do not apply are not scored, and the applicable indicators'
 * scores are converted to 百分制: total = Σ 适用指标得分 ÷ Σ 适用指标分值 × 总分. Source (财预〔2020〕10号 附件,
 * 项目支出绩效评价): "对于不适用部分评价对象的评价指标，不考核该指标，用适用指标得分汇总后按百分制对该项目折算计分".
 */
export const NotApplicablePolicy = Type.Object(
  {
    mode: Type.Literal('renormalise', { description: 'renormalise 用适用指标得分汇总后按百分制折算' }),
    text: Type.Optional(Type.String({ description: '折算条款原文' })),
  },
  { additionalProperties: false, description: '不适用指标的处理：不考核该指标，适用指标得分按百分制折算' },
);

/** 不适用 on an indicator: when the condition holds, the indicator (and all below it) is not scored. */
export const NotApplicable = Type.Object(
  {
    when: Type.Ref('Condition'),
    text: Type.String({ minLength: 1, description: '不适用情形原文，如“未安排政府采购预算的”' }),
  },
  { additionalProperties: false, description: '不适用：条件成立时不考核该指标（方案须写明 notApplicablePolicy）' },
);

/**
 * 节点日期 (calendar): dated milestones named once for the scheme, their dates per year, so that a rule says
 * "6月底前" and next year's scheme changes a date, not code. Source: "6月底前…全部下达", "春节前下达…50%".
 */
export const CalendarEntry = Type.Object(
  {
    id: Type.Ref('Id'),
    label: Type.String({ minLength: 1, description: '节点在评分标准中的写法，如“6月底前”“春节前”' }),
    dates: Type.Record(Type.String({ pattern: '^[0-9]{4}$' }), Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }), {
      description: '各年度的截止日期（含当日），如 {"2024": "2024-06-30"}',
    }),
  },
  { additionalProperties: false, description: '节点日期：一个节点在各年度的截止日期' },
);

/**
 * 共用分档表 (a band table shared by many leaves): bands of a value, each giving a share of the leaf's 分值,
 * so the same table scores a 2-point and a 5-point leaf. Source (财预〔2020〕10号 定性指标): "达成年度指标…
 * 100-80%（含）…" — written once, referenced by every leaf that uses it.
 */
export const BandTable = Type.Object(
  {
    id: Type.Ref('Id'),
    name: Type.String({ minLength: 1, description: '分档表名称，如 完成率分档' }),
    bands: Type.Array(
      Type.Object(
        {
          ...intervalMembers,
          share: Type.Ref('Num', { description: '该档得分占分值的比例（百分数按小数写，如 0.8 或 "80%"）' }),
          text: Type.Optional(Type.String({ description: '该档的原文写法（缺省按区间渲染）' })),
        },
        intervalOptions,
      ),
      { minItems: 1, description: '档位：区间与得分比例；各档须覆盖整个取值范围、互不重叠' },
    ),
  },
  { additionalProperties: false, description: '共用分档表：多个指标引用的同一张分档表' },
);
