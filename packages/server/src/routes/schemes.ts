/**
 * Scheme routes (request and response shapes: `@jixiao/api` schemes.ts, validated by fastify), over
 * the store (`Library`, `@jixiao/store`):
 * - `GET  /api/schemes` — the library: every scheme (family, year, status, title, totalPoints, path),
 *   and the files the first start could not import, with the reason;
 * - `GET  /api/schemes/:family/:year` — one document, with its `ETag` and its publication check;
 * - `PUT  /api/schemes/:family/:year` — save: validated by the engine, refused when published, when
 *   the `If-Match` version is stale (412: of several saves based on one version exactly one wins,
 *   in any number of server processes on one database), or when family/year disagree with the URL;
 *   recorded in the history (time, author = `req.actor`, one-line summary). `If-None-Match: *` creates.
 *   The request's JSON text is stored exactly as sent (so `1.10`, `1E2`, `-0` and the sender's layout
 *   stay as written, and the ETag is the digest of that text); a save of the very text stored is
 *   `unchanged`, a save that only re-formats is a new state.
 */
import { countEn } from '@jixiao/engine';
import { GetScheme, ListSchemes, SaveScheme } from '@jixiao/api';
import { isStoreError, StoreConflictError, type SchemeRef } from '@jixiao/store';
import type { App } from '../app.ts';
import type { Library, StoredObject } from '../store/library.ts';
import { historySummary } from '../store/library.ts';
import { errorsOf, type EnginePort } from '../engine-port.ts';
import { readable, sendFormatRefusal } from '../format-version.ts';
import { sendError } from '../http-errors.ts';
import { bodyText } from '../json-body.ts';
import { sendPreconditionRequired, sendStoreRefusal } from '../store-reply.ts';
import type { FastifyReply } from 'fastify';

/** A save whose If-Match names an older version than the stored one. */
const CONFLICT_MESSAGE = '方案已被其他窗口或他人修改，本次保存未执行。请先查看最新版本，再决定如何处理您的修改。';

/** The scheme named by a URL. */
export const schemeRef = (family: string, year: string | number): SchemeRef => ({ kind: 'scheme', family, year: Number(year) });

/**
 * The scheme document of family/year, or the reply already sent: 404 when there is none, 422 when its
 * file could not be imported (with the reason).
 */
export async function readSchemeOrReply(lib: Library, family: string, year: string, reply: FastifyReply): Promise<StoredObject | null> {
  const ref = schemeRef(family, year);
  const stored = await lib.read(ref);
  if (stored) return stored;
  const problem = lib.problem(ref);
  if (problem) {
    sendError(reply, 422, { error: 'bad-file', message: `方案文件无法读取：${problem.error}`, messageEn: `The scheme file could not be imported: ${problem.path}` });
  } else {
    sendError(reply, 404, { error: 'not-found', message: `没有找到方案 ${family} ${year} 年度。`, messageEn: `Scheme ${family}/${year} not found.` });
  }
  return null;
}

