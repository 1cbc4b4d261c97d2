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
 *   on one version exactly one wins). The request's JSON text is stored exactly as sent (numbers as
 *   written; the ETag is its digest); a save of the very text stored is `unchanged`. The document is checked by the engine: its format
 *   (`validateCase`) and its facts and reviewer entries against its scheme (a value of the wrong type or
 *   range, an unknown reviewer key, a reviewer score without reason: 422 with the issues); what is not
 *   entered yet is only a warning (severity warning), so a case can be saved while it is being filled. The
 *   document's id is fixed (400 `location-mismatch` otherwise): a new case's id is its location (the URL's
 *   caseId); a stored case keeps the id it has — a case imported from a file named otherwise keeps the
 *   file's id (04-party-hr-training.json holds shenzhen-project-2020-04-party-hr-training). A PUT
 *   never changes `status` (409): only the status route does. An 已审核 case is changed by no save or
 *   restore until it is returned to 填报中; an 已提交 case only in its reviewer entries (409, for every
 *   role; which role may change what is `security/case-rules.ts`);
 * - `GET  …/:caseId/history`, `GET …/:caseId/history/:seq`, `POST …/:caseId/restore` (If-Match, `{ seq }`);
 *   a restore that would change the status is refused (409);
 * - `DELETE /api/families/:family/cases/:year/:caseId` (If-Match) — deletes the case as a tombstone (a
 *   `delete` state keeping its text: the history stays, a restore brings it back); an 已审核 case is
 *   not deleted (409 `case-reviewed-undeletable`); who may delete which case is `security/case-rules.ts`. A
 *   deleted case answers 404 saying when and by whom it was deleted; its history is still listed, and
 *   `restore` of any entry (or a new create of the same id) brings it back;
 * - `POST …/:caseId/status` (If-Match, `{ status, reason? }`) — 填报中 → 已提交 → 已审核, and back to 填报中
 *   (退回, with a non-empty reason: 400 otherwise) from 已提交 or 已审核; a change to the status it has is 409; recorded as a 状态变更 with its author, so the history says who submitted
 *   and who reviewed. A case is not submitted while what the department enters (facts, indicator rows with
 *   their self-scores and reasons) is missing or wrong, nor approved while anything is, the reviewer's
 *   entries too (422 `case-incomplete`, naming the first few): the reviewer scores an 已提交 case.
 *
 * Authors are `req.actor`; which role may do what is checked by the accounts layer (security/), not here.
 * Every refusal's sentence is a catalogue message (`case-messages.ts`), Chinese with the English beside.
 */
