/**
 * The embedded default store (方案库): scheme documents as files under the schemes folder,
 * `<root>/<family>/<year>.json`. Reads give the document with its ETag; every write goes through
 * `@jixiao/store` — atomic, recorded in the history (`<root>/<family>/.history/<year>/`) with time,
 * author and a one-line summary, refused over a published document or a stale version.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createScheme, listHistory, publishScheme, readHistoryEntry, restoreScheme, saveScheme, type HistoryEntry, type HistorySummary, type StoreOutcome } from '@jixiao/store';
import { ifMatchAccepts } from './etag.ts';
import { FAMILY_RE, insideReal, schemePath } from './paths.ts';
import { isRecord, readJsonFile, unusableReason, type StoredJson } from './json-file.ts';
import type { SchemeSummary } from '@jixiao/api';

/** One row of the scheme library (方案库列表): the API's shape (`@jixiao/api`). */
export type { SchemeSummary };

/** Preconditions a write carries (HTTP If-Match / If-None-Match). */
export interface WritePreconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

/** What became of a write: the store's outcome, or a request without the precondition it needs. */
export type WriteOutcome = StoreOutcome | { kind: 'precondition-required' };

const YEAR_FILE = /^([0-9]{4})\.json$/;

export class SchemeStore {
  /**
   * @param root absolute path of the schemes folder.
   * @param author who is writing (recorded in the history), asked once per write.
   */
  constructor(
    readonly root: string,
    private readonly author: () => string,
  ) {}

  /** Every scheme document under the root, sorted by family then year (newest first). */
  async list(): Promise<SchemeSummary[]> {
    const out: SchemeSummary[] = [];
    const families = await readdir(this.root, { withFileTypes: true });
    for (const fam of families) {
      if (!fam.isDirectory() || !FAMILY_RE.test(fam.name)) continue;
      const files = await readdir(join(this.root, fam.name), { withFileTypes: true });
      for (const f of files) {
        const m = YEAR_FILE.exec(f.name);
        if (!f.isFile() || !m) continue;
        const year = Number(m[1]);
        const stored = await readJsonFile(join(this.root, fam.name, f.name), shownPath(fam.name, year));
        if (stored) out.push(summarise(fam.name, year, stored));
      }
    }
    return out.sort((a, b) => a.family.localeCompare(b.family) || b.year - a.year);
  }

  /** Absolute path of a scheme file, checked to stay inside the root. Throws PathError. */
  async path(family: string, year: string): Promise<string> {
    const path = schemePath(this.root, family, year);
    await insideReal(this.root, path);
    return path;
  }

  /** Reads one scheme; `null` when absent. Throws PathError for bad names. */
  async read(family: string, year: string): Promise<StoredJson | null> {
    return readJsonFile(await this.path(family, year), shownPath(family, year));
  }

  /**
   * Saves `doc` as the scheme of `family`/`year` (store `saveScheme`, recorded in the history).
   * - an existing file needs `ifMatch` naming its current ETag (else `conflict`, or
   *   `precondition-required` when no precondition was sent);
   * - a new file needs `ifNoneMatch: '*'` (store `createScheme`);
   * - a published file is never overwritten (`published`).
   * The caller validates the document before calling.
   */
  async write(family: string, year: string, doc: unknown, pre: WritePreconditions): Promise<WriteOutcome> {
    const path = await this.path(family, year);
    if (pre.ifMatch === undefined) {
      if (pre.ifNoneMatch?.trim() === '*') return createScheme(path, doc, { author: this.author() });
      const current = await readJsonFile(path, shownPath(family, year));
      return pre.ifNoneMatch !== undefined && current ? { kind: 'conflict', message: '文件已存在', messageEn: 'the file exists', currentEtag: current.etag ?? null } : { kind: 'precondition-required' };
    }
    const basedOnEtag = await this.etagFromIfMatch(path, pre.ifMatch);
    if (basedOnEtag === null) return { kind: 'conflict', message: '文件已不存在', messageEn: 'the file no longer exists', currentEtag: null };
    return saveScheme(path, doc, { basedOnEtag, author: this.author() });
  }

