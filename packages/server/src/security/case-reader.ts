/**
 * How the security plugin reads a case (for the department and edit checks), over whatever store
 * the server uses: anything that reads one case as `{ ok, doc }` (the file `CaseStore`) or null.
 */
import type { CaseDoc } from './case-rules.ts';
import type { CaseReader } from './plugin.ts';

/** A store that reads one case: null when absent; `ok: false` when it cannot be read. */
export interface ReadsCases {
  read(family: string, year: string, caseId: string): Promise<{ ok: boolean; doc?: unknown } | null>;
}

/** The plugin's `readCase` over `store`: the case document when it is a readable JSON object, else null. */
export function caseReader(store: ReadsCases): CaseReader {
  return async (family, year, caseId) => {
    const r = await store.read(family, year, caseId).catch(() => null);
    const doc = r?.ok ? r.doc : undefined;
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as CaseDoc) : null;
  };
}
