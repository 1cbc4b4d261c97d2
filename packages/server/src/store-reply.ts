/**
 * The store's refusals (`@jixiao/store`) as HTTP replies, the same for every writing route:
 * published → 409, stale version → 412, invalid → 422 (with the engine's issues), missing → 404,
 * no precondition → 428. Messages are the store's Chinese sentences (English beside).
 */
import type { FastifyReply } from 'fastify';
import type { StoreRefusal } from '@jixiao/store';
import { sendError } from './http-errors.ts';

/** Sends the refusal; `conflictMessage` replaces the store's wording of a stale-version conflict. */
export function sendRefusal(reply: FastifyReply, r: StoreRefusal | { kind: 'precondition-required' }, conflictMessage?: string): FastifyReply {
  switch (r.kind) {
    case 'published':
      return sendError(reply, 409, { error: 'published-readonly', message: r.message, messageEn: r.messageEn, issues: r.issues });
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
