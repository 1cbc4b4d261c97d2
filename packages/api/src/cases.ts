/**
 * The real cases of a family (案例), read-only:
 * - `GET /api/families/:family/cases` → `{ cases: CaseSummary[] }`;
 * - `GET /api/families/:family/cases/:year/:caseId` → the case document with its ETag.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CASE_ID_PATTERN, ERRORS, Family, FamilyParams, YearText } from './common.ts';

/** One row of a family's case list. */
export const CaseSummary = Type.Object(
  {
    /** The file's name without `.json`. */
    id: Type.String(),
    /** 评价年度 folder. */
    year: Type.Integer(),
    /** 被评价部门（项目）名称. */
    name: Type.String(),
    /** The scheme the case was scored with, as the case states it. */
    scheme: Type.Union([Type.Object({ id: Type.String(), year: Type.Integer() }, { additionalProperties: false }), Type.Null()]),
    reportedTotal: Type.Union([Type.Number(), Type.String(), Type.Null()]),
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
  caseId: Type.String({ pattern: CASE_ID_PATTERN, title: '案例名称 caseId', description: '文字、数字与 _ . -，不以 . 开头' }),
});
export type CaseParams = Static<typeof CaseParams>;

export const GetCaseResponse = Type.Object({ etag: Type.String(), doc: Type.Unknown() }, { additionalProperties: false });
export type GetCaseResponse = Static<typeof GetCaseResponse>;

/** Route schemas (fastify `schema`). */
export const ListCases = { params: FamilyParams, response: { 200: ListCasesResponse, ...ERRORS } } as const;
export const GetCase = { params: CaseParams, response: { 200: GetCaseResponse, ...ERRORS } } as const;
