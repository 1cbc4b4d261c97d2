/**
 * 署名: the name the history (修改历史) records for this browser's writes. Asked once in the editor
 * (AuthorDialog) and kept in the browser's localStorage; the API client sends it with every request as
 * `X-Jixiao-Author`, percent-encoded (the server's request-author.ts reads it). Without it the server
 * records its own lookup (JIXIAO_AUTHOR, jixiao.config.json, git user name…).
 */
const KEY = 'jixiao.author';

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
}

/** The request header carrying the name, or {} without one. */
export function authorHeader(): Record<string, string> {
  const name = typeof window === 'undefined' ? null : loadAuthor();
  return name ? { 'X-Jixiao-Author': encodeURIComponent(name) } : {};
}
