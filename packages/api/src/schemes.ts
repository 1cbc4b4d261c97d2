/**
 * The scheme library and one scheme (方案库、方案):
 * - `GET /api/schemes` → `{ schemes: SchemeSummary[] }`;
 * - `GET /api/schemes/:family/:year` → the document with its ETag and publication check;
 * - `PUT /api/schemes/:family/:year` (If-Match, or If-None-Match: * to create) body: the scheme document.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Document, ERRORS, IssueSchema, SchemeParams } from './common.ts';
import { HistorySummary } from './history.ts';

/** One row of the scheme library (方案库列表), as the file states it. */
export const SchemeSummary = Type.Object(
  {
    family: Type.String(),
    year: Type.Integer(),
    /** `draft` 草稿 or `published` 已发布 (`unknown` when the file cannot be read as a scheme). */
    status: Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('unknown')]),
    title: Type.String(),
    jurisdiction: Type.Optional(Type.String()),
    version: Type.Optional(Type.String()),
    /** 总分 as written in the document (number or decimal string). */
    totalPoints: Type.Union([Type.Number(), Type.String(), Type.Null()]),
    /** Path relative to the repository-style root, e.g. `schemes/shenzhen-department/2024.json`. */
    path: Type.String(),
    /** What this version was made from (`basedOn` of the document: scheme id and year). */
    basedOn: Type.Optional(Type.Object({ id: Type.String(), year: Type.Integer() }, { additionalProperties: false })),
    /** ISO time of publication, for a published document. */
    publishedAt: Type.Optional(Type.String()),
    /** Why the file cannot be read as a scheme (encoding, JSON syntax with line and column…), in Chinese. */
    error: Type.Optional(Type.String()),
    /** Errors of the publication check (engine `checkPublication`), e.g. changed after publication. */
    publicationIssues: Type.Optional(Type.Array(IssueSchema)),
  },
  { additionalProperties: false },
);
export type SchemeSummary = Static<typeof SchemeSummary>;

export const ListSchemesResponse = Type.Object({ schemes: Type.Array(SchemeSummary) }, { additionalProperties: false });
export type ListSchemesResponse = Static<typeof ListSchemesResponse>;

/** A scheme document with the version tag a save must quote, and its publication check. */
export const GetSchemeResponse = Type.Object(
  { family: Type.String(), year: Type.Integer(), etag: Type.String(), doc: Type.Unknown(), publication: Type.Array(IssueSchema) },
  { additionalProperties: false },
);
export type GetSchemeResponse = Static<typeof GetSchemeResponse>;

/** The body of a save: the whole scheme document (the engine validates it; the route checks family/year against the URL). */
export const SaveSchemeBody = Document('方案文档');

/** A save: written and recorded (`history`), or equal to the file (`unchanged`, nothing written). */
export const SaveSchemeResponse = Type.Union([
  Type.Object({ saved: Type.Literal(true), etag: Type.String(), warnings: Type.Array(IssueSchema), history: HistorySummary }, { additionalProperties: false }),
  Type.Object({ saved: Type.Literal(true), unchanged: Type.Literal(true), etag: Type.String(), warnings: Type.Array(IssueSchema) }, { additionalProperties: false }),
]);
export type SaveSchemeResponse = Static<typeof SaveSchemeResponse>;

/** Route schemas (fastify `schema`). */
export const ListSchemes = { response: { 200: ListSchemesResponse, ...ERRORS } } as const;
export const GetScheme = { params: SchemeParams, response: { 200: GetSchemeResponse, ...ERRORS } } as const;
export const SaveScheme = { params: SchemeParams, body: SaveSchemeBody, response: { 200: SaveSchemeResponse, 201: SaveSchemeResponse, ...ERRORS } } as const;
