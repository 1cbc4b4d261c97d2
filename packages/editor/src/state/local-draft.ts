/**
 * Unsaved work kept in the browser (localStorage) until it is saved: survives a reload or a crashed
 * tab. Each tab (browser window or tab) keeps its own entry per document, with the server version
 * (ETag) it was based on, so a restored draft over a changed server file is detected and never silently
 * overwrites either side, and two tabs editing the same scheme never overwrite each other's stash.
 *
 * - A tab's id is kept in sessionStorage (`jixiao:tab`), which survives a reload of that tab and is gone
 *   when the tab is closed; the stash key is `jixiao:draft:<document>#<tab id>`.
 * - A live tab holds a Web Lock named `jixiao:tab:<tab id>` for as long as its page lives; the browser
 *   releases it when the page goes (reload, close, crash). Where Web Locks are missing (a page served over
 *   plain http from another machine is not a secure context), a heartbeat stands in: the tab writes
 *   `jixiao:tab-alive:<tab id>` (the time in ms) every 10 seconds and removes it on pagehide.
 *   A stash whose tab is not live was left by a tab that is gone: it is an *orphan*, offered to the user,
 *   never merged.
 * - A page whose sessionStorage was copied from an open tab (Chrome's "duplicate tab") finds its id's
 *   heartbeat still fresh, and takes a new id; a reloaded page keeps its id whatever the heartbeat says.
 *
 * `document` names what is stashed: `<family>/<year>` for a scheme, `case:<family>/<year>/<caseId>` for a case
 * (the base '' for a new case not saved yet), `new-case:<family>/<year>` for the 新建案例 form's fields.
 */
export interface LocalDraft {
  text: string;
  /** ETag of the server version the edits started from. */
  baseEtag: string;
  /** ISO time of the last edit. */
  savedAt: string;
}

/** A stash of the same document held by another tab. */
export interface OtherDraft {
  /** The other tab's id ('' for a stash written before stashes were kept per tab). */
  tab: string;
  draft: LocalDraft;
  /** The other tab is still open (its heartbeat is fresh); false: the tab is gone and the stash is an orphan. */
  live: boolean;
}

/** How often a live tab renews its heartbeat, ms. */
export const HEARTBEAT_MS = 10_000;
/**
 * A heartbeat older than this (ms) belongs to a tab that is gone. Browsers run a hidden tab's timers as
 * rarely as once a minute, so this is well beyond a minute; a closed tab removes its heartbeat at once.
 */
export const HEARTBEAT_STALE_MS = 150_000;

const TAB_KEY = 'jixiao:tab';
const DRAFT_PREFIX = 'jixiao:draft:';
const ALIVE_PREFIX = 'jixiao:tab-alive:';
const LOCK_PREFIX = 'jixiao:tab:';

const docName = (family: string, year: number | string) => `${family}/${year}`;
const draftKey = (doc: string, tab: string) => (tab ? `${DRAFT_PREFIX}${doc}#${tab}` : `${DRAFT_PREFIX}${doc}`);
const aliveKey = (tab: string) => `${ALIVE_PREFIX}${tab}`;

let cachedTab: string | null = null;
let heartbeat: ReturnType<typeof setInterval> | null = null;

function newTabId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function aliveAt(tab: string): number | null {
  try {
    const raw = localStorage.getItem(aliveKey(tab));
    const t = raw === null ? NaN : Number(raw);
    return Number.isFinite(t) ? t : null;
  } catch {
    return null;
  }
}

/**
 * The tabs holding their Web Lock now (see the module comment), or null where Web Locks are not available
 * (then the heartbeat decides). Never rejects.
 */
export async function liveTabs(): Promise<Set<string> | null> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return null;
  try {
    const { held = [] } = await locks.query();
    return new Set(held.flatMap((l) => (l.name?.startsWith(LOCK_PREFIX) ? [l.name.slice(LOCK_PREFIX.length)] : [])));
  } catch {
    return null;
  }
}

/** Takes this page's Web Lock of tab `id` and keeps it while the page lives. */
function holdTabLock(id: string): void {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return;
  // the previous page of a reloaded tab may still hold it a moment: wait for it
  locks.request(`${LOCK_PREFIX}${id}`, () => new Promise<never>(() => undefined)).catch(() => undefined);
}

