/**
 * parseValue: reads one 年度指标值 or 实际完成值 text of a 项目支出绩效自评表 (seed 001) into a
 * ParsedValue — quantitative, percent, date, duration, qualitative or notApplicable. Never throws:
 * whatever is not a value is qualitative.
 */
import { Dec } from '../decimal/exact.ts';
import { readApproxPrefix, readApproxSuffix, readPrefixComparator, readSuffixComparator } from './comparators.ts';
import { readDate } from './dates.ts';
import { normalizeText } from './normalize.ts';
import { readMultiplier, readNumber } from './numbers.ts';
import { isNotApplicable, readQualitative } from './qualitative.ts';
import type { Comparator, DurationValue, ParsedValue, PerUnit, UnitDef } from './types.ts';
import { isTimeUnit, lookupUnit, UNIT_SYMBOLS } from './units.ts';

const HUNDRED = new Dec(100);

/** What the value scanner found in a text such as "≥1,000家", "约100台", "下降5%", "≥1次/10个工作日". */
interface Scan {
  comparator: Comparator | null;
  approximate: boolean;
  change?: 'increase' | 'decrease';
  /** Number × multiplier × unit scale (base units); fraction for a percent. */
  value: Dec;
  upper?: Dec;
  factors?: Dec[];
  multiplier?: string;
  percent: boolean;
  unit: UnitDef | null;
  per?: PerUnit;
  rank: boolean;
  notes: string[];
}

const CHANGE = /^(下降|减少|降低|下滑|缩减|减|降|增长|提高|上升|增加|提升|增)/;
const DECREASE = new Set(['下降', '减少', '降低', '下滑', '缩减', '减', '降']);

/** Longest unit symbol at the start of `s`. */
function readUnit(s: string): UnitDef | null {
  for (const sym of UNIT_SYMBOLS) if (s.startsWith(sym)) return lookupUnit(sym) ?? null;
  return null;
}

/** The scale of a unit without the multiplier in its name: 万元 → 1 (元), 万人次 → 1, 天 → 24. */
function unitScaleWithoutMultiplier(unit: UnitDef | null): Dec {
  if (!unit) return new Dec(1);
  const m = readMultiplier(unit.symbol);
  const plain = m ? lookupUnit(unit.symbol.slice(m.word.length)) : undefined;
  return plain ? plain.scale : unit.scale;
}

/** Reads "/月", "/10个工作日", "/人·天", "/全年" (the whole remainder of `s`, which starts with "/"). */
function readPer(s: string): PerUnit | null {
  let rest = s.slice(1);
  const text = rest;
  let count = new Dec(1);
  const n = readNumber(rest);
  if (n) {
    count = n.value;
    rest = rest.slice(n.length);
  }
  const unit = lookupUnit(rest);
  if (unit) return { count, unit, text };
  if (!n && /^[\u4e00-\u9fa5·]{1,4}$/.test(rest)) return { count, unit: null, text };
  return null;
}

