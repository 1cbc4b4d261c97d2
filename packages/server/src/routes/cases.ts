/**
 * Case routes (案例): one department's (or project's) facts and reviewer entries for one year, saved
 * in the store like schemes (shapes: `@jixiao/api` cases.ts; history and restore answer the scheme
 * routes' shapes):
 * - `GET  /api/families/:family/cases` — the family's cases (id, year, name, scheme, reported total,
 *   department, status), and the files the first start could not import, with the reason; 404 in
 *   Chinese for a family that has no scheme at all;
 * - `GET  /api/families/:family/cases/:year/:caseId` — one case document with its ETag;
 * - `PUT  /api/families/:family/cases/:year/:caseId` — `If-None-Match: *` creates (201), `If-Match`
 *   saves (412 in Chinese when the version it was based on is no longer current; of several saves based
 *   on one version exactly one wins). The document is checked by the engine: its format
 *   (`validateCase`) and its facts and reviewer entries against its scheme (a value of the wrong type or
 *   range, an unknown reviewer key, a reviewer score without reason: 422 with the issues); what is not
 *   entered yet is only a warning (severity warning), so a case can be saved while it is being filled. A PUT
 *   never changes `status` (409): only the status route does. An 已审核 case is changed by no save or
 *   restore until it is returned to 填报中; an 已提交 case only in its reviewer entries (409, for every
 *   role; which role may change what is `security/case-rules.ts`);
 * - `GET  …/:caseId/history`, `GET …/:caseId/history/:seq`, `POST …/:caseId/restore` (If-Match, `{ seq }`);
 *   a restore that would change the status is refused (409);
 * - `POST …/:caseId/status` (If-Match, `{ status, reason? }`) — 填报中 → 已提交 → 已审核, and back to 填报中
 *   (退回, with a non-empty reason: 400 otherwise) from 已提交 or 已审核; a change to the status it has is 409; recorded as a 状态变更 with its author, so the history says who submitted
 *   and who reviewed. A case that cannot be scored yet (something missing or wrong) is not submitted or
 *   approved (422 `case-incomplete`, naming the first few).
 *
 * Authors are `req.actor`; which role may do what is checked by the accounts layer (security/), not here.
 */
import type { FastifyReply } from 'fastify';
import type { Issue } from '@jixiao/engine';
import {
  CASE_STATUS_ZH,
  CaseHistoryEntryParams,
  CaseParams,
  ERRORS,
  GetCase,
  HistoryEntryResponse,
  HistoryListResponse,
  ListCases,
  RestoreBody,
  RestoreResponse,
  SaveCase,
  SetCaseStatus,
  type CaseStatus,
  type ErrorBody,
} from '@jixiao/api';
import { isStoreError, parseStoredText, setTopLevelField, StoreConflictError, type CaseRef } from '@jixiao/store';
import type { App } from '../app.ts';
import { caseStatusOf, historySummary, isRecord, type Library, type StoredObject } from '../store/library.ts';
import { errorsOf, type EnginePort } from '../engine-port.ts';
import { sendError } from '../http-errors.ts';
import { sendPreconditionRequired, sendStoreRefusal } from '../store-reply.ts';
import { schemeRef } from './schemes.ts';
import { bodyText } from '../json-body.ts';
import { changedFields, REVIEWER_FIELDS } from '../security/case-rules.ts';

const ListCaseHistory = { params: CaseParams, response: { 200: HistoryListResponse, ...ERRORS } } as const;
const GetCaseHistoryEntry = { params: CaseHistoryEntryParams, response: { 200: HistoryEntryResponse, ...ERRORS } } as const;
const RestoreCase = { params: CaseParams, body: RestoreBody, response: { 200: RestoreResponse, ...ERRORS } } as const;

/** A save whose If-Match names an older version than the stored one. */
const CONFLICT_MESSAGE = '案例已被其他窗口或他人修改，本次保存未执行。请先查看最新版本，再决定如何处理您的修改。';

/**
 * Issues of evaluating a case that only say something is not entered yet (a fact, a reviewer entry,
 * a row's self-score or reason): a save keeps them as warnings while the case is being filled.
 * Every other issue of severity error (a value out of range, a percent written as 95 for 95 %, a
 * reviewer score above the item's points, a zero denominator…) refuses the save.
 */
