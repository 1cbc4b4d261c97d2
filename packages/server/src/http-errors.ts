/**
 * Uniform JSON error bodies: `{ error, message (中文), messageEn, issues? }`, and the mapping of
 * framework errors (bad JSON, body too large, a request the route schema refuses, a name the store refuses) to them.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { StoreError } from '@jixiao/store';
import type { ErrorBody } from '@jixiao/api';
import { defineMessages } from '@jixiao/engine/catalogue';
import { frameworkErrorBody, validationErrorBody } from './validation-errors.ts';
import { DocumentBodyError } from './json-body.ts';

/** The error body every refusal answers (declared once in `@jixiao/api`). */
export type { ErrorBody };

/**
 * A size in bytes as people read it: whole MB or KB when it is one (4194304 → 4 MB, 65536 → 64 KB),
 * else the bytes (1 MB = 1024 KB = 1,048,576 bytes, the unit Fastify's `bodyLimit` counts in).
 */
export function showBytes(bytes: number): { zh: string; en: string } {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return { zh: `${bytes / (1024 * 1024)} MB`, en: `${bytes / (1024 * 1024)} MB` };
  if (bytes >= 1024 && bytes % 1024 === 0) return { zh: `${bytes / 1024} KB`, en: `${bytes / 1024} KB` };
  return { zh: `${bytes} 字节`, en: `${bytes} bytes` };
}

/** The framework refusals the server words itself (catalogue: Chinese, English beside). */
export const httpMessages = defineMessages({
  /** `limit`: the route's body limit as `showBytes` gives it. */
  'body-too-large': {
    zh: (p: { limit: string; limitEn: string; bytes: number }) => `请求内容过大，已拒绝：上限为 ${p.limit}。请减小内容后重试（如上传的工作簿过大，可分成几个文件）。`,
    en: (p: { limit: string; limitEn: string; bytes: number }) => `Request body too large (limit ${p.limitEn}, ${p.bytes} bytes).`,
  },
});

/** Sends `body` with `status`. */
export function sendError(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** A browser navigating to a page (not the editor's API, not a script's fetch of JSON). */
export function wantsPage(req: FastifyRequest): boolean {
  return !req.url.startsWith('/api/') && (req.method === 'GET' || req.method === 'HEAD') && /text\/html/.test(String(req.headers.accept ?? ''));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page a browser gets instead of a JSON error body for an address the server refuses: what is wrong
 * in Chinese, and a link to the editor.
 */
export function errorPage(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>地址有误 · jixiao</title>` +
        `<h1>无法打开这个地址</h1><p>${escapeHtml(message)}</p><p>请检查浏览器地址栏中的地址，或<a href="/">打开绩效评价编辑器首页</a>。</p></html>`,
    );
}

/**
 * Fastify error handler: known errors become Chinese messages, the rest a 500 without internals; a 4xx
 * of a browser's page navigation (e.g. a path the static files refuse) a Chinese page (`errorPage`).
 */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  // a refusal of the store no route answered itself (e.g. a malformed name): its status and sentence
  if ((err as unknown) instanceof StoreError) {
    const e = err as unknown as StoreError;
    if (e.httpStatus < 500) return sendError(reply, e.httpStatus, { error: e.code, message: e.message, messageEn: e.messageEn });
  }
  if (err instanceof DocumentBodyError) {
    const [first] = err.issues;
    const more = err.issues.length > 1 ? `（另有 ${err.issues.length - 1} 处）` : '';
    return sendError(reply, 400, { error: 'bad-document', message: `请求内容无法按原样保存：${first?.message ?? ''}${more}`, messageEn: `The request body cannot be kept as sent: ${err.message}`, issues: err.issues });
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    // the limit of the route refused (a workbook upload has its own, larger one)
    const bytes = req.routeOptions.bodyLimit;
    const shown = showBytes(bytes);
    const i = httpMessages.issue('body-too-large', { limit: shown.zh, limitEn: shown.en, bytes });
    return sendError(reply, 413, { error: 'body-too-large', message: i.message, messageEn: i.messageEn });
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return sendError(reply, 415, { error: 'unsupported-media-type', message: '请求须为 JSON（application/json）。', messageEn: 'Request body must be application/json.' });
  }
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
    return sendError(reply, 400, { error: 'bad-json', message: `请求内容不是合法的 JSON：${err.message}`, messageEn: `Invalid JSON body: ${err.message}` });
  }
  if (err.validation) {
    return sendError(reply, 400, validationErrorBody(err.validation, err.validationContext ?? 'body', err.message));
  }
  const framework = frameworkErrorBody(err.code);
  if (framework) return sendError(reply, framework.status, framework.body);
  if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
    // a browser navigating to an address the static files refuse gets a page in Chinese, not raw JSON
    if (wantsPage(req)) return errorPage(reply, err.statusCode, `服务器无法处理这个地址（${err.code ?? `HTTP ${err.statusCode}`}）。`);
    return sendError(reply, err.statusCode, { error: err.code ?? 'bad-request', message: `请求有误，无法处理（${err.code ?? `HTTP ${err.statusCode}`}）。`, messageEn: err.message });
  }
  req.log.error(err);
  return sendError(reply, 500, { error: 'internal', message: '服务器内部错误，请查看服务日志。', messageEn: 'Internal server error; see the server log.' });
}
