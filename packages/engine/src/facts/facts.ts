/**
 * Reads a case's facts against the scheme's declared inputs: types, ranges, units, and the classic
 * mistakes (a percent written 95 where 0.95 is meant, negative money, text in a number field).
 *
 * Percent convention: a percent fact is a fraction (0.95) or a string with a percent sign ("95%").
 * A bare number above 10 (1000%) for a percent, or above the declared maximum when a hundredth of it
 * would fit, is refused with a message suggesting the fraction.
 */
import { Dec, ZERO, plain, toDec, toPlainDec } from '../decimal/dec.ts';
import { issue, pointer, type Issue } from '../errors/issue.ts';
import type { Input } from '../format/scheme-types.ts';
import { TYPE_ZH } from '../format/type-names.ts';
import type { TargetRowT } from '../format/case-types.ts';
import type { Value } from '../evaluate/context.ts';

const NUMERIC = new Set(['number', 'percent', 'money', 'count']);
const ROW_TEXT = ['level1', 'level2', 'level3', 'target', 'actual'] as const;

/** A fact as given in a case: bare, or `{ value, source }`. */
export function factValue(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) return (raw as { value: unknown }).value;
  return raw;
}

/** Reads "1,511.77" or "1511.77" (thousands separators allowed in facts). */
function readNumber(v: unknown): Dec | null {
  if (typeof v === 'string' && /^-?\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(v.trim())) return toDec(v.trim().replace(/,/g, ''));
  return toDec(v);
}

/** Why a fact cannot be read (the only allocation a reader makes beyond the value). */
export class Unreadable {
  constructor(readonly issues: Issue[]) {}
}

/** A fact reader compiled once per declared input: raw value in, typed value (or why not) out. */
export type FactReader = (raw: unknown) => Value | Unreadable;

/**
 * Compiles the reader of one declared input (bounds parsed once, messages built only on failure).
 * Percent convention: see the file comment.
 */
export function factReader(input: Input): FactReader {
  const path = pointer('/facts', input.id);
  const at = { path, fact: input.id };
  const bad = (code: string, zh: string, en: string) => new Unreadable([issue(code, `事实“${input.label}”（${input.id}）${zh}`, `fact "${input.id}": ${en}`, at)]);
  const missing = () => bad('fact-missing', '未填写', 'missing value');
  if (NUMERIC.has(input.type)) {
    const min = input.min !== undefined ? toDec(input.min) : null;
    const max = input.max !== undefined ? toDec(input.max) : null;
    const TEN = new Dec(10);
    const MINUS_TEN = new Dec(-10);
    const LIMIT = new Dec('1e15');
    const MINUS_LIMIT = new Dec('-1e15');
    const moneyMayBeNegative = input.type === 'money' && min !== null && min.lt(0);
    // Every check below passes exactly when the value lies in [lo, hi] (and a count is a whole number):
    // test that first, and walk the checks one by one only to say what is wrong.
    const lo = [min, MINUS_LIMIT, (input.type === 'money' && !moneyMayBeNegative) || input.type === 'count' ? ZERO : null].reduce<Dec>((a, b) => (b !== null && b.gt(a) ? b : a), MINUS_LIMIT);
    const hi = [max, LIMIT].reduce<Dec>((a, b) => (b !== null && b.lt(a) ? b : a), LIMIT);
    // a percent written as a fraction must also lie within ±10 (1000%)
    const loFraction = input.type === 'percent' && lo.lt(MINUS_TEN) ? MINUS_TEN : lo;
    const hiFraction = input.type === 'percent' && hi.gt(TEN) ? TEN : hi;
    return (raw) => {
      const v = typeof raw === 'object' ? factValue(raw) : raw;
      if (v === null || v === undefined) return missing();
      const d = typeof v === 'number' ? toDec(v) : readNumber(v);
      if (d === null) return bad('fact-not-number', `应为数字，实际为 ${JSON.stringify(v)}`, `expected a number, got ${JSON.stringify(v)}`);
      const fraction = typeof v !== 'string' || !v.trim().endsWith('%');
      // only a percent may be written with a percent sign: "50%" of money is not 0.5 万元
      if (!fraction && input.type !== 'percent') {
        return bad('fact-percent-sign', `${TYPE_ZH[input.type] ?? '数值'}不能写百分号：${JSON.stringify(v)}（请填写${input.unit ? `以“${input.unit}”为单位的` : ''}数值本身）`, `a ${input.type} cannot be written with a percent sign: ${JSON.stringify(v)}`);
      }
      if (d.gte(fraction ? loFraction : lo) && d.lte(fraction ? hiFraction : hi) && (input.type !== 'count' || d.isInteger())) return d;
      if (input.type === 'percent' && fraction) {
        const looksScaled = d.gt(TEN) || d.lt(MINUS_TEN) || (max !== null && d.gt(max) && d.div(100).lte(max));
        if (looksScaled) {
          return bad(
            'percent-scale',
            `为百分比，按小数填写（95% 填 0.95）：${plain(d)} 即 ${plain(d.times(100))}%${max !== null ? `，超出上限 ${plain(max.times(100))}%` : ''}；若指 ${plain(d)}%，应写作 ${plain(d.div(100))} 或 "${plain(d)}%"`,
            `percent given as ${plain(d)} (= ${plain(d.times(100))}%); if ${plain(d)}% is meant, write ${plain(d.div(100))} or "${plain(d)}%"`,
          );
        }
      }
      if (input.type === 'count' && (!d.isInteger() || d.isNeg())) return bad('fact-count', `应为非负整数，实际为 ${plain(d)}`, `expected a non-negative integer, got ${plain(d)}`);
      if (input.type === 'money' && d.isNeg() && !d.isZero() && !moneyMayBeNegative) {
        return bad('fact-negative', `为金额，不能为负数（${plain(d)}${input.unit ?? ''}）`, `money cannot be negative (${plain(d)})`);
      }
      if (min !== null && d.lt(min)) return bad('fact-range', `为 ${plain(d)}，低于下限 ${plain(min)}`, `${plain(d)} is below the minimum ${plain(min)}`);
      if (max !== null && d.gt(max)) return bad('fact-range', `为 ${plain(d)}，高于上限 ${plain(max)}`, `${plain(d)} is above the maximum ${plain(max)}`);
      if (d.gt(LIMIT) || d.lt(MINUS_LIMIT)) return bad('fact-range', `数值 ${plain(d)} 过大，请检查单位`, `${plain(d)} is implausibly large; check the unit`);
      return d;
    };
  }
  return (raw) => {
    const v = factValue(raw);
    if (v === null || v === undefined) return missing();
    return readOther(input, v, path, bad);
  };
}

