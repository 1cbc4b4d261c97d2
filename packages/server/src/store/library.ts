/**
 * The server's view of the store (方案库): schemes and cases as `@jixiao/store`'s `DocumentStore`
 * (SQLite or PostgreSQL) holds them, in the shapes of `@jixiao/api` — library rows, case rows,
 * history entries with their ETags — and the version a request's `If-Match` names.
 *
 * A document's ETag is the digest of its exact stored text (`etagOf`), as it was with files; a write
 * is based on the store's version (`basedOnVersion`), found from the `If-Match` tag, so of several
 * writers based on one version exactly one wins, in this process or another one on the same database.
 *
 * Files the first start could not import (a UTF-16 file, broken JSON, a published file changed by
 * hand) are kept as `problems` and shown in the lists with the reason, so they are not silently missing.
 */
import type { CaseSummary, HistoryEntry, HistoryListEntry, HistorySummary, SchemeSummary } from '@jixiao/api';
import { ACTION_NAMES_ZH, parseStoredText, refPath, type CaseRef, type DocumentRef, type DocumentStore, type ImportReport, type SchemeRef, type StateSummary, type StoredDocument } from '@jixiao/store';
import { ifMatchAccepts } from './etag.ts';

/** Plain-object test used on parsed documents. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A stored document whose text is a JSON object (every scheme and case the store accepts is one). */
export type StoredObject = StoredDocument & { doc: Record<string, unknown> };

/** A file of the schemes folder that the first start could not import, and why (Chinese). */
export interface ImportProblem {
  ref: DocumentRef;
  /** `schemes/<family>/…` */
  path: string;
  error: string;
}

/** The files an import refused, as problems to show (skipped entries outside the layout are only logged). */
export function importProblems(report: ImportReport | null): ImportProblem[] {
  return (report?.refused ?? []).map((f) => ({ ref: f.ref, path: `schemes/${f.path}`, error: f.issues.map((i) => i.message).join('；') }));
}

/** How a document is named in lists and messages: its path in the exchange layout, `schemes/<family>/<year>.json`. */
export const shownPath = (ref: DocumentRef): string => `schemes/${refPath(ref)}`;

/** The ETag of a text whose sha256 (hex) is known: the same tag `etagOf(text)` gives. */
export function etagOfSha256(hex: string): string {
  return `"${Buffer.from(hex, 'hex').toString('base64url').slice(0, 22)}"`;
}

/** A saved state as the API's history summary. */
export function historySummary(s: StateSummary): HistorySummary {
  const h: HistorySummary = { seq: s.seq, time: s.time, author: s.author, action: s.action, summary: s.summary, etag: etagOfSha256(s.sha256) };
  if (s.restoredFrom !== null) h.restoredFrom = s.restoredFrom;
  return h;
}

/** A saved state as an entry of the history list (with the action's Chinese name). */
export function historyListEntry(s: StateSummary): HistoryListEntry {
  return { ...historySummary(s), actionZh: ACTION_NAMES_ZH[s.action] ?? s.action };
}

export class Library {
  constructor(
    readonly store: DocumentStore,
    /** Files the first start could not import. */
    readonly problems: ImportProblem[] = [],
  ) {}

  /** Every scheme, sorted by family then year (newest first), with the files that could not be imported. */
  async schemes(): Promise<SchemeSummary[]> {
    const out: SchemeSummary[] = [];
    for (const s of await this.store.list({ kind: 'scheme' })) {
      const stored = await this.store.read(s.ref);
      if (stored) out.push(schemeSummary(s.ref as SchemeRef, stored));
    }
    for (const p of this.problems) {
      if (p.ref.kind !== 'scheme' || out.some((s) => s.family === p.ref.family && s.year === p.ref.year)) continue;
      out.push({ family: p.ref.family, year: p.ref.year, status: 'unknown', title: '', totalPoints: null, path: p.path, error: p.error });
    }
    return out.sort((a, b) => a.family.localeCompare(b.family) || b.year - a.year);
  }

  /** One document; null when the store has none. */
  async read(ref: DocumentRef): Promise<StoredObject | null> {
    const stored = await this.store.read(ref);
    return stored && isRecord(stored.doc) ? (stored as StoredObject) : null;
  }

  /** A deleted document's tombstone (the text it had, its current version and ETag); null unless it is deleted. */
  async readDeleted(ref: DocumentRef): Promise<StoredObject | null> {
    const stored = await this.store.read(ref, { includeDeleted: true });
    return stored?.deletedAt && isRecord(stored.doc) ? (stored as StoredObject) : null;
  }

