/**
 * Publication (发布): a valid draft becomes an immutable published version, stamped with its
 * publication time and content hash; and the check that a published document still has the content
 * it was published with. Pure functions: the Node-side store (`@jixiao/store`) writes the files.
 */
import { issue, type Issue } from '../errors/issue.ts';
import type { Scheme } from '../format/scheme-types.ts';
import { validateScheme } from '../compile/compile.ts';
import { contentHash } from './hash.ts';

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
 * already published or has any validation error (`validateScheme`); warnings do not prevent it.
 * `doc` itself is not modified.
 */
export function publish(doc: unknown, now: Date | string): PublishResult {
  if (!isObject(doc)) return { ok: false, issues: [issue('not-a-scheme', '不是方案文档（应为 JSON 对象）', 'not a scheme document (expected a JSON object)')] };
  if (doc['status'] === 'published') {
    return {
      ok: false,
      issues: [
        issue('already-published', '方案已发布，不能再次发布；已发布的方案不可修改，如需调整请以它为基础新建草稿', 'the scheme is already published; published schemes are immutable — base a new draft on it', {
          path: '/status',
        }),
      ],
    };
  }
  const at = isoTime(now);
  if (at === null) return { ok: false, issues: [issue('bad-time', `发布时间无效：${String(now)}`, `invalid publication time: ${String(now)}`)] };
  const errors = validateScheme(doc).filter((i) => i.severity === 'error');
  if (errors.length) {
    return {
      ok: false,
      issues: [issue('publish-invalid', `方案有 ${errors.length} 处错误，不能发布；请先改正`, `the scheme has ${errors.length} error(s) and cannot be published`), ...errors],
    };
  }
  const hash = contentHash(doc);
  return { ok: true, doc: withFields(doc, 'status', { status: 'published', publishedAt: at, contentHash: hash }) as Scheme };
}

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
      out.push(
        issue('published-without-hash', '方案标注为已发布，但没有记录发布时的内容摘要（contentHash），无法核对发布后是否被修改', 'published without a content hash: later changes cannot be detected', {
          path: '/status',
          severity: 'warning',
        }),
      );
    } else {
      const actual = contentHash(doc);
      if (actual !== recorded) {
        out.push(
          issue(
            'published-modified',
            `已发布方案的内容与发布时记录的摘要不一致：文件在发布后被修改过（记录 ${recorded.slice(0, 19)}…，现为 ${actual.slice(0, 19)}…）。已发布的方案不可修改，如需调整请以它为基础新建草稿`,
            `published scheme was modified after publication (recorded ${recorded}, actual ${actual})`,
            { path: '/contentHash' },
          ),
        );
      }
    }
    if (typeof doc['publishedAt'] !== 'string') {
      out.push(issue('published-without-time', '方案标注为已发布，但没有记录发布时间（publishedAt）', 'published without a publication time', { path: '/status', severity: 'warning' }));
    }
  } else if (recorded !== undefined || doc['publishedAt'] !== undefined) {
    out.push(
      issue('draft-has-publish-fields', '草稿带有发布字段（publishedAt、contentHash），这些字段只应由发布操作写入', 'a draft carries publication fields (publishedAt, contentHash)', {
        path: recorded !== undefined ? '/contentHash' : '/publishedAt',
        severity: 'warning',
      }),
    );
  }
  return out;
}