import type { FastifyReply } from 'fastify';
import { awaitsReviewer, isNotEntered, type Issue } from '@jixiao/engine';
import {
  CASE_STATUS_ZH,
  CaseHistoryEntryParams,
  CaseParams,
  DeleteCase,
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
import { readable } from '../format-version.ts';
import { sendError } from '../http-errors.ts';
import { readableTimes, sendPreconditionRequired, sendStoreRefusal } from '../store-reply.ts';
import { caseMessages as m, caseRefusal, WRITES } from './case-messages.ts';
import { fieldsP } from '../security/messages.ts';
import { schemeRef } from './schemes.ts';
import { bodyText } from '../json-body.ts';
import { changedFields, REVIEWER_FIELDS } from '../security/case-rules.ts';

const ListCaseHistory = { params: CaseParams, response: { 200: HistoryListResponse, ...ERRORS } } as const;
const GetCaseHistoryEntry = { params: CaseHistoryEntryParams, response: { 200: HistoryEntryResponse, ...ERRORS } } as const;
const RestoreCase = { params: CaseParams, body: RestoreBody, response: { 200: RestoreResponse, ...ERRORS } } as const;

/** An issue as a warning (what is not entered yet never comes back with severity error). */
const asWarning = (i: Issue): Issue => ({ ...i, severity: 'warning' });

/** Where a status may go (填报中 → 已提交 → 已审核; 退回 to 填报中 from either). */
const NEXT: Record<CaseStatus, CaseStatus[]> = { filling: ['submitted'], submitted: ['reviewed', 'filling'], reviewed: ['filling'] };

const caseRef = (family: string, year: string, caseId: string): CaseRef => ({ kind: 'case', family, year: Number(year), caseId });

/** The place of a case as the messages name it. */
const whereOf = (ref: CaseRef) => ({ family: ref.family, year: String(ref.year), caseId: ref.caseId });

/**
 * The 404 of a case the store does not hold: deleted (when, by whom, and that a restore brings it back),
 * or never there.
 */
async function sendCaseMissing(lib: Library, ref: CaseRef, reply: FastifyReply): Promise<FastifyReply> {
  const tomb = await lib.deletion(ref);
  const issue = tomb ? m.issue('case-deleted', { ...whereOf(ref), time: readableTimes(tomb.time), timeIso: tomb.time, author: tomb.author }) : m.issue('case-missing', whereOf(ref));
  return caseRefusal(reply, 404, 'not-found', issue);
}

/** The case named by the URL, or the reply already sent (404, or 422 when its file could not be imported). */
export async function readCaseOrReply(lib: Library, ref: CaseRef, reply: FastifyReply): Promise<StoredObject | null> {
  const stored = await lib.read(ref);
  if (stored) return stored;
  const problem = lib.problem(ref);
  if (problem) caseRefusal(reply, 422, 'bad-file', m.issue('case-bad-file', { reason: problem.error, path: problem.path }));
  else await sendCaseMissing(lib, ref, reply);
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
  /**
   * Of `warnings`, what is not entered yet (a fact, a reviewer entry): the case cannot be scored until it
   * is. Those placed in `/reviewer` await the reviewer (engine `awaitsReviewer`): they do not keep a
   * department from submitting, only a reviewer from approving.
   */
  missing: Issue[];
  /** Of `warnings`, the sheet's coded warnings the engine says block 提交 (`submissionBlockers`: 指标行分值合计不符…). */
  blockers?: Issue[];
  misplaced?: Misplaced;
}

/**
 * The engine's check of a case document for family/year: `errors` refuse the save (format, entered
 * values); `warnings` (what is not entered yet) go back with the saved case; `misplaced` when the case
 * does not belong where it is saved (another id than the case's, another year than the URL's, a scheme
 * the family does not have).
 *
 * The case's id (案例标识) is fixed when the case enters the store: a new case (`storedId` undefined)
 * takes its location (the URL's caseId) as its id; a case the store holds keeps the id it has
 * (`storedId`) — which for a case imported from a file named otherwise is the file's id, as the bundled
 * project cases: file 04-party-hr-training.json, id shenzhen-project-2020-04-party-hr-training.
 */
async function checkCase(lib: Library, engine: EnginePort, family: string, year: string, caseId: string, given: Record<string, unknown>, storedId?: unknown): Promise<CaseCheck> {
  // checked as read through the format's migrations (stored as sent); a newer format version is its one error
  const upgraded = readable(engine, 'case', given);
  if (!upgraded.ok) return { errors: upgraded.issues, warnings: [], missing: [] };
  const doc = upgraded.doc as Record<string, unknown>;
  // the case's scheme, when the case names one the family has: its format errors then name indicators and facts
  // by their names (评审录入“工作实绩”（outcomes）…), not by their keys alone
  const named = doc['scheme'] as { id?: unknown; year?: unknown } | undefined;
  const namedScheme = named && typeof named === 'object' && Number.isInteger(named.year) ? await lib.read(schemeRef(family, named.year as number)) : null;
  const namedDoc = namedScheme ? readable(engine, 'scheme', namedScheme.doc) : undefined;
  const schemeDoc = namedDoc?.ok ? (namedDoc.doc as Record<string, unknown>) : undefined;
  const format = [...upgraded.notice, ...engine.validateCase(doc, schemeDoc && schemeDoc['id'] === named?.id ? schemeDoc : undefined)];
  if (errorsOf(format).length) return { errors: errorsOf(format), warnings: [], missing: [] };
  const scheme = doc['scheme'] as { id: string; year: number };
  const misplaced = (error: string, issue: Issue): CaseCheck => ({ errors: [], warnings: [], missing: [], misplaced: { status: 400, body: { error, message: issue.message, messageEn: issue.messageEn } } });
  const expectedId = storedId ?? caseId;
  if (doc['id'] !== expectedId) {
    const given = JSON.stringify(doc['id']) ?? '';
    // a case whose id is its location is told so; one whose id is another (an imported file's) that the id is fixed
    const issue = expectedId === caseId ? m.issue('case-id-mismatch', { given, caseId }) : m.issue('case-id-changed', { given, stored: JSON.stringify(expectedId) ?? '', caseId });
    return misplaced('location-mismatch', issue);
  }
  if (doc['year'] !== Number(year)) return misplaced('location-mismatch', m.issue('case-year-mismatch', { given: JSON.stringify(doc['year']) ?? '', year }));
  // the case's format is valid here, so `named` is `scheme` and `namedScheme` the family's scheme of its year
  if (!namedScheme || !namedDoc) return misplaced('no-scheme', m.issue('case-scheme-missing', { schemeId: scheme.id, schemeYear: scheme.year, family }));
  // a scheme of a format version this program cannot read cannot check the case: its refusal refuses the save
  if (!namedDoc.ok) return { errors: namedDoc.issues, warnings: [], missing: [] };
  const stored = namedDoc.doc as Record<string, unknown>;
  if (stored['id'] !== scheme.id) return misplaced('no-scheme', m.issue('case-scheme-other', { schemeId: scheme.id, schemeYear: scheme.year, family, familyScheme: String(stored['id']) }));
  const compiled = engine.compile(stored);
  // a scheme that does not compile cannot check the case: its errors refuse the save
  if (!compiled.ok) return { errors: errorsOf(compiled.issues), warnings: compiled.issues.filter((i) => i.severity !== 'error'), missing: [] };
  const r = engine.evaluate(compiled.compiled, doc as unknown as Parameters<EnginePort['evaluate']>[1]);
  const issues = r.ok ? [] : r.issues;
  const blocks = (i: Issue) => i.severity === 'error' && !isNotEntered(i);
  const missing = issues.filter((i) => !blocks(i)).map(asWarning);
  // the scored sheet's coded warnings (指标行分值合计不符, 实际完成值为文字表述…) go back with a save; the engine names those that block 提交
  const notices = r.ok ? (r.sheet.issues ?? []) : [];
  return { errors: issues.filter(blocks), warnings: [...format.map(asWarning), ...missing, ...notices], missing, blockers: r.ok ? engine.submissionBlockers(r.sheet) : [] };
}

function invalidCase(reply: FastifyReply, errors: Issue[]): FastifyReply {
  return caseRefusal(reply, 422, 'invalid-case', m.issue('case-invalid', { errors: errors.length, first: errors[0]?.message ?? '' }), { issues: errors });
}

/** How many of the issues a refusal names in its message (the rest are in `issues`). */
const NAMED = 3;

/**
 * 422 for a submission (→ 已提交) or an approval (→ 已审核) of a case that cannot be scored, or that scores but is
 * held back by `blockers` (the engine's `submissionBlockers`: rows' 分值 not adding up): what is missing or wrong,
 * the first few named in the message, all of them in `issues`.
 */
function notScorable(reply: FastifyReply, to: CaseStatus, problems: Issue[], blockers: readonly Issue[] = []): FastifyReply {
  const what = to === 'submitted' ? '提交' : '审核通过';
  const named = problems.slice(0, NAMED).map((i) => i.message.replace(/[。；]+$/, '')).join('；');
  // a case that scores and is held back only by what submissionBlockers name is not told it "cannot be scored"
  const onlyBlockers = problems.every((i) => blockers.includes(i));
  const issue = m.issue(onlyBlockers ? 'case-not-submittable' : 'case-not-scorable', { what, named, count: problems.length, more: problems.length > NAMED, to });
  // what blocks the submission is an error here, though a save keeps "not entered yet" as a warning
  return caseRefusal(reply, 422, 'case-incomplete', issue, { issues: problems.map((i) => ({ ...i, severity: 'error' as const })) });
}

/**
 * The state rule of a write (save or restore), for every role (which role may change what is
 * `security/case-rules.ts`): an 已审核 case is not changed at all until it is returned to 填报中; an
 * 已提交 case only in its reviewer entries. Null when the write may go on, else the refusal (409) sent.
 */
function refuseByStatus(reply: FastifyReply, status: CaseStatus, before: Record<string, unknown>, after: Record<string, unknown>, write: (typeof WRITES)['save' | 'restore'] = WRITES.save): FastifyReply | null {
  if (status === 'filling') return null;
  const changed = changedFields(before, after);
  if (!changed.length) return null;
  if (status === 'reviewed') return caseRefusal(reply, 409, 'case-reviewed-readonly', m.issue('case-reviewed-readonly', write));
  const refused = changed.filter((f) => !REVIEWER_FIELDS.includes(f));
  if (!refused.length) return null;
  // field names are the document's JSON names, the same in both languages
  return caseRefusal(reply, 409, 'case-submitted-readonly', m.issue('case-submitted-readonly', fieldsP(refused, REVIEWER_FIELDS)));
}

/** An If-Match value: one or more quoted entity tags, comma-separated (RFC 9110; `*` is handled apart). */
const ENTITY_TAGS = /^\s*(?:W\/)?"[^"]*"\s*(?:,\s*(?:W\/)?"[^"]*"\s*)*$/;