/** Scans a whole (normalised) text as one value; null when any part of it is not understood. */
function scanValue(s: string): Scan | null {
  const notes: string[] = [];
  let rest = s;
  let approximate = false;
  // Trailing words first: "100家以上", "24小时内", "100台左右".
  let suffixComparator: Comparator | null = null;
  const approxEnd = readApproxSuffix(rest);
  if (approxEnd > 0) {
    approximate = true;
    rest = rest.slice(0, -approxEnd);
  }
  const suffix = readSuffixComparator(rest);
  if (suffix && rest.length > suffix.length && /[\d%\u4e00-\u9fa5]/.test(rest.charAt(rest.length - suffix.length - 1))) {
    suffixComparator = suffix.comparator;
    rest = rest.slice(0, -suffix.length);
  }
  let comparator: Comparator | null = null;
  if (suffixComparator !== null && rest.startsWith('在')) rest = rest.slice(1); // 在3个工作日内
  for (let i = 0; i < 2; i++) {
    const c: { comparator: Comparator; length: number } | null = comparator === null ? readPrefixComparator(rest) : null;
    if (c) {
      comparator = c.comparator;
      rest = rest.slice(c.length);
      continue;
    }
    const a = readApproxPrefix(rest);
    if (a > 0) {
      approximate = true;
      rest = rest.slice(a);
    }
  }
  let rank = false;
  if (rest.startsWith('前') && /^\d/.test(rest.slice(1))) {
    // 前10名: a rank ceiling
    rank = true;
    rest = rest.slice(1);
    if (comparator === null) comparator = '≤';
  } else if (rest.startsWith('第') && /^\d/.test(rest.slice(1))) {
    // 第3名: a rank reached
    rank = true;
    rest = rest.slice(1);
  }
  let change: Scan['change'];
  const ch = CHANGE.exec(rest);
  if (ch && /^\d/.test(rest.slice(ch[0].length))) {
    change = DECREASE.has(ch[1]!) ? 'decrease' : 'increase';
    rest = rest.slice(ch[0].length);
  }
  const n = readNumber(rest);
  if (!n) return null;
  rest = rest.slice(n.length);
  let number = n.value;
  let factors: Dec[] | undefined;
  while (rest.startsWith('*')) {
    const f = readNumber(rest.slice(1));
    if (!f) return null;
    factors = [...(factors ?? [number]), f.value];
    number = number.times(f.value);
    rest = rest.slice(1 + f.length);
  }
  let upperNumber: Dec | undefined;
  // "5-10家", and "5万-10万元" where the lower bound carries its own multiplier.
  let lowMultiplier: Dec | undefined;
  const lowMult = readMultiplier(rest);
  const afterLow = lowMult ? rest.slice(lowMult.word.length) : rest;
  const range = /^(?:-|~|至|到)/.exec(afterLow);
  if (range && !factors) {
    const u = readNumber(afterLow.slice(range[0].length));
    if (u && !u.value.isNegative()) {
      upperNumber = u.value;
      lowMultiplier = lowMult?.factor;
      rest = afterLow.slice(range[0].length + u.length);
    }
  }
  let scale = new Dec(1);
  let unit: UnitDef | null = null;
  let multiplier: string | undefined;
  let percent = false;
  if (rest.startsWith('%')) {
    percent = true;
    rest = rest.slice(1);
  } else {
    unit = readUnit(rest);
    if (unit) {
      rest = rest.slice(unit.symbol.length);
    } else {
      const m = readMultiplier(rest);
      if (m) {
        multiplier = m.word;
        scale = m.factor;
        rest = rest.slice(m.word.length);
        unit = readUnit(rest);
        if (unit) rest = rest.slice(unit.symbol.length);
      }
    }
    if (unit) scale = scale.times(unit.scale);
  }
  let per: PerUnit | undefined;
  if (rest.startsWith('/')) {
    const p = readPer(rest);
    if (!p) return null;
    per = p;
    rest = '';
  }
  if (rest.length > 0) return null;
  if (suffixComparator !== null) {
    if (comparator !== null && comparator !== suffixComparator) {
      notes.push(`比较符“${comparator}”与词尾的“${suffixComparator}”不一致，按“${comparator}”理解`);
    }
    comparator ??= suffixComparator;
  }
  if (upperNumber !== undefined) {
    if (comparator !== null) notes.push(`区间前的比较符“${comparator}”不计，按区间理解`);
    comparator = 'between';
  }
  let value = number.times(lowMultiplier === undefined ? scale : lowMultiplier.times(unitScaleWithoutMultiplier(unit)));
  if (change === 'decrease') value = value.neg();
  if (percent) value = value.div(HUNDRED);
  const upper = upperNumber === undefined ? undefined : percent ? upperNumber.times(scale).div(HUNDRED) : upperNumber.times(scale);
  if (approximate) notes.push('约数');
  return {
    comparator,
    approximate,
    ...(change ? { change } : {}),
    value,
    ...(upper !== undefined ? { upper } : {}),
    ...(factors ? { factors } : {}),
    ...(multiplier !== undefined ? { multiplier } : {}),
    percent,
    unit,
    ...(per ? { per } : {}),
    rank,
    notes,
  };
}

const ANCHORED = /^(.*[\u4e00-\u9fa5])(后|前)(\d+(?:\.\d+)?)(个工作日|工作日|个小时|小时|天|日|周|个月)(内|以内|之内)?((?:完成|办结|发布|回复|上报)[\u4e00-\u9fa5]*)?$/;

