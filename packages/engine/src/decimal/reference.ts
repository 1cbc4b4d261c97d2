/**
 * Reference mode, for tests: `withDecimalReference(fn)` runs fn with every `Dec` operation done by
 * decimal.js alone — precision 40, ROUND_HALF_UP, every result rounded to 40 significant digits — as
 * the engine computed before Dec existed, so that a test can score the same case both ways
 * (test/exact-vs-decimal.test.ts).
 *
 * How: for the duration, Dec.prototype's methods (and Dec.min, Dec.max) are replaced by ones that
 * convert their operands with toBig (exact for decimals; a value made before, such as a compiled
 * scheme's constants, as decimal.js would hold it) and answer decimal.js's result, held as it is; and
 * the constructor holds every value read as decimal.js (exact.ts, setReferenceConstruction). Outside
 * the hook nothing of this is left and nothing costs anything. Synchronous code only: the methods are
 * restored when fn returns, before any promise it returns settles.
 */
import type DecimalBase from 'decimal.js';
import { Big } from './big.ts';
import { Dec, isDec, setReferenceConstruction, toBig, type DecValue, type Rounding } from './exact.ts';

/** Every method of a Dec, by name (the type makes REFERENCE name them all). */
type Methods = { [K in keyof Dec as K extends string ? (Dec[K] extends (...args: never[]) => unknown ? K : never) : never]: Dec[K] };

/** An operand as decimal.js reads it: a Dec as toBig gives it, anything else as new Big(v). */
const arg = (v: DecValue): Big => (isDec(v) ? toBig(v) : new Big(v as DecimalBase.Value));

/** A decimal.js result as a Dec (the constructor, in reference mode, holds it as it is). */
const wrap = (b: Big): Dec => new Dec(b);

const REFERENCE: Methods = {
  plus(this: Dec, y: DecValue) {
    return wrap(toBig(this).plus(arg(y)));
  },
  minus(this: Dec, y: DecValue) {
    return wrap(toBig(this).minus(arg(y)));
  },
  times(this: Dec, y: DecValue) {
    return wrap(toBig(this).times(arg(y)));
  },
  div(this: Dec, y: DecValue) {
    return wrap(toBig(this).div(arg(y)));
  },
  pow(this: Dec, y: DecValue) {
    return wrap(toBig(this).pow(arg(y)));
  },
  abs(this: Dec) {
    return wrap(toBig(this).abs());
  },
  neg(this: Dec) {
    return wrap(toBig(this).neg());
  },
  cmp(this: Dec, y: DecValue) {
    return toBig(this).cmp(arg(y));
  },
  eq(this: Dec, y: DecValue) {
    return toBig(this).eq(arg(y));
  },
  gt(this: Dec, y: DecValue) {
    return toBig(this).gt(arg(y));
  },
  gte(this: Dec, y: DecValue) {
    return toBig(this).gte(arg(y));
  },
  lt(this: Dec, y: DecValue) {
    return toBig(this).lt(arg(y));
  },
  lte(this: Dec, y: DecValue) {
    return toBig(this).lte(arg(y));
  },
  isZero(this: Dec) {
    return toBig(this).isZero();
  },
  isNeg(this: Dec) {
    return toBig(this).isNeg();
  },
  isNegative(this: Dec) {
    return toBig(this).isNeg();
  },
  isPos(this: Dec) {
    return toBig(this).isPos();
  },
  isNaN(this: Dec) {
    return toBig(this).isNaN();
  },
  isFinite(this: Dec) {
    return toBig(this).isFinite();
  },
  isInteger(this: Dec) {
    return toBig(this).isInteger();
  },
  floor(this: Dec) {
    return wrap(toBig(this).floor());
  },
  ceil(this: Dec) {
    return wrap(toBig(this).ceil());
  },
  toDecimalPlaces(this: Dec, dp?: number, rm?: Rounding) {
    if (dp === undefined) return this;
    const b = toBig(this);
    return wrap(rm === undefined ? b.toDecimalPlaces(dp) : b.toDecimalPlaces(dp, rm));
  },
  toNumber(this: Dec) {
    return toBig(this).toNumber();
  },
  toString(this: Dec) {
    return toBig(this).toString();
  },
  valueOf(this: Dec) {
    return toBig(this).valueOf();
  },
  toJSON(this: Dec) {
    return toBig(this).valueOf();
  },
  toFixed(this: Dec, dp?: number, rm?: Rounding) {
    const b = toBig(this);
    return dp === undefined ? b.toFixed() : rm === undefined ? b.toFixed(dp) : b.toFixed(dp, rm);
  },
};

const STATICS = {
  min: (...xs: DecValue[]): Dec => wrap(Big.min(...xs.map(arg))),
  max: (...xs: DecValue[]): Dec => wrap(Big.max(...xs.map(arg))),
};

let active = false;

/**
 * Runs fn with every Dec operation done by decimal.js alone (see the file comment) and returns its
 * result; values made inside keep their decimal.js form afterwards. Nested calls run inside the
 * outer one. Not for production code: it swaps the methods of Dec.prototype while it runs.
 * @throws whatever fn throws (after restoring Dec).
 */
export function withDecimalReference<T>(fn: () => T): T {
  if (active) return fn();
  const proto = Dec.prototype as unknown as Record<string, unknown>;
  const statics = Dec as unknown as Record<string, unknown>;
  const saved = new Map<string, PropertyDescriptor>();
  const savedStatics = new Map<string, PropertyDescriptor>();
  for (const [k, v] of Object.entries(REFERENCE)) {
    saved.set(k, Object.getOwnPropertyDescriptor(proto, k)!);
    Object.defineProperty(proto, k, { value: v, writable: true, configurable: true, enumerable: false });
  }
  for (const [k, v] of Object.entries(STATICS)) {
    savedStatics.set(k, Object.getOwnPropertyDescriptor(statics, k)!);
    Object.defineProperty(statics, k, { value: v, writable: true, configurable: true, enumerable: false });
  }
  active = true;
  setReferenceConstruction(true);
  try {
    return fn();
  } finally {
    setReferenceConstruction(false);
    active = false;
    for (const [k, d] of saved) Object.defineProperty(proto, k, d);
    for (const [k, d] of savedStatics) Object.defineProperty(statics, k, d);
  }
}

/** The names of the methods reference mode replaces (for a test that none of Dec's is left out). */
export const REFERENCE_METHODS: readonly string[] = Object.keys(REFERENCE);
