/**
 * The cases of a family (案例): one department's (or project's) facts and reviewer entries for one year.
 * - `GET /api/families/:family/cases` → `{ cases: CaseSummary[] }`;
 * - `GET /api/families/:family/cases/:year/:caseId` → the case document with its ETag;
 * - `PUT /api/families/:family/cases/:year/:caseId` (If-Match to save, If-None-Match: * to create), body: the
 *   case document → `SaveCaseResponse` (409/412 in Chinese when the version it was based on is no longer current);
 * - `GET …/:caseId/history`, `GET …/:caseId/history/:seq`, `POST …/:caseId/restore` (If-Match, `{ seq }`): as for schemes;
 * - `POST …/:caseId/status` (If-Match, `CaseStatusBody`) → `CaseStatusResponse`: 填报中 → 已提交 → 已审核 (and back
 *   to 填报中 when a reviewer returns it);
 * - `DELETE /api/families/:family/cases/:year/:caseId` (If-Match) → `DeleteCaseResponse`: the case is deleted as a
 *   tombstone — a `delete` entry in its history that keeps its text — and left out of the list; `GET` answers 404
 *   naming when and by whom; its history stays, and restoring an entry (or creating the same id again) brings it
 *   back. Never an 已审核 case (409 `case-reviewed-undeletable`, for every role). 部门填报 deletes only its own
 *   department's cases while 填报中; 评审 deletes none; 政策管理 deletes any case not 已审核.
 *
 * Who may do what (when the server runs with accounts): 部门填报 reads and writes only the cases whose `department`
 * is its own, and only `facts` (and name/notes) while the case is 填报中; it may submit. 评审 writes only `reviewer`
 * entries and moves 已提交 → 已审核 (or returns it to 填报中). 政策管理 may do everything the state allows. A PUT never
 * changes `status`: only the status route does, so the history says who submitted and who reviewed. For every
 * role: an 已提交 case changes only in its reviewer entries, an 已审核 case not at all until it is returned to
 * 填报中 (409); a case is submitted only with what the department enters complete and valid (facts, 自评表
 * rows), approved only with everything, the reviewer's entries too (422 `case-incomplete`); an entered value
 * out of range refuses the save (422 `invalid-case`), what is not entered yet comes back as warnings. A
 * case's id is its location when it is created; a stored case keeps its id (a file named otherwise keeps the
 * file's id), a save that changes it is refused (400 `location-mismatch`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { CASE_ID_MAX_LENGTH, CASE_ID_PATTERN, Document, ERRORS, Family, FamilyParams, IssueSchema, YearText } from './common.ts';
import { HistorySummary } from './history.ts';

/** 填报中 (filling, the department edits), 已提交 (submitted: read-only for the department), 已审核 (reviewed). */
export const CaseStatus = Type.Union([Type.Literal('filling'), Type.Literal('submitted'), Type.Literal('reviewed')], {
  title: '案例状态 status',
  description: 'filling 填报中、submitted 已提交、reviewed 已审核',
});
export type CaseStatus = Static<typeof CaseStatus>;

/** The Chinese names of the case statuses, as the editor and messages write them. */
export const CASE_STATUS_ZH: Record<CaseStatus, string> = { filling: '填报中', submitted: '已提交', reviewed: '已审核' };

