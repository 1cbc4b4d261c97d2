/**
 * Content hash (内容摘要) of a scheme document: sha256 of its canonical JSON without the fields that
 * publishing itself sets (`status`, `publishedAt`, `contentHash`), without `$schema` (an editor
 * hint, not content) and without `formatVersion` (how the content is written, see `NON_CONTENT_FIELDS`). Publishing records it; any later change of the content changes it, so a
 * published file edited by hand is detected (`checkPublication`).
 *
 * Pure JavaScript (`@noble/hashes`), so it runs in the browser exactly as in Node.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical.ts';

/**
 * Fields excluded from the content hash: set by publishing, or not content at all.
 *
 * `formatVersion` is not content: it says in which format the content is written, not what it says. A document
 * without it is format 1, so `{…}` and `{…, "formatVersion": 1}` are the same scheme and must hash alike —
 * every scheme published before the field existed lacks it, and its recorded hash stays valid when a copy,
 * a new year's draft or an editor writes the field. (A migration that rewrites a published scheme's content
 * is a different matter: see the README's 格式版本 section.)
 */
export const NON_CONTENT_FIELDS = ['status', 'publishedAt', 'contentHash', '$schema', 'formatVersion'] as const;

/** Prefix of every content hash, naming the algorithm: `sha256:` + 64 hex digits. */
export const HASH_PREFIX = 'sha256:';

/** The content of a document as hashed: a shallow copy without the non-content fields. */
export function hashedContent(doc: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...doc };
  for (const f of NON_CONTENT_FIELDS) delete copy[f];
  return copy;
}

/**
 * `sha256:<hex>` of the document's canonical content (see module doc). Key order and indentation do
 * not matter; every value, text and number does.
 * @throws TypeError when `doc` is not a JSON object.
 */
export function contentHash(doc: unknown): string {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new TypeError('contentHash: not a JSON object');
  return HASH_PREFIX + bytesToHex(sha256(utf8ToBytes(canonicalJson(hashedContent(doc as Record<string, unknown>)))));
}