/** "领导签发后1个工作日内" (≤, after an event), "出访团到达前1个工作日" (≥, ahead of an event). */
function readAnchoredDuration(original: string, s: string): DurationValue | null {
  const m = ANCHORED.exec(s);
  if (!m) return null;
  const unit = lookupUnit(m[4]!);
  if (!unit) return null;
  const after = m[2] === '后';
  return {
    kind: 'duration',
    text: original,
    notes: [],
    comparator: after || m[5] !== undefined ? '≤' : '≥',
    value: new Dec(m[3]!).times(unit.scale),
    unit,
    anchor: `${m[1]!}${m[2]!}`,
  };
}

/** Reads `s` as a date, duration, percent or quantity; null when it is none of these. */
function readValue(original: string, s: string, remark?: string): ParsedValue | null {
  const extra = remark !== undefined ? { remark } : {};
  const d = readDate(s);
  if (d) {
    if ('invalid' in d) return readQualitative(original, s, [d.invalid]);
    return { kind: 'date', text: original, notes: [], date: d.date, deadline: d.deadline, ...(d.suffix !== undefined ? { suffix: d.suffix } : {}), ...extra };
  }
  const anchored = readAnchoredDuration(original, s);
  if (anchored) return { ...anchored, ...extra };
  const scan = scanValue(s);
  if (!scan) return null;
  const base = { text: original, notes: scan.notes, comparator: scan.comparator, value: scan.value, ...(scan.upper !== undefined ? { upper: scan.upper } : {}), ...extra };
  if (scan.percent) {
    if (scan.per) return null;
    return { kind: 'percent', ...base, approximate: scan.approximate, ...(scan.change ? { change: scan.change } : {}) };
  }
  if (scan.unit && isTimeUnit(scan.unit) && !scan.per && !scan.multiplier && !scan.rank) {
    return { kind: 'duration', ...base, unit: scan.unit, ...(scan.factors ? { factors: scan.factors } : {}) };
  }
  if (scan.factors) return null;
  return {
    kind: 'quantitative',
    ...base,
    unit: scan.unit,
    approximate: scan.approximate,
    ...(scan.multiplier !== undefined ? { multiplier: scan.multiplier } : {}),
    ...(scan.per ? { per: scan.per } : {}),
    ...(scan.rank ? { rank: true } : {}),
  };
}

/** Position of the first separator (，；。 or a comma not inside "1,000") ending the value part, or -1. */
function separatorAt(s: string): number {
  for (let i = 1; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === ';' || c === '。' || c === '、') return i;
    if (c === ',' && !(/\d/.test(s.charAt(i - 1)) && /^\d{3}(?!\d)/.test(s.slice(i + 1)))) return i;
  }
  return -1;
}

/**
 * Reads one 年度指标值 or 实际完成值 text. Never throws.
 *
 * - "≥1000家" → quantitative ≥ 1000 家; "≥1.5亿" → 150000000 (no unit); "≥2.7万亿元" → 2.7e12 元;
 *   "约100台" approximate; "5-10家" between 5 and 10; "≥300宗/月" per 月; "前10名" rank ≤ 10;
 * - "≥95%" → percent ≥ 0.95; "-5.2%" → -0.052; "下降5%" → -0.05;
 * - "2020/12/31", "2020年12月31日前", "12月底前" → date (deadline);
 * - "≤24小时内", "7*24小时", "5个工作日", "领导签发后1个工作日内" → duration;
 * - 不适用, 无, "/", "-", "--" → notApplicable;
 * - everything else → qualitative (及时, 有效提升, 未完成 …) with a polarity.
 * A value followed by a remark ("100%，无企业投诉") keeps the value and the remark.
 */
export function parseValue(text: string): ParsedValue {
  const original = typeof text === 'string' ? text : String(text ?? '');
  try {
    const s = normalizeText(original);
    if (s === '') return readQualitative(original, s, ['空白']);
    if (isNotApplicable(s)) return { kind: 'notApplicable', text: original, notes: [] };
    const whole = readValue(original, s);
    if (whole) return whole;
    const sep = separatorAt(s);
    if (sep > 0) {
      const remark = s.slice(sep + 1);
      const head = readValue(original, s.slice(0, sep), remark);
      if (head && head.kind !== 'qualitative') return head;
    }
    return readQualitative(original, s);
  } catch (e) {
    // Defensive: a bug in a reader must not stop a whole table; the text is then kept as words.
    return readQualitative(original, original, [`解析出错：${e instanceof Error ? e.message : String(e)}`]);
  }
}
