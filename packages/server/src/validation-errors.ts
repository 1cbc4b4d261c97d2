/**
 * Fastify's request validation (ajv over the TypeBox route schemas of `@jixiao/api`) in the server's
 * words: a refused body, URL name or query answers the usual error body `{ error, message, messageEn,
 * issues }` with one Chinese sentence naming the field (its schema `title`), the value given and the
 * expected form (its schema `description`) — never ajv's English default.
 *
 * The app runs ajv with `verbose: true`, so each error carries the schema it failed (`parentSchema`) and
 * the value (`data`); fastify stops at the first error (`allErrors: false`, its guard against slow
 * requests), so there is one issue, or a few for a union that no branch matched.
 */
import type { FastifyError, FastifySchemaValidationError } from 'fastify';
import { defineMessages, type Issue } from '@jixiao/engine';
import type { ErrorBody } from '@jixiao/api';

/** Where fastify refused the request: `body`, `params` (the URL's names), `querystring`, `headers`. */
type SchemaErrorDataVar = NonNullable<FastifyError['validationContext']>;

/** The annotations of a request schema that name a field for a user. */
interface Annotated {
  title?: string;
  description?: string;
  properties?: Record<string, Annotated>;
}

/** An ajv error with `verbose: true` (fastify's type leaves these out). */
type VerboseError = FastifySchemaValidationError & { parentSchema?: Annotated; data?: unknown };

/** Where in the request: body, the URL's names, the query string (headers are not validated by schema). */
const WHERE_ZH: Record<SchemaErrorDataVar, string> = { body: '请求内容', params: '地址', querystring: '查询参数', headers: '请求头' };

const m = defineMessages({
  'request-missing': {
    zh: (p: { where: string; field: string; title: string; expected: string }) => `请求须给出${p.title}（${p.expected}）。`,
    en: (p: { where: string; field: string; title: string; expected: string }) => `the request ${p.where} lacks "${p.field}"`,
  },
  'request-invalid-value': {
    zh: (p: { where: string; field: string; title: string; expected: string; value: string; valueEn: string }) =>
      `${p.where === 'params' ? '地址中的' : ''}${p.title}${/[\x21-\x7e]$/.test(p.title) ? ' ' : ''}不合法：${p.value}（应为${p.expected}）。`,
    en: (p: { where: string; field: string; title: string; expected: string; value: string; valueEn: string }) => `invalid ${p.where} field "${p.field}": ${p.valueEn}`,
  },
  /** A text longer than its schema's `maxLength` (a case id of more than 120 characters): the limit and the length given. */
  'request-too-long': {
    zh: (p: { where: string; field: string; title: string; length: number; limit: number }) =>
      `${p.where === 'params' ? '地址中的' : ''}${p.title}${/[\x21-\x7e]$/.test(p.title) ? ' ' : ''}过长：共 ${p.length} 个字符，至多 ${p.limit} 个。`,
    en: (p: { where: string; field: string; title: string; length: number; limit: number }) =>
      `${p.where} field "${p.field}" is too long: ${p.length} characters, at most ${p.limit}`,
  },
  /** A name in the URL longer than the router takes at all (`MAX_URL_NAME_LENGTH`), refused before any route's schema sees it. */
  'request-url-name-too-long': {
    zh: (p: { limit: number }) => `地址中的名称过长（超过 ${p.limit} 个字符），已拒绝。`,
    en: (p: { limit: number }) => `a name in the URL is longer than ${p.limit} characters; refused`,
  },
  /** A URL the router cannot decode (a malformed percent escape). */
  'request-bad-url': {
    zh: () => '地址无法解析（含不合法的 % 转义），已拒绝。',
    en: () => 'the URL cannot be decoded (a malformed % escape); refused',
  },
  'request-not-object': {
    zh: (p: { where: string; title: string; expected: string }) => `${WHERE_ZH[p.where as SchemaErrorDataVar] ?? '请求内容'}须为${p.title}（${p.expected}）。`,
    // `expected` is the schema's Chinese description ("JSON 对象，以 { 开头"): not for the English
    en: (p: { where: string; title: string; expected: string }) => `the request ${p.where} is not the JSON object this route takes`,
  },
  'request-invalid': {
    zh: (p: { where: string; pointer: string; detail: string }) => `${WHERE_ZH[p.where as SchemaErrorDataVar] ?? '请求'}${p.pointer ? `中的 ${p.pointer} ` : ''}不符合接口要求（${p.detail}）。`,
    en: (p: { where: string; pointer: string; detail: string }) => `invalid request ${p.where}${p.pointer}: ${p.detail}`,
  },
});

/** The validation messages (for tests). */
export const validationMessages = m;

