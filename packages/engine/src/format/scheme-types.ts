/**
 * The scheme document format (评价方案文档格式), defined once with TypeBox.
 *
 * One definition gives both the JSON Schema (draft 2020-12, emitted to
 * `packages/engine/schema/scheme.schema.json` by `emit-schema.ts`, used by ajv and Monaco) and the
 * TypeScript types (`Static<...>`), so the two cannot drift apart.
 *
 * Conventions (also in docs/scheme-format.md):
 * - Numbers (分值, 得分, bounds, multipliers) are JSON numbers or decimal strings ("0.95"); the
 *   engine reads them into exact decimals (Dec), never computes in binary floating point.
 * - Percentages are fractions: 95% is written 0.95 or the string "95%".
 * - Money facts carry their unit (元 or 万元) on the declared input.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { OPERATORS, OPERATOR_NAMES } from '../conditions/operators.ts';

const d = (description: string) => ({ description });

/**
 * ajv-errors `errorMessage`: the catalogue code (validate/schema-messages.ts) that replaces every error of
 * the schema it sits on, so a user reads one sentence in finance words instead of a pattern or the
 * alternatives of a union. Monaco is given the schema without it (editor/src/monaco/scheme-schema.ts).
 */
const errorCode = (code: 'schema-number' | 'schema-id') => ({ errorMessage: code });

/** A decimal number: a JSON number or a decimal string such as "0.95", "-3", "12.50", or "95%" (= 0.95). */
export const Num = Type.Union([Type.Number(), Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?%?$' })], {
  ...d('数值：JSON 数字或十进制字符串，如 6、0.95、"0.95"、"95%"（百分数按小数写，95% 即 0.95）'),
  ...errorCode('schema-number'),
});

/** Identifier of a fact, metric, indicator, part or item: letters (incl. Chinese), digits, _ . - */
export const Id = Type.String({
  pattern: '^[\\p{L}_][\\p{L}\\p{N}_.-]*$',
  minLength: 1,
  maxLength: 80,
  description: '标识：以字母或汉字开头，可含字母、汉字、数字、_ . -',
  ...errorCode('schema-id'),
});

/** Rounding instruction (舍入): decimal places and mode. */
export const Round = Type.Object(
  {
    places: Type.Integer({ minimum: 0, maximum: 10, description: '保留小数位数' }),
    mode: Type.Optional(
      Type.Union([Type.Literal('half-up'), Type.Literal('half-even'), Type.Literal('down'), Type.Literal('up')], {
        description: '舍入方式：half-up 四舍五入（默认）、half-even 银行家舍入、down 截断、up 进一',
      }),
    ),
  },
  { additionalProperties: false, description: '舍入：保留几位小数、如何舍入' },
);

/**
 * A numeric interval (区间). A present bound must say whether it is included:
 * `{ "min": 0.9, "minInclusive": true, "max": 0.95, "maxInclusive": false }` is 90% ≤ x < 95%.
 */
const intervalProps = {
  min: Type.Optional(Num),
  minInclusive: Type.Optional(Type.Boolean({ description: '下限是否包含（含 ≥ / 不含 >）' })),
  max: Type.Optional(Num),
  maxInclusive: Type.Optional(Type.Boolean({ description: '上限是否包含（含 ≤ / 不含 <）' })),
};
const intervalOptions = { additionalProperties: false, dependentRequired: { min: ['minInclusive'], max: ['maxInclusive'] } };
export const Interval = Type.Object(intervalProps, intervalOptions);

/**
 * A condition's operator: a json-rules-engine operator name (equal, notEqual, greaterThanInclusive, …; the
 * registry in conditions/operators.ts). The schema accepts any name: the scheme check (`checkCondition`)
 * refuses an unknown one in one sentence listing the operators that fit the fact, instead of the schema
 * union's alternatives. `examples` lets editors offer the names.
 */
export const Operator = Type.String({
  minLength: 1,
  examples: [...OPERATOR_NAMES],
  description: '比较运算（json-rules-engine 的运算名，按十进制精确比较）：' + OPERATORS.map((o) => `${o.name} ${o.zh}`).join('、'),
});

/**
 * A rule rendering hint: how the rule is phrased when rendered back into 评分标准 text. In `before` and
 * `after`, the placeholder `{分值}` is replaced by the rule's points, so prose stays true when points change.
 */
