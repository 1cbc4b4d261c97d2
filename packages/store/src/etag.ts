/**
 * Version tags (ETag) of stored files: a digest of the file's exact bytes, the same tag the local
 * server sends (`"` + first 22 characters of base64url sha256 + `"`), so a save can say which
 * version it was based on.
 */
import { createHash } from 'node:crypto';

/** Strong ETag of `text`. */
export function etagOf(text: string | Buffer): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`;
}