export function schemeRoutes(app: App, lib: Library, engine: EnginePort): void {
  app.get('/api/schemes', { schema: ListSchemes }, async () => {
    const schemes = await lib.schemes();
    // a published document whose content no longer matches its hash is flagged (the store forbids it; kept as a guard)
    for (const s of schemes) {
      if (s.status !== 'published') continue;
      const stored = await lib.read(schemeRef(s.family, s.year));
      const problems = stored ? engine.checkPublication(stored.doc).filter((i) => i.severity === 'error') : [];
      if (problems.length) s.publicationIssues = problems;
    }
    return { schemes };
  });

  app.get('/api/schemes/:family/:year', { schema: GetScheme }, async (req, reply) => {
    const { family, year } = req.params;
    const stored = await readSchemeOrReply(lib, family, year, reply);
    if (!stored) return reply;
    void reply.header('ETag', stored.etag).header('Cache-Control', 'no-store');
    return { family, year: Number(year), etag: stored.etag, doc: stored.doc, publication: engine.checkPublication(stored.doc) };
  });

  app.put('/api/schemes/:family/:year', { schema: SaveScheme }, async (req, reply) => {
    const { family, year } = req.params;
    const ref = schemeRef(family, year);
    const doc = req.body;
    // stored exactly as sent (numbers as written, the sender's layout); validation below reads the parsed value
    const text = bodyText(req);
    if (doc['family'] !== family || doc['year'] !== Number(year)) {
      // a field the document lacks is named as missing, never printed as "undefined"
      const given = (k: 'family' | 'year') => (doc[k] === undefined ? `缺少 ${k}` : JSON.stringify(doc[k]));
      const givenEn = (k: 'family' | 'year') => (doc[k] === undefined ? `no ${k}` : JSON.stringify(doc[k]));
      return sendError(reply, 400, {
        error: 'location-mismatch',
        message: `文档的方案族/年度（${given('family')}，${given('year')}）与保存位置（${family} ${year}）不一致。`,
        messageEn: `Document family/year (${givenEn('family')}, ${givenEn('year')}) does not match the URL (${family}/${year}).`,
      });
    }
    if (doc['status'] === 'published') {
      // the stored scheme already published: that is what the user must hear (not how to publish)
      const stored = await lib.read(ref);
      if (stored && stored.status === 'published') {
        return sendError(reply, 409, {
          error: 'published-readonly',
          message: '已发布的方案不能修改，请以它为基础新建下一年度草稿',
          messageEn: 'A published scheme cannot be changed; base a new draft for the next year on it.',
        });
      }
      return sendError(reply, 409, {
        error: 'publish-not-by-save',
        message: '保存不能把方案设为“已发布”；请保留草稿状态，再用“发布”操作发布。',
        messageEn: 'A save cannot set status to published; keep the document a draft.',
      });
    }
    // validated as read through the format's migrations (stored exactly as sent); a newer format version is its one error
    const up = readable(engine, 'scheme', doc);
    if (!up.ok) return sendFormatRefusal(reply, up.issues);
    const issues = [...up.notice, ...engine.validateScheme(up.doc)];
    const errors = errorsOf(issues);
    if (errors.length > 0) {
      return sendError(reply, 422, {
        error: 'invalid-scheme',
        message: `方案校验未通过（${errors.length} 个错误），未保存。`,
        messageEn: `Scheme is invalid (${countEn(errors.length, 'error')}); not saved.`,
        issues,
      });
    }
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    const author = req.actor.displayName;
    try {
      if (typeof ifMatch !== 'string') {
        if (typeof ifNoneMatch !== 'string') return sendPreconditionRequired(reply);
        if (ifNoneMatch.trim() !== '*') {
          const current = await lib.read(ref);
          return current
            ? sendError(reply, 412, { error: 'version-conflict', message: CONFLICT_MESSAGE, messageEn: 'the scheme exists', currentEtag: current.etag })
            : sendPreconditionRequired(reply);
        }
        const created = await lib.store.create(ref, text, { author });
        req.log.info({ family, year, version: created.version }, 'scheme created');
        void reply.header('ETag', created.etag).code(201);
        return { saved: true as const, etag: created.etag, warnings: issues, history: historySummary(created.state) };
      }
      const current = await lib.read(ref);
      if (!current) {
        return sendError(reply, 412, { error: 'version-conflict', message: `方案 ${family} ${year} 年度已不存在，未保存。`, messageEn: 'the scheme no longer exists', currentEtag: null });
      }
      const basedOnVersion = await lib.basedOn(ref, current, ifMatch);
      if (basedOnVersion === current.version && current.status === 'draft' && current.text === text) {
        void reply.header('ETag', current.etag);
        return { saved: true as const, unchanged: true as const, etag: current.etag, warnings: issues };
      }
      const r = await lib.store.save(ref, text, { basedOnVersion, author });
      void reply.header('ETag', r.etag);
      if (r.kind === 'unchanged') return { saved: true as const, unchanged: true as const, etag: r.etag, warnings: issues };
      req.log.info({ family, year, version: r.version }, 'scheme saved');
      return { saved: true as const, etag: r.etag, warnings: issues, history: historySummary(r.state) };
    } catch (e) {
      if (!isStoreError(e)) throw e;
      if (e instanceof StoreConflictError && e.code === 'store-exists') {
        const current = await lib.read(ref);
        return sendError(reply, 412, { error: 'version-conflict', message: `方案 ${family} ${year} 年度已存在，未新建；请打开它再修改。`, messageEn: e.messageEn, currentEtag: current?.etag ?? null });
      }
      return sendStoreRefusal(reply, lib.store, ref, e, { conflictMessage: CONFLICT_MESSAGE });
    }
  });
}
