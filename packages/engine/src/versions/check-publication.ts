/**
 * 发布状态核对: whether a published scheme still is what was published (its content hash), and the
 * stamps a published or draft document should or should not carry. Used by validateScheme (a
 * published file changed afterwards is invalid), newYear, the store and the server.
 */
import { issue, type Issue } from '../errors/issue.ts';
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