  /** Creates `family`/`year` from a new document (e.g. a new year's draft); `conflict` when it exists. */
  async create(family: string, year: string, doc: unknown): Promise<StoreOutcome> {
    return createScheme(await this.path(family, year), doc, { author: this.author() });
  }

  /** Publishes the draft (store `publishScheme`: valid drafts only), if it is still the version `ifMatch` names. */
  async publish(family: string, year: string, ifMatch: string): Promise<StoreOutcome> {
    const path = await this.path(family, year);
    const basedOnEtag = await this.etagFromIfMatch(path, ifMatch);
    if (basedOnEtag === null) return { kind: 'not-found', message: '找不到方案文件', messageEn: 'no such scheme file' };
    return publishScheme(path, { basedOnEtag, author: this.author() });
  }

  /** The history of a scheme file, oldest first (without the documents). */
  async history(family: string, year: string): Promise<HistorySummary[]> {
    return listHistory(await this.path(family, year));
  }

  /** One history entry with its document; null when there is none. */
  async historyEntry(family: string, year: string, seq: number): Promise<HistoryEntry | null> {
    return readHistoryEntry(await this.path(family, year), seq);
  }

  /** Brings history entry `seq` back as the current draft (recorded as a new entry). */
  async restore(family: string, year: string, seq: number, ifMatch: string): Promise<StoreOutcome> {
    const path = await this.path(family, year);
    const basedOnEtag = await this.etagFromIfMatch(path, ifMatch);
    if (basedOnEtag === null) return { kind: 'not-found', message: '找不到方案文件', messageEn: 'no such scheme file' };
    return restoreScheme(path, seq, { basedOnEtag, author: this.author() });
  }

  /**
   * The single tag the store compares with (it re-checks under its lock): for `*` or a list, the
   * current tag when the header accepts it, else the first listed tag (which then conflicts).
   * Null when the file does not exist.
   */
  private async etagFromIfMatch(path: string, ifMatch: string): Promise<string | null> {
    const current = await readJsonFile(path, path);
    if (!current) return null;
    if (current.etag !== undefined && ifMatchAccepts(ifMatch, current.etag)) return current.etag;
    return ifMatch.split(',')[0]?.trim() ?? ifMatch;
  }
}

/** How a scheme file is named in messages and in the library: `schemes/<family>/<year>.json`. */
function shownPath(family: string, year: number | string): string {
  return `schemes/${family}/${year}.json`;
}

function summarise(family: string, year: number, stored: StoredJson): SchemeSummary {
  const path = shownPath(family, year);
  const bad = unusableReason(stored);
  if (bad || !stored.ok || !isRecord(stored.doc)) {
    return { family, year, status: 'unknown', title: '', totalPoints: null, path, error: bad?.message ?? '' };
  }
  const d = stored.doc;
  const status = d['status'] === 'published' || d['status'] === 'draft' ? d['status'] : 'unknown';
  const total = d['totalPoints'];
  const s: SchemeSummary = {
    family,
    year,
    status,
    title: typeof d['title'] === 'string' ? d['title'] : '',
    totalPoints: typeof total === 'number' || typeof total === 'string' ? total : null,
    path,
  };
  if (typeof d['jurisdiction'] === 'string') s.jurisdiction = d['jurisdiction'];
  if (typeof d['version'] === 'string') s.version = d['version'];
  const b = d['basedOn'];
  if (isRecord(b) && typeof b['id'] === 'string' && typeof b['year'] === 'number') s.basedOn = { id: b['id'], year: b['year'] };
  if (typeof d['publishedAt'] === 'string') s.publishedAt = d['publishedAt'];
  return s;
}
