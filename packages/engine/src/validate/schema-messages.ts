/**
 * Messages of the JSON Schema check of schemes and cases (validate/schema.ts), in the words of the
 * people who write a policy: what the field is called (taken from the schema's own Chinese
 * description, e.g. 分值, 指标名称), what is wrong with the value written there, and what to write
 * instead — never a regular expression or a list of union alternatives.
 *
 * Every entry's params carry `path` (the JSON pointer), `label` (the field's Chinese name, when the
 * schema gives one) and `property` (its JSON name), plus what the keyword needs (allowed values, a
 * limit, the missing property…). `value` is the value found, as JSON text, shortened.
 */
import { defineMessages } from '../errors/catalogue.ts';

/** Where a schema problem is: its JSON path, the field's Chinese label and its JSON property name. */
export type SchemaAt = { path: string; label?: string; property?: string };

/** The field as Chinese text names it: its label, else its property name quoted, else the document. */
const field = (p: SchemaAt) => p.label ?? (p.property !== undefined ? `“${p.property}”` : '文档');
/** The place as English text names it. */
const place = (p: SchemaAt) => p.path || 'the document';

/** JSON Schema type names in finance words (what to write), and in English. */
const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是/否（true/false）',
  object: '对象 {…}',
  array: '列表 […]',
  null: '空（null）',
};
/** "数字、文本或是/否（true/false）". */
const typesZh = (ts: readonly string[]) => {
  const names = [...new Set(ts.map((t) => TYPE_ZH[t] ?? t))];
  return names.length > 1 ? `${names.slice(0, -1).join('、')}或${names[names.length - 1]}` : (names[0] ?? '');
};

/** Why an identifier is refused. */
export type IdProblem = 'space' | 'start' | 'char' | 'empty' | 'long' | 'type';
const ID_ZH: Record<IdProblem, string> = {
  space: '其中有空格',
  start: '须以汉字或字母开头',
  char: '含有不允许的字符',
  empty: '不能为空',
  long: '超过 80 个字符',
  type: '应为文本',
};
const ID_EN: Record<IdProblem, string> = {
  space: 'it contains a space',
  start: 'it must start with a letter or Chinese character',
  char: 'it contains a character that is not allowed',
  empty: 'it is empty',
  long: 'it is longer than 80 characters',
  type: 'it must be text',
};

type ValueP = SchemaAt & { value: string };
type LimitP = SchemaAt & { limit: number };
type BoundP = SchemaAt & { limit: number; value: string; exclusive: boolean };

