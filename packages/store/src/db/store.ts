/**
 * The store (方案库数据库): schemes and cases, every saved state, publication records and an audit log,
 * behind one interface (`DocumentStore`) over SQLite or PostgreSQL (Kysely; `connect.ts` says which).
 *
 * Every write is one transaction that begins with
 * `UPDATE documents SET version = version + 1 WHERE id = ? AND version = ? AND status = 'draft'`:
 * of any number of writers in any number of processes based on the same version exactly one
 * updates a row; the others find 0 rows, write nothing, and get `StoreConflictError` (or
 * `StorePublishedError`). Then, in the same transaction, the text (content-addressed, `blobs.ts`),
 * the saved state, the publication record and the audit entry. A crash before the commit leaves
 * nothing; after it, everything.
 *
 * A save keeps exactly the text it was sent (checked first by `checkDocumentText`: JSON, depth,
 * numbers kept exactly); a publication only adds its stamps (`status`, `publishedAt`,
 * `contentHash`) to that text. A published document is frozen by the database itself (triggers,
 * `migrations.ts`).
 */
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Issue } from '@jixiao/engine';
import { resolveAuthor } from '../author.ts';
import { etagOf } from '../etag.ts';
import { BlobReader, encodeBlob, MAX_DELTA_DEPTH, sha256Hex, type DeltaBase } from './blobs.ts';
import { describeDatabase, openKysely, resolveDatabaseConfig, type DatabaseConfig, type OpenOptions } from './connect.ts';
import { checkDocumentText, parseStoredText } from './document-text.ts';
import { StoreConflictError, StoreError, StoreInvalidError, StoreNotFoundError, StorePublishedError } from './errors.ts';
import { textMessages, storeMessages as m } from './messages.ts';
import { migrateToLatest, type Dialect } from './migrations.ts';
import { caseIdOf, checkRef, describeRef, documentParams, type DocumentKind, type DocumentRef } from './refs.ts';
import type { DocumentsTable, StateAction, StoreDatabase } from './schema.ts';
import { changeSummary, loadEngine } from './summary.ts';
import { isRecord } from '../files.ts';

/** Who and when, for a write. */
export interface WriteOptions {
  /** Recorded in the history and the audit log; default `resolveAuthor()` (JIXIAO_AUTHOR, jixiao.config.json, git user.name…). */
  author?: string;
  /** Time of the write; default now. */
  now?: Date;
}

/** A write to an existing document: the version it is based on (the optimistic-concurrency check). */
export interface VersionedWrite extends WriteOptions {
  /** The version the writer read and edited; the write is refused (`StoreConflictError`) unless it is still current. */
  basedOnVersion: number;
  /**
   * For `save` only: record the state as a status change (`status`, a case's 填报中 → 已提交 → 已审核)
   * instead of a plain save, and with this one-line summary instead of the computed one.
   */
  action?: 'save' | 'status';
  /** For `save` only: the history's one-line summary (Chinese), instead of the computed change summary. */
  summary?: string;
}

/** A document without its text (what `list` gives). */
export interface DocumentSummary {
  ref: DocumentRef;
  /** The current version: the number of its latest saved state (1, 2, …). */
  version: number;
  /** 草稿 (writable) or 已发布 (frozen). */
  status: 'draft' | 'published';
  /** sha256 (hex) of the current text. */
  textSha256: string;
  /** The engine's content hash recorded at publication (`sha256:…`); null for a draft. */
  contentHash: string | null;
  createdAt: string;
  updatedAt: string;
  /** When it was deleted (its current state is a `delete` tombstone); null while it exists. */
  deletedAt: string | null;
}

/** A document with its current text, exactly as saved, and the parsed document. */
export interface StoredDocument extends DocumentSummary {
  text: string;
  doc: unknown;
  /** The file-style ETag of the text (`etagOf`), the same tag the file store and the server give. */
  etag: string;
}

/** One saved state, without its text. */
export interface StateSummary {
  /** The version this state made current. */
  seq: number;
  action: StateAction;
  author: string;
  /** ISO 8601. */
  time: string;
  /** One line, in Chinese: what changed from the previous state. */
  summary: string;
  /** The version the write was based on (null for the first state). */
  basedOn: number | null;
  /** For `restore`: the state brought back. */
  restoredFrom: number | null;
  /** sha256 (hex) of the state's text. */
  sha256: string;
  /** Bytes of the text (UTF-8). */
  size: number;
}

/** A saved state with its text. */
export interface StateWithText extends StateSummary {
  text: string;
}

/** The record of a publication (发布记录). */
export interface PublicationRecord {
  /** The version that is the published document. */
  seq: number;
  /** The engine's content hash of the published document (`sha256:…`). */
  contentHash: string;
  publishedAt: string;
  publishedBy: string;
  /** `publish` (through the store) or `import` (a file that was already published). */
  source: 'publish' | 'import';
}

/** One entry of the audit log (操作日志). */
export interface AuditEntry {
  id: number;
  time: string;
  actor: string;
  action: StateAction;
  /** `ok`, or the refusal's code (`store-conflict`, `store-published`, …). */
  outcome: string;
  ref: DocumentRef;
  fromVersion: number | null;
  toVersion: number | null;
  /** The state's summary, or the refusal's message. */
  detail: string;
}