/** One row of a family's case list. */
export const CaseSummary = Type.Object(
  {
    /** The file's name without `.json`. */
    id: Type.String(),
    /** 评价年度 folder. */
    year: Type.Integer(),
    /** 案例名称 (部门整体) or 项目名称 (a project): the engine's `CASE_FIELD_LABELS`. */
    name: Type.String(),
    /** The scheme the case was scored with, as the case states it. */
    scheme: Type.Union([Type.Object({ id: Type.String(), year: Type.Integer() }, { additionalProperties: false }), Type.Null()]),
    reportedTotal: Type.Union([Type.Number(), Type.String(), Type.Null()]),
    /** 部门（单位）名称 (部门整体) or 主管部门 (a project), as the case states it (what a 部门填报 account is matched against). */
    department: Type.Optional(Type.String()),
    /** Workflow state; a case without one (the bundled report cases) is 填报中. */
    status: Type.Optional(CaseStatus),
    path: Type.String(),
    /** Why the file cannot be read as a case, in Chinese. */
    error: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type CaseSummary = Static<typeof CaseSummary>;

export const ListCasesResponse = Type.Object({ cases: Type.Array(CaseSummary) }, { additionalProperties: false });
export type ListCasesResponse = Static<typeof ListCasesResponse>;

export const CaseParams = Type.Object({
  family: Family,
  year: YearText,
  caseId: Type.String({ pattern: CASE_ID_PATTERN, maxLength: CASE_ID_MAX_LENGTH, title: '案例标识 caseId', description: `文字、数字与 _ . -，不以 . 开头，至多 ${CASE_ID_MAX_LENGTH} 个字符` }),
});
export type CaseParams = Static<typeof CaseParams>;

export const GetCaseResponse = Type.Object({ etag: Type.String(), doc: Type.Unknown() }, { additionalProperties: false });
export type GetCaseResponse = Static<typeof GetCaseResponse>;

/** The body of a case save: the whole case document (the engine validates it; the route checks year and scheme). */
export const SaveCaseBody = Document('案例文档');

/** A case save: written and recorded (`history`), or equal to the stored state (`unchanged`, nothing written). */
export const SaveCaseResponse = Type.Union([
  Type.Object({ saved: Type.Literal(true), etag: Type.String(), warnings: Type.Array(IssueSchema), history: HistorySummary }, { additionalProperties: false }),
  Type.Object({ saved: Type.Literal(true), unchanged: Type.Literal(true), etag: Type.String(), warnings: Type.Array(IssueSchema) }, { additionalProperties: false }),
]);
export type SaveCaseResponse = Static<typeof SaveCaseResponse>;

/** A status change: the new status and, for a return to 填报中, the reviewer's reason. */
export const CaseStatusBody = Type.Object(
  { status: CaseStatus, reason: Type.Optional(Type.String({ maxLength: 2000, title: '退回理由 reason', description: '退回填报时写明原因' })) },
  { title: '案例状态变更', description: '如 {"status": "submitted"}', additionalProperties: false },
);
export type CaseStatusBody = Static<typeof CaseStatusBody>;

export const CaseStatusResponse = Type.Object({ status: CaseStatus, etag: Type.String(), history: HistorySummary }, { additionalProperties: false });
export type CaseStatusResponse = Static<typeof CaseStatusResponse>;

export const CaseHistoryEntryParams = Type.Object({ ...CaseParams.properties, seq: Type.String({ pattern: '^[0-9]{1,9}$', title: '历史记录序号 seq', description: '正整数，如 3' }) });
export type CaseHistoryEntryParams = Static<typeof CaseHistoryEntryParams>;

/** A deletion: done, and the history entry that records it (its `etag` is the one a restore's If-Match names). */
export const DeleteCaseResponse = Type.Object({ deleted: Type.Literal(true), history: HistorySummary }, { additionalProperties: false });
export type DeleteCaseResponse = Static<typeof DeleteCaseResponse>;

/** Route schemas (fastify `schema`). History and restore answer the scheme routes' shapes (`versions.ts`). */
export const ListCases = { params: FamilyParams, response: { 200: ListCasesResponse, ...ERRORS } } as const;
export const GetCase = { params: CaseParams, response: { 200: GetCaseResponse, ...ERRORS } } as const;
export const SaveCase = { params: CaseParams, body: SaveCaseBody, response: { 200: SaveCaseResponse, 201: SaveCaseResponse, ...ERRORS } } as const;
export const DeleteCase = { params: CaseParams, response: { 200: DeleteCaseResponse, ...ERRORS } } as const;
export const SetCaseStatus = { params: CaseParams, body: CaseStatusBody, response: { 200: CaseStatusResponse, ...ERRORS } } as const;
