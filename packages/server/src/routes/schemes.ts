/**
 * Scheme routes (request and response shapes: `@jixiao/api` schemes.ts, validated by fastify):
 * - `GET  /api/schemes` — the library: every scheme (family, year, status, title, totalPoints, path);
 * - `GET  /api/schemes/:family/:year` — one document, with its `ETag` and its publication check
 *   (a published file changed after publication is an error there);
 * - `PUT  /api/schemes/:family/:year` — save: validated by the engine, refused when published,
 *   when the `If-Match` version is stale, or when family/year disagree with the URL; written by
 *   `@jixiao/store`, so every save is recorded in the history (time, author, one-line summary).
 *   `If-None-Match: *` creates a new file.
 */
import { countEn } from '@jixiao/engine';
import { GetScheme, ListSchemes, SaveScheme } from '@jixiao/api';
import type { App } from '../app.ts';
import type { SchemeStore } from '../store/scheme-store.ts';
import { errorsOf, type EnginePort } from '../engine-port.ts';
import { sendError } from '../http-errors.ts';
import { sendRefusal } from '../store-reply.ts';

/** A save whose If-Match names an older version than the file's. */
const CONFLICT_MESSAGE = '方案已被其他窗口或他人修改，本次保存未执行。请先查看最新版本，再决定如何处理您的修改。';

export function schemeRoutes(app: App, store: SchemeStore, engine: EnginePort): void {
  app.get('/api/schemes', { schema: ListSchemes }, async () => {
    const schemes = await store.list();
    // a published file changed after publication is flagged in the library
    for (const s of schemes) {
      if (s.status !== 'published') continue;
      const stored = await store.read(s.family, String(s.year));
      const problems = stored?.ok ? engine.checkPublication(stored.doc).filter((i) => i.severity === 'error') : [];
      if (problems.length) s.publicationIssues = problems;
    }
    return { schemes };
  });

  app.get('/api/schemes/:family/:year', { schema: GetScheme }, async (req, reply) => {
    const { family, year } = req.params;
    const stored = await store.read(family, year);
    if (!stored) {
      return sendError(reply, 404, { error: 'not-found', message: `没有找到方案 ${family} ${year} 年度。`, messageEn: `Scheme ${family}/${year} not found.` });
    }
    if (!stored.ok) {
      return sendError(reply, 500, { error: 'bad-file', message: `方案文件无法读取：${stored.issue.message}`, messageEn: `Scheme file cannot be read: ${stored.issue.messageEn}`, issues: [stored.issue] });
    }
    void reply.header('ETag', stored.etag).header('Cache-Control', 'no-store');
    return { family, year: Number(year), etag: stored.etag, doc: stored.doc, publication: engine.checkPublication(stored.doc) };
  });

  app.put('/api/schemes/:family/:year', { schema: SaveScheme }, async (req, reply) => {
    const { family, year } = req.params;
    const doc = req.body;
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
      return sendError(reply, 409, {
        error: 'publish-not-by-save',
        message: '保存不能把方案设为“已发布”；请保留草稿状态。',
        messageEn: 'A save cannot set status to published; keep the document a draft.',
      });
    }
    const issues = engine.validateScheme(doc);
    const errors = errorsOf(issues);
    if (errors.length > 0) {
      return sendError(reply, 422, {
        error: 'invalid-scheme',
        message: `方案校验未通过（${errors.length} 个错误），未保存。`,
        messageEn: `Scheme is invalid (${countEn(errors.length, 'error')}); not saved.`,
        issues,
      });
    }
    const pre: { ifMatch?: string; ifNoneMatch?: string } = {};
    if (typeof req.headers['if-match'] === 'string') pre.ifMatch = req.headers['if-match'];
    if (typeof req.headers['if-none-match'] === 'string') pre.ifNoneMatch = req.headers['if-none-match'];
    const outcome = await store.write(family, year, doc, pre);
    if (outcome.kind === 'saved') {
      req.log.info({ family, year, etag: outcome.etag, seq: outcome.entry.seq }, 'scheme saved');
      void reply.header('ETag', outcome.etag).code(outcome.created ? 201 : 200);
      return { saved: true as const, etag: outcome.etag, warnings: issues, history: outcome.entry };
    }
    if (outcome.kind === 'unchanged') {
      void reply.header('ETag', outcome.etag);
      return { saved: true as const, unchanged: true as const, etag: outcome.etag, warnings: issues };
    }
    return sendRefusal(reply, outcome, CONFLICT_MESSAGE);
  });
}
