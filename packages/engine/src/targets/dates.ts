/**
 * Dates and deadlines in 年度指标值 / 实际完成值 (seed 001): "2020/12/31", "2020年10月31日",
 * "2020年12月31日前", "12月31日前完成", "12月底前", "2020年12月前", "20年11月30日" (two-digit year),
 * "2020年12月31日完成支付", "年底前".
 */
import type { CalendarDate } from './types.ts';

export interface DateRead {
  readonly date: CalendarDate;
  readonly deadline: boolean;
  readonly suffix?: string;
}

/** Words that may follow a date and still leave it a date: "完成", "完成支付", "前完成", "拨付完毕". */
const DONE_SUFFIX = /^(?:全部|已)?(?:完成|支付|办结|结束|拨付|验收|举办|召开|上线|提交|出具|发放)[\u4e00-\u9fa5]{0,4}$/;

const NUMERIC = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:日)?/;
const CHINESE = /^(?:(\d{4}|\d{2})年)?(?:(\d{1,2})月(?:(\d{1,2})[日号]|(底|末|份))?)?/;

/** Days in a month; February has 29 when the year is unknown (a 2月29日 target is not rejected). */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) {
    if (year === undefined) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Reads a whole (normalised) text as a date. Returns null when the text is not a date, and
 * `{ invalid }` when it is shaped like one but names no real day ("2月31日完成支").
 * Accepts an optional leading "≤"/"不晚于"/"截至"/"于" and trailing 前/之前/以前/底前/内 and a completion
 * word ("完成支付"). "2020年" alone, or "年底", reads as the year (month 12 for 年底).
 */
export function readDate(s: string): DateRead | { invalid: string } | null {
  let rest = s;
  let deadline = false;
  for (const lead of ['不晚于', '截至', '截止', '≤', '于', '在']) {
    if (rest.startsWith(lead)) {
      rest = rest.slice(lead.length);
      if (lead !== '于' && lead !== '在') deadline = true;
      break;
    }
  }
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let used: number;
  const numeric = NUMERIC.exec(rest);
  if (numeric) {
    year = Number(numeric[1]);
    month = Number(numeric[2]);
    day = Number(numeric[3]);
    used = numeric[0].length;
  } else {
    const m = CHINESE.exec(rest);
    if (m && m[0].length > 0) {
      if (m[1] !== undefined) year = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
      if (m[2] !== undefined) month = Number(m[2]);
      if (m[3] !== undefined) day = Number(m[3]);
      used = m[0].length;
      if (m[2] === undefined) {
        // Year only: "2020年", "2020年底", "2020年内" — but a bare two-digit "20年" is a duration, not a date.
        if (m[1] === undefined || m[1].length !== 4) return null;
        const after = rest.slice(used);
        if (/^(?:底|末)/.test(after)) {
          month = 12;
          used += 1;
        } else if (/^(?:度)?内/.test(after)) {
          used += after.startsWith('度') ? 2 : 1;
          deadline = true;
        }
      }
    } else if (/^年(?:底|末)/.test(rest)) {
      month = 12;
      used = 2;
    } else {
      return null;
    }
  }
  let tail = rest.slice(used);
  const deadlineWord = /^(?:底前|末前|之前|以前|前|止|为止|以内|内)/.exec(tail);
  if (deadlineWord) {
    deadline = true;
    tail = tail.slice(deadlineWord[0].length);
  }
  let suffix: string | undefined;
  if (tail.length > 0) {
    if (!DONE_SUFFIX.test(tail)) return null;
    suffix = tail;
  }
  if (month !== undefined && (month < 1 || month > 12)) return { invalid: `月份无效（${month}月）` };
  if (day !== undefined && month !== undefined && (day < 1 || day > daysInMonth(month, year))) {
    return { invalid: `日期无效（${month}月${day}日）` };
  }
  if (year !== undefined && (year < 1900 || year > 2200)) return null;
  const date: CalendarDate = { ...(year !== undefined ? { year } : {}), ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}) };
  return { date, deadline, ...(suffix !== undefined ? { suffix } : {}) };
}

/** A date as a sortable day number (year*10000+month*100+day). */
function key(y: number, m: number, d: number): number {
  return y * 10000 + m * 100 + d;
}

/**
 * The first and last day a (possibly partial) date covers, as sortable numbers; `year` fills a
 * missing year (2000, a leap year, when nothing is known, so both sides compare by month and day).
 */
export function dateSpan(date: CalendarDate, year?: number): { start: number; end: number } {
  const y = date.year ?? year ?? 2000;
  if (date.month === undefined) return { start: key(y, 1, 1), end: key(y, 12, 31) };
  if (date.day === undefined) return { start: key(y, date.month, 1), end: key(y, date.month, daysInMonth(date.month, y)) };
  return { start: key(y, date.month, date.day), end: key(y, date.month, date.day) };
}

/** "2020年12月31日", "12月", "2020年" — a date in Chinese as the tables write it. */
export function showDate(date: CalendarDate): string {
  return `${date.year !== undefined ? `${date.year}年` : ''}${date.month !== undefined ? `${date.month}月` : ''}${date.day !== undefined ? `${date.day}日` : ''}`;
}
