/**
 * Version tags of stored documents (ETag). A tag is a digest of the document's exact stored text (the
 * store's `etagOf`, one definition for the server, the CLI and the store), so any saved change — by
 * this server, another server on the same database, or the CLI — gives a new tag.
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