export const RenderHints = Type.Object(
  {
    before: Type.Optional(Type.String({ description: '评分标准中机械规则之前的说明文字（原文照录）' })),
    after: Type.Optional(Type.String({ description: '评分标准中机械规则之后的说明文字（原文照录）' })),
    tail: Type.Optional(Type.String({ description: '评分标准最末的说明文字（在得0分、一票否决、免评条款之后）' })),
    style: Type.Optional(Type.String({ description: '渲染样式（各规则类型自定义，如档位的 ascending / descending）' })),
    subject: Type.Optional(Type.String({ description: '渲染时称呼被计分对象所用的词，如“满意度”；扣分规则中为扣分事项，如“发现一项不符合的”' })),
    name: Type.Optional(Type.String({ description: '渲染“××得分=”时的名称，如“一季度预算执行率”' })),
  },
  { additionalProperties: false, description: '渲染提示：把规则写回中文评分标准时使用' },
);

const ruleBase = {
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

/** The scheme document's whole type system, as one TypeBox module (mutually recursive types). */
export const SchemeModule = Type.Module({
  Num,
  Id,
  Round,
  Interval,
  RenderHints,
  Operator,

  /**
   * json-rules-engine's condition JSON: all / any / not / { fact, operator, value }; jixiao compiles it
   * itself (conditions/condition.ts), decimal-exactly.
   */
  Condition: Type.Union(
    [
      Type.Object({ all: Type.Array(Type.Ref('Condition'), { minItems: 1 }) }, { additionalProperties: false }),
      Type.Object({ any: Type.Array(Type.Ref('Condition'), { minItems: 1 }) }, { additionalProperties: false }),
      Type.Object({ not: Type.Ref('Condition') }, { additionalProperties: false }),
      Type.Object(
        {
          fact: Type.Ref('Id'),
          operator: Type.Ref('Operator'),
          value: Type.Union([
            Type.Number(),
            Type.String(),
            Type.Boolean(),
            Type.Array(Type.Union([Type.Number(), Type.String(), Type.Boolean()])),
            Type.Object({ fact: Type.Ref('Id') }, { additionalProperties: false }),
          ]),
        },
        { additionalProperties: false },
      ),
    ],
    d('条件（json-rules-engine 格式）：{"all":[…]}、{"any":[…]}、{"not":…} 或 {"fact":"满意度","operator":"greaterThanInclusive","value":0.95}'),
  ),

  /** 分档计分: the first tier whose interval contains the metric's value gives the score. */
  TiersRule: Type.Object(
    {
      kind: Type.Literal('tiers'),
      metric: Type.Ref('Id', { description: '被分档的事实或计算指标标识' }),
      tiers: Type.Array(
        Type.Object(
          {
            ...intervalProps,
            score: Type.Ref('Num', { description: '该档得分（分）' }),
            label: Type.Optional(Type.String({ description: '该档说明（可选）' })),
          },
          intervalOptions,
        ),
        { minItems: 1, description: '档位：区间与得分；各档须覆盖整个取值范围、互不重叠' },
      ),
      ...ruleBase,
    },
    { additionalProperties: false, description: '分档计分：如 满意度≥95%的，得6分；90%≤满意度<95%的，得4分' },
  ),

  /** 分档选项: an enumerated fact, one score per option. */
  OptionsRule: Type.Object(
    {
      kind: Type.Literal('options'),
      fact: Type.Ref('Id', { description: '枚举型事实标识' }),
      options: Type.Array(
        Type.Object(
          {
            value: Type.String({ description: '选项取值（与事实的 options 对应）' }),
            score: Type.Ref('Num'),
            text: Type.String({ description: '该档原文，如“按规定内容、时限、范围等各项要求进行公开的”' }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1 },
      ),
      ...ruleBase,
    },
    { additionalProperties: false, description: '枚举分档：如 按要求公开1.5分；公开但不符合时限、内容、范围1分；没有公开0分' },
  ),

  /** 比率计分: score = metric × multiplier, capped, with an optional zero rule. */
  RatioRule: Type.Object(
    {
      kind: Type.Literal('ratio'),
      metric: Type.Ref('Id'),
      multiplier: Type.Ref('Num', { description: '乘数（分）：比率为 100% 时的得分' }),
      cap: Type.Optional(Type.Ref('Num', { description: '封顶（分），缺省为本项分值' })),
      zeroWhen: Type.Optional(
        Type.Object(
          { when: Type.Ref('Condition'), text: Type.String({ description: '得0分条款原文' }) },
          { additionalProperties: false },
        ),
      ),
      ...ruleBase,
    },
    { additionalProperties: false, description: '比率×分值：如 政府采购执行率得分=政府采购执行率×1分，封顶，可带得0分条件' },
  ),

  /** 公式: a mathjs expression over facts and metrics, giving points. */
  FormulaRule: Type.Object(
    {
      kind: Type.Literal('formula'),
      expression: Type.String({ minLength: 1, description: '得分公式（mathjs 语法，可用中文标识），如 已完成项目数/计划完成项目总数*6' }),
      ...ruleBase,
    },
    { additionalProperties: false, description: '公式计分：如 本指标得分=已完成项目数/计划完成项目总数×6分' },
  ),

  /** 分项合计: the score is the sum of its parts, each with its own points and rule. */
  SumRule: Type.Object(
    {
      kind: Type.Literal('sum'),
      parts: Type.Array(Type.Ref('Part'), { minItems: 1 }),
      ...ruleBase,
    },
    { additionalProperties: false, description: '分项合计：如 公用经费控制率 = “三公”经费控制率得分 + 日常公用经费控制率得分' },
  ),

  Part: Type.Object(
    {
      id: Type.Ref('Id'),
      name: Type.String({ minLength: 1, description: '分项名称' }),
      points: Type.Ref('Num', { description: '分项分值（分）' }),
      rule: Type.Ref('Rule'),
    },
    { additionalProperties: false },
  ),

  /** 评分要点: each item met (a boolean fact) earns its points. */
  ChecklistRule: Type.Object(
    {
      kind: Type.Literal('checklist'),
      items: Type.Array(
        Type.Object(
          {
            id: Type.Ref('Id'),
            text: Type.String({ description: '要点原文，如“部门预算编制、分配符合本部门职责……”' }),
            points: Type.Ref('Num'),
            fact: Type.Ref('Id', { description: '布尔型事实：该要点是否达到' }),
          },
          { additionalProperties: false },
        ),
        { minItems: 1 },
      ),
      ...ruleBase,
    },
    { additionalProperties: false, description: '评分要点：每项达到得该项分数' },
  ),

  /** 扣分至零: points − count × perItem, not below the floor. */
  DeductionRule: Type.Object(
    {
      kind: Type.Literal('deduction'),
      countFact: Type.Ref('Id', { description: '计数型事实：不符合（未完成）的项数' }),
      perItem: Type.Ref('Num', { description: '每项扣分（分）' }),
      floor: Type.Optional(Type.Ref('Num', { description: '最低得分（分），缺省 0：扣完为止' })),
      ...ruleBase,
    },
    { additionalProperties: false, description: '扣分：如 发现一项不符合的扣1分，扣完为止' },
  ),

  /** 线性扣分: full points up to a threshold, then `deduct` per `step` beyond it, down to 0. */
  LinearPenaltyRule: Type.Object(
    {
      kind: Type.Literal('linearPenalty'),
      metric: Type.Ref('Id'),
      threshold: Type.Ref('Num', { description: '阈值，如 0.10（10%）' }),
      step: Type.Ref('Num', { description: '步长，如 0.01（一个百分点）' }),
      deduct: Type.Ref('Num', { description: '每步扣分（分），如 0.1' }),
      stepping: Type.Optional(
        Type.Union([Type.Literal('proportional'), Type.Literal('whole'), Type.Literal('started')], {
          description: '不足一步如何计：proportional 按比例（默认）、whole 只计整步、started 不足一步按一步',
        }),
      ),
      ...ruleBase,
    },
    { additionalProperties: false, description: '线性扣分：如 超出10%的，超出一个百分点扣0.1分，直至扣完为止' },
  ),

  /** 酌情评分: a reviewer's score between 0 and the points, with a written reason. */
  JudgementRule: Type.Object(
    {
      kind: Type.Literal('judgement'),
      guidance: Type.Optional(Type.String({ description: '评分指引原文，如“未实现绩效目标的酌情扣分”' })),
      ...ruleBase,
    },
    { additionalProperties: false, description: '酌情评分：评审人给分（0 至本项分值）并写明理由' },
  ),

  /**
   * 年度绩效指标行: rows supplied by each case (a project's own targets), scored by this policy.
   * Source: seed 001 项目支出绩效自评表.
   */
  TargetsRule: Type.Object(
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
  ),

  Rule: Type.Union(
    [
      Type.Ref('TiersRule'),
      Type.Ref('OptionsRule'),
      Type.Ref('RatioRule'),
      Type.Ref('FormulaRule'),
      Type.Ref('SumRule'),
      Type.Ref('ChecklistRule'),
      Type.Ref('DeductionRule'),
      Type.Ref('LinearPenaltyRule'),
      Type.Ref('JudgementRule'),
      Type.Ref('TargetsRule'),
    ],
    d('计分规则：kind 取 tiers / options / ratio / formula / sum / checklist / deduction / linearPenalty / judgement / targets'),
  ),

  /** 指标: a node of the indicator tree; a leaf carries a rule, an inner node carries children. */
  Indicator: Type.Object(
    {
      id: Type.Ref('Id'),
      name: Type.String({ minLength: 1, description: '指标名称' }),
      points: Type.Ref('Num', { description: '分值（参考分值，分）' }),
      description: Type.Optional(Type.String({ description: '指标说明（原文照录）' })),
      criterion: Type.Optional(Type.String({ description: '参考评分标准（原文照录，用于与规则渲染结果核对）' })),
      rule: Type.Optional(Type.Ref('Rule')),
      children: Type.Optional(Type.Array(Type.Ref('Indicator'), { minItems: 1 })),
    },
    { additionalProperties: false, description: '指标：末级指标须有 rule，上级指标须有 children' },
  ),

  /** 输入事实: a fact a case supplies. */
  Input: Type.Object(
    {
      id: Type.Ref('Id'),
      label: Type.String({ minLength: 1, description: '中文名称' }),
      type: Type.Union(
        [
          Type.Literal('number'),
          Type.Literal('percent'),
          Type.Literal('money'),
          Type.Literal('count'),
          Type.Literal('boolean'),
          Type.Literal('enum'),
          Type.Literal('text'),
          Type.Literal('rows'),
        ],
        { description: '类型：number 数值、percent 百分比（按小数）、money 金额、count 计数、boolean 是/否、enum 枚举、text 文本、rows 指标行' },
      ),
      unit: Type.Optional(Type.String({ description: '单位，如 元、万元、人、个' })),
      min: Type.Optional(Type.Ref('Num', { description: '下限（可选）' })),
      max: Type.Optional(Type.Ref('Num', { description: '上限（可选）' })),
      required: Type.Optional(Type.Boolean({ description: '是否必填（缺省 true）' })),
      default: Type.Optional(Type.Union([Type.Number(), Type.String(), Type.Boolean()])),
      options: Type.Optional(
        Type.Array(
          Type.Object({ value: Type.String(), label: Type.String() }, { additionalProperties: false }),
          { minItems: 1, description: '枚举型事实的可选值' },
        ),
      ),
      description: Type.Optional(Type.String()),
    },
    { additionalProperties: false, description: '输入事实：案例须提供的数据' },
  ),

  /** 计算指标: a derived value, e.g. 固定资产利用率 = 实际在用固定资产总额 / 固定资产总额. */
  Metric: Type.Object(
    {
      id: Type.Ref('Id'),
      label: Type.String({ minLength: 1, description: '中文名称' }),
      type: Type.Union([Type.Literal('number'), Type.Literal('percent'), Type.Literal('money'), Type.Literal('count')]),
      formula: Type.String({ minLength: 1, description: '计算公式（mathjs 语法，可用中文标识）' }),
      round: Type.Optional(Type.Ref('Round')),
      onZeroDenominator: Type.Optional(
        Type.Object(
          { value: Type.Ref('Num'), text: Type.String({ description: '分母为0时的处理说明' }) },
          { additionalProperties: false, description: '分母为 0 时取的值；缺省则报错' },
        ),
      ),
      description: Type.Optional(Type.String()),
    },
    { additionalProperties: false },
  ),

  GradeBand: Type.Object(
    { ...intervalProps, grade: Type.String({ minLength: 1, description: '等级，如 优、良、中、差' }) },
    { ...intervalOptions, description: '等级区间：总分落在区间内得该等级' },
  ),

  /** 评价方案: the whole document. */
  Scheme: Type.Object(
    {
      $schema: Type.Optional(Type.String()),
      id: Type.Ref('Id', { description: '方案标识（同一方案各年度相同），如 shenzhen-department' }),
      family: Type.Ref('Id', { description: '方案族（schemes/ 下的目录名）' }),
      title: Type.String({ minLength: 1, description: '方案名称' }),
      jurisdiction: Type.String({ minLength: 1, description: '适用地区/层级，如 深圳市市级' }),
      year: Type.Integer({ minimum: 2000, maximum: 2100, description: '适用年度' }),
      version: Type.String({ minLength: 1, description: '版本号' }),
      status: Type.Union([Type.Literal('draft'), Type.Literal('published')], { description: '状态：draft 草稿 / published 已发布' }),
      basedOn: Type.Optional(
        Type.Union([
          Type.Null(),
          Type.Object(
            { id: Type.Ref('Id'), year: Type.Integer(), hash: Type.Optional(Type.String()) },
            { additionalProperties: false },
          ),
        ]),
      ),
      publishedAt: Type.Optional(Type.String({ description: '发布时间（ISO 8601）' })),
      contentHash: Type.Optional(Type.String({ description: '发布时的内容摘要（sha256）' })),
      source: Type.Optional(Type.String({ description: '出处（种子文件、表名）' })),
      totalPoints: Type.Ref('Num', { description: '总分（通常为 100）' }),
      rounding: Type.Object(
        {
          places: Type.Integer({ minimum: 0, maximum: 10, description: '保留小数位数' }),
          mode: Type.Optional(
            Type.Union([Type.Literal('half-up'), Type.Literal('half-even'), Type.Literal('down'), Type.Literal('up')], {
              description: '舍入方式：half-up 四舍五入（默认）、half-even 银行家舍入、down 截断、up 进一',
            }),
          ),
          stages: Type.Array(
            Type.Union([Type.Literal('part'), Type.Literal('leaf'), Type.Literal('subtotal'), Type.Literal('total')]),
            { uniqueItems: true, description: '在哪些环节舍入：part 分项、leaf 末级指标、subtotal 上级指标、total 总分' },
          ),
        },
        { additionalProperties: false, description: '舍入政策' },
      ),
      grades: Type.Array(Type.Ref('GradeBand'), { minItems: 1, description: '等级区间，如 优 ≥90' }),
      inputs: Type.Array(Type.Ref('Input'), { description: '输入事实' }),
      metrics: Type.Optional(Type.Array(Type.Ref('Metric'), { description: '计算指标' })),
      indicators: Type.Array(Type.Ref('Indicator'), { minItems: 1, description: '一级指标' }),
    },
    { additionalProperties: false, description: '评价方案文档' },
  ),
});

export const SchemeSchema = SchemeModule.Import('Scheme');
export type Scheme = Static<typeof SchemeSchema>;
export type Indicator = Static<ReturnType<typeof SchemeModule.Import<'Indicator'>>>;
export type Rule = Static<ReturnType<typeof SchemeModule.Import<'Rule'>>>;
export type Part = Static<ReturnType<typeof SchemeModule.Import<'Part'>>>;
export type Condition = Static<ReturnType<typeof SchemeModule.Import<'Condition'>>>;
export type Input = Static<ReturnType<typeof SchemeModule.Import<'Input'>>>;
export type Metric = Static<ReturnType<typeof SchemeModule.Import<'Metric'>>>;
export type IntervalT = Static<typeof Interval>;
export type RoundT = Static<typeof Round>;
export type NumT = Static<typeof Num>;
export type TiersRule = Extract<Rule, { kind: 'tiers' }>;
export type OptionsRule = Extract<Rule, { kind: 'options' }>;
export type RatioRule = Extract<Rule, { kind: 'ratio' }>;
export type FormulaRule = Extract<Rule, { kind: 'formula' }>;
export type SumRule = Extract<Rule, { kind: 'sum' }>;
export type ChecklistRule = Extract<Rule, { kind: 'checklist' }>;
export type DeductionRule = Extract<Rule, { kind: 'deduction' }>;
export type LinearPenaltyRule = Extract<Rule, { kind: 'linearPenalty' }>;
export type JudgementRule = Extract<Rule, { kind: 'judgement' }>;
export type TargetsRule = Extract<Rule, { kind: 'targets' }>;
export type RuleKind = Rule['kind'];

/** Exposed for the emitter and tests. */
export type AnySchema = TSchema;
