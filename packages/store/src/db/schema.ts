/**
 * The tables of the store (Kysely's typing of them); created by `migrations.ts`. Times are ISO 8601
 * text (UTC), so they sort and compare the same in SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';

/** What made a saved state (and an audit entry). */
export type StateAction =
  /** 新建 — the document was created by the store. */
  | 'create'
  /** 保存 — a draft was saved. */
  | 'save'
  /** 恢复 — an earlier state was brought back. */
  | 'restore'
  /** 发布 — the draft was published. */
  | 'publish'
  /** 导入 — read in from the exchange files (`jixiao import-store`). */
  | 'import'
  /** 状态变更 — a case moved 填报中 → 已提交 → 已审核 (or returned); its text differs only in `status`. */
  | 'status'
  /**
   * 删除 — the document was deleted (a tombstone: the state keeps the text it had, the document is left out of
   * lists and reads); a restore (or a new create of the same name) brings it back, so nothing is lost.
   */
  | 'delete';

/** Chinese names of the actions, for history lists. */
export const ACTION_NAMES_ZH: Record<StateAction, string> = { create: '新建', save: '保存', restore: '恢复', publish: '发布', import: '导入', status: '状态变更', delete: '删除' };

/** One scheme or case: its name, current version and publication status. */
export interface DocumentsTable {
  id: Generated<number>;
  kind: 'scheme' | 'case';
  family: string;
  year: number;
  /** '' for a scheme. */
  case_id: string;
  /** The number of the current saved state (1, 2, …); the optimistic-concurrency column. */
  version: number;
  /** 草稿 draft (writable) or 已发布 published (frozen by a trigger). */
  status: 'draft' | 'published';
  /** sha256 (hex) of the current text: the key of its blob. */
  text_sha256: string;
  /** The engine's content hash (`sha256:…`) recorded at publication; null for a draft. */
  content_hash: string | null;
  created_at: string;
  updated_at: string;
  /** When the document was deleted (its current state is a `delete` tombstone); null while it exists. Migration 0003. */
  deleted_at: string | null;
}

/**
 * Content-addressed texts (按摘要去重的文本): one row per distinct text, keyed by the sha256 of its
 * UTF-8 bytes. `body` is deflated: the whole text (`full`), or a line delta against `base_sha256`
 * (`delta`), at most `MAX_DELTA_DEPTH` deltas deep.
 */
export interface BlobsTable {
  sha256: string;
  /** Bytes of the text (UTF-8). */
  size: number;
  encoding: 'full' | 'delta';
  base_sha256: string | null;
  /** 0 for `full`; 1 + the base's depth for `delta`. */
  depth: number;
  body: Uint8Array;
}

/** Every saved state of every document (修改历史): numbered 1, 2, … per document, never rewritten. */
export interface StatesTable {
  document_id: number;
  /** The version this state made current. */
  seq: number;
  sha256: string;
  action: StateAction;
  author: string;
  time: string;
  /** One line: what changed from the previous state, in Chinese. */
  summary: string;
  /** The version the write was based on (null for the first state). */
  based_on: number | null;
  /** For `restore`: the state brought back. */
  restored_from: number | null;
}

/** 发布记录: one per published document. */
export interface PublicationsTable {
  document_id: number;
  /** The state that is the published version. */
  seq: number;
  /** The engine's content hash (`sha256:…`) of the published document. */
  content_hash: string;
  published_at: string;
  published_by: string;
  /** `publish` (through the store) or `import` (a file that was already published). */
  source: 'publish' | 'import';
}

/** 操作日志: every write, accepted or refused — who, when, what, from which version. */
export interface AuditLogTable {
  id: Generated<number>;
  time: string;
  actor: string;
  action: StateAction;
  /** `ok`, or the refusal's code (`store-conflict`, `store-published`, …). */
  outcome: string;
  kind: 'scheme' | 'case';
  family: string;
  year: number;
  case_id: string;
  document_id: number | null;
  from_version: number | null;
  to_version: number | null;
  /** The state's summary, or the refusal's message. */
  detail: string;
}

export interface StoreDatabase {
  documents: DocumentsTable;
  blobs: BlobsTable;
  states: StatesTable;
  publications: PublicationsTable;
  audit_log: AuditLogTable;
}