const NOT_ENTERED = new Set([
  'fact-missing',
  'judgement-missing',
  'band-missing',
  'experts-missing',
  'dept-row-judgement-missing',
  'row-judgement-missing',
  'row-reason-missing',
]);

/** An issue as a warning (what is not entered yet never comes back with severity error). */
const asWarning = (i: Issue): Issue => ({ ...i, severity: 'warning' });

/** Where a status may go (填报中 → 已提交 → 已审核; 退回 to 填报中 from either). */
const NEXT: Record<CaseStatus, CaseStatus[]> = { filling: ['submitted'], submitted: ['reviewed', 'filling'], reviewed: ['filling'] };

const caseRef = (family: string, year: string, caseId: string): CaseRef => ({ kind: 'case', family, year: Number(year), caseId });

/** The case named by the URL, or the reply already sent (404, or 422 when its file could not be imported). */
export async function readCaseOrReply(lib: Library, ref: CaseRef, reply: FastifyReply): Promise<StoredObject | null> {
  const stored = await lib.read(ref);
  if (stored) return stored;
  const problem = lib.problem(ref);
  if (problem) sendError(reply, 422, { error: 'bad-file', message: `案例文件无法读取：${problem.error}`, messageEn: `The case file could not be imported: ${problem.path}` });
  else sendError(reply, 404, { error: 'not-found', message: `没有找到案例 ${ref.caseId}（${ref.family} ${ref.year} 年度）。`, messageEn: `Case ${ref.family}/${ref.year}/${ref.caseId} not found.` });
  return null;
}

/** A case that does not belong where it is saved: the status and body to answer. */
interface Misplaced {
  status: 400;
  body: ErrorBody;
}

/** The engine's check of a case: see `checkCase`. */
interface CaseCheck {
  /** Entered values that are wrong (and format errors): they refuse a save. */
  errors: Issue[];
  /** Format warnings and what is not entered yet, all of severity warning. */
  warnings: Issue[];
  /** Of `warnings`, what is not entered yet (a fact, a reviewer entry): the case cannot be scored until it is. */
  missing: Issue[];
  misplaced?: Misplaced;
}

/**
 * The engine's check of a case document for family/year: `errors` refuse the save (format, entered
 * values); `warnings` (what is not entered yet) go back with the saved case; `misplaced` when the case
 * does not belong where it is saved (another id or year than the URL's, a scheme the family does not have).
 */
async function checkCase(lib: Library, engine: EnginePort, family: string, year: string, caseId: string, doc: Record<string, unknown>): Promise<CaseCheck> {
  const format = engine.validateCase(doc);
  if (errorsOf(format).length) return { errors: errorsOf(format), warnings: [], missing: [] };
  const scheme = doc['scheme'] as { id: string; year: number };
  if (doc['id'] !== caseId) {
    return {
      errors: [],
      warnings: [],
      missing: [],
      misplaced: {
        status: 400,
        body: {
          error: 'location-mismatch',
          message: `案例文档的标识（${JSON.stringify(doc['id'])}）与保存位置（${caseId}）不一致。`,
          messageEn: `The case's id (${JSON.stringify(doc['id'])}) does not match the URL (${caseId}).`,
        },
      },
    };
  }
  if (doc['year'] !== Number(year)) {
    return {
      errors: [],
      warnings: [],
      missing: [],
      misplaced: {
        status: 400,
        body: {
          error: 'location-mismatch',
          message: `案例的评价年度（${JSON.stringify(doc['year'])}）与保存位置（${year} 年度）不一致。`,
          messageEn: `The case's year (${JSON.stringify(doc['year'])}) does not match the URL (${year}).`,
        },
      },
    };
  }
  const stored = await lib.read(schemeRef(family, scheme.year));
  if (!stored || stored.doc['id'] !== scheme.id) {
    return {
      errors: [],
      warnings: [],
      missing: [],
      misplaced: {
        status: 400,
        body: {
          error: 'no-scheme',
          message: stored
            ? `案例所用方案（${scheme.id} ${scheme.year} 年度）不是方案族 ${family} 的方案（其标识为 ${String(stored.doc['id'])}）。`
            : `案例所用方案（${scheme.id} ${scheme.year} 年度）在方案族 ${family} 中不存在；请先建立该年度方案，或改用已有年度。`,
          messageEn: `The case's scheme ${scheme.id} ${scheme.year} is not a scheme of family ${family}.`,
        },
      },
    };
  }
  const compiled = engine.compile(stored.doc);
  // a scheme that does not compile cannot check the case: its errors refuse the save
  if (!compiled.ok) return { errors: errorsOf(compiled.issues), warnings: compiled.issues.filter((i) => i.severity !== 'error'), missing: [] };
  const r = engine.evaluate(compiled.compiled, doc as unknown as Parameters<EnginePort['evaluate']>[1]);
  const issues = r.ok ? [] : r.issues;
  const blocks = (i: Issue) => i.severity === 'error' && !NOT_ENTERED.has(i.code);
  const missing = issues.filter((i) => !blocks(i)).map(asWarning);
  return { errors: issues.filter(blocks), warnings: [...format.map(asWarning), ...missing], missing };
}

