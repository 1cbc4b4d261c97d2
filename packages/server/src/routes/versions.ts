/**
 * Version routes (年度版本) — new-year drafts, publication, history, diff and impact preview. The
 * engine decides (newYear, diffSchemes, simulate, publish's validity); `@jixiao/store` writes and
 * records; this file only reads requests and maps outcomes to HTTP.
 *
 * - `POST /api/schemes/:family/:year/new-year` body `{ year }` — 以该年方案为基础新建 year 年草稿:
 *   201 with the new draft; 409 when that year exists already;
 * - `POST /api/schemes/:family/:year/publish` (If-Match) — 发布: valid drafts only (422 with the
 *   issues otherwise); the file is read-only afterwards;
 * - `GET  /api/schemes/:family/:year/history` — every recorded state, oldest first;
 * - `GET  /api/schemes/:family/:year/history/:seq` — one recorded state with its document;
 * - `POST /api/schemes/:family/:year/restore` body `{ seq }` (If-Match) — brings a state back as the
 *   current draft (itself recorded);
 * - `GET  /api/families/:family/diff?a=YYYY&b=YYYY` — changes from version a to version b;
 * - `POST /api/diff` body `{ a, b }` — changes between two documents (e.g. an unsaved draft);
 * - `POST /api/schemes/:family/:year/impact` body `{ draft?, baselineYear?, cases? }` — 影响预览:
 *   the draft (the file, or `draft` when given) against its `basedOn` baseline (or `baselineYear`)
 *   over every case of the family plus the cases given.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CompiledScheme, Issue, Scheme, SimulationCase } from '@jixiao/engine';
import type { SchemeStore } from '../store/scheme-store.ts';
import type { CaseStore } from '../store/case-store.ts';
import { YEAR_RE } from '../store/paths.ts';
import { isRecord, type StoredJson } from '../store/json-file.ts';
import type { EnginePort } from '../engine-port.ts';
import { sendError } from '../http-errors.ts';
import { sendRefusal } from '../store-reply.ts';
import { ACTION_ZH } from '@jixiao/store';

interface SchemeParams {
  family: string;
  year: string;
}

/** Most cases a request may add to an impact preview. */
export const MAX_ADDED_CASES = 200;

/** A year given as a number or a four-digit string; null when it is neither. */
function yearOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && YEAR_RE.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1000 && n <= 9999 ? n : null;
}

/** The scheme document of family/year, or the reply already sent (404 / 500). */
async function readScheme(store: SchemeStore, family: string, year: string, reply: FastifyReply): Promise<(StoredJson & { doc: Record<string, unknown> }) | null> {
  const stored = await store.read(family, year);
  if (!stored) {
    sendError(reply, 404, { error: 'not-found', message: `没有找到方案 ${family} ${year} 年度。`, messageEn: `Scheme ${family}/${year} not found.` });
    return null;
  }
  if (stored.parseError || !isRecord(stored.doc)) {
    sendError(reply, 500, { error: 'bad-file', message: `方案文件不是合法的 JSON 方案文档：${stored.parseError ?? ''}`, messageEn: `Scheme file is not a JSON object: ${stored.parseError ?? ''}` });
    return null;
  }
  return stored as StoredJson & { doc: Record<string, unknown> };
}

function ifMatchOf(headers: Record<string, unknown>): string | undefined {
  const v = headers['if-match'];
  return typeof v === 'string' ? v : undefined;
}

function needIfMatch(reply: FastifyReply, what: string): FastifyReply {
  return sendError(reply, 428, {
    error: 'precondition-required',
    message: `${what}须注明所依据的版本（If-Match），以免作用于未经查看的内容。`,
    messageEn: 'If-Match is required.',
  });
}

const versionMeta = (d: Record<string, unknown>) => ({
  year: d['year'],
  status: d['status'],
  title: d['title'],
  version: d['version'],
});

