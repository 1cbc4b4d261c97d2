/**
 * Pieces every route shares: the names that appear in URLs (方案族、年度、案例、历史序号) with their
 * patterns, the engine's `Issue` on the wire, and the error body of every refusal.
 *
 * Convention for request schemas: a field a user may get wrong carries `title` (its Chinese name, then its
 * JSON name: `新草稿的年度 year`) and `description` (the expected form, in Chinese: `四位数字，如 2025`); a
 * request body's own schema carries them too (`方案文档`, `JSON 对象，以 { 开头`). When fastify's validation
 * refuses a request, the server's message is made from them (packages/server/src/validation-errors.ts):
 * 「新草稿的年度 year 不合法："next"（应为四位数字，如 2025）。」.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Issue } from '@jixiao/engine';

/** A scheme family folder name: lower-case letters, digits and '-', e.g. `shenzhen-department`. */
export const FAMILY_PATTERN = '^[a-z0-9][a-z0-9-]{0,79}$';
/** A year: four digits. */
export const YEAR_PATTERN = '^[0-9]{4}$';
/** A case file name (without .json): letters (Chinese too), digits, `_ . -`, not starting with '.' (Unicode regular expression). */
export const CASE_ID_PATTERN = '^[\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]{0,119}$';
/**
 * The longest case id, in characters (Unicode code points, as the pattern counts them): the pattern's limit,
 * declared again as the schema's `maxLength` so that a longer id is refused naming the limit and its length.
 */
export const CASE_ID_MAX_LENGTH = 120;
/** A history entry number in a URL: 1 to 9 digits. */
export const SEQ_PATTERN = '^[0-9]{1,9}$';

/** 方案族 in a URL. */
export const Family = Type.String({ pattern: FAMILY_PATTERN, title: '方案族名称 family', description: '小写字母、数字与连字符，如 shenzhen-department' });
/** 年度 in a URL or a query. */
export const YearText = Type.String({ pattern: YEAR_PATTERN, title: '年度 year', description: '四位数字，如 2024' });
/** `/api/schemes/:family/:year` */
export const SchemeParams = Type.Object({ family: Family, year: YearText });
export type SchemeParams = Static<typeof SchemeParams>;

/** `/api/families/:family/…` */
export const FamilyParams = Type.Object({ family: Family });
export type FamilyParams = Static<typeof FamilyParams>;

/** A JSON object: a scheme or case document, whose content the engine checks (not the route). */
export function Document(title: string, description = 'JSON 对象，以 { 开头') {
  return Type.Record(Type.String(), Type.Unknown(), { title, description });
}

const IssueParam = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null(), Type.Array(Type.String())]);

/**
 * The engine's `Issue` as it crosses JSON (the type is the engine's own: errors/issue.ts); the schema
 * lets tests check that the server sends exactly that shape.
 */
export const IssueSchema = Type.Unsafe<Issue>(
  Type.Object({
    code: Type.String(),
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
    params: Type.Optional(Type.Record(Type.String(), IssueParam)),
    message: Type.String(),
    messageEn: Type.String(),
    path: Type.String(),
    indicator: Type.Optional(Type.String()),
    fact: Type.Optional(Type.String()),
  }),
);

/** Error body of every refused request: a code, the Chinese message, the English beside, the issues when there are some. */
export const ErrorBody = Type.Object(
  {
    /** Stable code, e.g. `not-found`, `invalid-scheme`, `bad-body`. */
    error: Type.String(),
    /** 中文说明。 */
    message: Type.String(),
    messageEn: Type.String(),
    issues: Type.Optional(Type.Array(IssueSchema)),
    /** For a version conflict: the file's current ETag (null when the file is gone). */
    currentEtag: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: false },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** The error responses every route may give (for route schemas). */
export const ERRORS = { '4xx': ErrorBody, '5xx': ErrorBody } as const;

/** A value typed as `T` whose shape the engine owns and documents (score sheets, changes, simulations). */
export function EngineOwned<T>() {
  return Type.Unsafe<T>(Type.Unknown());
}