/** A value as a user reads it in a message: short text quoted, numbers as written, structures by kind (in Chinese and in English). */
function shown(v: unknown): { value: string; valueEn: string } {
  if (v === undefined) return { value: '（空）', valueEn: '(nothing)' };
  if (Array.isArray(v)) return { value: `${v.length} 项的数组`, valueEn: `an array of ${v.length} item(s)` };
  if (v !== null && typeof v === 'object') return { value: 'JSON 对象', valueEn: 'a JSON object' };
  const s = JSON.stringify(v);
  const short = s.length > 40 ? `${s.slice(0, 39)}…` : s;
  return { value: short, valueEn: short };
}

/** Last segment of a JSON pointer, unescaped (`/cases/3` → `3`). */
const lastSegment = (pointer: string) => (pointer.split('/').pop() ?? '').replace(/~1/g, '/').replace(/~0/g, '~');

/** One ajv error as an issue; null when its schema names nothing (another error of the same request will). */
function issueOf(e: VerboseError, where: SchemaErrorDataVar): Issue | null {
  if (e.keyword === 'required') {
    const field = String((e.params as { missingProperty?: unknown }).missingProperty ?? '');
    const sub = e.parentSchema?.properties?.[field];
    if (!sub?.title) return null;
    return m.issue('request-missing', { where, field, title: sub.title, expected: sub.description ?? '' }, { path: `${e.instancePath}/${field}` });
  }
  const s = e.parentSchema;
  if (!s?.title) return null;
  if (e.keyword === 'maxLength' && typeof e.data === 'string') {
    const limit = Number((e.params as { limit?: unknown }).limit);
    // characters as ajv and the patterns count them: Unicode code points, not UTF-16 units
    return m.issue('request-too-long', { where, field: lastSegment(e.instancePath), title: s.title, length: [...e.data].length, limit }, { path: e.instancePath });
  }
  if (e.instancePath === '') return m.issue('request-not-object', { where, title: s.title, expected: s.description ?? 'JSON 对象' }, { path: '' });
  return m.issue(
    'request-invalid-value',
    { where, field: lastSegment(e.instancePath), title: s.title, expected: s.description ?? '', ...shown(e.data) },
    { path: e.instancePath },
  );
}

/** Code of the error body by where the request was refused (the codes the routes used before the schemas). */
const CODE: Record<SchemaErrorDataVar, string> = { body: 'bad-body', params: 'bad-path', querystring: 'bad-query', headers: 'bad-request' };

/**
 * The error body for fastify's validation errors of one request: the issues of the errors whose schema
 * names the field (one per field), else a general sentence with ajv's own words.
 */
export function validationErrorBody(errors: readonly FastifySchemaValidationError[], where: SchemaErrorDataVar, frameworkMessage: string): ErrorBody {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const e of errors as readonly VerboseError[]) {
    const i = issueOf(e, where);
    if (!i || seen.has(i.path)) continue;
    seen.add(i.path);
    issues.push(i);
  }
  if (issues.length === 0) {
    const first = errors[0];
    issues.push(m.issue('request-invalid', { where, pointer: first?.instancePath ?? '', detail: first?.message ?? frameworkMessage }, { path: first?.instancePath ?? '' }));
  }
  return {
    error: CODE[where],
    message: issues.map((i) => i.message).join(''),
    messageEn: `Invalid request ${where}: ${frameworkMessage}`,
    issues,
  };
}

/**
 * The longest name (a path segment such as a case id, decoded) the router takes; longer ones are refused before
 * any route (`request-url-name-too-long`). Above every schema's own limit (a case id: 120 characters), so that
 * those limits are the ones a user meets, named with the length given (`request-too-long`); the router's own
 * default, 100, refused valid case ids of 101 to 120 characters with its English text.
 */
export const MAX_URL_NAME_LENGTH = 1000;

/**
 * The error body for a request the router refuses before any route (fastify's `frameworkErrors`): a name in the
 * URL over `MAX_URL_NAME_LENGTH` (414), or a URL that cannot be decoded (400). Null for other framework errors.
 */
export function frameworkErrorBody(code: string | undefined): { status: number; body: ErrorBody } | null {
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const i = m.issue('request-url-name-too-long', { limit: MAX_URL_NAME_LENGTH }, { path: '' });
    return { status: 414, body: { error: 'url-name-too-long', message: i.message, messageEn: i.messageEn, issues: [i] } };
  }
  if (code === 'FST_ERR_BAD_URL') {
    const i = m.issue('request-bad-url', {}, { path: '' });
    return { status: 400, body: { error: 'bad-url', message: i.message, messageEn: i.messageEn, issues: [i] } };
  }
  return null;
}
