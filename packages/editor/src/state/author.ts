/**
 * 署名: the name the history (修改历史) records for this browser's writes. Asked once in the editor
 * (AuthorDialog) and kept in the browser's localStorage; the API client sends it with every request as
 * `X-Jixiao-Author`, percent-encoded (the server's request-author.ts reads it). Without it the server
 * records its own lookup (JIXIAO_AUTHOR, jixiao.config.json, git user name…), which names the machine,
 * not the user: so every write asks for the name first, through one path — `ensureAuthor`, which the API
 * client awaits before any request that writes (save, publish, 新建草稿, restore, case status, delete).
 */
import { useSyncExternalStore } from 'react';

const KEY = 'jixiao.author';

/** Called when the name or the asking dialog changes (`useAuthor`). */
const listeners = new Set<() => void>();

/** Longest name accepted, in characters (the server refuses longer ones). */
export const MAX_AUTHOR = 100;

/** The stored name, or null when none was given (or storage is unavailable). */
export function loadAuthor(): string | null {
  try {
    const v = window.localStorage.getItem(KEY)?.trim();
    return v ? v : null;
  } catch {
    return null;
  }
}

/** Stores the name (trimmed); an empty name removes it. */
export function storeAuthor(name: string): void {
  try {
    const v = name.trim();
    if (v) window.localStorage.setItem(KEY, v.slice(0, MAX_AUTHOR));
    else window.localStorage.removeItem(KEY);
  } catch {
    // storage unavailable (private mode): the server's lookup names the author
  }
  for (const l of listeners) l();
}

/** The request header carrying the name, or {} without one. */
export function authorHeader(): Record<string, string> {
  const name = typeof window === 'undefined' ? null : loadAuthor();
  return name ? { 'X-Jixiao-Author': encodeURIComponent(name) } : {};
}

/**
 * Shows the 署名 dialog and resolves the name given (stored by then), or null when the user cancels.
 * `change`: opened to change a stored name (the dialog shows it), rather than before a write.
 */
export type AuthorAsker = (why: 'write' | 'change') => Promise<string | null>;

let asker: AuthorAsker | null = null;
let asking: Promise<string | null> | null = null;
/**
 * Registers the dialog that asks for the name (AuthorGate, mounted once per page by SessionGate when the
 * server has no accounts: with accounts the signed-in account is recorded and nothing is asked). Returns
 * the function that unregisters it.
 */
export function setAuthorAsker(a: AuthorAsker): () => void {
  asker = a;
  for (const l of listeners) l();
  return () => {
    if (asker === a) asker = null;
    asking = null;
    for (const l of listeners) l();
  };
}

/** A write now would ask for the name first (this page asks, and none is stored). */
export function authorNeeded(): boolean {
  return asker !== null && loadAuthor() === null;
}

/**
 * Before a write: resolves true when it may go on — a name is stored, or nobody asks for one (accounts, or
 * no page is mounted) — else opens the 署名 dialog once (writes started meanwhile wait for the same
 * answer) and resolves true once a name is given, false when the user cancels (nothing is written).
 */
export async function ensureAuthor(): Promise<boolean> {
  if (asker === null || !authorNeeded()) return true;
  asking ??= asker('write').finally(() => {
    asking = null;
  });
  return (await asking) !== null;
}

/** Opens the 署名 dialog to change the name (the save bar's 署名 link); resolves the name, or null when cancelled. */
export async function changeAuthor(): Promise<string | null> {
  return asker === null ? loadAuthor() : asker('change');
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

let snapshot: { name: string | null; asks: boolean } = { name: null, asks: false };
function current(): { name: string | null; asks: boolean } {
  const name = loadAuthor();
  const asks = asker !== null;
  if (snapshot.name !== name || snapshot.asks !== asks) snapshot = { name, asks };
  return snapshot;
}

/** The stored name and whether this page asks for one (no accounts), re-rendering when either changes. */
export function useAuthor(): { name: string | null; asks: boolean } {
  return useSyncExternalStore(subscribe, current, current);
}