export const schemaMessages = defineMessages({
  /** A required property is absent: `owner` names the object (指标, 分档计分…), `missing` the property, `missingLabel` its Chinese name. */
  'schema-required': {
    zh: (p: SchemaAt & { owner?: string; missing: string; missingLabel?: string }) =>
      `${p.owner ?? field(p)}缺少${p.missingLabel ? `“${p.missingLabel}”（${p.missing}）` : ` ${p.missing}`}，请补上`,
    en: (p: SchemaAt & { owner?: string; missing: string; missingLabel?: string }) => `${place(p)}: required property "${p.missing}" is missing`,
  },
  /** A property the format does not know (a typo, or a field of another kind of rule): `allowed` lists the ones there are. */
  'schema-additionalProperties': {
    zh: (p: SchemaAt & { owner?: string; extra: string; allowed: readonly string[] }) =>
      `${p.owner ?? field(p)}中有不认识的属性“${p.extra}”：如是拼写错误请改正，否则请删除${p.allowed.length ? `（这里可用的属性：${p.allowed.join('、')}）` : ''}`,
    en: (p: SchemaAt & { owner?: string; extra: string; allowed: readonly string[] }) =>
      `${place(p)}: unknown property "${p.extra}"${p.allowed.length ? ` (allowed: ${p.allowed.join(', ')})` : ''}`,
  },
  /** A value of the wrong JSON type; `expected` are JSON Schema type names. */
  'schema-type': {
    zh: (p: ValueP & { expected: readonly string[] }) => `${field(p)}应为${typesZh(p.expected)}，现为 ${p.value}`,
    en: (p: ValueP & { expected: readonly string[] }) => `${place(p)} must be ${p.expected.join(' or ')}, got ${p.value}`,
  },
  /** A number (分值, 得分, 界限…) written as words or with a unit. */
  'schema-number': {
    zh: (p: ValueP) => `${field(p)}应为数字，如 6、4.5，也可写成 "4.5" 或百分数 "95%"；不能写成文字或带单位，现为 ${p.value}`,
    en: (p: ValueP) => `${place(p)} must be a number such as 6 or 4.5 (or a decimal string "4.5", "95%"), without words or units; got ${p.value}`,
  },
  /** An amount of points (分值, 得分, 扣分…) written as words or with a unit: no percent is suggested, points are 分. */
  'schema-points': {
    zh: (p: ValueP) => `${field(p)}应为数字（以“分”计），如 6、4.5，也可写成 "4.5"；不能写成文字或带单位，现为 ${p.value}`,
    en: (p: ValueP) => `${place(p)} must be a number of points such as 6 or 4.5 (or a decimal string "4.5"), without words or units; got ${p.value}`,
  },
  /**
   * An amount of points written with a percent sign ("6%"): refused, not read as the fraction 0.06 分.
   * `number` is the value without its sign (what was probably meant, in 分).
   */
  'schema-points-percent': {
    zh: (p: ValueP & { number: string }) =>
      `${field(p)}不能带百分号，现为 ${p.value}：分值和得分以“分”计，请只写数字，如 ${p.number}（百分号只用于比率，如执行率 "95%"）`,
    en: (p: ValueP & { number: string }) =>
      `${place(p)}: points take no percent sign, got ${p.value}; write the number of points, e.g. ${p.number} (a percent sign is only for rates such as "95%")`,
  },
  /** An identifier (标识) that cannot be one; `char` is the first character not allowed. */
  'schema-id': {
    zh: (p: ValueP & { problem: IdProblem; char?: string }) =>
      `${field(p)} ${p.value} 无效：${ID_ZH[p.problem]}${p.char ? `“${p.char}”` : ''}。标识须以汉字或字母开头，只含汉字、字母、数字和 _ . -（不能有空格），最长 80 个字符`,
    en: (p: ValueP & { problem: IdProblem; char?: string }) =>
      `${place(p)}: ${p.value} cannot be an id: ${ID_EN[p.problem]}${p.char ? ` ("${p.char}")` : ''}; an id starts with a letter and holds letters, digits, _ . - (at most 80)`,
  },
  /** A value outside a fixed list (status draft / published, a rounding mode…). */
  'schema-enum': {
    zh: (p: ValueP & { allowed: readonly string[] }) => `${field(p)}只能取以下之一：${p.allowed.join('、')}；现为 ${p.value}`,
    en: (p: ValueP & { allowed: readonly string[] }) => `${place(p)} must be one of ${p.allowed.join(', ')}, got ${p.value}`,
  },
  'schema-minLength': {
    zh: (p: LimitP) => (p.limit <= 1 ? `${field(p)}不能为空，请填写` : `${field(p)}至少要有 ${p.limit} 个字符`),
    en: (p: LimitP) => (p.limit <= 1 ? `${place(p)} must not be empty` : `${place(p)} must have at least ${p.limit} characters`),
  },
  'schema-maxLength': {
    zh: (p: LimitP) => `${field(p)}最多 ${p.limit} 个字符`,
    en: (p: LimitP) => `${place(p)} must have at most ${p.limit} characters`,
  },
  'schema-minimum': {
    zh: (p: BoundP) => `${field(p)}${p.exclusive ? '应大于' : '不能小于'} ${p.limit}，现为 ${p.value}`,
    en: (p: BoundP) => `${place(p)} must be ${p.exclusive ? '>' : '>='} ${p.limit}, got ${p.value}`,
  },
  'schema-maximum': {
    zh: (p: BoundP) => `${field(p)}${p.exclusive ? '应小于' : '不能大于'} ${p.limit}，现为 ${p.value}`,
    en: (p: BoundP) => `${place(p)} must be ${p.exclusive ? '<' : '<='} ${p.limit}, got ${p.value}`,
  },
  'schema-minItems': {
    zh: (p: LimitP) => `${field(p)}至少要有 ${p.limit} 项`,
    en: (p: LimitP) => `${place(p)} must have at least ${p.limit} item${p.limit === 1 ? '' : 's'}`,
  },
  /** Items `first` and `second` (1-based) of a list that must not repeat are the same. */
  'schema-uniqueItems': {
    zh: (p: SchemaAt & { first: number; second: number }) => `${field(p)}中第 ${p.second} 项与第 ${p.first} 项重复，请删去一项`,
    en: (p: SchemaAt & { first: number; second: number }) => `${place(p)}: items ${p.first} and ${p.second} are the same`,
  },
  /** A bound written without saying whether it is included (min without minInclusive…). */
  'schema-dependentRequired': {
    zh: (p: SchemaAt & { given: string; missing: string; missingLabel?: string }) =>
      `${field(p)}写了 ${p.given} 就须同时写明 ${p.missing}${p.missingLabel ? `（${p.missingLabel}）` : ''}${
        p.missing.endsWith('Inclusive') ? `：true 即含该界限（≥ 或 ≤），false 即不含（> 或 <）` : ''
      }`,
    en: (p: SchemaAt & { given: string; missing: string; missingLabel?: string }) => `${place(p)}: "${p.given}" needs "${p.missing}" beside it`,
  },
  /** A value that fits none of the forms a field may take; `forms` says them, from the schema's description. */
  'schema-union': {
    zh: (p: SchemaAt & { forms?: string }) => `${field(p)}的写法不对${p.forms ? `，应为：${p.forms}` : ''}`,
    en: (p: SchemaAt & { forms?: string }) => `${place(p)} matches none of the forms it may take`,
  },
  /** Any other schema keyword: ajv-i18n's Chinese (`detail`) and ajv's English (`detailEn`). */
  /** A date (节点日期) not written as YYYY-MM-DD: 2021/02/11, 2021-2-11, a date picker's 275760-01-21. */
  'schema-date': {
    zh: (p: ValueP) => `${field(p)}应为日期，写成 2021-02-11 的形式（年-月-日，月和日各两位），现为 ${p.value}`,
    en: (p: ValueP) => `${place(p)} must be a date written YYYY-MM-DD, such as 2021-02-11; got ${p.value}`,
  },
  'schema-invalid': {
    zh: (p: SchemaAt & { keyword: string; detail: string; detailEn: string }) => `${field(p)}${p.detail}`,
    en: (p: SchemaAt & { keyword: string; detail: string; detailEn: string }) => `${place(p)} ${p.detailEn}`,
  },
  /** A rule that is not a JSON object. */
  'rule-not-object': {
    zh: (p: ValueP) => `计分规则应为对象（JSON 对象，含 kind 等属性），实际为 ${p.value}`,
    en: (p: ValueP) => `a rule must be an object, got ${p.value}`,
  },
  /** A rule without `kind` (`kind` absent) or of a kind there is not (`kind`: as written, JSON); `known` lists the kinds. */
  'unknown-rule-kind': {
    zh: (p: SchemaAt & { kind?: string; known: readonly string[] }) =>
      p.kind === undefined ? `计分规则缺少 kind（规则类型）；可用的类型：${p.known.join('、')}` : `未知的计分规则类型 kind: ${p.kind}；可用的类型：${p.known.join('、')}`,
    en: (p: SchemaAt & { kind?: string; known: readonly string[] }) =>
      p.kind === undefined ? `the rule has no "kind"; known kinds: ${p.known.join(', ')}` : `unknown rule kind ${p.kind}; known kinds: ${p.known.join(', ')}`,
  },
});
