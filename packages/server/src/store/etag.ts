/**
 * Version tags of stored documents (ETag). A tag is a digest of the file's exact bytes (the store's
 * `etagOf`, one definition for the server and the CLI), so any change on disk — by this server,
 * another tab, or a text editor — gives a new tag.
 */
export { etagOf } from '@jixiao/store';

/**
 * True when an `If-Match` header value matches `etag` (RFC 9110: `*` or a comma-separated list;
 * weak tags `W/"…"` are not accepted for a strong comparison).
 */
export function ifMatchAccepts(header: string, etag: string): boolean {
  const value = header.trim();
  if (value === '*') return true;
  return value.split(',').some((t) => t.trim() === etag);
}