export function versionRoutes(app: FastifyInstance, store: SchemeStore, cases: CaseStore, engine: EnginePort): void {
  app.post<{ Params: SchemeParams; Body: unknown }>('/api/schemes/:family/:year/new-year', async (req, reply) => {
    const { family, year } = req.params;
    const target = yearOf(isRecord(req.body) ? req.body['year'] : undefined);
    if (target === null) {
      return sendError(reply, 400, { error: 'bad-year', message: '请求须给出新草稿的年度 year（四位数字，如 2025）。', messageEn: 'Body must give the new draft\'s year, e.g. {"year": 2025}.' });
    }
    const base = await readScheme(store, family, year, reply);
    if (!base) return reply;
    if (base.doc['family'] !== family) {
      return sendError(reply, 422, {
        error: 'location-mismatch',
        message: `方案文档的方案族（${String(base.doc['family'])}）与所在目录（${family}）不一致，不能据此新建草稿。`,
        messageEn: `The document's family (${String(base.doc['family'])}) differs from its folder (${family}).`,
      });
    }
    const r = engine.newYear(base.doc as unknown as Scheme, target);
    if (!r.ok) {
      return sendError(reply, 422, { error: 'cannot-create', message: `不能新建${target}年草稿：${r.issues.map((i) => i.message).join('；')}`, messageEn: `Cannot create the ${target} draft.`, issues: r.issues });
    }
    const outcome = await store.create(family, String(target), r.doc);
    if (outcome.kind === 'conflict') {
      return sendError(reply, 409, {
        error: 'exists',
        message: `${target}年方案已存在（schemes/${family}/${target}.json），不能重复新建；请直接打开它。`,
        messageEn: `The ${target} scheme already exists.`,
        currentEtag: outcome.currentEtag,
      });
    }
    if (outcome.kind !== 'saved') return outcome.kind === 'unchanged' ? sendError(reply, 500, { error: 'internal', message: '未能新建草稿。', messageEn: 'not created' }) : sendRefusal(reply, outcome);
    req.log.info({ family, from: year, year: target }, 'new-year draft created');
    void reply.header('ETag', outcome.etag).header('Location', `/api/schemes/${family}/${target}`).code(201);
    return { family, year: target, etag: outcome.etag, doc: outcome.doc, warnings: [...r.warnings, ...engine.validateScheme(r.doc)], history: outcome.entry };
  });

  app.post<{ Params: SchemeParams }>('/api/schemes/:family/:year/publish', async (req, reply) => {
    const { family, year } = req.params;
    const ifMatch = ifMatchOf(req.headers);
    await store.path(family, year);
    if (ifMatch === undefined) return needIfMatch(reply, '发布');
    const outcome = await store.publish(family, year, ifMatch);
    if (outcome.kind === 'saved') {
      req.log.info({ family, year, etag: outcome.etag }, 'scheme published');
      void reply.header('ETag', outcome.etag);
      return { published: true, etag: outcome.etag, doc: outcome.doc, history: outcome.entry };
    }
    if (outcome.kind === 'unchanged') return sendError(reply, 500, { error: 'internal', message: '发布未生效。', messageEn: 'not published' });
    return sendRefusal(reply, outcome);
  });

  app.get<{ Params: SchemeParams }>('/api/schemes/:family/:year/history', async (req, reply) => {
    const { family, year } = req.params;
    if (!(await store.read(family, year))) {
      return sendError(reply, 404, { error: 'not-found', message: `没有找到方案 ${family} ${year} 年度。`, messageEn: `Scheme ${family}/${year} not found.` });
    }
    const entries = await store.history(family, year);
    void reply.header('Cache-Control', 'no-store');
    return { entries: entries.map((e) => ({ ...e, actionZh: ACTION_ZH[e.action] ?? e.action })) };
  });

  app.get<{ Params: SchemeParams & { seq: string } }>('/api/schemes/:family/:year/history/:seq', async (req, reply) => {
    const { family, year, seq } = req.params;
    if (!/^[0-9]{1,9}$/.test(seq)) return sendError(reply, 400, { error: 'bad-seq', message: `历史记录序号不合法：${seq}`, messageEn: `invalid history entry number: ${seq}` });
    const entry = await store.historyEntry(family, year, Number(seq));
    if (!entry) return sendError(reply, 404, { error: 'not-found', message: `没有第 ${seq} 条历史记录。`, messageEn: `no history entry ${seq}` });
    void reply.header('Cache-Control', 'no-store');
    return { entry: { ...entry, actionZh: ACTION_ZH[entry.action] ?? entry.action } };
  });

  app.post<{ Params: SchemeParams; Body: unknown }>('/api/schemes/:family/:year/restore', async (req, reply) => {
    const { family, year } = req.params;
    const seq = isRecord(req.body) ? req.body['seq'] : undefined;
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) {
      return sendError(reply, 400, { error: 'bad-seq', message: '请求须给出要恢复的历史记录序号 seq（正整数）。', messageEn: 'Body must give the history entry number, e.g. {"seq": 3}.' });
    }
    const ifMatch = ifMatchOf(req.headers);
    await store.path(family, year);
    if (ifMatch === undefined) return needIfMatch(reply, '恢复');
    const outcome = await store.restore(family, year, seq, ifMatch);
    if (outcome.kind === 'saved') {
      req.log.info({ family, year, seq, etag: outcome.etag }, 'history entry restored');
      void reply.header('ETag', outcome.etag);
      return { restored: true, etag: outcome.etag, doc: outcome.doc, history: outcome.entry, issues: engine.validateScheme(outcome.doc) };
    }
    if (outcome.kind === 'unchanged') {
      void reply.header('ETag', outcome.etag);
      return { restored: false, unchanged: true, etag: outcome.etag, message: '所选记录与当前方案内容相同，无需恢复。' };
    }
    return sendRefusal(reply, outcome, '方案在您查看历史后已被修改，未恢复；请刷新后再试。');
  });

  const diffReply = (reply: FastifyReply, a: Record<string, unknown>, b: Record<string, unknown>) => {
    try {
      const changes = engine.diffSchemes(a as unknown as Scheme, b as unknown as Scheme);
      return { a: versionMeta(a), b: versionMeta(b), changes, summary: engine.summarizeChanges(changes) };
    } catch (e) {
      return sendError(reply, 422, { error: 'cannot-diff', message: '文档结构不完整，无法逐项比较（请先修正方案错误）。', messageEn: `cannot compare: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  app.get<{ Params: { family: string }; Querystring: { a?: string; b?: string } }>('/api/families/:family/diff', async (req, reply) => {
    const { family } = req.params;
    const { a, b } = req.query;
    if (!a || !b || !YEAR_RE.test(a) || !YEAR_RE.test(b)) {
      return sendError(reply, 400, { error: 'bad-query', message: '请用 ?a=年度&b=年度 指定要比较的两个版本，如 ?a=2024&b=2025。', messageEn: 'Give the two years: ?a=2024&b=2025.' });
    }
    const da = await readScheme(store, family, a, reply);
    if (!da) return reply;
    const db = await readScheme(store, family, b, reply);
    if (!db) return reply;
    return diffReply(reply, da.doc, db.doc);
  });

  app.post<{ Body: unknown }>('/api/diff', async (req, reply) => {
    const body = req.body;
    if (!isRecord(body) || !isRecord(body['a']) || !isRecord(body['b'])) {
      return sendError(reply, 400, { error: 'bad-body', message: '请求须包含 a 与 b 两个方案文档。', messageEn: 'Body must hold two scheme documents a and b.' });
    }
    return diffReply(reply, body['a'], body['b']);
  });

  app.post<{ Params: SchemeParams; Body: unknown }>('/api/schemes/:family/:year/impact', async (req, reply) => {
    const { family, year } = req.params;
    const body = isRecord(req.body) ? req.body : {};
    let draft: Record<string, unknown>;
    if (body['draft'] !== undefined) {
      if (!isRecord(body['draft'])) return sendError(reply, 400, { error: 'bad-body', message: 'draft 须为方案文档（JSON 对象）。', messageEn: 'draft must be a scheme document.' });
      draft = body['draft'];
    } else {
      const stored = await readScheme(store, family, year, reply);
      if (!stored) return reply;
      draft = stored.doc;
    }
    const basedOn = isRecord(draft['basedOn']) ? draft['basedOn'] : null;
    const baselineYear = body['baselineYear'] !== undefined ? yearOf(body['baselineYear']) : yearOf(basedOn?.['year']);
    if (baselineYear === null) {
      return sendError(reply, 422, {
        error: 'no-baseline',
        message: '该方案没有记录所基于的版本（basedOn），请指定基准年度 baselineYear。',
        messageEn: 'The draft records no basedOn version; give baselineYear.',
      });
    }
    const baseline = await readScheme(store, family, String(baselineYear), reply);
    if (!baseline) return reply;

    const warnings: Issue[] = [];
    if (basedOn && basedOn['year'] === baselineYear && typeof basedOn['hash'] === 'string' && engine.contentHash(baseline.doc) !== basedOn['hash']) {
      warnings.push(engine.versionMessages.issue('baseline-changed', { base: baselineYear }, { path: '/basedOn/hash' }));
    }
    const cd = engine.compile(draft);
    if (!cd.ok) return sendError(reply, 422, { error: 'invalid-draft', message: '草稿有错误，无法计算影响预览；请先修正。', messageEn: 'The draft does not compile.', issues: cd.issues });
    const cb = engine.compile(baseline.doc);
    if (!cb.ok) return sendError(reply, 422, { error: 'invalid-baseline', message: `基准方案（${baselineYear}年）有错误，无法计算影响预览。`, messageEn: 'The baseline does not compile.', issues: cb.issues });

    const added = body['cases'] ?? [];
    if (!Array.isArray(added) || added.length > MAX_ADDED_CASES) {
      return sendError(reply, 400, { error: 'bad-body', message: `cases 须为案例文档的数组（最多 ${MAX_ADDED_CASES} 个）。`, messageEn: `cases must be an array of at most ${MAX_ADDED_CASES} case documents.` });
    }
    const sim: SimulationCase[] = [];
    const { cases: stored, unreadable } = await cases.readAll(family);
    for (const { summary, doc } of stored) {
      const c: SimulationCase = { id: `${summary.year}/${summary.id}`, name: summary.name, input: doc as unknown as SimulationCase['input'] };
      if (summary.scheme) c.scheme = summary.scheme;
      sim.push(c);
    }
    for (const [i, doc] of added.entries()) {
      const issues = engine.validateCase(doc).filter((x) => x.severity === 'error');
      if (!isRecord(doc) || issues.length) {
        return sendError(reply, 422, { error: 'bad-case', message: `添加的第 ${i + 1} 个案例不是有效的案例文档。`, messageEn: `added case ${i + 1} is not a valid case document`, issues });
      }
      sim.push({ id: `added/${i + 1}`, name: typeof doc['name'] === 'string' ? doc['name'] : `添加的案例 ${i + 1}`, input: doc as unknown as SimulationCase['input'] });
    }
    const r = engine.simulate(cd.compiled as CompiledScheme, cb.compiled as CompiledScheme, sim);
    return { ...r, baselineYear, warnings, unreadable };
  });
}
