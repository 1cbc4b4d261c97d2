/**
 * The fact types a condition can compare, how a literal of each type is read, and which two facts may be
 * compared with each other (`{ "fact": "实际采购金额", "operator": "greaterThan", "value": { "fact": "采购计划金额" } }`).
 *
 * A literal is read exactly as a fact of that type is read from a case: a percent is a fraction (0.95) or
 * a string with a percent sign ("95%"); other numbers are JSON numbers or decimal strings, never with a
 * percent sign ("50%" of money is not 0.5 万元); a yes/no is `true`/`false`; an enum or text value is a string.
 */
import { toDec, toPlainDec } from '../decimal/dec.ts';
import type { Input } from '../format/scheme-types.ts';
import type { Scalar } from './operators.ts';

/** A declared type a condition may compare: every input/metric type except indicator rows. */
export type ConditionFactType = Exclude<Input['type'], 'rows'>;

const NUMERIC = new Set<string>(['number', 'percent', 'money', 'count']);

/** Whether a declared type is numeric (number, percent, money, count). */
export function isNumericType(type: string): boolean {
  return NUMERIC.has(type);
}

/**
 * A condition's literal read for a fact of `type`: a `Dec` for numeric types, a boolean for yes/no, the
 * string for enum and text. @returns null when the literal is not a value of that type ("九成" for a
 * percent, "true" for a yes/no, a number for text).
 */
export function readLiteral(type: string, v: unknown): Scalar | null {
  if (type === 'percent') return toDec(v);
  if (NUMERIC.has(type)) return toPlainDec(v);
  if (type === 'boolean') return typeof v === 'boolean' ? v : null;
  if (type === 'enum' || type === 'text') return typeof v === 'string' ? v : null;
  return null;
}

/** The declarations a comparison of two facts needs: types, and money units of declared inputs. */
export interface FactDecls {
  typeOf(id: string): string | undefined;
  inputs: ReadonlyMap<string, Pick<Input, 'unit'>>;
}

/**
 * The declared types a fact of type `t` may be compared with (`value: { "fact": … }`): a plain number with
 * any number; a count, percent or money with its own type or a plain number; yes/no with yes/no; enum and
 * text with each other. None for indicator rows or an unknown type.
 */
export function comparableTypes(t: string | undefined): string[] {
  if (t === undefined) return [];
  if (NUMERIC.has(t)) return t === 'number' ? [...NUMERIC] : [t, 'number'];
  if (t === 'enum' || t === 'text') return ['enum', 'text'];
  return t === 'boolean' ? ['boolean'] : [];
}

/**
 * Why fact `a` cannot be compared with fact `b`, or null when it can: their types are not comparable
 * (`comparableTypes`), or both are money inputs declaring different units (元 is not 万元).
 */
export function incomparable(a: string, b: string, decls: FactDecls): 'type' | 'unit' | null {
  const ta = decls.typeOf(a);
  const tb = decls.typeOf(b);
  if (tb === undefined || !comparableTypes(ta).includes(tb)) return 'type';
  if (ta === 'money' && tb === 'money') {
    const ua = decls.inputs.get(a)?.unit;
    const ub = decls.inputs.get(b)?.unit;
    if (ua !== undefined && ub !== undefined && ua !== ub) return 'unit';
  }
  return null;
}
