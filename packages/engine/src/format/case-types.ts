/**
 * The case document format (案例文档格式): one department's or project's facts for one year,
 * the reviewer's entries, and what the report published. Defined with TypeBox like the scheme.
 *
 * Layout on disk: `schemes/<family>/cases/<year>/<case>.json`.
 */
import { CloneType, Type, type Static } from '@sinclair/typebox';
import { Num, Id, formatVersion } from './scheme-types.ts';

/** A number (see `Num`) with the name of what it is, for the schema's hover text and its messages. */
const num = (description: string): typeof Num => Object.assign(CloneType(Num), { description });

/** A fact value with the sentence of the report it was taken from. */
export const SourcedFact = Type.Object(
  {
    value: Type.Union([Type.Number(), Type.String(), Type.Boolean(), Type.Null(), Type.Array(Type.Unknown())]),
    source: Type.Optional(Type.String({ description: '出处：报告原句' })),
  },
  { additionalProperties: false },
);

/** 年度绩效指标行 (one row of a project's self-evaluation table, seed 001). */
export const TargetRow = Type.Object(
  {
    id: Type.Optional(Type.String()),
    level1: Type.String({ description: '一级指标，如 产出指标' }),
    level2: Type.String({ description: '二级指标，如 数量指标' }),
    level3: Type.String({ description: '三级指标（指标名称）' }),
    target: Type.String({ description: '年度指标值（原文），如 ≥1000家' }),
    actual: Type.String({ description: '实际完成值（原文），如 1100家' }),
    points: num('分值（分）'),
    selfScore: Type.Optional(num('自评得分（分）')),
    band: Type.Optional(Type.String({ minLength: 1, description: '自评所选档次（定性指标按档次评分时），如 部分达成年度指标并具有一定效果' })),
    deviation: Type.Optional(Type.String({ description: '偏差原因分析及改进措施' })),
  },
  { additionalProperties: false },
);

/** 评审录入: a reviewer's score for a judgement item, or for a rule whose facts the report withholds. */
export const ReviewerEntry = Type.Object(
  {
    score: num('给分（分）'),
    reason: Type.String({ minLength: 1, description: '给分理由（必填）' }),
    band: Type.Optional(Type.String({ minLength: 1, description: '所选档次（方案规定按档次酌情评分时），如 达成年度指标' })),
    basis: Type.Optional(
      Type.Union([Type.Literal('judgement'), Type.Literal('undisclosed')], {
        description: 'judgement 酌情评分；undisclosed 报告未披露计算所需事实，照录报告得分（记为未核实）',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Discrepancy = Type.Object(
  {
    indicator: Type.String(),
    reported: num('报告得分（分）'),
    computed: num('按规则计算的得分（分）'),
    reason: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

export const CaseSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    formatVersion: Type.Optional(formatVersion('案例')),
    id: Id,
    name: Type.String({ minLength: 1, description: '案例名称（项目为项目名称）' }),
    department: Type.Optional(Type.String({ description: '部门（单位）名称（项目为主管部门）：部门填报账号只看到本部门的案例' })),
    status: Type.Optional(
      Type.Union([Type.Literal('filling'), Type.Literal('submitted'), Type.Literal('reviewed')], {
        description: '案例状态：filling 填报中（缺省）、submitted 已提交、reviewed 已审核；只能通过提交、审核、退回操作改变，保存不改变它',
      }),
    ),
    year: Type.Integer({ description: '评价年度' }),
    scheme: Type.Object({ id: Id, year: Type.Integer() }, { additionalProperties: false, description: '所用评价方案（标识与年度）' }),
    source: Type.Optional(Type.String({ description: '出处（种子文件、报告名）' })),
    facts: Type.Record(Type.String(), Type.Union([SourcedFact, Type.Number(), Type.String(), Type.Boolean(), Type.Null(), Type.Array(Type.Unknown())]), {
      description: '事实：键为方案声明的事实标识，值为数值、文本、是/否、指标行，或 {"value": 值, "source": "报告原句"}',
    }),
    reviewer: Type.Optional(Type.Record(Type.String(), ReviewerEntry, { description: '评审录入：键为指标标识或“指标标识/分项标识”' })),
    reported: Type.Optional(
      Type.Object(
        {
          total: Type.Optional(num('报告的总分（分）')),
          grade: Type.Optional(Type.String()),
          scores: Type.Optional(Type.Record(Type.String(), Num, { description: '报告公布的各指标得分（含上级指标小计）' })),
        },
        { additionalProperties: false },
      ),
    ),
    discrepancies: Type.Optional(Type.Array(Discrepancy, { description: '报告自身算术与规则不一致之处' })),
    notes: Type.Optional(Type.String()),
  },
  { additionalProperties: false, description: '案例文档' },
);

export type CaseDoc = Static<typeof CaseSchema>;
export type TargetRowT = Static<typeof TargetRow>;
export type ReviewerEntryT = Static<typeof ReviewerEntry>;
export type DiscrepancyT = Static<typeof Discrepancy>;
