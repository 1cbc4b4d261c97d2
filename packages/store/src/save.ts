/**
 * Writing scheme files (方案保存): drafts are saved with a history record, published documents are
 * frozen, publication goes through the engine's `publish` (a valid draft only), and any earlier state
 * can be restored — itself recorded, so nothing is lost. For the CLI and the local server alike.
 *
 * Every state written is recorded in the history before the file is replaced; a file changed outside
 * the store (by hand, by git) is recorded as it was ("外部修改") before the store overwrites it.
 */
import { checkPublication, diffSchemes, publish, summarizeChanges, upgradeScheme, type Issue, type Scheme } from '@jixiao/engine';
import { resolve } from 'node:path';
import { resolveAuthor } from './author.ts';
import { etagOf } from './etag.ts';
import { atomicWrite, isRecord, readStored, toStoredText, type StoredFile } from './files.ts';
import { appendHistory, lastHistoryEntry, readHistoryEntry, type HistoryAction, type HistorySummary } from './history.ts';
import { withLock } from './keyed-lock.ts';
import { readJsonFile } from './json-file.ts';

export interface WriteOptions {
  /** Recorded in the history; default `resolveAuthor()` (JIXIAO_AUTHOR, jixiao.config.json, git user.name…). */
  author?: string;
  /** Time of the write; default now. */
  now?: Date;
}

export interface SaveOptions extends WriteOptions {
  /**
   * The version the edit started from: a string must equal the file's current ETag (else
   * `conflict`); `null` means the file must not exist yet (creation); absent means no check.
   */
  basedOnEtag?: string | null;
}

/** A refusal, with the reason in Chinese (and English beside); messages do not name the file — the caller does. */
export type StoreRefusal =
  /** The target is published: 已发布的方案不可修改. `issues` holds the publication check (e.g. a tampered file). */
  | { kind: 'published'; message: string; messageEn: string; issues: Issue[] }
  /** The file changed since `basedOnEtag` (or exists, for a creation). */
  | { kind: 'conflict'; message: string; messageEn: string; currentEtag: string | null }
  /** The document cannot be saved or published as it is (issues say why). */
  | { kind: 'invalid'; message: string; messageEn: string; issues: Issue[] }
  | { kind: 'not-found'; message: string; messageEn: string };

export type StoreOutcome =
  | { kind: 'saved'; etag: string; created: boolean; entry: HistorySummary; doc: Record<string, unknown> }
  /** The document equals the file: nothing written, nothing recorded. */
  | { kind: 'unchanged'; etag: string }
  | StoreRefusal;

function refusedPublished(current: StoredFile): StoreRefusal {
  const d = current.doc as Record<string, unknown>;
  const at = typeof d['publishedAt'] === 'string' ? `（${d['publishedAt']} 发布）` : '';
  return {
    kind: 'published',
    message: `该方案已发布${at}，不可修改；如需调整，请以它为基础新建下一年度草稿`,
    messageEn: 'the scheme is published and cannot be modified; base a new draft on it',
    issues: checkPublication(current.doc),
  };
}

/** One-line summary of going from `prev` to `next`, for the history. */
export function changeSummary(prev: StoredFile | null, next: Record<string, unknown>): string {
  if (!prev) {
    const b = next['basedOn'];
    const year = String(next['year'] ?? '');
    return isRecord(b) && b['year'] !== undefined ? `以${String(b['year'])}年方案为基础新建${year}年草稿` : `新建${year}年方案`;
  }
  if (!isRecord(prev.doc)) return '替换了无法解析的文件内容';
  // compared as read through the format's migrations: a save that only changed the format version changes nothing
  const a = upgradeScheme(prev.doc);
  const b = upgradeScheme(next);
  try {
    return summarizeChanges(diffSchemes((a.ok ? a.doc : prev.doc) as Scheme, (b.ok ? b.doc : next) as Scheme));
  } catch {
    // a draft too broken to compare item by item
    return '内容变更（无法逐项比较）';
  }
}

