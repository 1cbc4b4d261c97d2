/**
 * Unsaved work kept in the browser (localStorage) until it is saved: survives a reload or a crashed
 * tab. One entry per scheme, with the server version (ETag) it was based on, so a restored draft
 * over a changed server file is detected and never silently overwrites either side.
 */
export interface LocalDraft {
  text: string;
  /** ETag of the server version the edits started from. */
  baseEtag: string;
  /** ISO time of the last edit. */
  savedAt: string;
}

const key = (family: string, year: number | string) => `jixiao:draft:${family}/${year}`;

export function loadLocalDraft(family: string, year: number | string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key(family, year));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<LocalDraft>;
    return typeof d.text === 'string' && typeof d.baseEtag === 'string' ? { text: d.text, baseEtag: d.baseEtag, savedAt: d.savedAt ?? '' } : null;
  } catch {
    return null;
  }
}

export function storeLocalDraft(family: string, year: number | string, d: LocalDraft): void {
  try {
    localStorage.setItem(key(family, year), JSON.stringify(d));
  } catch (e) {
    console.warn('无法在本机保存未保存的修改 (localStorage failed):', e);
  }
}

export function clearLocalDraft(family: string, year: number | string): void {
  try {
    localStorage.removeItem(key(family, year));
  } catch {
    /* nothing to do */
  }
}

/** Storage key, for listening to other tabs' edits of the same scheme. */
export function localDraftKey(family: string, year: number | string): string {
  return key(family, year);
}
