/**
 * Versions per year (年度版本): new-year drafts, publication, history, restore, diff and impact preview.
 * - `POST /api/schemes/:family/:year/new-year` body `{ year }`;
 * - `POST /api/schemes/:family/:year/publish` (If-Match);
 * - `GET  /api/schemes/:family/:year/history`, `…/history/:seq`;
 * - `POST /api/schemes/:family/:year/restore` body `{ seq }` (If-Match);
 * - `GET  /api/families/:family/diff?a=YYYY&b=YYYY`, `POST /api/diff` body `{ a, b }`;
 * - `POST /api/schemes/:family/:year/impact` body `{ draft?, baselineYear?, cases? }`.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { SchemeChange, SimulationResult } from '@jixiao/engine';
import { Document, EngineOwned, ERRORS, FamilyParams, IssueSchema, SchemeParams, YEAR_PATTERN, SEQ_PATTERN } from './common.ts';
import { HistoryEntry, HistoryListEntry, HistorySummary } from './history.ts';

/** Most cases a request may add to an impact preview. */
export const MAX_ADDED_CASES = 200;

/** A year in a body: a number, or four digits as text; `title` names it in messages. */
function yearValue(title: string) {
  return Type.Union([Type.Integer({ minimum: 1000, maximum: 9999 }), Type.String({ pattern: YEAR_PATTERN })], { title, description: '四位数字，如 2025' });
}

export const NewYearBody = Type.Object({ year: yearValue('新草稿的年度 year') }, { title: '新建草稿的请求', description: 'JSON 对象，如 {"year": 2025}' });
export type NewYearBody = Static<typeof NewYearBody>;

/** The new draft as written, with the engine's warnings about it. */
export const NewYearResponse = Type.Object(
  { family: Type.String(), year: Type.Integer(), etag: Type.String(), doc: Type.Unknown(), warnings: Type.Array(IssueSchema), history: HistorySummary },
  { additionalProperties: false },
);
export type NewYearResponse = Static<typeof NewYearResponse>;

export const PublishResponse = Type.Object({ published: Type.Literal(true), etag: Type.String(), doc: Type.Unknown(), history: HistorySummary }, { additionalProperties: false });
export type PublishResponse = Static<typeof PublishResponse>;

export const HistoryListResponse = Type.Object({ entries: Type.Array(HistoryListEntry) }, { additionalProperties: false });
export type HistoryListResponse = Static<typeof HistoryListResponse>;

export const HistoryEntryParams = Type.Object({ ...SchemeParams.properties, seq: Type.String({ pattern: SEQ_PATTERN, title: '历史记录序号 seq', description: '正整数，如 3' }) });
export type HistoryEntryParams = Static<typeof HistoryEntryParams>;

export const HistoryEntryResponse = Type.Object({ entry: HistoryEntry }, { additionalProperties: false });
export type HistoryEntryResponse = Static<typeof HistoryEntryResponse>;

export const RestoreBody = Type.Object(
  { seq: Type.Integer({ minimum: 1, title: '要恢复的历史记录序号 seq', description: '正整数，如 3' }) },
  { title: '恢复请求', description: 'JSON 对象，如 {"seq": 3}' },
);
export type RestoreBody = Static<typeof RestoreBody>;

/** A restore: the entry brought back (with the engine's issues about it), or nothing to do. */
export const RestoreResponse = Type.Union([
  // `text`: the restored document's text exactly as stored (the state's text byte for byte; its digest is `etag`)
  Type.Object({ restored: Type.Literal(true), etag: Type.String(), doc: Type.Unknown(), text: Type.Optional(Type.String()), history: HistorySummary, issues: Type.Array(IssueSchema) }, { additionalProperties: false }),
  Type.Object({ restored: Type.Literal(false), unchanged: Type.Literal(true), etag: Type.String(), message: Type.String() }, { additionalProperties: false }),
]);
export type RestoreResponse = Static<typeof RestoreResponse>;

export const DiffQuery = Type.Object(
  { a: Type.String({ pattern: YEAR_PATTERN, title: '较早版本的年度 a', description: '如 ?a=2024&b=2025' }), b: Type.String({ pattern: YEAR_PATTERN, title: '较新版本的年度 b', description: '如 ?a=2024&b=2025' }) },
  { title: '比较的两个版本', description: '用 ?a=年度&b=年度 指定，如 ?a=2024&b=2025' },
);
export type DiffQuery = Static<typeof DiffQuery>;

export const DiffBody = Type.Object({ a: Document('较早版本 a', '方案文档，JSON 对象'), b: Document('较新版本 b', '方案文档，JSON 对象') }, { title: '比较请求', description: '含 a 与 b 两个方案文档' });
export type DiffBody = Static<typeof DiffBody>;

/** The identity of a compared version, as its document states it. */
const VersionMeta = Type.Object({ year: Type.Unknown(), status: Type.Unknown(), title: Type.Unknown(), version: Type.Unknown() });

/** The changes from version a to version b (engine `diffSchemes`) and their one-line summary. */
export const DiffResponse = Type.Object({ a: VersionMeta, b: VersionMeta, changes: EngineOwned<SchemeChange[]>(), summary: Type.String() }, { additionalProperties: false });
export type DiffResponse = Static<typeof DiffResponse>;

export const ImpactBody = Type.Object(
  {
    draft: Type.Optional(Document('草稿 draft', '方案文档，JSON 对象')),
    baselineYear: Type.Optional(yearValue('基准年度 baselineYear')),
    cases: Type.Optional(Type.Array(Type.Unknown(), { maxItems: MAX_ADDED_CASES, title: '添加的案例 cases', description: `案例文档的数组，最多 ${MAX_ADDED_CASES} 个` })),
  },
  { title: '影响预览请求', description: 'JSON 对象，可含 draft、baselineYear、cases' },
);
export type ImpactBody = Static<typeof ImpactBody>;

/** The engine's simulation (`simulate`), with the baseline used, warnings, and the family's case files that could not be read. */
export const ImpactResponse = Type.Intersect([
  EngineOwned<SimulationResult>(),
  Type.Object({
    baselineYear: Type.Integer(),
    warnings: Type.Array(IssueSchema),
    unreadable: Type.Array(Type.Object({ path: Type.String(), error: Type.String() })),
  }),
]);
export type ImpactResponse = Static<typeof ImpactResponse>;

/** Route schemas (fastify `schema`). */
export const NewYear = { params: SchemeParams, body: NewYearBody, response: { 201: NewYearResponse, ...ERRORS } } as const;
export const Publish = { params: SchemeParams, response: { 200: PublishResponse, ...ERRORS } } as const;
export const ListHistory = { params: SchemeParams, response: { 200: HistoryListResponse, ...ERRORS } } as const;
export const GetHistoryEntry = { params: HistoryEntryParams, response: { 200: HistoryEntryResponse, ...ERRORS } } as const;
export const Restore = { params: SchemeParams, body: RestoreBody, response: { 200: RestoreResponse, ...ERRORS } } as const;
export const FamilyDiff = { params: FamilyParams, querystring: DiffQuery, response: { 200: DiffResponse, ...ERRORS } } as const;
export const Diff = { body: DiffBody, response: { 200: DiffResponse, ...ERRORS } } as const;
export const Impact = { params: SchemeParams, body: ImpactBody, response: { 200: ImpactResponse, ...ERRORS } } as const;
