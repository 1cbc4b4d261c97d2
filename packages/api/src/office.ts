/**
 * Excel and Word (`@jixiao/office`) over HTTP:
 * - `GET /api/schemes/:family/:year/template.xlsx` — the scheme's fill-in workbook (事实表, 评审表; 自评表 blocks
 *   for a project scheme), as an attachment;
 * - `GET /api/families/:family/cases/:year/:caseId/report.docx` and `…/report.xlsx` — the case's official table
 *   (部门整体支出绩效评分表, or 项目支出绩效自评表 for a project), as an attachment;
 * - `POST /api/schemes/:family/:year/import`, body: the .xlsx bytes (`Content-Type:
 *   application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` or `application/octet-stream`) →
 *   `ImportResponse`: the case documents read from it (one per project block for a project scheme), each with
 *   the engine's issues, and every problem by sheet and cell. Nothing is saved: the editor saves the cases it
 *   keeps through the case routes (`PUT /api/families/:family/cases/:year/:caseId`).
 * The binary replies carry no JSON schema; refusals answer `ErrorBody` like every route.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ERRORS, IssueSchema, SchemeParams } from './common.ts';
import { CaseParams } from './cases.ts';

/** The media type of an .xlsx workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The media type of a .docx document. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** One problem of an uploaded workbook: its sheet and cell ("事实表", "C12"), the Chinese message beginning with the place, the English beside. */
export const CellProblem = Type.Object(
  {
    /** Sheet name; "" for the workbook as a whole. */
    sheet: Type.String(),
    /** Cell address such as C12; "" for a whole sheet. */
    cell: Type.String(),
    code: Type.String(),
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
    /** 中文，以位置开头：「事实表!C12：…」. */
    message: Type.String(),
    messageEn: Type.String(),
  },
  { additionalProperties: false },
);
export type CellProblem = Static<typeof CellProblem>;

/** One case read from the workbook: the case document (not saved) and the engine's issues with it. */
export const ImportedCase = Type.Object({ doc: Type.Unknown(), issues: Type.Array(IssueSchema) }, { additionalProperties: false });
export type ImportedCase = Static<typeof ImportedCase>;

export const ImportResponse = Type.Object({ cases: Type.Array(ImportedCase), problems: Type.Array(CellProblem) }, { additionalProperties: false });
export type ImportResponse = Static<typeof ImportResponse>;

/** Route schemas (fastify `schema`). The import's body is bytes, not JSON: it has no body schema. */
export const GetTemplate = { params: SchemeParams, response: { ...ERRORS } } as const;
export const GetReport = { params: CaseParams, response: { ...ERRORS } } as const;
export const ImportWorkbook = { params: SchemeParams, response: { 200: ImportResponse, ...ERRORS } } as const;
