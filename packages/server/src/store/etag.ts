/**
 * Version tags of stored documents (ETag). A tag is a digest of the file's exact bytes, so any
 * change on disk — by this server, another tab, or a text editor — gives a new tag.
 */
import { createHash } from 'node:crypto';

/** Strong ETag (quoted, as HTTP writes it) of `bytes`: `"` + first 22 chars of base64url sha256 + `"`. */
export function etagOf(bytes: string | Buffer): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
}

/**
 * True when an `If-Match` header value matches `etag` (RFC 9110: `*` or a comma-separated list;
 * weak tags `W/"…"` are not accepted for a strong comparison).
 */
export function ifMatchAccepts(header: string, etag: string): boolean {
  const value = header.trim();
  if (value === '*') return true;
  return value.split(',').some((t) => t.trim() === etag);
}