/**
 * Records the current file in the history if its last entry does not hold it (edited outside the
 * store, or never recorded), then records `next` and writes it. Call inside the file's lock.
 */
async function commit(path: string, current: StoredFile | null, next: Record<string, unknown>, action: HistoryAction, summary: string, opts: WriteOptions, restoredFrom?: number): Promise<StoreOutcome> {
  const author = opts.author ?? resolveAuthor();
  const time = (opts.now ?? new Date()).toISOString();
  if (current) {
    const last = await lastHistoryEntry(path);
    if (!last || last.etag !== current.etag) {
      let summary = '保存前的文件状态（首次记录）';
      if (last) {
        summary = isRecord(current.doc)
          ? `保存前的文件状态（在本工具之外修改）：${changeSummary({ ...current, doc: last.doc }, current.doc)}`
          : '保存前的文件状态（在本工具之外修改，不是有效的 JSON）';
      }
      await appendHistory(path, {
        time,
        author: '（本工具之外）',
        action: 'external',
        summary,
        etag: current.etag,
        ...(current.doc !== undefined ? { doc: current.doc } : { text: current.text }),
      });
    }
  }
  const text = toStoredText(next);
  const etag = etagOf(text);
  const entry = await appendHistory(path, { time, author, action, summary, etag, doc: next, ...(restoredFrom !== undefined ? { restoredFrom } : {}) });
  await atomicWrite(path, text);
  return { kind: 'saved', etag, created: !current, entry, doc: next };
}

function checkSavable(doc: unknown): StoreRefusal | null {
  if (!isRecord(doc)) {
    return { kind: 'invalid', message: '只能保存方案文档（JSON 对象）', messageEn: 'only a scheme document (JSON object) can be saved', issues: [] };
  }
  if (doc['status'] === 'published') {
    return {
      kind: 'invalid',
      message: '保存的文档不能是“已发布”状态：请保存为草稿，再用“发布”操作发布（只有有效的草稿才能发布）',
      messageEn: 'cannot save a document with status "published": save a draft, then publish it',
      issues: [],
    };
  }
  return null;
}

async function saveAs(path: string, doc: unknown, opts: SaveOptions, action: 'save' | 'restore', summaryOf: (current: StoredFile | null, next: Record<string, unknown>) => string, restoredFrom?: number): Promise<StoreOutcome> {
  const bad = checkSavable(doc);
  if (bad) return bad;
  const next = doc as Record<string, unknown>;
  const abs = resolve(path);
  return withLock(abs, async () => {
    const current = await readStored(abs);
    if (current && isRecord(current.doc) && current.doc['status'] === 'published') return refusedPublished(current);
    if (opts.basedOnEtag === null && current) {
      return { kind: 'conflict', message: '文件已存在，不能新建', messageEn: 'the file already exists', currentEtag: current.etag };
    }
    if (typeof opts.basedOnEtag === 'string' && current?.etag !== opts.basedOnEtag) {
      return {
        kind: 'conflict',
        message: current ? '文件在你编辑期间已被修改（版本不一致），请重新载入后再保存' : '文件已不存在',
        messageEn: current ? 'the file changed since it was loaded (ETag mismatch)' : 'the file no longer exists',
        currentEtag: current?.etag ?? null,
      };
    }
    if (current && current.text === toStoredText(next)) return { kind: 'unchanged', etag: current.etag };
    return commit(abs, current, next, current ? action : 'create', summaryOf(current, next), opts, restoredFrom);
  });
}

/**
 * Saves a draft (保存草稿) to `path` and records it in the history (time, author, one-line diff
 * summary, the full document). Refused: writes to a published file (`published`), a document whose
 * status is `published` (publish through `publishScheme`), a stale `basedOnEtag` (`conflict`).
 * The draft need not be valid: work in progress is kept; validity is required to publish.
 */
