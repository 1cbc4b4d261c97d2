/**
 * The store's refusals (`@jixiao/store`) as HTTP replies, the same for every writing route:
 * published → 409, stale version → 412, invalid → 422 (with the engine's issues), missing → 404,
 * no precondition → 428. Messages are the store's Chinese sentences (English beside).
 */
import type { FastifyReply } from 'fastify';
import type { StoreRefusal } from '@jixiao/store';
import { sendError } from './http-errors.ts';

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

/** Sends the refusal; `conflictMessage` replaces the store's wording of a stale-version conflict. */
export function sendRefusal(reply: FastifyReply, r: StoreRefusal | { kind: 'precondition-required' }, conflictMessage?: string): FastifyReply {
  switch (r.kind) {
    case 'published':
      return sendError(reply, 409, { error: 'published-readonly', message: readableTimes(r.message), messageEn: r.messageEn, issues: r.issues });
    case 'conflict':
      return sendError(reply, 412, { error: 'version-conflict', message: conflictMessage ?? r.message, messageEn: r.messageEn, currentEtag: r.currentEtag });
    case 'invalid':
      return sendError(reply, 422, { error: 'invalid-scheme', message: r.message, messageEn: r.messageEn, issues: r.issues });
    case 'not-found':
      return sendError(reply, 404, { error: 'not-found', message: r.message, messageEn: r.messageEn });
    case 'precondition-required':
      return sendError(reply, 428, {
        error: 'precondition-required',
        message: '保存须注明所基于的版本（If-Match），新建须注明 If-None-Match: *。',
        messageEn: 'If-Match (or If-None-Match: * to create) is required.',
      });
  }
}
