/** The scheme format of one rule kind: its TypeBox fragment, composed into the scheme module by the registry. */
import { Type } from '@sinclair/typebox';
import { ruleBase } from '../../format/schema-parts.ts';

/**
 * 时间节点 (milestones): dated steps, each due by a 节点 of the scheme's calendar; each step not done by its
 * date deducts, 扣完为止. Source: "6月底前…全部下达"; "春节前下达…50%"; "每出现一个专项未按进度完成扣0.5分，扣完为止".
 */
export const MilestonesRuleSchema = Type.Object(
  {
    kind: Type.Literal('milestones'),
    items: Type.Array(
      Type.Object(
        {
          id: Type.Ref('Id'),
          due: Type.Ref('Id', { description: '截止节点：方案 calendar 中的节点标识' }),
          what: Type.String({ minLength: 1, description: '应完成的事项原文，如“全部下达”“下达50%”' }),
          done: Type.Optional(Type.Ref('Id', { description: '实际完成日期的事实（文本，如 2024-06-28；未完成填 null 或不填）：未按期完成记一项' })),
          late: Type.Optional(Type.Ref('Id', { description: '或：未按该节点完成的个数的事实（计数，如 未按进度下达的专项数）：每个记一项' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, description: '时间节点：各事项及其截止节点' },
    ),
    perMiss: Type.Ref('Points', { description: '每出现一项未按进度完成扣几分' }),
    each: Type.Optional(Type.String({ minLength: 1, description: '扣分句中“每出现一个……扣N分”的事项原文，如“专项未按进度完成资金下达”（缺省“事项未按进度完成”）' })),
    ...ruleBase,
  },
  { additionalProperties: false, description: '时间节点：如 6月底前全部下达；每出现一个专项未按进度完成扣0.5分，扣完为止' },
);