/**
 * The refusal of an `If-Match` a case write cannot be based on, or null: `*` (428: a write must name
 * the version it is based on, not "whatever is current"), or a value that is no entity tag (400).
 * `what` names the write in the message (保存, 恢复, 状态变更).
 */
function refuseIfMatch(reply: FastifyReply, ifMatch: string, write: (typeof WRITES)[keyof typeof WRITES]): FastifyReply | null {
  if (ifMatch.trim() === '*') return caseRefusal(reply, 428, 'precondition-required', m.issue('case-if-match-star', write));
  if (!ENTITY_TAGS.test(ifMatch)) return caseRefusal(reply, 400, 'bad-if-match', m.issue('case-bad-if-match', { ...write, given: JSON.stringify(ifMatch.slice(0, 80)) }));
  return null;
}

function statusNotBySave(reply: FastifyReply, from: CaseStatus, to: CaseStatus, write: (typeof WRITES)['save' | 'restore'] = WRITES.save): FastifyReply {
  return caseRefusal(reply, 409, 'status-not-by-save', m.issue('case-status-by-save', { ...write, from: CASE_STATUS_ZH[from], fromEn: from, to: CASE_STATUS_ZH[to], toEn: to }));
}

/** 412 for an If-Match that names no saved state of the case. */
function unknownVersion(reply: FastifyReply, caseId: string, ifMatch: string, write: (typeof WRITES)[keyof typeof WRITES], currentEtag: string | null): FastifyReply {
  return caseRefusal(reply, 412, 'version-conflict', m.issue('case-version-unknown', { ...write, caseId, tag: ifMatch.trim() }), { currentEtag });
}

