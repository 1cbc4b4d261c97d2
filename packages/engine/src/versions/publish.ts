/**
 * Publication (发布): a valid draft becomes an immutable published version, stamped with its
 * publication time and content hash; and the check that a published document still has the content
 * it was published with. Pure functions: the Node-side store (`@jixiao/store`) writes the files.
 */
import type { Issue } from '../errors/issue.ts';
import { shared } from '../errors/shared.ts';
import { versionMessages as m } from './messages.ts';
import type { Scheme } from '../format/scheme-types.ts';
import { validateScheme } from '../compile/compile.ts';
import { contentHash } from './hash.ts';
import { upgradeScheme } from '../format/version.ts';

export type PublishResult = { ok: true; doc: Scheme } | { ok: false; issues: Issue[] };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** ISO 8601 text of `now`, or null when it is not a valid time. */
function isoTime(now: Date | string): string | null {
  const d = typeof now === 'string' ? new Date(now) : now;
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * Copies `doc` with `extra` fields placed right after `anchor` (file order stays readable: status,
 * publishedAt, contentHash together), dropping `remove`.
 */
export function withFields(doc: Record<string, unknown>, anchor: string, extra: Record<string, unknown>, remove: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const skip = new Set([...Object.keys(extra), ...remove]);
  let placed = false;
  for (const [k, v] of Object.entries(doc)) {
    if (skip.has(k)) continue;
    out[k] = v;
    if (k === anchor) {
      Object.assign(out, extra);
      placed = true;
    }
  }
  if (!placed) Object.assign(out, extra);
  return out;
}

/**
 * Publishes a draft: returns a copy with `status: "published"`, `publishedAt` (ISO 8601 of `now`)
 * and `contentHash` (see `contentHash`). Refused, with the reasons as issues, when the document is
 * already published, is of a format version this program cannot read (`upgradeScheme`), or has any validation
 * error (`validateScheme`); warnings do not prevent it. A draft of an earlier format is published in the current one.
 * `doc` itself is not modified.
 */
export function publish(given: unknown, now: Date | string): PublishResult {
  // what is published is the scheme in the current format (a draft of an earlier format is read through the
  // migrations; one of a newer format is refused with its one message)
  const upgraded = upgradeScheme(given);
  if (!upgraded.ok) return { ok: false, issues: upgraded.issues };
  const doc = upgraded.doc;
  if (!isObject(doc)) return { ok: false, issues: [shared.issue('not-a-scheme', {})] };
  if (doc['status'] === 'published') {
    return { ok: false, issues: [m.issue('already-published', {}, { path: '/status' })] };
  }
  const at = isoTime(now);
  if (at === null) return { ok: false, issues: [m.issue('bad-time', { time: String(now) })] };
  const errors = validateScheme(doc).filter((i) => i.severity === 'error');
  if (errors.length) {
    return {
      ok: false,
      issues: [m.issue('publish-invalid', { errors: errors.length }), ...errors],
    };
  }
  const hash = contentHash(doc);
  return { ok: true, doc: withFields(doc, 'status', { status: 'published', publishedAt: at, contentHash: hash }) as Scheme };
}

export { checkPublication } from './check-publication.ts';
