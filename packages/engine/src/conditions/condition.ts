/**
 * Conditions in json-rules-engine's JSON (all / any / not / { fact, operator, value }), compiled once
 * into a predicate. Operators keep json-rules-engine's names but compare numbers decimal-exactly
 * (0.1 + 0.2 equals 0.3 here).
 */
import type { Condition } from '../format/scheme-types.ts';
import type { EvalContext } from '../evaluate/context.ts';
import { toDec, type Dec } from '../decimal/dec.ts';

export type Predicate = (ctx: EvalContext) => boolean;

const SYMBOL: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: '属于',
  notIn: '不属于',
};

/** Every fact/metric id a condition reads. */
export function conditionRefs(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(conditionRefs);
  if ('any' in c) return c.any.flatMap(conditionRefs);
  if ('not' in c) return conditionRefs(c.not);
  const refs = [c.fact];
  if (c.value && typeof c.value === 'object' && !Array.isArray(c.value)) refs.push(c.value.fact);
  return refs;
}

/** Compares two decimals with a json-rules-engine operator name. */
function compareNum(op: string, a: Dec, b: Dec): boolean {
  switch (op) {
    case 'equal':
      return a.eq(b);
    case 'notEqual':
      return !a.eq(b);
    case 'lessThan':
      return a.lt(b);
    case 'lessThanInclusive':
      return a.lte(b);
    case 'greaterThan':
      return a.gt(b);
    case 'greaterThanInclusive':
      return a.gte(b);
    default:
      return false;
  }
}

/**
 * Compiles a condition. The fact's declared type decides the comparison: numbers decimal-exactly,
 * booleans and enum/text by equality (`in`/`notIn` against a list).
 */
export function compileCondition(c: Condition, typeOf: (id: string) => string | undefined): Predicate {
  if ('all' in c) {
    const subs = c.all.map((x) => compileCondition(x, typeOf));
    return (ctx) => subs.every((p) => p(ctx));
  }
  if ('any' in c) {
    const subs = c.any.map((x) => compileCondition(x, typeOf));
    return (ctx) => subs.some((p) => p(ctx));
  }
  if ('not' in c) {
    const sub = compileCondition(c.not, typeOf);
    return (ctx) => !sub(ctx);
  }
  const { fact, operator, value } = c;
  const t = typeOf(fact);
  if (t === 'boolean') {
    const want = value;
    return (ctx) => {
      const v = ctx.bool(fact);
      if (operator === 'equal') return v === want;
      if (operator === 'notEqual') return v !== want;
      return false;
    };
  }
  if (t === 'enum' || t === 'text') {
    return (ctx) => {
      const v = ctx.text(fact);
      if (operator === 'equal') return v === String(value);
      if (operator === 'notEqual') return v !== String(value);
      if (operator === 'in') return Array.isArray(value) && value.map(String).includes(v);
      if (operator === 'notIn') return Array.isArray(value) && !value.map(String).includes(v);
      return false;
    };
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const other = value.fact;
    return (ctx) => compareNum(operator, ctx.num(fact), ctx.num(other));
  }
  if (Array.isArray(value)) {
    const list = value.map((v) => toDec(v)).filter((d): d is Dec => d !== null);
    return (ctx) => {
      const v = ctx.num(fact);
      const hit = list.some((d) => d.eq(v));
      return operator === 'in' ? hit : operator === 'notIn' ? !hit : false;
    };
  }
  const bound = toDec(value);
  return (ctx) => (bound === null ? false : compareNum(operator, ctx.num(fact), bound));
}

/** Renders a condition in Chinese: "实际采购金额 > 采购计划金额", "满意度 ≥ 95%". */
export function renderCondition(c: Condition, label: (id: string) => string, showValue: (id: string, v: unknown) => string): string {
  if ('all' in c) return c.all.map((x) => renderCondition(x, label, showValue)).join('且');
  if ('any' in c) return c.any.map((x) => renderCondition(x, label, showValue)).join('或');
  if ('not' in c) return `并非（${renderCondition(c.not, label, showValue)}）`;
  const v = c.value;
  const rhs =
    v && typeof v === 'object' && !Array.isArray(v)
      ? label(v.fact)
      : Array.isArray(v)
        ? `{${v.map((x) => showValue(c.fact, x)).join('、')}}`
        : showValue(c.fact, v);
  if (typeof v === 'boolean') return v === (c.operator === 'equal') ? label(c.fact) : `未${label(c.fact)}`;
  return `${label(c.fact)}${SYMBOL[c.operator] ?? c.operator}${rhs}`;
}