function invalidCase(reply: FastifyReply, errors: Issue[]): FastifyReply {
  return sendError(reply, 422, {
    error: 'invalid-case',
    message: `案例校验未通过（${errors.length} 处错误），未保存：${errors[0]?.message ?? ''}`,
    messageEn: `The case is invalid (${errors.length} error(s)); not saved.`,
    issues: errors,
  });
}

/** How many of the issues a refusal names in its message (the rest are in `issues`). */
const NAMED = 3;

/**
 * 422 for a submission (→ 已提交) or an approval (→ 已审核) of a case that cannot be scored: what is
 * missing or wrong, the first few named in the message, all of them in `issues`.
 */
function notScorable(reply: FastifyReply, to: CaseStatus, problems: Issue[]): FastifyReply {
  const what = to === 'submitted' ? '提交' : '审核通过';
  const named = problems.slice(0, NAMED).map((i) => i.message.replace(/[。；]+$/, '')).join('；');
  const more = problems.length > NAMED ? `；等共 ${problems.length} 处` : '';
  return sendError(reply, 422, {
    error: 'case-incomplete',
    message: `案例尚不能评分，不能${what}：${named}${more}。请补全或改正后再${what}。`,
    messageEn: `The case cannot be scored yet (${problems.length} issue(s)); it cannot become ${to}.`,
    issues: problems,
  });
}

/**
 * The state rule of a write (save or restore), for every role (which role may change what is
 * `security/case-rules.ts`): an 已审核 case is not changed at all until it is returned to 填报中; an
 * 已提交 case only in its reviewer entries. Null when the write may go on, else the refusal (409) sent.
 */
function refuseByStatus(reply: FastifyReply, status: CaseStatus, before: Record<string, unknown>, after: Record<string, unknown>, what = '保存'): FastifyReply | null {
  if (status === 'filling') return null;
  const changed = changedFields(before, after);
  if (!changed.length) return null;
  if (status === 'reviewed') {
    return sendError(reply, 409, {
      error: 'case-reviewed-readonly',
      message: `案例已审核，不能${what === '保存' ? '修改' : '恢复'}；如需修改，请先退回至填报中。`,
      messageEn: 'The case is reviewed; it cannot be changed until it is returned to filling.',
    });
  }
  const refused = changed.filter((f) => !REVIEWER_FIELDS.includes(f));
  if (!refused.length) return null;
  return sendError(reply, 409, {
    error: 'case-submitted-readonly',
    message: `案例已提交，只能修改评审录入（${REVIEWER_FIELDS.join('、')}），不能修改 ${refused.join('、')}；如需修改，请先退回至填报中。`,
    messageEn: `The case is submitted; only ${REVIEWER_FIELDS.join(', ')} may change, not ${refused.join(', ')}.`,
  });
}

/** An If-Match value: one or more quoted entity tags, comma-separated (RFC 9110; `*` is handled apart). */
const ENTITY_TAGS = /^\s*(?:W\/)?"[^"]*"\s*(?:,\s*(?:W\/)?"[^"]*"\s*)*$/;

/**
 * The refusal of an `If-Match` a case write cannot be based on, or null: `*` (428: a write must name
 * the version it is based on, not "whatever is current"), or a value that is no entity tag (400).
 * `what` names the write in the message (保存, 恢复, 状态变更).
 */