/** What a write did. */
export type SaveResult = SavedResult | { kind: 'unchanged'; version: number; textSha256: string; etag: string };

/** A write that made a new saved state. */
export interface SavedResult {
  kind: 'saved';
  /** The new current version. */
  version: number;
  created: boolean;
  textSha256: string;
  etag: string;
  state: StateSummary;
}

/** What `importDocument` did with one file. */
export interface ImportResult {
  outcome: 'created' | 'updated' | 'unchanged';
  version: number;
  status: 'draft' | 'published';
}

/** The result of `check()`: problems found (none when the store is sound), and what was counted. */
export interface StoreCheck {
  problems: string[];
  documents: number;
  states: number;
  blobs: number;
}

/**
 * The one store interface. Reads return null for a missing document; writes throw `StoreError`s
 * (`StoreConflictError`, `StorePublishedError`, `StoreNotFoundError`, `StoreInvalidError`).
 */
export interface DocumentStore {
  readonly dialect: Dialect;
  /** The database, for people (a file, or a URL without its password). */
  readonly description: string;
  /**
   * Every document (optionally of one kind or family), sorted by kind, family, year (newest first), case id;
   * deleted documents only with `includeDeleted`.
   */
  list(filter?: { kind?: DocumentKind; family?: string; includeDeleted?: boolean }): Promise<DocumentSummary[]>;
  /**
   * The current state of a document; null when there is none, or when it is deleted (unless `includeDeleted`:
   * then its tombstone, the text it had, with `deletedAt` set).
   */
  read(ref: DocumentRef, opts?: { includeDeleted?: boolean }): Promise<StoredDocument | null>;
  /**
   * Creates a document (version 1) from `text`; `StoreConflictError` (`store-exists`) when it exists. Over a
   * deleted document, the new text is its next state (`create`), so its history goes on.
   */
  create(ref: DocumentRef, text: string, opts?: WriteOptions): Promise<SavedResult>;
  /**
   * Saves a new state of a draft from `text`, kept exactly. `unchanged` (nothing written) when the
   * text is the current one. Refused: a stale `basedOnVersion` (conflict), a published document,
   * a scheme text whose status is `published` (publish through `publish`), a text `checkDocumentText` refuses.
   */
  save(ref: DocumentRef, text: string, opts: VersionedWrite): Promise<SaveResult>;
  /**
   * Brings saved state `seq` back as a new state (`restore`); refused like `save`. A deleted document may be
   * restored: that undoes the deletion.
   */
  restore(ref: DocumentRef, seq: number, opts: VersionedWrite): Promise<SaveResult>;
  /**
   * Deletes a draft (删除) as a tombstone: a new state (`delete`) keeping the text it had, after which reads
   * and lists leave the document out; its history stays, and `restore` (or `create`) brings it back.
   * Refused: a stale `basedOnVersion`, a published document, a document that does not exist or is deleted.
   */
  remove(ref: DocumentRef, opts: VersionedWrite): Promise<SavedResult>;
  /**
   * Publishes a scheme draft (发布): only a draft without validation errors (engine `publish`); the
   * text gets `status`, `publishedAt` and `contentHash`, a publication record is written, and the
   * document is frozen from then on.
   */
  publish(ref: DocumentRef, opts: VersionedWrite): Promise<SavedResult>;
  /**
   * Reads in a document from the exchange files: created when new (as published when the file is a
   * published scheme whose content hash holds), saved as a new state of a draft when its text
   * differs, `unchanged` when it is the current text. A published document is never changed.
   */
  importDocument(ref: DocumentRef, text: string, opts?: WriteOptions): Promise<ImportResult>;
  /** Every saved state of a document, oldest first (without texts); [] for a missing document. */
  history(ref: DocumentRef): Promise<StateSummary[]>;
  /** One saved state with its text; null when there is none. */
  state(ref: DocumentRef, seq: number): Promise<StateWithText | null>;
  /** The publication record of a document; null for a draft or a missing document. */
  publication(ref: DocumentRef): Promise<PublicationRecord | null>;
  /** The audit log, newest first (of one document, or all), at most `limit` entries (default 1000). */
  auditLog(filter?: { ref?: DocumentRef; limit?: number }): Promise<AuditEntry[]>;
  /** Checks the whole store: every state readable and matching its hash, versions without gaps, no leftovers. */
  check(): Promise<StoreCheck>;
  close(): Promise<void>;
}

/** Where to open a store: a configuration, or the `--database` value (see `resolveDatabaseConfig`). */
export type StoreLocation = DatabaseConfig | { database?: string; env?: NodeJS.ProcessEnv; dataDir?: string; cwd?: string };

/** Opens the store (creating and migrating the database when needed). */
export async function openStore(location: StoreLocation = {}, opts: OpenOptions = {}): Promise<DocumentStore> {
  const config = 'dialect' in location ? location : resolveDatabaseConfig(location);
  const { db, dialect } = openKysely(config, opts);
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>, dialect);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return new SqlDocumentStore(db, dialect, describeDatabase(config));
}

