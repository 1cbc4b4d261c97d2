/**
 * The store's refusals (`@jixiao/store` `StoreError`s) as HTTP replies, the same for every writing
 * route: published → 409, stale version → 412 (with the current ETag), invalid → 422 (with the
 * issues), missing → 404, no precondition → 428. Messages are the store's Chinese sentences (English
 * beside), or the route's own wording of a conflict.
 */
import type { FastifyReply } from 'fastify';
import { defineMessages } from '@jixiao/engine/catalogue';
import { StoreConflictError, StoreInvalidError, StoreNotFoundError, StorePublishedError, documentParams, type DocumentRef, type DocumentStore, type StoreError } from '@jixiao/store';
import { sendError } from './http-errors.ts';

/** Refusals worded by the server itself (the store's sentence would name a version the user never saw). */
export const storeReplyMessages = defineMessages({
  'if-match-unknown': {
    zh: (p: { document: string; documentEn: string }) => `If-Match 所注明的版本标记不是本服务器为${p.document} 给出的任何版本，未执行；请重新打开后再试。`,
    en: (p: { document: string; documentEn: string }) => `If-Match is not a version tag this server gave out for ${p.documentEn}; nothing was written — reload it and send its current ETag.`,
  },
});

/** ISO times inside a message, e.g. "（2025-01-06T02:00:00.000Z 发布）". */
const ISO_TIME = /\b(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\b/g;

/** Writes ISO times the way a user reads them, in this machine's time zone: "2025年1月6日 10:00". */
export function readableTimes(message: string): string {
  return message.replace(ISO_TIME, (iso) => {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
}

/** How a route words a refusal: its conflict sentence, and the error code of an invalid document. */
export interface RefusalWording {
  /** Replaces the store's sentence for a stale version (412). */
  conflictMessage?: string;
  /** `invalid-scheme` (default) or `invalid-case`. */
  invalidCode?: string;
}

/** Sends the store's refusal `e` of a write to `ref`; a conflict carries the document's current ETag. */
export async function sendStoreRefusal(reply: FastifyReply, store: DocumentStore, ref: DocumentRef, e: StoreError, wording: RefusalWording = {}): Promise<FastifyReply> {
  if (e instanceof StorePublishedError) {
    // the editor's words for it (the store names the document, which the editor already shows)
    const at = String(e.issue.params?.['publishedAt'] ?? '');
    const message = `该${ref.kind === 'scheme' ? '方案' : '文档'}已发布${at ? `（${at} 发布）` : ''}，不可修改；如需调整，请以它为基础新建下一年度草稿`;
    return sendError(reply, 409, { error: 'published-readonly', message: readableTimes(message), messageEn: e.messageEn, issues: [e.issue] });
  }
  if (e instanceof StoreConflictError && e.code === 'store-no-version' && e.basedOnVersion < 1) {
    // the If-Match tag named no saved state (`Library.basedOn` gives 0): not "has no version 0"
    const current = await store.read(ref);
    const issue = storeReplyMessages.issue('if-match-unknown', documentParams(ref));
    return sendError(reply, 412, { error: 'version-conflict', message: issue.message, messageEn: issue.messageEn, currentEtag: current?.etag ?? null });
  }
  if (e instanceof StoreConflictError) {
    const current = await store.read(ref);
    return sendError(reply, 412, { error: 'version-conflict', message: wording.conflictMessage ?? e.message, messageEn: e.messageEn, currentEtag: current?.etag ?? null });
  }
  if (e instanceof StoreInvalidError) {
    return sendError(reply, 422, { error: wording.invalidCode ?? 'invalid-scheme', message: e.message, messageEn: e.messageEn, issues: e.issues });
  }
  if (e instanceof StoreNotFoundError) return sendError(reply, 404, { error: 'not-found', message: e.message, messageEn: e.messageEn });
  return sendError(reply, e.httpStatus, { error: e.code, message: e.message, messageEn: e.messageEn });
}

/** 428: a write that does not say which version it is based on. */
export function sendPreconditionRequired(reply: FastifyReply, what?: string): FastifyReply {
  return sendError(reply, 428, {
    error: 'precondition-required',
    message: what ? `${what}须注明所依据的版本（If-Match），以免作用于未经查看的内容。` : '保存须注明所基于的版本（If-Match），新建须注明 If-None-Match: *。',
    messageEn: what ? 'If-Match is required.' : 'If-Match (or If-None-Match: * to create) is required.',
  });
}
