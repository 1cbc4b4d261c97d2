/**
 * New year (新建年度草稿): "以2024年方案为基础新建2025年草稿" — a copy of a scheme as the draft of
 * another year, recording what it was made from. Pure: the CLI and the store write the file.
 */
import { issue, type Issue } from '../errors/issue.ts';
import type { Scheme } from '../format/scheme-types.ts';
import { contentHash } from './hash.ts';
import { checkPublication, withFields } from './publish.ts';

export type NewYearResult = { ok: true; doc: Scheme; warnings: Issue[] } | { ok: false; issues: Issue[] };

/**
 * The draft of `year` based on `doc`: same content, `year` set, `status: "draft"`, `version: "1"`,
 * `basedOn: { id, year, hash }` (the base's id, year and content hash — `contentHash(doc)`, i.e. what
 * it actually contains), `publishedAt` and `contentHash` removed.
 * Refused when `year` is not an integer 2000–2100 or equals the base's year. Warnings: the base is a
 * draft (`based-on-draft`), or its publication check fails (`checkPublication`).
 * `doc` itself is not modified.
 */
export function newYear(doc: Scheme, year: number): NewYearResult {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    return { ok: false, issues: [issue('bad-year', `年度无效：${String(year)}（应为 2000–2100 的整数）`, `invalid year ${String(year)} (expected an integer 2000–2100)`)] };
  }
  if (year === doc.year) {
    return { ok: false, issues: [issue('same-year', `基础方案已是${year}年度，新草稿须为另一年度`, `the base scheme is already for ${year}`, { path: '/year' })] };
  }
  const warnings = checkPublication(doc);
  const tampered = warnings.filter((i) => i.severity === 'error');
  if (tampered.length) {
    return {
      ok: false,
      issues: [issue('base-modified', `基础方案（${doc.year}年）在发布后被修改过，不能以它为基础新建草稿；请先恢复发布时的内容`, `the base scheme (${doc.year}) was changed after publication; restore it first`), ...tampered],
    };
  }
  if (year < doc.year) {
    warnings.push(issue('earlier-year', `新草稿年度（${year}）早于基础方案（${doc.year}）：通常应以上一年度方案为基础新建下一年度`, `the new year ${year} is earlier than the base scheme's ${doc.year}`, { path: '/year', severity: 'warning' }));
  }
  if (doc.status !== 'published') {
    warnings.push(issue('based-on-draft', `基础方案（${doc.year}年）尚未发布`, `the base scheme (${doc.year}) is not published`, { path: '/status', severity: 'warning' }));
  }
  // existing keys keep their place in the file; basedOn goes after status when the base had none
  const copy = structuredClone(doc) as unknown as Record<string, unknown>;
  copy['year'] = year;
  // a title naming the base year ("…（2020年度）") names the new one
  copy['title'] = doc.title.split(String(doc.year)).join(String(year));
  copy['version'] = '1';
  copy['status'] = 'draft';
  delete copy['publishedAt'];
  delete copy['contentHash'];
  const basedOn = { id: doc.id, year: doc.year, hash: contentHash(doc) };
  const out = 'basedOn' in copy ? { ...copy, basedOn } : withFields(copy, 'status', { basedOn });
  return { ok: true, doc: out as Scheme, warnings };
}
