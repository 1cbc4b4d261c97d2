/**
 * The real cases of a scheme family (案例), read-only: `<root>/<family>/cases/<year>/<case>.json`.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CASE_RE, YEAR_RE, casePath, casesDir, insideReal } from './paths.ts';
import { isRecord, readJsonFile, unusableReason, type StoredJson } from './json-file.ts';
import type { CaseSummary } from '@jixiao/api';

/** One row of a family's case list: the API's shape (`@jixiao/api`). */
export type { CaseSummary };

export class CaseStore {
  constructor(readonly root: string) {}

  /** Every case of `family`, sorted by year (newest first) then name. Empty when there are none. */
  async list(family: string): Promise<CaseSummary[]> {
    const dir = casesDir(this.root, family);
    await insideReal(this.root, dir);
    let years;
    try {
      years = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const out: CaseSummary[] = [];
    for (const y of years) {
      if (!y.isDirectory() || !YEAR_RE.test(y.name)) continue;
      for (const f of await readdir(join(dir, y.name), { withFileTypes: true })) {
        const id = f.name.replace(/\.json$/, '');
        if (!f.isFile() || !f.name.endsWith('.json') || !CASE_RE.test(id)) continue;
        const stored = await readJsonFile(join(dir, y.name, f.name), shownPath(family, y.name, id));
        if (stored) out.push(summarise(family, Number(y.name), id, stored));
      }
    }
    return out.sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, 'zh'));
  }

  /**
   * Every case of `family` with its document (for the impact preview), in the order of `list`.
   * Files that cannot be read as a case document are returned apart, with the reason.
   */
  async readAll(family: string): Promise<{ cases: { summary: CaseSummary; doc: Record<string, unknown> }[]; unreadable: { path: string; error: string }[] }> {
    const cases: { summary: CaseSummary; doc: Record<string, unknown> }[] = [];
    const unreadable: { path: string; error: string }[] = [];
    for (const summary of await this.list(family)) {
      const stored = summary.error ? null : await this.read(family, String(summary.year), summary.id);
      if (stored?.ok && isRecord(stored.doc)) cases.push({ summary, doc: stored.doc });
      else unreadable.push({ path: summary.path, error: summary.error ?? (stored && unusableReason(stored)?.message) ?? '案例文件已不存在' });
    }
    return { cases, unreadable };
  }

  /** Reads one case; `null` when absent. */
  async read(family: string, year: string, caseId: string): Promise<StoredJson | null> {
    const path = casePath(this.root, family, year, caseId);
    await insideReal(this.root, path);
    return readJsonFile(path, shownPath(family, year, caseId));
  }
}

/** How a case file is named in messages and lists: `schemes/<family>/cases/<year>/<case>.json`. */
function shownPath(family: string, year: number | string, id: string): string {
  return `schemes/${family}/cases/${year}/${id}.json`;
}

function summarise(family: string, year: number, id: string, stored: StoredJson): CaseSummary {
  const path = shownPath(family, year, id);
  const bad = unusableReason(stored);
  if (bad || !stored.ok || !isRecord(stored.doc)) {
    return { id, year, name: id, scheme: null, reportedTotal: null, path, error: bad?.message ?? '' };
  }
  const d = stored.doc;
  const sch = d['scheme'];
  const reported = d['reported'];
  const total = isRecord(reported) ? reported['total'] : undefined;
  return {
    id,
    year,
    name: typeof d['name'] === 'string' ? d['name'] : id,
    scheme:
      isRecord(sch) && typeof sch['id'] === 'string' && typeof sch['year'] === 'number'
        ? { id: sch['id'], year: sch['year'] }
        : null,
    reportedTotal: typeof total === 'number' || typeof total === 'string' ? total : null,
    path,
  };
}
