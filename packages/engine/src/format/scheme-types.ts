/**
 * The scheme document format (评价方案文档格式), defined once with TypeBox.
 *
 * One definition gives both the JSON Schema (draft 2020-12, emitted to
 * `packages/engine/schema/scheme.schema.json` by `emit-schema.ts`, used by ajv and Monaco) and the
 * TypeScript types (`Static<...>`), so the two cannot drift apart. Each rule kind's definition
 * (`rules/<kind>/schema.ts`) is composed in from the rule-kind registry by `schemeModule`; the `Rule`
 * union is never listed by hand.
 *
 * Conventions (also in docs/scheme-format.md):
 * - Numbers (分值, 得分, bounds, multipliers) are JSON numbers or decimal strings ("0.95"); the
 *   engine reads them into exact decimals (Dec), never computes in binary floating point.
 * - Percentages are fractions: 95% is written 0.95 or the string "95%". Only percents take a percent
 *   sign: amounts of points (`Points`: 分值, 得分, 扣分, grade bounds) refuse "6%".
 * - Money facts carry their unit (元 or 万元) on the declared input.
 */
import { CloneType, Type, type Static, type TRef, type TSchema, type TUnion } from '@sinclair/typebox';
import { intervalOptions } from './schema-parts.ts';
import { schemaName, type KindSchema, type SchemaName } from '../rules/kind.ts';
import { RULE_KIND_LIST } from '../rules/registry.ts';
import { OPERATORS, OPERATOR_NAMES } from '../conditions/operators.ts';
import { BandTable, CalendarEntry, NotApplicable, NotApplicablePolicy, TotalCap } from './scheme-level.ts';

const d = (description: string) => ({ description });

/**
 * ajv-errors `errorMessage`: the catalogue code (validate/schema-messages.ts) that replaces every error of
 * the schema it sits on, so a user reads one sentence in finance words instead of a pattern or the
 * alternatives of a union. Monaco is given the schema without it (editor/src/monaco/scheme-schema.ts).
 */
const errorCode = (code: 'schema-number' | 'schema-points' | 'schema-id') => ({ errorMessage: code });

/** A decimal number: a JSON number or a decimal string such as "0.95", "-3", "12.50", or "95%" (= 0.95). */
export const Num = Type.Union([Type.Number(), Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?%?$' })], {
  ...d('数值：JSON 数字或十进制字符串，如 6、0.95、"0.95"、"95%"（百分数按小数写，95% 即 0.95）'),
  ...errorCode('schema-number'),
});

/**
 * An amount of points (分值 or 得分, in 分): a JSON number or a decimal string such as "4.5", never a
 * percent — "6%" is refused (read as a fraction it would be 0.06 分). Used for indicator and part
 * points, totalPoints, tier and option scores, checklist item points, deduction perItem/floor,
 * linearPenalty deduct, ratio multiplier/cap and grade band bounds. Bounds and thresholds of percent
 * metrics stay `Num`.
 */
export const Points = Type.Union([Type.Number(), Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?$' })], {
  ...d('分值/得分（分）：JSON 数字或十进制字符串，如 6、4.5、"4.5"；不带百分号'),
  ...errorCode('schema-points'),
});

/**
 * 格式版本 (`formatVersion`) of a scheme or case document: a positive integer, absent in a document of format 1.
 * What a version means and how an older one is read: format/version.ts.
 */
export const formatVersion = (doc: '方案' | '案例') =>
  Type.Integer({ minimum: 1, description: `格式版本：写成此${doc}文档的 jixiao 所用的文档格式（正整数；不写即 1）。较新版本写成的文档须用较新版本的 jixiao 读取` });

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
export const Interval = Type.Object(intervalProps, intervalOptions);

/** A grade band's interval: its bounds are total scores (分), so `Points`, not percents. */
const bandBound = (description: string) => Type.Optional(Object.assign(CloneType(Points), { description }));
const gradeBandProps = { ...intervalProps, min: bandBound('等级下限（总分，分）'), max: bandBound('等级上限（总分，分）') };

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
    restate: Type.Optional(
      Type.String({ description: '线性扣分 compact 样式：扣分句前重述越限条件时称呼计分对象的词，如“三公经费”（渲染为“三公经费”>0，每超过一个百分点扣0.5分）' }),
    ),
  },
  { additionalProperties: false, description: '渲染提示：把规则写回中文评分标准时使用' },
);

/**
 * The scheme document's definitions other than the rule kinds (mutually recursive types, named by
 * reference: `Type.Ref('Condition')`). The rule kinds' fragments and the `Rule` union are added by
 * `schemeModule` from the registry.
 */