function refuseIfMatch(reply: FastifyReply, ifMatch: string, what: string): FastifyReply | null {
  if (ifMatch.trim() === '*') {
    return sendError(reply, 428, {
      error: 'precondition-required',
      message: `${what}须注明所基于的版本（If-Match 写该版本的 ETag），不能用“*”；请先打开案例，再基于所见版本${what}。`,
      messageEn: 'If-Match: * is not accepted; name the version (ETag) the write is based on.',
    });
  }
  if (!ENTITY_TAGS.test(ifMatch)) {
    return sendError(reply, 400, {
      error: 'bad-if-match',
      message: `If-Match 不是有效的版本标记（应为带引号的 ETag，如 "abc"），${what}未执行；请重新打开案例后再试。`,
      messageEn: `If-Match is not an entity tag (a quoted ETag such as "abc"): ${JSON.stringify(ifMatch.slice(0, 80))}.`,
    });
  }
  return null;
}

function statusNotBySave(reply: FastifyReply, from: CaseStatus, to: CaseStatus, what = '保存'): FastifyReply {
  return sendError(reply, 409, {
    error: 'status-not-by-save',
    message: `${what}不能改变案例状态（当前为“${CASE_STATUS_ZH[from]}”，文档中为“${CASE_STATUS_ZH[to]}”）；状态只能通过提交、审核或退回操作改变。`,
    messageEn: `A ${what === '保存' ? 'save' : 'restore'} cannot change the case status (${from} → ${to}); use the status route.`,
  });
}