export function caseRoutes(app: App, lib: Library, engine: EnginePort): void {
  app.get('/api/families/:family/cases', { schema: ListCases }, async (req, reply) => {
    const { family } = req.params;
    const cases = await lib.cases(family);
    // a family that has no scheme at all (nor a file that could not be imported) does not exist
    if (!cases.length && !(await lib.hasFamily(family))) {
      return caseRefusal(reply, 404, 'not-found', m.issue('case-family-missing', { family }));
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
    if (typeof ifMatch === 'string' && refuseIfMatch(reply, ifMatch, WRITES.save)) return reply;
    const current = creating ? null : await lib.read(ref);
    if (!creating && !current) return caseRefusal(reply, 412, 'version-conflict', m.issue('case-gone', { caseId }), { currentEtag: null });
    const was = current ? caseStatusOf(current.doc) : 'filling';
    if (caseStatusOf(doc) !== was || (doc['status'] !== undefined && !['filling', 'submitted', 'reviewed'].includes(String(doc['status'])))) {
      return statusNotBySave(reply, was, caseStatusOf(doc));
    }
    if (current && refuseByStatus(reply, was, current.doc, doc)) return reply;
    // a new case's id is its location; a stored case keeps the id it has (even one deleted: a create brings it back)
    const storedId = current ? current.doc['id'] : (await lib.readDeleted(ref))?.doc['id'];
    const check = await checkCase(lib, engine, family, year, caseId, doc, storedId);
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
      // a well-formed tag of no saved state of this case: say so, not "version 0"
      if (basedOnVersion === 0) return unknownVersion(reply, caseId, ifMatch as string, WRITES.save, current!.etag);
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
        return caseRefusal(reply, 412, 'version-conflict', m.issue('case-exists', whereOf(ref)), { currentEtag: now?.etag ?? null });
      }
      return sendStoreRefusal(reply, lib.store, ref, e, { conflictMessage: m.issue('case-conflict', WRITES.save).message, invalidCode: 'invalid-case' });
    }
  });

  app.get('/api/families/:family/cases/:year/:caseId/history', { schema: ListCaseHistory }, async (req, reply) => {
    const { family, year, caseId } = req.params;
    const entries = await lib.history(caseRef(family, year, caseId));
    if (!entries) return caseRefusal(reply, 404, 'not-found', m.issue('case-missing', { family, year, caseId }));
    void reply.header('Cache-Control', 'no-store');
    return { entries };
  });

  app.get('/api/families/:family/cases/:year/:caseId/history/:seq', { schema: GetCaseHistoryEntry }, async (req, reply) => {
    const { family, year, caseId, seq } = req.params;
    const entry = await lib.entry(caseRef(family, year, caseId), Number(seq));
    if (!entry) return caseRefusal(reply, 404, 'not-found', m.issue('case-history-missing', { caseId, seq }));
    void reply.header('Cache-Control', 'no-store');
    return { entry };
  });

  app.post('/api/families/:family/cases/:year/:caseId/restore', { schema: RestoreCase }, async (req, reply) => {
    const { family, year, caseId } = req.params;
    const ref = caseRef(family, year, caseId);
    const { seq } = req.body;
    const ifMatch = req.headers['if-match'];
    if (typeof ifMatch !== 'string') return sendPreconditionRequired(reply, '恢复');
    if (refuseIfMatch(reply, ifMatch, WRITES.restore)) return reply;
    // a deleted case is restored from its tombstone (the text it had): that undoes the deletion
    const current = (await lib.read(ref)) ?? (await lib.readDeleted(ref));
    if (!current) return (await readCaseOrReply(lib, ref, reply), reply);
    const state = await lib.store.state(ref, seq);
    if (!state) return caseRefusal(reply, 404, 'not-found', m.issue('case-history-missing', { caseId, seq: String(seq) }));
    const old = parseStoredText(state.text);
    if (isRecord(old) && caseStatusOf(old) !== caseStatusOf(current.doc)) return statusNotBySave(reply, caseStatusOf(current.doc), caseStatusOf(old), WRITES.restore);
    if (isRecord(old) && refuseByStatus(reply, caseStatusOf(current.doc), current.doc, old, WRITES.restore)) return reply;
    try {
      const r = await lib.store.restore(ref, seq, { basedOnVersion: await lib.basedOn(ref, current, ifMatch), author: req.actor.displayName });
      void reply.header('ETag', r.etag);
      if (r.kind === 'unchanged') return { restored: false as const, unchanged: true as const, etag: r.etag, message: m.issue('case-restore-unchanged', {}).message };
      const { doc, text } = (await lib.read(ref))!;
      // the state brought back is one this case had: checked with its own id
      const check = await checkCase(lib, engine, family, year, caseId, doc, doc['id']);
      req.log.info({ family, year, caseId, seq, version: r.version }, 'case state restored');
      return { restored: true as const, etag: r.etag, doc, text, history: historySummary(r.state), issues: [...check.errors, ...check.warnings] };
    } catch (e) {
      if (!isStoreError(e)) throw e;
      return sendStoreRefusal(reply, lib.store, ref, e, { conflictMessage: m.issue('case-conflict', WRITES.restore).message, invalidCode: 'invalid-case' });
    }
  });

  app.post('/api/families/:family/cases/:year/:caseId/status', { schema: SetCaseStatus }, async (req, reply) => {
    const { family, year, caseId } = req.params;
    const ref = caseRef(family, year, caseId);
    const { status: to, reason } = req.body;
    const ifMatch = req.headers['if-match'];
    if (typeof ifMatch !== 'string') return sendPreconditionRequired(reply, '提交或审核');
    if (refuseIfMatch(reply, ifMatch, WRITES.status)) return reply;
    const current = await readCaseOrReply(lib, ref, reply);
    if (!current) return reply;
    const from = caseStatusOf(current.doc);
    if (from === to) return caseRefusal(reply, 409, 'status-unchanged', m.issue('case-status-unchanged', { status: CASE_STATUS_ZH[to], statusEn: to }));
    if (to === 'filling' && !reason?.trim()) return caseRefusal(reply, 400, 'reason-required', m.issue('case-reason-required', {}));
    if (!NEXT[from].includes(to)) {
      const allowed = NEXT[from].map((s) => `“${CASE_STATUS_ZH[s]}”`).join('或');
      return caseRefusal(reply, 409, 'status-transition', m.issue('case-status-transition', { from: CASE_STATUS_ZH[from], fromEn: from, to: CASE_STATUS_ZH[to], toEn: to, allowed, allowedEn: NEXT[from].join(', ') }));
    }
    if (to === 'submitted' || to === 'reviewed') {
      const check = await checkCase(lib, engine, family, year, caseId, current.doc, current.doc['id']);
      if (check.misplaced) return sendError(reply, 409, check.misplaced.body);
      // 提交 needs what the department enters (facts, rows, their reasons); 审核通过 everything, the reviewer's entries too;
      // what the engine's submissionBlockers name (rows' 分值 not adding up) keeps the case from either
      const missing = to === 'submitted' ? check.missing.filter((i) => !awaitsReviewer(i)) : check.missing;
      const problems = [...check.errors, ...missing, ...(check.blockers ?? [])];
      if (problems.length) return notScorable(reply, to, problems, check.blockers ?? []);
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
      if (r.kind === 'unchanged') return caseRefusal(reply, 500, 'internal', m.issue('case-status-not-written', {}));
      req.log.info({ family, year, caseId, from, to }, 'case status changed');
      void reply.header('ETag', r.etag);
      return { status: to, etag: r.etag, history: historySummary(r.state) };
    } catch (e) {
      if (!isStoreError(e)) throw e;
      return sendStoreRefusal(reply, lib.store, ref, e, { conflictMessage: m.issue('case-conflict', WRITES.status).message, invalidCode: 'invalid-case' });
    }
  });

  app.delete('/api/families/:family/cases/:year/:caseId', { schema: DeleteCase }, async (req, reply) => {
    const { family, year, caseId } = req.params;
    const ref = caseRef(family, year, caseId);
    const ifMatch = req.headers['if-match'];
    if (typeof ifMatch !== 'string') return sendPreconditionRequired(reply, '删除');
    if (refuseIfMatch(reply, ifMatch, WRITES.delete)) return reply;
    const current = await readCaseOrReply(lib, ref, reply);
    if (!current) return reply;
    // for every role: an 已审核 case is the basis of a conclusion (which role may delete what: security/case-rules.ts)
    if (caseStatusOf(current.doc) === 'reviewed') return caseRefusal(reply, 409, 'case-reviewed-undeletable', m.issue('case-delete-reviewed', { caseId }));
    const basedOnVersion = await lib.basedOn(ref, current, ifMatch);
    if (basedOnVersion === 0) return unknownVersion(reply, caseId, ifMatch, WRITES.delete, current.etag);
    try {
      const r = await lib.store.remove(ref, { basedOnVersion, author: req.actor.displayName });
      req.log.info({ family, year, caseId, version: r.version }, 'case deleted');
      return { deleted: true as const, history: historySummary(r.state) };
    } catch (e) {
      if (!isStoreError(e)) throw e;
      return sendStoreRefusal(reply, lib.store, ref, e, { conflictMessage: m.issue('case-conflict', WRITES.delete).message, invalidCode: 'invalid-case' });
    }
  });
}
