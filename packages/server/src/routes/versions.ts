/**
 * Version routes (年度版本) — new-year drafts, publication, history, diff and impact preview. The
 * engine decides (newYear, diffSchemes, simulate, publish's validity); `@jixiao/store` writes and
 * records in the database (publication is a database fact: a published version is never written
 * again); this file only reads requests and maps outcomes to HTTP. Authors are `req.actor`.
 *
 * Request and response shapes: `@jixiao/api` versions.ts (bodies, URL names and queries validated by fastify).
 *
 * - `POST /api/schemes/:family/:year/new-year` body `{ year }` — 以该年方案为基础新建 year 年草稿:
 *   201 with the new draft; 409 when that year exists already;
 * - `POST /api/schemes/:family/:year/publish` (If-Match) — 发布: valid drafts only (422 with the
 *   issues otherwise); frozen afterwards;
 * - `GET  /api/schemes/:family/:year/history` — every saved state, oldest first;
 * - `GET  /api/schemes/:family/:year/history/:seq` — one saved state with its document;
 * - `POST /api/schemes/:family/:year/restore` body `{ seq }` (If-Match) — brings a state back as the
 *   current draft (itself a new saved state);
 * - `GET  /api/families/:family/diff?a=YYYY&b=YYYY` — changes from version a to version b;
 * - `POST /api/diff` body `{ a, b }` — changes between two documents (e.g. an unsaved draft);
 * - `POST /api/schemes/:family/:year/impact` body `{ draft?, baselineYear?, cases? }` — 影响预览:
 *   the draft (the stored one, or `draft` when given) against its `basedOn` baseline (or `baselineYear`)
 *   over every saved case of the family plus the cases given.
 */
import type { FastifyReply } from 'fastify';
import type { CompiledScheme, Issue, Scheme, SimulationCase } from '@jixiao/engine';
import { documentText, isStoreError, StoreConflictError } from '@jixiao/store';
import { Diff, FamilyDiff, GetHistoryEntry, Impact, ListHistory, NewYear, Publish, Restore } from '@jixiao/api';
import type { App } from '../app.ts';
import { historySummary, isRecord, type Library } from '../store/library.ts';
import type { EnginePort } from '../engine-port.ts';
import { readable, sendFormatRefusal } from '../format-version.ts';
import { sendError } from '../http-errors.ts';
import { sendPreconditionRequired, sendStoreRefusal } from '../store-reply.ts';
import { readSchemeOrReply, schemeRef } from './schemes.ts';

/** A year as a request gives it (a number, or four digits as text: the schema has checked which). */
const yearOf = (v: number | string): number => Number(v);

/** A year a document records (e.g. `basedOn.year`): a number or four digits as text; null when it is neither. */
function recordedYear(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^[0-9]{4}$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1000 && n <= 9999 ? n : null;
}

function ifMatchOf(headers: Record<string, unknown>): string | undefined {
  const v = headers['if-match'];
  return typeof v === 'string' ? v : undefined;
}

const versionMeta = (d: Record<string, unknown>) => ({
  year: d['year'],
  status: d['status'],
  title: d['title'],
  version: d['version'],
});

