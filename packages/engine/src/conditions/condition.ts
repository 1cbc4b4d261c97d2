/**
 * Conditions in json-rules-engine's condition JSON (all / any / not / { fact, operator, value }), compiled
 * by jixiao itself into a predicate — json-rules-engine does not run them. Each operator is a definition
 * in the registry (operators.ts); numbers compare decimal-exactly (0.1 + 0.2 equals 0.3 here). A
 * differential property test (test/conditions-vs-json-rules-engine.test.ts) checks the compiled predicates
 * against json-rules-engine with decimal-exact operators registered by `engine.addOperator`.
 */
import type { Condition } from '../format/scheme-types.ts';
import type { EvalContext } from '../evaluate/context.ts';
import { isNumericType, readLiteral } from './fact-types.ts';
import { operatorDef, type Scalar } from './operators.ts';

export type Predicate = (ctx: EvalContext) => boolean;

/** Every fact/metric id a condition reads. */
export function conditionRefs(c: Condition): string[] {
  if ('all' in c) return c.all.flatMap(conditionRefs);
  if ('any' in c) return c.any.flatMap(conditionRefs);
  if ('not' in c) return conditionRefs(c.not);
  const refs = [c.fact];
  if (c.value && typeof c.value === 'object' && !Array.isArray(c.value)) refs.push(c.value.fact);
  return refs;
}

/** How a fact of a declared type is read while evaluating: a number, a yes/no, or text. */
function reader(id: string, type: string | undefined): (ctx: EvalContext) => Scalar {
  if (type !== undefined && isNumericType(type)) return (ctx) => ctx.num(id);
  if (type === 'boolean') return (ctx) => ctx.bool(id);
  if (type === 'enum' || type === 'text') return (ctx) => ctx.text(id);
  throw new Error(`condition on "${id}" of type ${String(type)}: not checked (checkCondition refuses it)`);
}

/** A literal read for the fact's type; the check has refused every literal that does not read. */
function literal(type: string, v: unknown): Scalar {
  const r = readLiteral(type, v);
  if (r === null) throw new Error(`condition value ${JSON.stringify(v)} for a ${type}: not checked (checkCondition refuses it)`);
  return r;
}

/**
 * Compiles a condition the scheme check (`checkCondition`) has accepted. The fact's declared type decides
 * how it is read (numbers exactly, yes/no, text); the operator's definition decides.
 * @throws Error for a condition the check refuses (a defect: compile runs only on validated schemes).
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
  const { fact, value } = c;
  const op = operatorDef(c.operator);
  const type = typeOf(fact);
  if (!op || type === undefined || !(op.factTypes as readonly string[]).includes(type)) {
    throw new Error(`condition ${JSON.stringify(c)}: not checked (checkCondition refuses it)`);
  }
  const read = reader(fact, type);
  if (op.takes === 'list') {
    if (!Array.isArray(value)) throw new Error(`condition ${JSON.stringify(c)}: ${op.name} needs a list`);
    const list = value.map((v) => literal(type, v));
    return (ctx) => op.test(read(ctx), list);
  }
  if (Array.isArray(value)) throw new Error(`condition ${JSON.stringify(c)}: ${op.name} takes one value`);
  if (typeof value === 'object' && value !== null) {
    const other = reader(value.fact, typeOf(value.fact));
    return (ctx) => op.test(read(ctx), other(ctx));
  }
  const bound = literal(type, value);
  return (ctx) => op.test(read(ctx), bound);
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
  return `${label(c.fact)}${operatorDef(c.operator)?.symbol ?? c.operator}${rhs}`;
}