/** Whether tab `tab` has a heartbeat fresher than HEARTBEAT_STALE_MS at `now` (ms). */
export function isTabLive(tab: string, now: number = Date.now()): boolean {
  const t = aliveAt(tab);
  return t !== null && now - t < HEARTBEAT_STALE_MS;
}

function beat(): void {
  if (cachedTab === null) return;
  try {
    localStorage.setItem(aliveKey(cachedTab), String(Date.now()));
  } catch {
    /* storage full or refused: the stash then looks orphaned to other tabs, which only offer it */
  }
}

function onPageHide(): void {
  if (cachedTab === null) return;
  try {
    localStorage.removeItem(aliveKey(cachedTab));
  } catch {
    /* nothing to do */
  }
}

/** Whether this page was loaded by reloading its tab (the Navigation Timing entry says so). */
function reloaded(): boolean {
  try {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav?.type === 'reload';
  } catch {
    return false;
  }
}

/**
 * This tab's id (kept in sessionStorage), and its heartbeat started. On the first call of a page a
 * remembered id whose heartbeat is still fresh belongs to another open tab (a duplicated tab copies
 * sessionStorage), so a new id is taken — unless this page is a reload of the tab, whose previous page
 * may not have had its heartbeat removal (on pagehide) written through yet.
 */
export function currentTabId(): string {
  if (cachedTab !== null) return cachedTab;
  let id: string | null;
  try {
    id = sessionStorage.getItem(TAB_KEY);
  } catch {
    id = null; // sessionStorage refused (privacy settings): a new id for this page
  }
  if (!id || (isTabLive(id) && !reloaded())) {
    id = newTabId();
    try {
      sessionStorage.setItem(TAB_KEY, id);
    } catch {
      /* the id then lasts as long as this page */
    }
  }
  cachedTab = id;
  startHeartbeat();
  holdTabLock(id);
  return id;
}

function startHeartbeat(): void {
  beat();
  if (typeof window !== 'undefined' && heartbeat === null) {
    heartbeat = setInterval(beat, HEARTBEAT_MS);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', beat);
    document.addEventListener('visibilitychange', beat);
  }
}

/**
 * For tests, which play several tabs in one window: forgets this page's tab id and stops its heartbeat (as a
 * new page would start), or, given `asTab`, continues as the already open page of tab `asTab`.
 */
export function resetTabForTests(asTab?: string): void {
  if (heartbeat !== null) clearInterval(heartbeat);
  heartbeat = null;
  if (typeof window !== 'undefined') {
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', beat);
    document.removeEventListener('visibilitychange', beat);
  }
  cachedTab = asTab ?? null;
  if (asTab !== undefined) startHeartbeat();
}

function parse(raw: string | null): LocalDraft | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<LocalDraft>;
    return typeof d.text === 'string' && typeof d.baseEtag === 'string' ? { text: d.text, baseEtag: d.baseEtag, savedAt: typeof d.savedAt === 'string' ? d.savedAt : '' } : null;
  } catch {
    return null;
  }
}

/** This tab's stash of document `doc` (see the module comment for names), or null. */
export function loadStash(doc: string): LocalDraft | null {
  try {
    return parse(localStorage.getItem(draftKey(doc, currentTabId())));
  } catch {
    return null;
  }
}

/** Keeps `d` as this tab's stash of document `doc`; a refused write is logged, not thrown. */
export function storeStash(doc: string, d: LocalDraft): void {
  try {
    localStorage.setItem(draftKey(doc, currentTabId()), JSON.stringify(d));
  } catch (e) {
    console.warn('无法在本机保存未保存的修改 (localStorage failed):', e);
  }
}

/** Removes this tab's stash of `doc`, or, given `tab`, that tab's (an orphan the user adopted or discarded). */
export function clearStash(doc: string, tab: string = currentTabId()): void {
  try {
    localStorage.removeItem(draftKey(doc, tab));
  } catch {
    /* nothing to do */
  }
}

/**
 * The stashes of document `doc` held by other tabs, newest first, each marked live (its tab is open) or
 * not (an orphan of a closed or crashed tab). `live`: the tabs holding their lock (`liveTabs()`); without
 * it, heartbeats judged at `now` (ms) decide.
 */
