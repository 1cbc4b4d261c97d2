/**
 * New year (新建年度草稿): "以2024年方案为基础新建2025年草稿" — a copy of a scheme as the draft of
 * another year, recording what it was made from. Pure: the CLI and the store write the file.
 */
import type { Issue } from '../errors/issue.ts';
import { versionMessages as m } from './messages.ts';
import type { Scheme } from '../format/scheme-types.ts';
import { contentHash } from './hash.ts';
import { checkPublication, withFields } from './publish.ts';
import { withFormatVersion } from '../format/version.ts';

export type NewYearResult = { ok: true; doc: Scheme; warnings: Issue[] } | { ok: false; issues: Issue[] };

/**
 * The draft of `year` based on `doc`: same content, `year` set, `status: "draft"`, `version: "1"`,
 * `basedOn: { id, year, hash }` (the base's id, year and content hash — `contentHash(doc)`, i.e. what
 * it actually contains), `publishedAt` and `contentHash` removed, `formatVersion` the current one
 * (`doc` is a scheme as read through `upgradeScheme`).
 * Refused when `year` is not an integer 2000–2100 or equals the base's year. Warnings: the base is a
 * draft (`based-on-draft`), or its publication check fails (`checkPublication`).
 * `doc` itself is not modified.
 */
export function newYear(doc: Scheme, year: number): NewYearResult {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    return { ok: false, issues: [m.issue('bad-year', { year: String(year) })] };
  }
  if (year === doc.year) {
    return { ok: false, issues: [m.issue('same-year', { year }, { path: '/year' })] };
  }
  const warnings = checkPublication(doc);
  const tampered = warnings.filter((i) => i.severity === 'error');
  if (tampered.length) {
    return {
      ok: false,
      issues: [m.issue('base-modified', { base: doc.year }), ...tampered],
    };
  }
  if (year < doc.year) {
    warnings.push(m.issue('earlier-year', { year, base: doc.year }, { path: '/year' }));
  }
  if (doc.status !== 'published') {
    warnings.push(m.issue('based-on-draft', { base: doc.year }, { path: '/status' }));
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
  // a document the product writes says in which format: the current one (`doc` is read through upgradeScheme)
  return { ok: true, doc: withFormatVersion(out) as Scheme, warnings };
}
