/**
 * New year (新建年度草稿): "以2024年方案为基础新建2025年草稿" — a copy of a scheme as the draft of
 * another year, recording what it was made from. Pure: the CLI and the store write the file.
 */
import type { Issue } from '../errors/issue.ts';
import { versionMessages as m } from './messages.ts';
import type { Scheme } from '../format/scheme-types.ts';
import { pointer } from '../errors/issue.ts';
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
 * draft (`based-on-draft`), or its publication check fails (`checkPublication`); each 节点日期 (calendar
 * entry) the new year has no date for (`calendar-date-needed`: the user adds it), and each one carried to the
 * new year because its label names a fixed day (`calendar-date-carried`; see `carriedDate`).
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
  const calendar = calendarForYear(doc, year);
  if (calendar) {
    copy['calendar'] = calendar.entries;
    warnings.push(...calendar.issues);
  }
  const basedOn = { id: doc.id, year: doc.year, hash: contentHash(doc) };
  const out = 'basedOn' in copy ? { ...copy, basedOn } : withFields(copy, 'status', { basedOn });
  // a document the product writes says in which format: the current one (`doc` is read through upgradeScheme)
  return { ok: true, doc: withFormatVersion(out) as Scheme, warnings };
}

/** Days in month `m` (1–12) of `y`, by the Gregorian rule. */
function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The date of a calendar entry in `year` when its label names a fixed day of the year and its base-year
 * date is that very day, else null.
 *
 * Why only then: the format keeps a 节点's dates per year and nothing else (`CalendarEntry`: id, label, dates),
 * so whether a date recurs is known only from the label the scheme quotes. “6月底前” (the 岳阳 scheme: 2020-06-30)
 * and “12月31日前” name the day itself, and the base year's date agreeing with the label shows the scheme
 * means that day, so the new year's is the same day (2月底前 → 28 or 29 by the year). Any other label —
 * “春节前” (a lunar holiday: 2020-01-24, 2021-02-11), “国庆节前”, “开学前” — or a base date that differs
 * from what the label says (a scheme that set 6月底前 to 06-28 chose that day for that year) is not carried:
 * shifting it by a year would be a date the engine cannot know, scored as if it were the scheme's.
 */
export function carriedDate(label: string, baseYear: number, baseDate: string, year: number): string | null {
  const r = /^\s*(\d{1,2})\s*月\s*(?:(底)|(\d{1,2})\s*日)\s*(?:之?前|以前)?\s*$/.exec(label);
  if (!r) return null;
  const month = Number(r[1]);
  if (month < 1 || month > 12) return null;
  const dayIn = (y: number) => (r[2] ? daysInMonth(y, month) : Number(r[3]));
  const day = dayIn(baseYear);
  if (day < 1 || day > daysInMonth(baseYear, month)) return null;
  if (baseDate !== `${baseYear}-${pad(month)}-${pad(day)}`) return null;
  const next = dayIn(year);
  if (next > daysInMonth(year, month)) return null; // 2月29日 in a common year
  return `${year}-${pad(month)}-${pad(next)}`;
}

/**
 * The base's calendar for the new year: each entry keeps its dates; one without a date for `year` gets the
 * carried one (`carriedDate`) or is named as needed. Null when the scheme has no calendar.
 */
function calendarForYear(doc: Scheme, year: number): { entries: NonNullable<Scheme['calendar']>; issues: Issue[] } | null {
  if (!doc.calendar?.length) return null;
  const issues: Issue[] = [];
  const key = String(year);
  const entries = doc.calendar.map((c, i) => {
    if (c.dates[key]) return c;
    const baseDate = c.dates[String(doc.year)] ?? null;
    const carried = baseDate ? carriedDate(c.label, doc.year, baseDate, year) : null;
    const path = pointer('/calendar', i, 'dates');
    if (carried) {
      issues.push(m.issue('calendar-date-carried', { id: c.id, label: c.label, year, date: carried }, { path }));
      return { ...c, dates: { ...c.dates, [key]: carried } };
    }
    issues.push(m.issue('calendar-date-needed', { id: c.id, label: c.label, year, base: doc.year, baseDate }, { path }));
    return c;
  });
  return { entries, issues };
}