type DocumentRow = Selectable<DocumentsTable>;

/** Thrown inside a transaction when the optimistic update matched no row: rolled back, then diagnosed. */
class Lost extends Error {}

function refOf(row: { kind: string; family: string; year: number; case_id: string }): DocumentRef {
  return row.kind === 'case' ? { kind: 'case', family: row.family, year: row.year, caseId: row.case_id } : { kind: 'scheme', family: row.family, year: row.year };
}

function summaryOf(row: DocumentRow): DocumentSummary {
  return {
    ref: refOf(row),
    version: row.version,
    status: row.status,
    textSha256: row.text_sha256,
    contentHash: row.content_hash,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at ?? null,
  };
}

/** A text accepted for storing: the parsed document and its hash. */
interface Accepted {
  text: string;
  doc: Record<string, unknown>;
  sha: string;
}

/** The indentation and line end a text already uses, for the stamps a publication adds. */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** `text` with `stamps` set in place (each after `after`, when new), every other byte kept. */
function stampText(text: string, stamps: [key: string, value: string, after: string | null][]): string {
  let out = text;
  const formattingOptions = formattingOf(text);
  for (const [key, value, after] of stamps) {
    const getInsertionIndex = (props: string[]) => {
      const i = after === null ? -1 : props.indexOf(after);
      return i >= 0 ? i + 1 : props.length;
    };
    out = applyEdits(out, modify(out, [key], value, { formattingOptions, getInsertionIndex }));
  }
  return out;
}

class SqlDocumentStore implements DocumentStore {
  private readonly blobs = new BlobReader();
  private defaultAuthor: string | undefined;

  constructor(
    private readonly db: Kysely<StoreDatabase>,
    readonly dialect: Dialect,
    readonly description: string,
  ) {}

  // ---- reading ----

