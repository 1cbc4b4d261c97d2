/**
 * Reads a case's facts against the scheme's declared inputs: types, ranges, units, and the classic
 * mistakes (a percent written 95 where 0.95 is meant, negative money, text in a number field).
 *
 * Percent convention: a percent fact is a fraction (0.95) or a string with a percent sign ("95%").
 * A bare number above 10 (1000%) for a percent, or above the declared maximum when a hundredth of it
 * would fit, is refused with a message suggesting the fraction. A value written with a percent sign is
 * checked against the declared range in percent too ("150%" is above the upper limit 100%).
 *
 * Full-width digits and ．，％－ (as Chinese input methods type them) are read as their ASCII forms:
 * "９５％" is "95%" (see full-width.ts); a message quotes the value as the case wrote it.
 */
import { Dec, ZERO, plain, toDec, toDecGrouped, toPlainDec } from '../decimal/dec.ts';
import { pointer, type Issue } from '../errors/issue.ts';
import { factMessages as m } from './messages.ts';
import { halfWidthNumber } from './full-width.ts';
import { shared } from '../errors/shared.ts';
import type { Input } from '../format/scheme-types.ts';
import type { TargetRowT } from '../format/case-types.ts';
import type { Value } from '../evaluate/context.ts';

const NUMERIC = new Set(['number', 'percent', 'money', 'count']);
const ROW_TEXT = ['level1', 'level2', 'level3', 'target', 'actual'] as const;

/** A fact as given in a case: bare, or `{ value, source }`. */
export function factValue(raw: unknown): unknown {
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) return (raw as { value: unknown }).value;
  return raw;
}

/** Reads "1,511.77" or "1511.77" (thousands separators allowed in facts; toDecGrouped). */
const readNumber = toDecGrouped;

type FactDefs = typeof m.defs;
type ParamsOf<C extends keyof FactDefs> = Parameters<FactDefs[C]['zh']>[0];
/** Builds the Unreadable of one fact: the code and its params less the fact's own label and id. */
type Bad = <C extends keyof FactDefs>(code: C, params: DistributiveOmit<ParamsOf<C>, 'label' | 'fact'>) => Unreadable;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

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
  const named = { label: input.label, fact: input.id };
  // the spread is the code's params (Bad's type says so); TypeScript cannot follow a generic spread
  const bad: Bad = (code, params) => new Unreadable([m.issue(code, { ...named, ...params } as never, at)]);
  const missing = () => bad('fact-missing', { given: true });
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
      const given = typeof raw === 'object' ? factValue(raw) : raw;
      if (given === null || given === undefined) return missing();
      const v = typeof given === 'string' ? halfWidthNumber(given) : given;
      const d = typeof v === 'number' ? toDec(v) : readNumber(v);
      if (d === null) return bad('fact-not-number', { value: JSON.stringify(given) });
      const fraction = typeof v !== 'string' || !v.trim().endsWith('%');
      // only a percent may be written with a percent sign: "50%" of money is not 0.5 万元
      if (!fraction && input.type !== 'percent') {
        return bad('fact-percent-sign', { type: input.type, unit: input.unit, value: JSON.stringify(given) });
      }
      if (d.gte(fraction ? loFraction : lo) && d.lte(fraction ? hiFraction : hi) && (input.type !== 'count' || d.isInteger())) return d;
      if (input.type === 'percent' && fraction) {
        const looksScaled = d.gt(TEN) || d.lt(MINUS_TEN) || (max !== null && d.gt(max) && d.div(100).lte(max));
        if (looksScaled) {
          const scaled = { at: 'fact', ...named, value: plain(d), percent: plain(d.times(100)), fraction: plain(d.div(100)), max: max !== null ? plain(max.times(100)) : undefined } as const;
          return new Unreadable([shared.issue('percent-scale', scaled, at)]);
        }
      }
      if (input.type === 'count' && (!d.isInteger() || d.isNeg())) return bad('fact-count', { value: plain(d) });
      if (input.type === 'money' && d.isNeg() && !d.isZero() && !moneyMayBeNegative) {
        return bad('fact-negative', { value: plain(d), unit: input.unit });
      }
      // a value written with a percent sign is told in percent: "150%" is above the upper limit 100%
      const said = (x: Dec) => plain(fraction ? x : x.times(100));
      const percent = fraction ? {} : { percent: true as const };
      if (min !== null && d.lt(min)) return bad('fact-range', { bound: 'min', value: said(d), limit: said(min), ...percent });
      if (max !== null && d.gt(max)) return bad('fact-range', { bound: 'max', value: said(d), limit: said(max), ...percent });
      if (d.gt(LIMIT) || d.lt(MINUS_LIMIT)) return bad('fact-range', { bound: 'limit', value: plain(d) });
      return d;
    };
  }
  // an enum's allowed values, listed once here rather than at every read
  const allowed = input.options?.map((o) => o.value) ?? [];
  return (raw) => {
    const v = factValue(raw);
    if (v === null || v === undefined) return missing();
    return readOther(input, v, path, bad, allowed);
  };
}

function readOther(
  input: Input,
  v: unknown,
  path: string,
  bad: Bad,
  allowed: readonly string[],
): Value | Unreadable {
  if (input.type === 'boolean') {
    if (typeof v === 'boolean') return v;
    if (v === '是' || v === '否') return v === '是';
    return bad('fact-not-boolean', { value: JSON.stringify(v) });
  }
  if (input.type === 'enum') {
    if (typeof v !== 'string' || !allowed.includes(v)) {
      return bad('fact-enum', { allowed: [...allowed], value: JSON.stringify(v) });
    }
    return v;
  }
  if (input.type === 'text') {
    if (typeof v !== 'string') return bad('fact-not-text', { value: JSON.stringify(v) });
    return v;
  }
  // rows
  if (!Array.isArray(v)) return bad('fact-rows', { problem: 'not-array' });
  const issues: Issue[] = [];
  const named = { label: input.label, fact: input.id };
  v.forEach((row: unknown, i) => {
    const rowAt = { path: pointer(path, i), fact: input.id };
    if (!row || typeof row !== 'object') {
      issues.push(m.issue('fact-rows', { ...named, problem: 'not-object', row: i + 1 }, rowAt));
      return;
    }
    const r = row as Record<string, unknown>;
    for (const k of ROW_TEXT) {
      if (typeof r[k] !== 'string') issues.push(m.issue('fact-rows', { ...named, problem: 'text', row: i + 1, field: k }, { ...rowAt, path: pointer(path, i, k) }));
    }
    if (toPlainDec(r.points) === null) issues.push(m.issue('fact-rows', { ...named, problem: 'points', row: i + 1 }, { ...rowAt, path: pointer(path, i, 'points') }));
  });
  if (issues.length) return new Unreadable(issues);
  return v as TargetRowT[];
}
