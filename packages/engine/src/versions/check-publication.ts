/**
 * 发布状态核对: whether a published scheme still is what was published (its content hash), and the
 * stamps a published or draft document should or should not carry. Used by validateScheme (a
 * published file changed afterwards is invalid), newYear, the store and the server.
 */
import type { Issue } from '../errors/issue.ts';
import { versionMessages as m } from './messages.ts';
import { contentHash } from './hash.ts';

const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks a document's publication state (发布状态核对):
 * - error `published-modified`: published, but its content no longer matches the recorded hash —
 *   the file was changed after publication;
 * - warning `published-without-hash` / `published-without-time`: published without those stamps
 *   (e.g. transcribed from a seed), so later changes cannot be detected;
 * - warning `draft-has-publish-fields`: a draft carrying publication stamps.
 * Returns [] for a sound document or for anything that is not an object.
 */
export function checkPublication(doc: unknown): Issue[] {
  if (!isObject(doc)) return [];
  const out: Issue[] = [];
  const recorded = doc['contentHash'];
  if (doc['status'] === 'published') {
    if (typeof recorded !== 'string') {
      out.push(m.issue('published-without-hash', {}, { path: '/status' }));
    } else {
      const actual = contentHash(doc);
      if (actual !== recorded) {
        out.push(m.issue('published-modified', { recorded, actual }, { path: '/contentHash' }));
      }
    }
    if (typeof doc['publishedAt'] !== 'string') {
      out.push(m.issue('published-without-time', {}, { path: '/status' }));
    }
  } else if (recorded !== undefined || doc['publishedAt'] !== undefined) {
    out.push(m.issue('draft-has-publish-fields', {}, { path: recorded !== undefined ? '/contentHash' : '/publishedAt' }));
  }
  return out;
}
