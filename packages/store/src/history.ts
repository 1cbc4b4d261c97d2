/**
 * The history of a scheme file (修改历史): every state the store writes is kept, as one JSON file per
 * entry in `<folder of the scheme>/.history/<year>/NNNNNN.json` — for `schemes/<family>/<year>.json`
 * that is `schemes/<family>/.history/<year>/`. Entries are numbered from 1 and never rewritten.
 */
import { lstat, mkdir, open, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { orThrow, readPresentJsonFile } from './json-file.ts';

/** What made an entry. */
export type HistoryAction =
  /** 新建 — the file was created by the store. */
  | 'create'
  /** 保存 — a draft was saved. */
  | 'save'
  /** 恢复 — an earlier entry was brought back. */
  | 'restore'
  /** 发布 — the draft was published. */
  | 'publish'
  /** 外部修改 — the file on disk differed from the last entry (edited outside the store); kept before overwriting it. */
  | 'external';

export const ACTION_ZH: Record<HistoryAction, string> = {
  create: '新建',
  save: '保存',
  restore: '恢复',
  publish: '发布',
  external: '外部修改',
};

/** An entry without its document (what `listHistory` gives). */
export interface HistorySummary {
  /** 1, 2, 3 … in order of writing. */
  seq: number;
  /** ISO 8601. */
  time: string;
  author: string;
  action: HistoryAction;
  /** One line: what changed from the previous state, in Chinese. */
  summary: string;
  /** ETag of the file text this entry holds. */
  etag: string;
  /** For `restore`: the entry brought back. */
  restoredFrom?: number;
}

/** A full entry: the summary plus the document (or, for a file that was not JSON, its raw text). */
export interface HistoryEntry extends HistorySummary {
  doc?: unknown;
  text?: string;
}

/** The history folder of a scheme file. */
export function historyDir(schemePath: string): string {
  return join(dirname(schemePath), '.history', basename(schemePath).replace(/\.json$/i, ''));
}

/**
 * The history folder of a scheme file, checked: neither `.history` nor its year folder may be a
 * symbolic link, so the history of a scheme cannot be redirected (written or read) elsewhere by a link
 * placed in the schemes folder. Throws an Error (Chinese, English beside) when one is.
 */
async function checkedHistoryDir(schemePath: string): Promise<string> {
  const dir = historyDir(schemePath);
  for (const p of [dirname(dir), dir]) {
    try {
      if ((await lstat(p)).isSymbolicLink()) throw new Error(`历史目录 ${p} 是符号链接，拒绝读写（history folder is a symbolic link; refused）`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return dir;
}

const ENTRY = /^([0-9]{6,})\.json$/;

async function seqs(dir: string): Promise<number[]> {
  try {
    return (await readdir(dir))
      .map((f) => ENTRY.exec(f))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

const fileOf = (dir: string, seq: number) => join(dir, `${String(seq).padStart(6, '0')}.json`);

/**
 * Appends an entry (the next number; if another process took it meanwhile, the one after).
 * @returns the entry as written, without the document.
 */
export async function appendHistory(schemePath: string, entry: Omit<HistoryEntry, 'seq'>): Promise<HistorySummary> {
  const dir = await checkedHistoryDir(schemePath);
  await mkdir(dir, { recursive: true });
  let seq = ((await seqs(dir)).at(-1) ?? 0) + 1;
  for (;;) {
    const full: HistoryEntry = { seq, ...entry };
    try {
      const fh = await open(fileOf(dir, seq), 'wx', 0o644);
      try {
        await fh.writeFile(JSON.stringify(full, null, 2) + '\n', 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      return summaryOf(full);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      seq++;
    }
  }
}

function summaryOf(e: HistoryEntry): HistorySummary {
  const s: HistorySummary = { seq: e.seq, time: e.time, author: e.author, action: e.action, summary: e.summary, etag: e.etag };
  if (e.restoredFrom !== undefined) s.restoredFrom = e.restoredFrom;
  return s;
}

/** One entry with its document; null when there is no such entry. @throws JsonFileError for an entry that is not JSON. */
export async function readHistoryEntry(schemePath: string, seq: number): Promise<HistoryEntry | null> {
  // the store wrote the entry itself, so no size limit; a damaged entry is an error, named with its line and column
  const r = await readPresentJsonFile(fileOf(await checkedHistoryDir(schemePath), seq), { maxBytes: Number.POSITIVE_INFINITY });
  return r && (orThrow(r).doc as HistoryEntry);
}

/** Every entry of a scheme file, oldest first, without the documents. */
export async function listHistory(schemePath: string): Promise<HistorySummary[]> {
  const out: HistorySummary[] = [];
  for (const seq of await seqs(await checkedHistoryDir(schemePath))) {
    const e = await readHistoryEntry(schemePath, seq);
    if (e) out.push(summaryOf(e));
  }
  return out;
}

/** The newest entry (with its document), or null for a file without history. */
export async function lastHistoryEntry(schemePath: string): Promise<HistoryEntry | null> {
  const last = (await seqs(await checkedHistoryDir(schemePath))).at(-1);
  return last === undefined ? null : readHistoryEntry(schemePath, last);
}