function readOther(
  input: Input,
  v: unknown,
  path: string,
  bad: (code: string, zh: string, en: string) => Unreadable,
): Value | Unreadable {
  if (input.type === 'boolean') {
    if (typeof v === 'boolean') return v;
    if (v === '是' || v === '否') return v === '是';
    return bad('fact-not-boolean', `应为 是/否（true/false），实际为 ${JSON.stringify(v)}`, `expected true/false, got ${JSON.stringify(v)}`);
  }
  if (input.type === 'enum') {
    const allowed = input.options?.map((o) => o.value) ?? [];
    if (typeof v !== 'string' || !allowed.includes(v)) {
      return bad('fact-enum', `应为以下之一：${allowed.join('、')}；实际为 ${JSON.stringify(v)}`, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
    }
    return v;
  }
  if (input.type === 'text') {
    if (typeof v !== 'string') return bad('fact-not-text', `应为文本，实际为 ${JSON.stringify(v)}`, `expected text, got ${JSON.stringify(v)}`);
    return v;
  }
  // rows
  if (!Array.isArray(v)) return bad('fact-rows', '应为指标行数组', 'expected an array of indicator rows');
  const issues: Issue[] = [];
  v.forEach((row: unknown, i) => {
    const rowAt = { path: pointer(path, i), fact: input.id };
    if (!row || typeof row !== 'object') {
      issues.push(issue('fact-rows', `第${i + 1}行不是对象`, `row ${i + 1} is not an object`, rowAt));
      return;
    }
    const r = row as Record<string, unknown>;
    for (const k of ROW_TEXT) {
      if (typeof r[k] !== 'string') issues.push(issue('fact-rows', `第${i + 1}行缺少文本字段 ${k}`, `row ${i + 1} lacks text field ${k}`, { ...rowAt, path: pointer(path, i, k) }));
    }
    if (toPlainDec(r.points) === null) issues.push(issue('fact-rows', `第${i + 1}行的分值不是数字`, `row ${i + 1}: points is not a number`, { ...rowAt, path: pointer(path, i, 'points') }));
  });
  if (issues.length) return new Unreadable(issues);
  return v as TargetRowT[];
}