export function otherStashes(doc: string, now: number = Date.now(), live: Set<string> | null = null): OtherDraft[] {
  const own = currentTabId();
  const out: OtherDraft[] = [];
  const legacy = draftKey(doc, '');
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k === null) continue;
      let tab: string;
      if (k === legacy) tab = '';
      else if (k.startsWith(`${legacy}#`)) tab = k.slice(legacy.length + 1);
      else continue;
      if (tab === own) continue;
      const draft = parse(localStorage.getItem(k));
      if (draft) out.push({ tab, draft, live: tab !== '' && (live ? live.has(tab) : isTabLive(tab, now)) });
    }
  } catch {
    return out;
  }
  return out.sort((a, b) => b.draft.savedAt.localeCompare(a.draft.savedAt));
}

/** A stash found by `stashesUnder`: its document, and whether it is this tab's own. */
export interface FoundStash extends OtherDraft {
  doc: string;
  /** This tab's own stash (`live` is then true). */
  own: boolean;
}

/**
 * Every tab's stashes of the documents whose names start with `prefix` (e.g. `case:<family>/` for the cases
 * of a family), newest first; `live` and `now` as for `otherStashes`.
 */
export function stashesUnder(prefix: string, now: number = Date.now(), live: Set<string> | null = null): FoundStash[] {
  const own = currentTabId();
  const out: FoundStash[] = [];
  const start = `${DRAFT_PREFIX}${prefix}`;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k === null || !k.startsWith(start)) continue;
      const hash = k.lastIndexOf('#');
      const doc = hash > DRAFT_PREFIX.length ? k.slice(DRAFT_PREFIX.length, hash) : k.slice(DRAFT_PREFIX.length);
      const tab = hash > DRAFT_PREFIX.length ? k.slice(hash + 1) : '';
      const draft = parse(localStorage.getItem(k));
      if (draft) out.push({ doc, tab, draft, own: tab === own, live: tab === own || (tab !== '' && (live ? live.has(tab) : isTabLive(tab, now))) });
    }
  } catch {
    return out;
  }
  return out.sort((a, b) => b.draft.savedAt.localeCompare(a.draft.savedAt));
}

/**
 * Makes tab `tab`'s stash of `doc` (an orphan the user adopts) this tab's own; refused (false) when this tab
 * holds a stash of `doc` already, which it would overwrite.
 */
export function adoptStash(doc: string, tab: string): boolean {
  if (tab === currentTabId() || loadStash(doc) !== null) return false;
  let d: LocalDraft | null;
  try {
    d = parse(localStorage.getItem(draftKey(doc, tab)));
  } catch {
    d = null;
  }
  if (!d) return false;
  storeStash(doc, d);
  if (loadStash(doc) === null) return false; // not written (storage full): the orphan stays where it is
  clearStash(doc, tab);
  return true;
}

/** Whether a storage key (of a 'storage' event) concerns the stashes of `doc` or a tab's heartbeat. */
export function concernsStashes(key: string | null, doc: string): boolean {
  if (key === null) return true; // localStorage.clear()
  const base = draftKey(doc, '');
  return key === base || key.startsWith(`${base}#`) || key.startsWith(ALIVE_PREFIX);
}

/** The stash name of a scheme. */
export const schemeDoc = (family: string, year: number | string): string => docName(family, year);

/** The stash name of a case. */
export const caseDoc = (family: string, year: number | string, caseId: string): string => `case:${family}/${year}/${caseId}`;

/** The prefix of the stash names of a family's cases (for `stashesUnder`). */
export const familyCasesPrefix = (family: string): string => `case:${family}/`;

/** The stash name of the 新建案例 form's fields (id, name, department) under the scheme of `family`/`year`. */
export const newCaseFormDoc = (family: string, year: number | string): string => `new-case:${family}/${year}`;

/** This tab's stash of a scheme, or null. */
export function loadLocalDraft(family: string, year: number | string): LocalDraft | null {
  return loadStash(schemeDoc(family, year));
}

/** Keeps this tab's unsaved text of a scheme. */
export function storeLocalDraft(family: string, year: number | string, d: LocalDraft): void {
  storeStash(schemeDoc(family, year), d);
}

/** Removes this tab's stash of a scheme (after a save or a discard); other tabs' stashes stay. */
export function clearLocalDraft(family: string, year: number | string): void {
  clearStash(schemeDoc(family, year));
}