export function saveScheme(path: string, doc: unknown, opts: SaveOptions = {}): Promise<StoreOutcome> {
  return saveAs(path, doc, opts, 'save', changeSummary);
}

/** Creates a new scheme file (e.g. a new year's draft); `conflict` if the file exists. */
export function createScheme(path: string, doc: unknown, opts: WriteOptions = {}): Promise<StoreOutcome> {
  return saveAs(path, doc, { ...opts, basedOnEtag: null }, 'save', changeSummary);
}

/**
 * Publishes the draft at `path` (发布): only a draft without validation errors (engine `publish`);
 * the file is rewritten with status `published`, `publishedAt` and `contentHash`, recorded in the
 * history, and frozen from then on.
 */
export function publishScheme(path: string, opts: WriteOptions & { basedOnEtag?: string } = {}): Promise<StoreOutcome> {
  const abs = resolve(path);
  return withLock(abs, async () => {
    const current = await readStored(abs);
    if (!current) return { kind: 'not-found', message: '找不到方案文件', messageEn: 'no such scheme file' };
    if (!isRecord(current.doc)) {
      return { kind: 'invalid', message: '不是有效的 JSON 方案文档，不能发布', messageEn: 'not a JSON scheme document', issues: [] };
    }
    if (current.doc['status'] === 'published') return refusedPublished(current);
    if (opts.basedOnEtag !== undefined && opts.basedOnEtag !== current.etag) {
      return { kind: 'conflict', message: '文件在你查看后已被修改，请重新核对后再发布', messageEn: 'the file changed since it was loaded', currentEtag: current.etag };
    }
    const r = publish(current.doc, opts.now ?? new Date());
    if (!r.ok) {
      const errors = r.issues.filter((i) => i.severity === 'error');
      return { kind: 'invalid', message: `方案无效，不能发布：${errors.length} 个错误`, messageEn: `the scheme is invalid and cannot be published: ${errors.length} error(s)`, issues: r.issues };
    }
    const doc = r.doc as unknown as Record<string, unknown>;
    return commit(abs, current, doc, 'publish', `发布${String(doc['year'] ?? '')}年方案（内容摘要 ${String(doc['contentHash']).slice(0, 19)}…）`, opts);
  });
}

/**
 * Restores history entry `seq` of `path` as the current draft (恢复). The restoration is itself a new
 * history entry (`restore`, naming the entry it brought back), so the state it replaces stays in the
 * history too. Refused like `saveScheme` (published file, stale `basedOnEtag`), and for an entry that
 * does not exist or does not hold a JSON document.
 */
export async function restoreScheme(path: string, seq: number, opts: SaveOptions = {}): Promise<StoreOutcome> {
  const entry = await readHistoryEntry(resolve(path), seq);
  if (!entry) return { kind: 'not-found', message: `没有第 ${seq} 条历史记录`, messageEn: `no history entry ${seq}` };
  if (!isRecord(entry.doc)) {
    return { kind: 'invalid', message: `第 ${seq} 条历史记录不是有效的 JSON 文档，无法恢复`, messageEn: `history entry ${seq} does not hold a JSON document`, issues: [] };
  }
  const head = `恢复到第 ${seq} 条记录（${entry.time}，${entry.author}）`;
  return saveAs(path, entry.doc, opts, 'restore', (current, next) => `${head}：${changeSummary(current, next)}`, seq);
}

/**
 * Checks a scheme file's publication state (发布状态核对): the file read as JSON (`json-file.ts`: missing,
 * encoding, syntax with line and column), and the engine's
 * `checkPublication` (a published file whose content no longer matches its recorded hash is an error).
 * A missing file is reported as `file-not-found`; [] means the file is sound.
 */
export async function checkSchemeFile(path: string): Promise<Issue[]> {
  const r = await readJsonFile(resolve(path), { shown: path });
  if (!r.ok) return [r.issue];
  return checkPublication(r.doc);
}
