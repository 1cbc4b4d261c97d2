/**
 * The operator registry (比较运算): every operator a condition `{ fact, operator, value }` may use, one
 * definition each, the way json-rules-engine declares `new Operator(name, cb, factValueValidator)`. A
 * definition says which fact types it applies to, what value it takes (`single`: a literal of the fact's
 * type or another fact `{ "fact": … }`; `list`: an array of literals) and how it decides, on values the
 * engine has already read exactly (numbers as `Dec`, so 0.1 + 0.2 equals 0.3).
 *
 * The names are json-rules-engine's. The scheme check (`checkCondition`), the compiler
 * (`compileCondition`), the Chinese rendering and the editor's operator menu all read this one table.
 * Browser-safe: no imports at run time.
 */
import type { Dec } from '../decimal/dec.ts';
import type { ConditionFactType } from './fact-types.ts';

/** A value a condition compares, as read for the fact's type: a number (exact), yes/no, or text. */
export type Scalar = Dec | boolean | string;

interface OperatorBase<N extends string> {
  /** The json-rules-engine name written in scheme documents, e.g. `greaterThanInclusive`. */
  readonly name: N;
  /** Chinese name for messages and menus, e.g. 大于等于. */
  readonly zh: string;
  /** The sign used when a condition is rendered as Chinese text, e.g. ≥. */
  readonly symbol: string;
  /** The fact types this operator applies to. */
  readonly factTypes: readonly ConditionFactType[];
}

/** An operator comparing the fact with one value: a literal of the fact's type, or another fact. */
export interface SingleOperator<N extends string = string> extends OperatorBase<N> {
  readonly takes: 'single';
  /** Whether the condition holds for the fact's value `a` and the condition's value `b` (same type). */
  test(a: Scalar, b: Scalar): boolean;
}

/** An operator comparing the fact with a list of literals of the fact's type (`in`, `notIn`). */
export interface ListOperator<N extends string = string> extends OperatorBase<N> {
  readonly takes: 'list';
  /** Whether the condition holds for the fact's value `a` and the condition's list `list`. */
  test(a: Scalar, list: readonly Scalar[]): boolean;
}

/** One operator definition. */
export type OperatorDef<N extends string = string> = SingleOperator<N> | ListOperator<N>;

const NUMERIC: readonly ConditionFactType[] = ['number', 'percent', 'money', 'count'];
const ANY: readonly ConditionFactType[] = [...NUMERIC, 'boolean', 'enum', 'text'];
const LISTABLE: readonly ConditionFactType[] = [...NUMERIC, 'enum', 'text'];

/** Equality of two read values: numbers by exact value ("2.0" equals 2), others by identity. */
function same(a: Scalar, b: Scalar): boolean {
  return typeof a === 'object' && typeof b === 'object' ? a.eq(b) : a === b;
}

/** The order of two numbers (−1, 0, 1); null when either is not a number (never after the check). */
function order(a: Scalar, b: Scalar): number | null {
  return typeof a === 'object' && typeof b === 'object' ? a.cmp(b) : null;
}

function ordering<N extends string>(name: N, zh: string, symbol: string, holds: (c: number) => boolean): SingleOperator<N> {
  return {
    name,
    zh,
    symbol,
    factTypes: NUMERIC,
    takes: 'single',
    test(a, b) {
      const c = order(a, b);
      return c !== null && holds(c);
    },
  };
}

/** Every operator, in the order menus offer them. */
export const OPERATORS = [
  { name: 'equal', zh: '等于', symbol: '=', factTypes: ANY, takes: 'single', test: same } satisfies SingleOperator<'equal'>,
  { name: 'notEqual', zh: '不等于', symbol: '≠', factTypes: ANY, takes: 'single', test: (a, b) => !same(a, b) } satisfies SingleOperator<'notEqual'>,
  ordering('greaterThanInclusive', '大于等于', '≥', (c) => c >= 0),
  ordering('greaterThan', '大于', '>', (c) => c > 0),
  ordering('lessThanInclusive', '小于等于', '≤', (c) => c <= 0),
  ordering('lessThan', '小于', '<', (c) => c < 0),
  { name: 'in', zh: '属于', symbol: '属于', factTypes: LISTABLE, takes: 'list', test: (a, list) => list.some((b) => same(a, b)) } satisfies ListOperator<'in'>,
  { name: 'notIn', zh: '不属于', symbol: '不属于', factTypes: LISTABLE, takes: 'list', test: (a, list) => !list.some((b) => same(a, b)) } satisfies ListOperator<'notIn'>,
] as const;

/** The name of a known operator. */
export type OperatorName = (typeof OPERATORS)[number]['name'];

/** Every operator name, in menu order (for the JSON Schema's `examples` and messages). */
export const OPERATOR_NAMES: readonly OperatorName[] = OPERATORS.map((o) => o.name);

const BY_NAME: ReadonlyMap<string, OperatorDef> = new Map(OPERATORS.map((o) => [o.name, o as OperatorDef]));

/** The definition of an operator name, or undefined for a name that is not an operator. */
export function operatorDef(name: string): OperatorDef | undefined {
  return BY_NAME.get(name);
}

/** The operators that apply to a fact type (none for `rows` or an unknown type), in menu order. */
export function operatorsFor(type: string | undefined): OperatorDef[] {
  return OPERATORS.filter((o) => (o.factTypes as readonly string[]).includes(type ?? '')) as OperatorDef[];
}

/** "equal（等于）、notEqual（不等于）", for messages that list operators. */
export function operatorList(defs: readonly OperatorDef[]): string {
  return defs.map((o) => `${o.name}（${o.zh}）`).join('、');
}
