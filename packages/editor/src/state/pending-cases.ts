/**
 * Cases that exist only in the browser until saved: created in the 新建案例 form, or read from an
 * uploaded workbook. Held for the page that opens them (and in sessionStorage, so that a reload of that
 * page still finds them); taken once saved.
 */
import type { CaseDoc } from '../model/types.ts';

const KEY = 'jixiao-pending-case:';

const keyOf = (family: string, year: number, id: string) => `${KEY}${family}/${year}/${id}`;

/** Keeps `doc` for the case page of `family/year/id`. */
export function putPendingCase(family: string, doc: CaseDoc): void {
  try {
    sessionStorage.setItem(keyOf(family, doc.year, doc.id), JSON.stringify(doc));
  } catch {
    // storage full or disabled: the page then reads the case from the server (and says it is missing)
  }
}

/** The unsaved case of `family/year/id`, or null. */
export function pendingCase(family: string, year: number, id: string): CaseDoc | null {
  try {
    const t = sessionStorage.getItem(keyOf(family, year, id));
    return t ? (JSON.parse(t) as CaseDoc) : null;
  } catch {
    return null;
  }
}

/** Forgets the unsaved copy (after it was saved). */
export function dropPendingCase(family: string, year: number, id: string): void {
  try {
    sessionStorage.removeItem(keyOf(family, year, id));
  } catch {
    // nothing kept
  }
}

/** The hash of a case's page. */
export const caseHash = (family: string, year: number, id: string) => `#/case/${encodeURIComponent(family)}/${year}/${encodeURIComponent(id)}`;