const definitions = {
  Num,
  Points,
  Id,
  Round,
  Interval,
  RenderHints,
  Operator,
  TotalCap,
  NotApplicablePolicy,
  NotApplicable,
  CalendarEntry,
  BandTable,

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

  /** A part of a composite rule (分项合计): its own id, name, points and rule. */
  Part: Type.Object(
    {
      id: Type.Ref('Id'),
      name: Type.String({ minLength: 1, description: '分项名称' }),
      points: Type.Ref('Points', { description: '分项分值（分）' }),
      rule: Type.Ref('Rule'),
    },
    { additionalProperties: false },
  ),

  /** 指标: a node of the indicator tree; a leaf carries a rule, an inner node carries children. */
  Indicator: Type.Object(
    {
      id: Type.Ref('Id'),
      name: Type.String({ minLength: 1, description: '指标名称' }),
      points: Type.Ref('Points', { description: '分值（参考分值，分）' }),
      description: Type.Optional(Type.String({ description: '指标说明（原文照录）' })),
      criterion: Type.Optional(Type.String({ description: '参考评分标准（原文照录，用于与规则渲染结果核对）' })),
      rule: Type.Optional(Type.Ref('Rule')),
      children: Type.Optional(Type.Array(Type.Ref('Indicator'), { minItems: 1 })),
      notApplicable: Type.Optional(Type.Ref('NotApplicable')),
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
    { ...gradeBandProps, grade: Type.String({ minLength: 1, description: '等级，如 优、良、中、差' }) },
    { ...intervalOptions, description: '等级区间：总分落在区间内得该等级' },
  ),

  /** 评价方案: the whole document. */
  Scheme: Type.Object(
    {
      $schema: Type.Optional(Type.String()),
      formatVersion: Type.Optional(formatVersion('方案')),
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
      totalPoints: Type.Ref('Points', { description: '总分（通常为 100）' }),
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
      grades: Type.Array(Type.Ref('GradeBand'), {
        description: '等级区间，如 优 ≥90；空列表表示方案不评等级（如总分非百分制的节选），评分表写明无等级',
      }),
      inputs: Type.Array(Type.Ref('Input'), { description: '输入事实' }),
      metrics: Type.Optional(Type.Array(Type.Ref('Metric'), { description: '计算指标' })),
      indicators: Type.Array(Type.Ref('Indicator'), { minItems: 1, description: '一级指标' }),
      totalCap: Type.Optional(Type.Ref('TotalCap')),
      notApplicablePolicy: Type.Optional(Type.Ref('NotApplicablePolicy')),
      calendar: Type.Optional(Type.Array(Type.Ref('CalendarEntry'), { description: '节点日期' })),
      bandTables: Type.Optional(Type.Array(Type.Ref('BandTable'), { description: '共用分档表' })),
    },
    { additionalProperties: false, description: '评价方案文档' },
  ),
};

/** The rule kinds' fragments, each under its schema name (`TiersRule`, …). */
type RuleSchemas<T extends readonly KindSchema[]> = { [D in T[number] as SchemaName<D['kind']>]: D['schema'] };
/** One reference per rule kind, in the registry's order: the members of the `Rule` union. */
type RuleRefs<T extends readonly KindSchema[]> = { -readonly [I in keyof T]: T[I] extends { kind: infer K extends string } ? TRef<SchemaName<K>> : never };
/** The `Rule` union of the given kinds. */
type RuleUnion<T extends readonly KindSchema[]> = RuleRefs<T> extends infer U extends TSchema[] ? TUnion<U> : never;

/**
 * The scheme document's whole type system, as one TypeBox module, for the given rule kinds: the
 * definitions above, each kind's fragment (`$defs/TiersRule`, …) and `Rule`, the union of them all.
 * The production format is `SchemeModule` (the registry's kinds); a test may build one with a kind more.
 */
export function schemeModule<T extends readonly KindSchema[]>(kinds: T) {
  const fragments = Object.fromEntries(kinds.map((k) => [schemaName(k.kind), k.schema])) as RuleSchemas<T>;
  const list = kinds.map((k) => k.kind).join(' / ');
  const rule = Type.Union(
    kinds.map((k) => Type.Ref(schemaName(k.kind))),
    d(`计分规则：kind 取 ${list}`),
  ) as unknown as RuleUnion<T>;
  return Type.Module({ ...definitions, ...fragments, Rule: rule });
}

/** The scheme format: the definitions and the registry's rule kinds. */
export const SchemeModule = schemeModule(RULE_KIND_LIST);

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
export type RenderHintsT = Static<typeof RenderHints>;
export type NumT = Static<typeof Num>;
export type PointsT = Static<typeof Points>;
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
export type TotalCapT = Static<ReturnType<typeof SchemeModule.Import<'TotalCap'>>>;
export type BandTableT = Static<ReturnType<typeof SchemeModule.Import<'BandTable'>>>;
export type CalendarEntryT = Static<ReturnType<typeof SchemeModule.Import<'CalendarEntry'>>>;

/** Exposed for the emitter and tests. */
export type AnySchema = TSchema;