export function versionRoutes(app: App, lib: Library, engine: EnginePort): void {
  app.post('/api/schemes/:family/:year/new-year', { schema: NewYear }, async (req, reply) => {
    const { family, year } = req.params;
    const target = yearOf(req.body.year);
    const base = await readSchemeOrReply(lib, family, year, reply);
    if (!base) return reply;
    if (base.doc['family'] !== family) {
      return sendError(reply, 422, {
        error: 'location-mismatch',
        message: `方案文档的方案族（${String(base.doc['family'])}）与所在方案族（${family}）不一致，不能据此新建草稿。`,
        messageEn: `The document's family (${String(base.doc['family'])}) differs from its place (${family}).`,
      });
    }
    // the base as read through the format's migrations; the draft is written in the current format
    const up = readable(engine, 'scheme', base.doc);
    if (!up.ok) return sendFormatRefusal(reply, up.issues);
    const r = engine.newYear(up.doc as Scheme, target);
    if (!r.ok) {
      return sendError(reply, 422, { error: 'cannot-create', message: `不能新建${target}年草稿：${r.issues.map((i) => i.message).join('；')}`, messageEn: `Cannot create the ${target} draft.`, issues: r.issues });
    }
    const ref = schemeRef(family, target);
    try {
      const created = await lib.store.create(ref, documentText(r.doc), { author: req.actor.displayName });
      req.log.info({ family, from: year, year: target }, 'new-year draft created');
      void reply.header('ETag', created.etag).header('Location', `/api/schemes/${family}/${target}`).code(201);
      return { family, year: target, etag: created.etag, doc: r.doc, warnings: [...r.warnings, ...engine.validateScheme(r.doc)], history: historySummary(created.state) };
    } catch (e) {
      if (!isStoreError(e)) throw e;
      if (e instanceof StoreConflictError && e.code === 'store-exists') {
        const current = await lib.read(ref);
        return sendError(reply, 409, {
          error: 'exists',
          message: `${target}年方案已存在（方案族 ${family}），不能重复新建；请直接打开它。`,
          messageEn: `The ${target} scheme already exists.`,
          currentEtag: current?.etag ?? null,
        });
      }
      return sendStoreRefusal(reply, lib.store, ref, e);
    }
  });

  app.post('/api/schemes/:family/:year/publish', { schema: Publish }, async (req, reply) => {
    const { family, year } = req.params;
    const ref = schemeRef(family, year);
    const ifMatch = ifMatchOf(req.headers);
    if (ifMatch === undefined) return sendPreconditionRequired(reply, '发布');
    const current = await readSchemeOrReply(lib, family, year, reply);
    if (!current) return reply;
    try {
      const r = await lib.store.publish(ref, { basedOnVersion: await lib.basedOn(ref, current, ifMatch), author: req.actor.displayName });
      const published = (await lib.read(ref))!;
      req.log.info({ family, year, version: r.version }, 'scheme published');
      void reply.header('ETag', r.etag);
      return { published: true as const, etag: r.etag, doc: published.doc, history: historySummary(r.state) };
    } catch (e) {
      if (!isStoreError(e)) throw e;
      return sendStoreRefusal(reply, lib.store, ref, e);
    }
  });

  app.get('/api/schemes/:family/:year/history', { schema: ListHistory }, async (req, reply) => {
    const { family, year } = req.params;
    const entries = await lib.history(schemeRef(family, year));
    if (!entries) {
      return sendError(reply, 404, { error: 'not-found', message: `没有找到方案 ${family} ${year} 年度。`, messageEn: `Scheme ${family}/${year} not found.` });
    }
    void reply.header('Cache-Control', 'no-store');
    return { entries };
  });

  app.get('/api/schemes/:family/:year/history/:seq', { schema: GetHistoryEntry }, async (req, reply) => {
    const { family, year, seq } = req.params;
    const entry = await lib.entry(schemeRef(family, year), Number(seq));
    if (!entry) return sendError(reply, 404, { error: 'not-found', message: `没有第 ${seq} 条历史记录。`, messageEn: `no history entry ${seq}` });
    void reply.header('Cache-Control', 'no-store');
    return { entry };
  });

  app.post('/api/schemes/:family/:year/restore', { schema: Restore }, async (req, reply) => {
    const { family, year } = req.params;
    const ref = schemeRef(family, year);
    const { seq } = req.body;
    const ifMatch = ifMatchOf(req.headers);
    if (ifMatch === undefined) return sendPreconditionRequired(reply, '恢复');
    const current = await readSchemeOrReply(lib, family, year, reply);
    if (!current) return reply;
    try {
      const r = await lib.store.restore(ref, seq, { basedOnVersion: await lib.basedOn(ref, current, ifMatch), author: req.actor.displayName });
      void reply.header('ETag', r.etag);
      if (r.kind === 'unchanged') {
        return { restored: false as const, unchanged: true as const, etag: r.etag, message: '所选记录与当前方案内容相同，无需恢复。' };
      }
      const { doc, text } = (await lib.read(ref))!;
      req.log.info({ family, year, seq, version: r.version }, 'saved state restored');
      const up = readable(engine, 'scheme', doc);
      const issues = up.ok ? [...up.notice, ...engine.validateScheme(up.doc)] : up.issues;
      return { restored: true as const, etag: r.etag, doc, text, history: historySummary(r.state), issues };
    } catch (e) {
      if (!isStoreError(e)) throw e;
      return sendStoreRefusal(reply, lib.store, ref, e, { conflictMessage: '方案在您查看历史后已被修改，未恢复；请刷新后再试。' });
    }
  });

  const diffReply = (reply: FastifyReply, givenA: Record<string, unknown>, givenB: Record<string, unknown>) => {
    // both compared as read through the format's migrations
    const ua = readable(engine, 'scheme', givenA);
    if (!ua.ok) return sendFormatRefusal(reply, ua.issues);
    const ub = readable(engine, 'scheme', givenB);
    if (!ub.ok) return sendFormatRefusal(reply, ub.issues);
    const a = ua.doc as Record<string, unknown>;
    const b = ub.doc as Record<string, unknown>;
    try {
      const changes = engine.diffSchemes(a as unknown as Scheme, b as unknown as Scheme);
      return { a: versionMeta(a), b: versionMeta(b), changes, summary: engine.summarizeChanges(changes) };
    } catch (e) {
      return sendError(reply, 422, { error: 'cannot-diff', message: '文档结构不完整，无法逐项比较（请先修正方案错误）。', messageEn: `cannot compare: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  app.get('/api/families/:family/diff', { schema: FamilyDiff }, async (req, reply) => {
    const { family } = req.params;
    const { a, b } = req.query;
    const da = await readSchemeOrReply(lib, family, a, reply);
    if (!da) return reply;
    const db = await readSchemeOrReply(lib, family, b, reply);
    if (!db) return reply;
    return diffReply(reply, da.doc, db.doc);
  });

  app.post('/api/diff', { schema: Diff }, async (req, reply) => diffReply(reply, req.body.a, req.body.b));

  app.post('/api/schemes/:family/:year/impact', { schema: Impact }, async (req, reply) => {
    const { family, year } = req.params;
    const body = req.body;
    let given: Record<string, unknown>;
    if (body.draft !== undefined) {
      given = body.draft;
    } else {
      const stored = await readSchemeOrReply(lib, family, year, reply);
      if (!stored) return reply;
      given = stored.doc;
    }
    // the draft, the baseline and every case as read through the format's migrations
    const upDraft = readable(engine, 'scheme', given);
    if (!upDraft.ok) return sendFormatRefusal(reply, upDraft.issues);
    const draft = upDraft.doc as Record<string, unknown>;
    const basedOn = isRecord(draft['basedOn']) ? draft['basedOn'] : null;
    const baselineYear = body.baselineYear !== undefined ? yearOf(body.baselineYear) : recordedYear(basedOn?.['year']);
    if (baselineYear === null) {
      return sendError(reply, 422, {
        error: 'no-baseline',
        message: '该方案没有记录所基于的版本（basedOn），请指定基准年度 baselineYear。',
        messageEn: 'The draft records no basedOn version; give baselineYear.',
      });
    }
    const baselineStored = await readSchemeOrReply(lib, family, String(baselineYear), reply);
    if (!baselineStored) return reply;
    const upBaseline = readable(engine, 'scheme', baselineStored.doc);
    if (!upBaseline.ok) return sendFormatRefusal(reply, upBaseline.issues);
    // the hash compared with basedOn is the stored document's (formatVersion is not hashed content)
    const baseline = { doc: upBaseline.doc as Record<string, unknown> };

    const warnings: Issue[] = [];
    if (basedOn && basedOn['year'] === baselineYear && typeof basedOn['hash'] === 'string' && engine.contentHash(baseline.doc) !== basedOn['hash']) {
      warnings.push(engine.versionMessages.issue('baseline-changed', { base: baselineYear }, { path: '/basedOn/hash' }));
    }
    const cd = engine.compile(draft);
    if (!cd.ok) return sendError(reply, 422, { error: 'invalid-draft', message: '草稿有错误，无法计算影响预览；请先修正。', messageEn: 'The draft does not compile.', issues: cd.issues });
    const cb = engine.compile(baseline.doc);
    if (!cb.ok) return sendError(reply, 422, { error: 'invalid-baseline', message: `基准方案（${baselineYear}年）有错误，无法计算影响预览。`, messageEn: 'The baseline does not compile.', issues: cb.issues });

    const added = body.cases ?? [];
    const sim: SimulationCase[] = [];
    const unreadable: { path: string; error: string }[] = [];
    for (const { summary, doc } of await lib.casesWithDocs(family)) {
      if (!doc) {
        unreadable.push({ path: summary.path, error: summary.error ?? '' });
        continue;
      }
      const up = readable(engine, 'case', doc);
      if (!up.ok) {
        // a stored case of a format version this program cannot read is left out, as an unreadable file is
        unreadable.push({ path: summary.path, error: up.issues.map((i) => i.message).join('；') });
        continue;
      }
      const c: SimulationCase = { id: `${summary.year}/${summary.id}`, name: summary.name, input: up.doc as unknown as SimulationCase['input'] };
      if (summary.scheme) c.scheme = summary.scheme;
      sim.push(c);
    }
    for (const [i, given] of added.entries()) {
      const up = readable(engine, 'case', given);
      const doc = up.ok ? up.doc : given;
      const issues = up.ok ? engine.validateCase(doc).filter((x) => x.severity === 'error') : up.issues;
      if (!isRecord(doc) || issues.length) {
        return sendError(reply, 422, { error: 'bad-case', message: `添加的第 ${i + 1} 个案例不是有效的案例文档。`, messageEn: `added case ${i + 1} is not a valid case document`, issues });
      }
      sim.push({ id: `added/${i + 1}`, name: typeof doc['name'] === 'string' ? doc['name'] : `添加的案例 ${i + 1}`, input: doc as unknown as SimulationCase['input'] });
    }
    const r = engine.simulate(cd.compiled as CompiledScheme, cb.compiled as CompiledScheme, sim);
    return { ...r, baselineYear, warnings, unreadable };
  });
}
