/**
 * The embedded default store (方案库): scheme documents as files under the schemes folder,
 * `<root>/<family>/<year>.json`. Reads give the document with its ETag; writes are atomic, carry
 * the version they were based on, and never touch a published document.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWrite } from './atomic-write.ts';
import { ifMatchAccepts } from './etag.ts';
import { KeyedLock } from './keyed-lock.ts';
import { FAMILY_RE, insideReal, schemePath } from './paths.ts';
import { isRecord, readJsonFile, toStoredText, type StoredJson } from './json-file.ts';
import { etagOf } from './etag.ts';

/** One row of the scheme library (方案库列表). */
export interface SchemeSummary {
  family: string;
  year: number;
  /** `draft` 草稿 or `published` 已发布 (`unknown` when the file cannot be read as a scheme). */
  status: 'draft' | 'published' | 'unknown';
  title: string;
  jurisdiction?: string;
  version?: string;
  /** 总分 as written in the document (number or decimal string). */
  totalPoints: number | string | null;
  /** Path relative to the repository-style root, e.g. `schemes/shenzhen-department/2024.json`. */
  path: string;
  /** Set when the file is not valid JSON. */
  error?: string;
}

/** Preconditions a write carries (HTTP If-Match / If-None-Match). */
export interface WritePreconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
}

/** What became of a write. */
export type WriteOutcome =
  | { kind: 'saved'; etag: string; created: boolean }
  | { kind: 'precondition-required' }
  | { kind: 'conflict'; currentEtag: string | null }
  | { kind: 'published' };

const YEAR_FILE = /^([0-9]{4})\.json$/;

export class SchemeStore {
  private readonly lock = new KeyedLock();

  /** @param root absolute path of the schemes folder. */
  constructor(readonly root: string) {}

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
        const stored = await readJsonFile(join(this.root, fam.name, f.name));
        if (stored) out.push(summarise(fam.name, Number(m[1]), stored));
      }
    }
    return out.sort((a, b) => a.family.localeCompare(b.family) || b.year - a.year);
  }

  /** Reads one scheme; `null` when absent. Throws PathError for bad names. */
  async read(family: string, year: string): Promise<StoredJson | null> {
    const path = schemePath(this.root, family, year);
    await insideReal(this.root, path);
    return readJsonFile(path);
  }

  /**
   * Writes `doc` as the scheme of `family`/`year`, atomically.
   * - an existing file needs `ifMatch` equal to its current ETag (else `conflict`, or
   *   `precondition-required` when no precondition was sent);
   * - a new file needs `ifNoneMatch: '*'` (or no precondition at all is refused);
   * - a file whose status on disk is `published` is never overwritten (`published`).
   * The caller validates the document before calling.
   */
  async write(family: string, year: string, doc: unknown, pre: WritePreconditions): Promise<WriteOutcome> {
    const path = schemePath(this.root, family, year);
    await insideReal(this.root, path);
    return this.lock.run(path, async () => {
      const current = await readJsonFile(path);
      if (current) {
        if (isRecord(current.doc) && current.doc['status'] === 'published') return { kind: 'published' };
        if (pre.ifMatch === undefined) {
          return pre.ifNoneMatch !== undefined ? { kind: 'conflict', currentEtag: current.etag } : { kind: 'precondition-required' };
        }
        if (!ifMatchAccepts(pre.ifMatch, current.etag)) return { kind: 'conflict', currentEtag: current.etag };
      } else {
        if (pre.ifMatch !== undefined) return { kind: 'conflict', currentEtag: null };
        if (pre.ifNoneMatch?.trim() !== '*') return { kind: 'precondition-required' };
      }
      const text = toStoredText(doc);
      await atomicWrite(path, text);
      return { kind: 'saved', etag: etagOf(text), created: !current };
    });
  }
}

function summarise(family: string, year: number, stored: StoredJson): SchemeSummary {
  const path = `schemes/${family}/${year}.json`;
  if (stored.parseError || !isRecord(stored.doc)) {
    return { family, year, status: 'unknown', title: '', totalPoints: null, path, error: stored.parseError ?? 'not an object' };
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
  return s;
}