  /** The state that deleted a document (its time and author); null unless the document is deleted. */
  async deletion(ref: DocumentRef): Promise<StateSummary | null> {
    if (!(await this.readDeleted(ref))) return null;
    const states = await this.store.history(ref);
    const last = states.at(-1);
    return last?.action === 'delete' ? last : null;
  }

  /** Why a document the store does not hold is missing: the import problem of its file, if there was one. */
  problem(ref: DocumentRef): ImportProblem | undefined {
    return this.problems.find((p) => shownPath(p.ref) === shownPath(ref));
  }

  /** True when `family` has a scheme of some year (or a scheme file the first start could not import). */
  async hasFamily(family: string): Promise<boolean> {
    if ((await this.store.list({ kind: 'scheme', family })).length) return true;
    return this.problems.some((p) => p.ref.kind === 'scheme' && p.ref.family === family);
  }

  /** Every case of `family`, sorted by year (newest first) then name, with the files that could not be imported. */
  async cases(family: string): Promise<CaseSummary[]> {
    return (await this.casesWithDocs(family)).map((c) => c.summary);
  }

  /** Every case of `family` with its document (for the impact preview); the files that could not be imported have no document. */
  async casesWithDocs(family: string): Promise<{ summary: CaseSummary; doc: Record<string, unknown> | null }[]> {
    const out: { summary: CaseSummary; doc: Record<string, unknown> | null }[] = [];
    for (const s of await this.store.list({ kind: 'case', family })) {
      const stored = await this.read(s.ref);
      if (stored) out.push({ summary: caseSummary(s.ref as CaseRef, stored.doc), doc: stored.doc });
    }
    for (const p of this.problems) {
      if (p.ref.kind !== 'case' || p.ref.family !== family) continue;
      out.push({ summary: { id: p.ref.caseId, year: p.ref.year, name: p.ref.caseId, scheme: null, reportedTotal: null, path: p.path, error: p.error }, doc: null });
    }
    return out.sort((a, b) => b.summary.year - a.summary.year || a.summary.name.localeCompare(b.summary.name, 'zh'));
  }

  /** The history of a document, oldest first; null when there is no such document. */
  async history(ref: DocumentRef): Promise<HistoryListEntry[] | null> {
    const states = await this.store.history(ref);
    return states.length ? states.map(historyListEntry) : null;
  }

  /** One saved state with its document and its text exactly as stored (as it was sent); null when there is none. */
  async entry(ref: DocumentRef, seq: number): Promise<HistoryEntry | null> {
    const s = await this.store.state(ref, seq);
    if (!s) return null;
    return { ...historyListEntry(s), doc: parseStoredText(s.text), text: s.text };
  }

  /**
   * The version a write with `ifMatch` is based on: the current one when the header accepts the
   * current ETag (`*`, or a list naming it), else the latest saved state whose ETag it names, else 0
   * (a version that never existed). The store then refuses any version but the current one.
   */
  async basedOn(ref: DocumentRef, current: StoredDocument, ifMatch: string): Promise<number> {
    if (ifMatchAccepts(ifMatch, current.etag)) return current.version;
    const states = await this.store.history(ref);
    for (let i = states.length - 1; i >= 0; i--) if (ifMatchAccepts(ifMatch, etagOfSha256(states[i]!.sha256))) return states[i]!.seq;
    return 0;
  }
}

/** A library row from a stored scheme (as the document states it; the status is the store's). */
function schemeSummary(ref: SchemeRef, stored: StoredDocument): SchemeSummary {
  const path = shownPath(ref);
  const d = isRecord(stored.doc) ? stored.doc : {};
  const total = d['totalPoints'];
  const s: SchemeSummary = {
    family: ref.family,
    year: ref.year,
    status: stored.status,
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

/** The status of a case document: its `status`, absent (or not one of the three) = 填报中. */
export function caseStatusOf(doc: Record<string, unknown>): 'filling' | 'submitted' | 'reviewed' {
  const s = doc['status'];
  return s === 'submitted' || s === 'reviewed' ? s : 'filling';
}

/** A case list row from a stored case. */
function caseSummary(ref: CaseRef, d: Record<string, unknown>): CaseSummary {
  const sch = d['scheme'];
  const reported = d['reported'];
  const total = isRecord(reported) ? reported['total'] : undefined;
  const c: CaseSummary = {
    id: ref.caseId,
    year: ref.year,
    name: typeof d['name'] === 'string' ? d['name'] : ref.caseId,
    scheme: isRecord(sch) && typeof sch['id'] === 'string' && typeof sch['year'] === 'number' ? { id: sch['id'], year: sch['year'] } : null,
    reportedTotal: typeof total === 'number' || typeof total === 'string' ? total : null,
    status: caseStatusOf(d),
    path: shownPath(ref),
  };
  if (typeof d['department'] === 'string') c.department = d['department'];
  return c;
}