  async list(filter: { kind?: DocumentKind; family?: string; includeDeleted?: boolean } = {}): Promise<DocumentSummary[]> {
    let q = this.db.selectFrom('documents').selectAll();
    if (!filter.includeDeleted) q = q.where('deleted_at', 'is', null);
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.family) q = q.where('family', '=', filter.family);
    const rows = await q.orderBy('kind', 'desc').orderBy('family').orderBy('year', 'desc').orderBy('case_id').execute();
    return rows.map(summaryOf);
  }

  async read(ref: DocumentRef, opts: { includeDeleted?: boolean } = {}): Promise<StoredDocument | null> {
    const row = await this.row(checkRef(ref));
    if (!row || (row.deleted_at && !opts.includeDeleted)) return null;
    const { text } = await this.text(ref, row.version, row.text_sha256);
    return { ...summaryOf(row), text, doc: parseStoredText(text), etag: etagOf(text) };
  }

  async history(ref: DocumentRef): Promise<StateSummary[]> {
    const row = await this.row(checkRef(ref));
    if (!row) return [];
    const rows = await this.stateQuery().where('s.document_id', '=', row.id).orderBy('s.seq').execute();
    return rows.map(stateSummaryOf);
  }

  async state(ref: DocumentRef, seq: number): Promise<StateWithText | null> {
    const row = await this.row(checkRef(ref));
    if (!row || !Number.isInteger(seq)) return null;
    const s = await this.stateQuery().where('s.document_id', '=', row.id).where('s.seq', '=', seq).executeTakeFirst();
    if (!s) return null;
    const { text } = await this.text(ref, seq, s.sha256);
    return { ...stateSummaryOf(s), text };
  }

  async publication(ref: DocumentRef): Promise<PublicationRecord | null> {
    const row = await this.row(checkRef(ref));
    if (!row) return null;
    const p = await this.db.selectFrom('publications').selectAll().where('document_id', '=', row.id).executeTakeFirst();
    return p ? { seq: p.seq, contentHash: p.content_hash, publishedAt: p.published_at, publishedBy: p.published_by, source: p.source } : null;
  }

  async auditLog(filter: { ref?: DocumentRef; limit?: number } = {}): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (filter.ref) {
      const r = checkRef(filter.ref);
      q = q.where('kind', '=', r.kind).where('family', '=', r.family).where('year', '=', r.year).where('case_id', '=', caseIdOf(r));
    }
    const rows = await q.orderBy('id', 'desc').limit(filter.limit ?? 1000).execute();
    return rows.map((a) => ({
      id: a.id,
      time: a.time,
      actor: a.actor,
      action: a.action,
      outcome: a.outcome,
      ref: refOf(a),
      fromVersion: a.from_version,
      toVersion: a.to_version,
      detail: a.detail,
    }));
  }

  // ---- writing ----

  async create(ref: DocumentRef, text: string, opts: WriteOptions = {}): Promise<SavedResult> {
    checkRef(ref);
    const who = this.who(opts);
    const ok = await this.accept(ref, text, who, 'create');
    const gone = await this.row(ref);
    if (gone?.deleted_at) {
      // a deleted document created again: its next state, so the history goes on (and the deletion stays in it)
      const base = await this.text(ref, gone.version, gone.text_sha256);
      const summary = `重新新建：${await changeSummary(ref.kind, parseStoredText(base.text), ok.doc, await this.schemeOfCase(ref, ok.doc))}`;
      return (await this.commit(ref, gone, ok, { sha256: gone.text_sha256, text: base.text, depth: base.depth }, who, 'create', summary, null, null)) as SavedResult;
    }
    const summary = await changeSummary(ref.kind, null, ok.doc);
    const blob = encodeBlob(ok.text, ok.sha, null);
    try {
      await this.tx(async (trx) => {
        const ins = await trx
          .insertInto('documents')
          .values({ kind: ref.kind, family: ref.family, year: ref.year, case_id: caseIdOf(ref), version: 1, status: 'draft', text_sha256: ok.sha, content_hash: null, created_at: who.time, updated_at: who.time })
          .onConflict((oc) => oc.columns(['kind', 'family', 'year', 'case_id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!ins) throw new Lost();
        await this.putBlob(trx, blob);
        await trx.insertInto('states').values({ document_id: ins.id, seq: 1, sha256: ok.sha, action: 'create', author: who.author, time: who.time, summary, based_on: null, restored_from: null }).execute();
        await this.audit(trx, ref, who, 'create', 'ok', ins.id, null, 1, summary);
      });
    } catch (e) {
      if (!(e instanceof Lost)) throw e;
      const current = await this.row(ref);
      throw await this.refused(ref, who, 'create', new StoreConflictError(m.issue('store-exists', { ...documentParams(ref) }), 0, current?.version ?? 0), current?.id ?? null, null);
    }
    return this.savedResult(ok, 1, true, { seq: 1, action: 'create', author: who.author, time: who.time, summary, basedOn: null, restoredFrom: null });
  }

  async save(ref: DocumentRef, text: string, opts: VersionedWrite): Promise<SaveResult> {
    checkRef(ref);
    const who = this.who(opts);
    const action = opts.action ?? 'save';
    const ok = await this.accept(ref, text, who, action);
    return this.write(ref, ok, opts.basedOnVersion, who, action, null, opts.summary);
  }

  async restore(ref: DocumentRef, seq: number, opts: VersionedWrite): Promise<SaveResult> {
    checkRef(ref);
    const who = this.who(opts);
    const state = await this.state(ref, seq);
    if (!state) {
      const row = await this.row(ref);
      const issue = row ? m.issue('store-no-state', { ...documentParams(ref), seq }) : m.issue('store-not-found', { ...documentParams(ref) });
      throw await this.refused(ref, who, 'restore', new StoreNotFoundError(issue), row?.id ?? null, opts.basedOnVersion);
    }
    const ok = await this.accept(ref, state.text, who, 'restore');
    return this.write(ref, ok, opts.basedOnVersion, who, 'restore', { seq, head: `恢复到第 ${seq} 条记录（${state.time}，${state.author}）` });
  }

  async remove(ref: DocumentRef, opts: VersionedWrite): Promise<SavedResult> {
    checkRef(ref);
    const who = this.who(opts);
    const row = await this.row(ref);
    if (!row || row.deleted_at) throw await this.refused(ref, who, 'delete', new StoreNotFoundError(m.issue('store-not-found', { ...documentParams(ref) })), row?.id ?? null, opts.basedOnVersion);
    if (row.status === 'published') throw await this.refused(ref, who, 'delete', await this.publishedError(ref, row), row.id, opts.basedOnVersion);
    if (row.version !== opts.basedOnVersion) throw await this.refused(ref, who, 'delete', this.conflict(ref, opts.basedOnVersion, row.version), row.id, opts.basedOnVersion);
    const base = await this.text(ref, row.version, row.text_sha256);
    // the tombstone keeps the text the document had: the same blob, nothing new stored
    const ok: Accepted = { text: base.text, doc: parseStoredText(base.text) as Record<string, unknown>, sha: row.text_sha256 };
    const summary = `删除${ref.kind === 'case' ? `案例 ${ref.caseId}` : `${ref.year}年方案`}（内容保留在历史记录中，可恢复）`;
    return (await this.commit(ref, row, ok, { sha256: row.text_sha256, text: base.text, depth: base.depth }, who, 'delete', summary, null, null, row.version, true)) as SavedResult;
  }

  async publish(ref: DocumentRef, opts: VersionedWrite): Promise<SavedResult> {
    checkRef(ref);
    const who = this.who(opts);
    const row = await this.row(ref);
    if (!row || row.deleted_at) throw await this.refused(ref, who, 'publish', new StoreNotFoundError(m.issue('store-not-found', { ...documentParams(ref) })), null, opts.basedOnVersion);
    if (ref.kind !== 'scheme') throw await this.refused(ref, who, 'publish', new StoreInvalidError(m.issue('store-not-scheme', { ...documentParams(ref) }), []), row.id, opts.basedOnVersion);
    if (row.status === 'published') throw await this.refused(ref, who, 'publish', await this.publishedError(ref, row), row.id, opts.basedOnVersion);
    if (row.version !== opts.basedOnVersion) throw await this.refused(ref, who, 'publish', this.conflict(ref, opts.basedOnVersion, row.version), row.id, opts.basedOnVersion);
    const base = await this.text(ref, row.version, row.text_sha256);
    const draft = parseStoredText(base.text);
    const engine = await loadEngine();
    const r = engine.publish(draft, who.time);
    if (!r.ok) {
      const errors = r.issues.filter((i) => i.severity === 'error' && i.code !== 'publish-invalid');
      const issue = m.issue('store-publish-invalid', { ...documentParams(ref), errors: errors.length });
      throw await this.refused(ref, who, 'publish', new StoreInvalidError(issue, r.issues), row.id, opts.basedOnVersion);
    }
    const published = r.doc as unknown as Record<string, unknown>;
    const contentHash = String(published['contentHash']);
    const bom = base.text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    let text = bom + stampText(base.text.slice(bom.length), [
      ['status', 'published', null],
      ['publishedAt', String(published['publishedAt']), 'status'],
      ['contentHash', contentHash, 'publishedAt'],
    ]);
    // the stamps are the only change; should the in-place edit ever disagree, write the engine's document
    if (engine.canonicalJson(parseStoredText(text)) !== engine.canonicalJson(published)) text = bom + JSON.stringify(published, null, 2) + '\n';
    const ok: Accepted = { text, doc: published, sha: sha256Hex(text) };
    const summary = `发布${String(published['year'] ?? ref.year)}年方案（内容摘要 ${contentHash.slice(0, 19)}…）`;
    return (await this.commit(ref, row, ok, { sha256: row.text_sha256, text: base.text, depth: base.depth }, who, 'publish', summary, null, contentHash)) as SavedResult;
  }

  async importDocument(ref: DocumentRef, text: string, opts: WriteOptions = {}): Promise<ImportResult> {
    checkRef(ref);
    const who = this.who(opts);
    const check = checkDocumentText(text);
    if (!check.ok) throw await this.refused(ref, who, 'import', this.invalid(check.issues), null, null);
    const doc = check.doc as Record<string, unknown>;
    const ok: Accepted = { text, doc, sha: sha256Hex(text) };
    const published = ref.kind === 'scheme' && doc['status'] === 'published';
    const row = await this.row(ref);
    if (row && row.text_sha256 === ok.sha && !row.deleted_at) return { outcome: 'unchanged', version: row.version, status: row.status };
    if (row?.status === 'published') throw await this.refused(ref, who, 'import', await this.publishedError(ref, row), row.id, row.version);
    if (row) {
      if (published) {
        // a draft here, published in the file: publication happens here, through `publish`
        const issue = textMessages.issue('doc-save-published', {});
        throw await this.refused(ref, who, 'import', new StoreInvalidError(issue, [issue]), row.id, row.version);
      }
      const r = await this.write(ref, ok, row.version, who, 'import', null);
      return { outcome: r.kind === 'saved' ? 'updated' : 'unchanged', version: r.version, status: 'draft' };
    }
    let contentHash: string | null = null;
    if (published) {
      const engine = await loadEngine();
      const issues = engine.checkPublication(doc).filter((i) => i.severity === 'error');
      if (issues.length) throw await this.refused(ref, who, 'import', this.invalid(issues), null, null);
      contentHash = typeof doc['contentHash'] === 'string' ? doc['contentHash'] : engine.contentHash(doc);
    }
    const summary = published ? `导入已发布的${ref.year}年方案（内容摘要 ${contentHash!.slice(0, 19)}…）` : `导入：${await changeSummary(ref.kind, null, doc)}`;
    const blob = encodeBlob(text, ok.sha, null);
    try {
      await this.tx(async (trx) => {
        const ins = await trx
          .insertInto('documents')
          .values({
            kind: ref.kind,
            family: ref.family,
            year: ref.year,
            case_id: caseIdOf(ref),
            version: 1,
            status: published ? 'published' : 'draft',
            text_sha256: ok.sha,
            content_hash: contentHash,
            created_at: who.time,
            updated_at: who.time,
          })
          .onConflict((oc) => oc.columns(['kind', 'family', 'year', 'case_id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!ins) throw new Lost();
        await this.putBlob(trx, blob);
        await trx.insertInto('states').values({ document_id: ins.id, seq: 1, sha256: ok.sha, action: 'import', author: who.author, time: who.time, summary, based_on: null, restored_from: null }).execute();
        if (published) {
          const at = typeof doc['publishedAt'] === 'string' ? doc['publishedAt'] : who.time;
          await trx.insertInto('publications').values({ document_id: ins.id, seq: 1, content_hash: contentHash!, published_at: at, published_by: who.author, source: 'import' }).execute();
        }
        await this.audit(trx, ref, who, 'import', 'ok', ins.id, null, 1, summary);
      });
    } catch (e) {
      if (!(e instanceof Lost)) throw e;
      const current = await this.row(ref);
      throw await this.refused(ref, who, 'import', new StoreConflictError(m.issue('store-exists', { ...documentParams(ref) }), 0, current?.version ?? 0), current?.id ?? null, null);
    }
    return { outcome: 'created', version: 1, status: published ? 'published' : 'draft' };
  }

  async check(): Promise<StoreCheck> {
    const problems: string[] = [];
    const reader = new BlobReader(0); // no cache: every text is decoded and hashed again
    const docs = await this.db.selectFrom('documents').selectAll().orderBy('id').execute();
    let states = 0;
    for (const d of docs) {
      const name = describeRef(refOf(d));
      const rows = await this.db.selectFrom('states').selectAll().where('document_id', '=', d.id).orderBy('seq').execute();
      states += rows.length;
      rows.forEach((s, i) => {
        if (s.seq !== i + 1) problems.push(`${name}：历史记录编号不连续（第 ${i + 1} 条为 ${s.seq}） (states not numbered 1..n)`);
      });
      if (rows.length !== d.version) problems.push(`${name}：版本 ${d.version} 与历史记录 ${rows.length} 条不符 (version does not match the number of states)`);
      if (rows.at(-1)?.sha256 !== d.text_sha256) problems.push(`${name}：当前内容不是最新一条历史记录 (current text is not the last state)`);
      for (const s of rows) {
        try {
          await reader.read(this.db, s.sha256);
        } catch (e) {
          problems.push(`${name} 第 ${s.seq} 版：${e instanceof Error ? e.message : String(e)}`);
        }
      }
      const pub = await this.db.selectFrom('publications').selectAll().where('document_id', '=', d.id).executeTakeFirst();
      if (d.status === 'published' && (!pub || pub.seq !== d.version || pub.content_hash !== d.content_hash)) problems.push(`${name}：已发布但发布记录缺失或不符 (publication record missing or different)`);
      if (d.status === 'draft' && pub) problems.push(`${name}：草稿却有发布记录 (a draft with a publication record)`);
    }
    const orphans = await this.db
      .selectFrom('blobs as b')
      .select('b.sha256')
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('states as s').select('s.seq').whereRef('s.sha256', '=', 'b.sha256'))),
      )
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('blobs as d').select('d.sha256').whereRef('d.base_sha256', '=', 'b.sha256'))))
      .execute();
    for (const o of orphans) problems.push(`无人引用的存储内容 ${o.sha256.slice(0, 12)}… (unreferenced blob)`);
    if (this.dialect === 'sqlite') {
      const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(this.db);
      for (const r of integrity.rows) if (r.integrity_check !== 'ok') problems.push(`SQLite integrity_check: ${r.integrity_check}`);
      const fk = await sql<Record<string, unknown>>`PRAGMA foreign_key_check`.execute(this.db);
      for (const r of fk.rows) problems.push(`SQLite foreign_key_check: ${JSON.stringify(r)}`);
    }
    const blobCount = await this.db.selectFrom('blobs').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    return { problems, documents: docs.length, states, blobs: Number(blobCount.n) };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  // ---- internals ----

  private row(ref: DocumentRef): Promise<DocumentRow | undefined> {
    return this.db.selectFrom('documents').selectAll().where('kind', '=', ref.kind).where('family', '=', ref.family).where('year', '=', ref.year).where('case_id', '=', caseIdOf(ref)).executeTakeFirst();
  }

  private stateQuery() {
    return this.db
      .selectFrom('states as s')
      .innerJoin('blobs as b', 'b.sha256', 's.sha256')
      .select(['s.seq', 's.action', 's.author', 's.time', 's.summary', 's.based_on', 's.restored_from', 's.sha256', 'b.size']);
  }

  private async text(ref: DocumentRef, seq: number, sha: string): Promise<{ text: string; depth: number }> {
    try {
      return await this.blobs.read(this.db, sha);
    } catch (e) {
      if (e instanceof StoreError) throw e;
      throw new StoreError(m.issue('store-corrupt', { ...documentParams(ref), seq }), 500);
    }
  }

  private who(opts: WriteOptions): { author: string; time: string } {
    const author = opts.author ?? (this.defaultAuthor ??= resolveAuthor());
    return { author, time: (opts.now ?? new Date()).toISOString() };
  }

  private invalid(issues: Issue[]): StoreInvalidError {
    return new StoreInvalidError(issues[0]!, issues);
  }

  /** Checks a text for storing; a refused text is logged in the audit log and thrown as StoreInvalidError. */
  private async accept(ref: DocumentRef, text: string, who: { author: string; time: string }, action: StateAction): Promise<Accepted> {
    const check = checkDocumentText(text);
    if (!check.ok) throw await this.refused(ref, who, action, this.invalid(check.issues), null, null);
    const doc = check.doc as Record<string, unknown>;
    if (ref.kind === 'scheme' && doc['status'] === 'published') {
      const issue = textMessages.issue('doc-save-published', {}, { path: '/status' });
      throw await this.refused(ref, who, action, new StoreInvalidError(issue, [issue]), null, null);
    }
    return { text, doc, sha: sha256Hex(text) };
  }

  private conflict(ref: DocumentRef, basedOn: number, current: number): StoreConflictError {
    const code = basedOn > current || basedOn < 1 ? 'store-no-version' : 'store-conflict';
    return new StoreConflictError(m.issue(code, { ...documentParams(ref), basedOn, current }), basedOn, current);
  }

  private async publishedError(ref: DocumentRef, row: DocumentRow): Promise<StorePublishedError> {
    const p = await this.db.selectFrom('publications').select('published_at').where('document_id', '=', row.id).executeTakeFirst();
    return new StorePublishedError(m.issue('store-published', { ...documentParams(ref), publishedAt: p?.published_at ?? '' }));
  }

  /**
   * The scheme document a case names (`scheme.year`, in the case's family), for the labels of its history
   * summary; undefined for a scheme, or when the store does not hold that scheme (the summary then names ids).
   */
  private async schemeOfCase(ref: DocumentRef, doc: Record<string, unknown>): Promise<unknown> {
    if (ref.kind !== 'case') return undefined;
    const named = doc['scheme'];
    const year = typeof named === 'object' && named !== null ? (named as { year?: unknown }).year : undefined;
    // a year no scheme can have (checkRef's range): no labels, the summary names ids
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
    return (await this.read({ kind: 'scheme', family: ref.family, year }))?.doc;
  }

  /** A save or restore (or an import over a draft): based on `basedOn`, to `basedOn + 1`. */
  private async write(ref: DocumentRef, ok: Accepted, basedOn: number, who: { author: string; time: string }, action: 'save' | 'status' | 'restore' | 'import', restored: { seq: number; head: string } | null, summaryOverride?: string): Promise<SaveResult> {
    const row = await this.row(ref);
    // a deleted document is brought back by a restore (or an import of its file), not saved over
    const gone = row?.deleted_at && action !== 'restore' && action !== 'import';
    if (!row || gone) throw await this.refused(ref, who, action, new StoreNotFoundError(m.issue('store-not-found', { ...documentParams(ref) })), row?.id ?? null, basedOn);
    if (row.status === 'published') throw await this.refused(ref, who, action, await this.publishedError(ref, row), row.id, basedOn);
    // The base is the state the writer edited — whatever is current now; the update below decides.
    const baseState = Number.isInteger(basedOn) && basedOn >= 1 ? await this.db.selectFrom('states').select('sha256').where('document_id', '=', row.id).where('seq', '=', basedOn).executeTakeFirst() : undefined;
    if (!baseState) throw await this.refused(ref, who, action, this.conflict(ref, basedOn, row.version), row.id, basedOn);
    const base = await this.text(ref, basedOn, baseState.sha256);
    if (base.text === ok.text && basedOn === row.version && !row.deleted_at) return { kind: 'unchanged', version: row.version, textSha256: ok.sha, etag: etagOf(ok.text) };
    const prev = parseStoredText(base.text); // every stored text passed checkDocumentText
    // a case keeps the id it entered the store with (a restore brings back a state it had, id and all)
    if (ref.kind === 'case' && (action === 'save' || action === 'import') && isRecord(prev) && prev['id'] !== ok.doc['id']) {
      const issue = textMessages.issue('doc-case-id-changed', { stored: JSON.stringify(prev['id']) ?? '', given: JSON.stringify(ok.doc['id']) ?? '' }, { path: '/id' });
      throw await this.refused(ref, who, action, new StoreInvalidError(issue, [issue]), row.id, basedOn);
    }
    const diff = summaryOverride ?? (await changeSummary(ref.kind, prev, ok.doc, await this.schemeOfCase(ref, ok.doc)));
    const summary = summaryOverride !== undefined ? summaryOverride : restored ? `${restored.head}：${diff}` : action === 'import' ? `导入：${diff}` : diff;
    return this.commit(ref, row, ok, { sha256: baseState.sha256, text: base.text, depth: base.depth }, who, action, summary, restored?.seq ?? null, null, basedOn);
  }

  /**
   * The one transaction of a write to an existing document: the optimistic update of its version,
   * then its text, state, publication record (for `publish`) and audit entry.
   */
  private async commit(
    ref: DocumentRef,
    row: DocumentRow,
    ok: Accepted,
    base: DeltaBase,
    who: { author: string; time: string },
    action: StateAction,
    summary: string,
    restoredFrom: number | null,
    publishHash: string | null,
    basedOn = row.version,
    /** The write deletes the document (a tombstone); every other write leaves it (or brings it back) undeleted. */
    deleting = false,
  ): Promise<SaveResult> {
    const blob = encodeBlob(ok.text, ok.sha, base.depth < MAX_DELTA_DEPTH ? base : await this.blobs.root(this.db, base.sha256));
    const seq = basedOn + 1;
    let depth = blob.depth;
    try {
      await this.tx(async (trx) => {
        const upd = await trx
          .updateTable('documents')
          .set((eb) => ({
            version: eb('version', '+', 1),
            text_sha256: ok.sha,
            updated_at: who.time,
            deleted_at: deleting ? who.time : null,
            ...(publishHash !== null ? { status: 'published' as const, content_hash: publishHash } : {}),
          }))
          .where('id', '=', row.id)
          .where('version', '=', basedOn)
          .where('status', '=', 'draft')
          .executeTakeFirst();
        if (Number(upd.numUpdatedRows) !== 1) throw new Lost();
        depth = await this.putBlob(trx, blob);
        await trx.insertInto('states').values({ document_id: row.id, seq, sha256: ok.sha, action, author: who.author, time: who.time, summary, based_on: basedOn, restored_from: restoredFrom }).execute();
        if (publishHash !== null) {
          await trx.insertInto('publications').values({ document_id: row.id, seq, content_hash: publishHash, published_at: who.time, published_by: who.author, source: 'publish' }).execute();
        }
        await this.audit(trx, ref, who, action, 'ok', row.id, basedOn, seq, summary);
      });
    } catch (e) {
      if (!(e instanceof Lost)) throw e;
      const now = await this.row(ref);
      const err = !now ? new StoreNotFoundError(m.issue('store-not-found', { ...documentParams(ref) })) : now.status === 'published' ? await this.publishedError(ref, now) : this.conflict(ref, basedOn, now.version);
      throw await this.refused(ref, who, action, err, row.id, basedOn);
    }
    this.blobs.written({ sha256: blob.sha256, depth }, ok.text);
    return this.savedResult(ok, seq, false, { seq, action, author: who.author, time: who.time, summary, basedOn, restoredFrom });
  }

  private savedResult(ok: Accepted, seq: number, created: boolean, s: Omit<StateSummary, 'sha256' | 'size'>): SavedResult {
    return { kind: 'saved', version: seq, created, textSha256: ok.sha, etag: etagOf(ok.text), state: { ...s, sha256: ok.sha, size: Buffer.byteLength(ok.text, 'utf8') } };
  }

  /** Stores a text unless it is stored already; returns the depth of the row that holds it. */
  private async putBlob(trx: Kysely<StoreDatabase>, blob: ReturnType<typeof encodeBlob>): Promise<number> {
    await trx
      .insertInto('blobs')
      .values(blob)
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    const row = await trx.selectFrom('blobs').select('depth').where('sha256', '=', blob.sha256).executeTakeFirstOrThrow();
    return row.depth;
  }

  private async audit(trx: Kysely<StoreDatabase>, ref: DocumentRef, who: { author: string; time: string }, action: StateAction, outcome: string, documentId: number | null, from: number | null, to: number | null, detail: string): Promise<void> {
    await trx
      .insertInto('audit_log')
      .values({ time: who.time, actor: who.author, action, outcome, kind: ref.kind, family: ref.family, year: ref.year, case_id: caseIdOf(ref), document_id: documentId, from_version: from, to_version: to, detail })
      .execute();
  }

  /** Records a refused write in the audit log (its own small transaction) and returns the error to throw. */
  private async refused(ref: DocumentRef, who: { author: string; time: string }, action: StateAction, err: StoreError, documentId: number | null, from: number | null): Promise<StoreError> {
    await this.audit(this.db, ref, who, action, err.code, documentId, from, null, err.message);
    return err;
  }

  /**
   * Runs `fn` in one transaction. SQLite: `BEGIN IMMEDIATE`, so the write lock is taken (waiting up
   * to the busy timeout for another process) before anything is read — no transaction ever has to
   * upgrade a stale read. PostgreSQL: READ COMMITTED; the conditional update waits for a concurrent
   * writer of the same row and then re-checks its condition.
   */
  private async tx<T>(fn: (trx: Kysely<StoreDatabase>) => Promise<T>): Promise<T> {
    if (this.dialect !== 'sqlite') return this.db.transaction().execute(fn);
    return this.db.connection().execute(async (conn) => {
      await sql`BEGIN IMMEDIATE`.execute(conn);
      try {
        const out = await fn(conn);
        await sql`COMMIT`.execute(conn);
        return out;
      } catch (e) {
        try {
          await sql`ROLLBACK`.execute(conn);
        } catch {
          // already rolled back by SQLite (e.g. after a constraint error)
        }
        throw e;
      }
    });
  }
}

function stateSummaryOf(s: { seq: number; action: StateAction; author: string; time: string; summary: string; based_on: number | null; restored_from: number | null; sha256: string; size: number }): StateSummary {
  return { seq: s.seq, action: s.action, author: s.author, time: s.time, summary: s.summary, basedOn: s.based_on, restoredFrom: s.restored_from, sha256: s.sha256, size: s.size };
}

/** The text to store for a document built in code (e.g. a new year's draft): 2-space indent, final newline. */
export function documentText(doc: unknown): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * `text` with the top-level member `key` set to `value` (added after `after` when new), every other
 * byte kept — e.g. a case's `status` changed without re-serialising the document.
 */
export function setTopLevelField(text: string, key: string, value: string, after: string | null = null): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  return bom + stampText(text.slice(bom.length), [[key, value, after]]);
}

/** Whether `e` is a refusal of the store (rather than a failure of the database). */
export function isStoreError(e: unknown): e is StoreError {
  return e instanceof StoreError;
}
