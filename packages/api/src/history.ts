/**
 * Recorded states of a scheme file (修改历史) as the API sends them: `@jixiao/store`'s history entries
 * with the action's Chinese name beside.
 */
import { Type, type Static } from '@sinclair/typebox';

/** What made an entry: 新建 / 保存 / 恢复 / 发布 / 外部修改 / 导入 (from the files, `import-store` or the first start) / 状态变更 (a case submitted, reviewed or returned) / 删除 (a case deleted: the entry keeps its last text; restoring an entry brings the case back). */
export const HistoryAction = Type.Union([
  Type.Literal('create'),
  Type.Literal('save'),
  Type.Literal('restore'),
  Type.Literal('publish'),
  Type.Literal('external'),
  Type.Literal('import'),
  Type.Literal('status'),
  Type.Literal('delete'),
]);

const summaryFields = {
  /** 1, 2, 3 … in order of writing. */
  seq: Type.Integer({ minimum: 1 }),
  /** ISO 8601. */
  time: Type.String(),
  author: Type.String(),
  action: HistoryAction,
  /** One line: what changed from the previous state, in Chinese. */
  summary: Type.String(),
  /** ETag of the document text the entry holds. */
  etag: Type.String(),
  /** For `restore`: the entry brought back. */
  restoredFrom: Type.Optional(Type.Integer({ minimum: 1 })),
};

/** An entry as a write reports it (`history` of a save, publish, restore, new-year). */
export const HistorySummary = Type.Object(summaryFields, { additionalProperties: false });
export type HistorySummary = Static<typeof HistorySummary>;

/** An entry in the history list: with the action's Chinese name (新建, 保存, …). */
export const HistoryListEntry = Type.Object({ ...summaryFields, actionZh: Type.String() }, { additionalProperties: false });
export type HistoryListEntry = Static<typeof HistoryListEntry>;

/**
 * One entry with its document, and `text`: the document's text exactly as it was saved (the request
 * body of that save, byte for byte — `1.10` stays `1.10`; its digest is `etag`). The server always
 * sends `text`; `doc` is absent only for a text that is not JSON (a file the file store kept).
 */
export const HistoryEntry = Type.Object({ ...summaryFields, actionZh: Type.String(), doc: Type.Optional(Type.Unknown()), text: Type.Optional(Type.String()) }, { additionalProperties: false });
export type HistoryEntry = Static<typeof HistoryEntry>;