export function caseRoutes(app: App, lib: Library, engine: EnginePort): void {
  app.get('/api/families/:family/cases', { schema: ListCases }, async (req, reply) => {
    const { family } = req.params;
    const cases = await lib.cases(family);
    // a family that has no scheme at all (nor a file that could not be imported) does not exist
    if (!cases.length && !(await lib.hasFamily(family))) {
      return sendError(reply, 404, { error: 'not-found', message: `没有找到方案族 ${family}（它没有任何年度的方案）。`, messageEn: `Family ${family} not found (it has no scheme).` });
    }
    return { cases };
  });

  app.get('/api/families/:family/cases/:year/:caseId', { schema: GetCase }, async (req, reply) => {
    const { family, year, caseId } = req.params;
    const stored = await readCaseOrReply(lib, caseRef(family, year, caseId), reply);
    if (!stored) return reply;
    void reply.header('ETag', stored.etag).header('Cache-Control', 'no-store');
    return { etag: stored.etag, doc: stored.doc };
  });

  app.put('/api/families/:family/cases/:year/:caseId', { schema: SaveCase }, async (req, reply) => {
    const { family, year, caseId } = req.params;
    const ref = caseRef(family, year, caseId);
    const doc = req.body;
    // stored exactly as sent; the checks below read the parsed value
    const text = bodyText(req);
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    const creating = typeof ifMatch !== 'string' && typeof ifNoneMatch === 'string' && ifNoneMatch.trim() === '*';
    if (typeof ifMatch !== 'string' && !creating) return sendPreconditionRequired(reply);
    if (typeof ifMatch === 'string' && refuseIfMatch(reply, ifMatch, '保存')) return reply;
    const current = creating ? null : await lib.read(ref);
    if (!creating && !current) {
      return sendError(reply, 412, { error: 'version-conflict', message: `案例 ${caseId} 已不存在，未保存。`, messageEn: 'the case no longer exists', currentEtag: null });
    }
    const was = current ? caseStatusOf(current.doc) : 'filling';
    if (caseStatusOf(doc) !== was || (doc['status'] !== undefined && !['filling', 'submitted', 'reviewed'].includes(String(doc['status'])))) {
      return statusNotBySave(reply, was, caseStatusOf(doc));
    }
    if (current && refuseByStatus(reply, was, current.doc, doc)) return reply;
    const check = await checkCase(lib, engine, family, year, caseId, doc);
    if (check.misplaced) return sendError(reply, check.misplaced.status, check.misplaced.body);
    if (check.errors.length) return invalidCase(reply, check.errors);
    const author = req.actor.displayName;
    try {
      if (creating) {
        const created = await lib.store.create(ref, text, { author });
        req.log.info({ family, year, caseId }, 'case created');
        void reply.header('ETag', created.etag).code(201);
        return { saved: true as const, etag: created.etag, warnings: check.warnings, history: historySummary(created.state) };
      }
      const basedOnVersion = await lib.basedOn(ref, current!, ifMatch as string);
      if (basedOnVersion === 0) {
        // a well-formed tag of no saved state of this case: say so, not "version 0"
        return sendError(reply, 412, {
          error: 'version-conflict',
          message: `If-Match 所注明的版本（${(ifMatch as string).trim()}）不是案例 ${caseId} 保存过的任何版本，未保存；请重新打开案例后再修改。`,
          messageEn: 'If-Match names no saved version of this case.',
          currentEtag: current!.etag,
        });
      }
      if (basedOnVersion === current!.version && current!.text === text) {
        void reply.header('ETag', current!.etag);
        return { saved: true as const, unchanged: true as const, etag: current!.etag, warnings: check.warnings };
      }
      const r = await lib.store.save(ref, text, { basedOnVersion, author });
      void reply.header('ETag', r.etag);
      if (r.kind === 'unchanged') return { saved: true as const, unchanged: true as const, etag: r.etag, warnings: check.warnings };
      req.log.info({ family, year, caseId, version: r.version }, 'case saved');
      return { saved: true as const, etag: r.etag, warnings: check.warnings, history: historySummary(r.state) };
    } catch (e) {
      if (!isStoreError(e)) throw e;
      if (e instanceof StoreConflictError && e.code === 'store-exists') {
        const now = await lib.read(ref);
        return sendError(reply, 412, { error: 'version-conflict', message: `案例 ${caseId}（${family} ${year} 年度）已存在，未新建；请打开它再修改。`, messageEn: e.messageEn, currentEtag: now?.etag ?? null });
      }
      return sendStoreRefusal(reply, lib.store, ref, e, { conflictMessage: CONFLICT_MESSAGE, invalidCode: 'invalid-case' });
    }
  });

  app.get('/api/families/:family/cases/:year/:caseId/history', { schema: ListCaseHistory }, async (req, reply) => {
    const { family, year, caseId } = req.params;
    const entries = await lib.history(caseRef(family, year, caseId));
    if (!entries) return sendError(reply, 404, { error: 'not-found', message: `没有找到案例 ${caseId}（${family} ${year} 年度）。`, messageEn: `Case ${family}/${year}/${caseId} not found.` });
    void reply.header('Cache-Control', 'no-store');
    return { entries };
  });

  app.get('/api/families/:family/cases/:year/:caseId/history/:seq', { schema: GetCaseHistoryEntry }, async (req, reply) => {
    const { family, year, caseId, seq } = req.params;
    const entry = await lib.entry(caseRef(family, year, caseId), Number(seq));
    if (!entry) return sendError(reply, 404, { error: 'not-found', message: `案例 ${caseId} 没有第 ${seq} 条历史记录。`, messageEn: `no history entry ${seq}` });
    void reply.header('Cache-Control', 'no-store');
    return { entry };
  });

  app.post('/api/families/:family/cases/:year/:caseId/restore', { schema: RestoreCase }, async (req, reply) => {
    const { family, year, caseId } = req.params;
    const ref = caseRef(family, year, caseId);
    const { seq } = req.body;
    const ifMatch = req.headers['if-match'];
    if (typeof ifMatch !== 'string') return sendPreconditionRequired(reply, '恢复');
    if (refuseIfMatch(reply, ifMatch, '恢复')) return reply;
    const current = await readCaseOrReply(lib, ref, reply);
    if (!current) return reply;
    const state = await lib.store.state(ref, seq);
    if (!state) return sendError(reply, 404, { error: 'not-found', message: `案例 ${caseId} 没有第 ${seq} 条历史记录。`, messageEn: `no history entry ${seq}` });
    const old = parseStoredText(state.text);
    if (isRecord(old) && caseStatusOf(old) !== caseStatusOf(current.doc)) return statusNotBySave(reply, caseStatusOf(current.doc), caseStatusOf(old), '恢复');
    if (isRecord(old) && refuseByStatus(reply, caseStatusOf(current.doc), current.doc, old, '恢复')) return reply;
    try {
      const r = await lib.store.restore(ref, seq, { basedOnVersion: await lib.basedOn(ref, current, ifMatch), author: req.actor.displayName });
      void reply.header('ETag', r.etag);
      if (r.kind === 'unchanged') return { restored: false as const, unchanged: true as const, etag: r.etag, message: '所选记录与当前案例内容相同，无需恢复。' };
      const { doc, text } = (await lib.read(ref))!;
      const check = await checkCase(lib, engine, family, year, caseId, doc);
      req.log.info({ family, year, caseId, seq, version: r.version }, 'case state restored');
      return { restored: true as const, etag: r.etag, doc, text, history: historySummary(r.state), issues: [...check.errors, ...check.warnings] };
    } catch (e) {
      if (!isStoreError(e)) throw e;
      return sendStoreRefusal(reply, lib.store, ref, e, { conflictMessage: '案例在您查看历史后已被修改，未恢复；请刷新后再试。', invalidCode: 'invalid-case' });
    }
  });

  app.post('/api/families/:family/cases/:year/:caseId/status', { schema: SetCaseStatus }, async (req, reply) => {
    const { family, year, caseId } = req.params;
    const ref = caseRef(family, year, caseId);
    const { status: to, reason } = req.body;
    const ifMatch = req.headers['if-match'];
    if (typeof ifMatch !== 'string') return sendPreconditionRequired(reply, '提交或审核');
    if (refuseIfMatch(reply, ifMatch, '状态变更')) return reply;
    const current = await readCaseOrReply(lib, ref, reply);
    if (!current) return reply;
    const from = caseStatusOf(current.doc);
    if (from === to) {
      return sendError(reply, 409, {
        error: 'status-unchanged',
        message: `案例已是${CASE_STATUS_ZH[to]}，状态未改变。`,
        messageEn: `The case is already ${to}.`,
      });
    }
    if (to === 'filling' && !reason?.trim()) {
      return sendError(reply, 400, {
        error: 'reason-required',
        message: '退回至填报中须写明退回理由（reason），以便填报人知道要改什么。',
        messageEn: 'Returning a case to filling needs a non-empty reason.',
      });
    }
    if (!NEXT[from].includes(to)) {
      const allowed = NEXT[from].map((s) => `“${CASE_STATUS_ZH[s]}”`).join('或');
      return sendError(reply, 409, {
        error: 'status-transition',
        message: `案例当前为“${CASE_STATUS_ZH[from]}”，不能改为“${CASE_STATUS_ZH[to]}”（只能改为${allowed}）。`,
        messageEn: `The case is ${from}; it cannot become ${to} (allowed: ${NEXT[from].join(', ')}).`,
      });
    }
    if (to === 'submitted' || to === 'reviewed') {
      const check = await checkCase(lib, engine, family, year, caseId, current.doc);
      if (check.misplaced) return sendError(reply, 409, check.misplaced.body);
      const problems = [...check.errors, ...check.missing];
      if (problems.length) return notScorable(reply, to, problems);
    }
    const why = reason?.trim();
    const summary = `状态：${CASE_STATUS_ZH[from]} → ${CASE_STATUS_ZH[to]}${why ? `（理由：${why}）` : ''}`;
    const after = 'department' in current.doc ? 'department' : 'name';
    try {
      const r = await lib.store.save(ref, setTopLevelField(current.text, 'status', to, after), {
        basedOnVersion: await lib.basedOn(ref, current, ifMatch),
        author: req.actor.displayName,
        action: 'status',
        summary,
      });
      if (r.kind === 'unchanged') return sendError(reply, 500, { error: 'internal', message: '状态未改变。', messageEn: 'status not changed' });
      req.log.info({ family, year, caseId, from, to }, 'case status changed');
      void reply.header('ETag', r.etag);
      return { status: to, etag: r.etag, history: historySummary(r.state) };
    } catch (e) {
      if (!isStoreError(e)) throw e;
      return sendStoreRefusal(reply, lib.store, ref, e, { conflictMessage: '案例在您查看后已被修改，状态未改变；请刷新后再试。', invalidCode: 'invalid-case' });
    }
  });
}
