/**
 * `Dec`, the engine's number: exact decimal arithmetic with decimal.js's API, at a small fraction of
 * its cost.
 *
 * A value is
 * - small: an exact rational n / q, n a safe integer (±0 keeps its sign), q a positive safe integer,
 *   both plain JS numbers (doubles hold every integer up to 2^53 − 1 exactly). Decimals read from
 *   facts and schemes have q = 10^k; a quotient has whatever denominator it needs (1/3 is 1 / 3).
 * - an exact BigRational N / Q in bigints (bigrational.ts): a result of exact operands that leaves
 *   the safe range — a sum of quotients whose denominators multiply past 2^53, a product of two large
 *   amounts, an integer power. Brought back small when it fits.
 * - a decimal.js Decimal (`Big`: 40 significant digits, ROUND_HALF_UP, toExpNeg −30, toExpPos 40 —
 *   the configuration the engine always had) for the rest: ±Infinity and NaN (x / 0); text or bigints
 *   read with more digits than a safe integer holds (as decimal.js reads them: it keeps and writes
 *   every digit, where a BigRational is written at 40); non-integer powers, integer powers past 2^16
 *   bits; and every operation with such an operand (the exact one converted as decimal.js would hold
 *   it: exactly if a decimal of at most 40 digits, else its 40-digit rounding, decimal.js's own
 *   quotient). A result that fits is brought back small.
 *
 * Exact by construction: every step on small values is integer arithmetic whose result is checked
 * against MAX_SAFE before it is trusted (int-ops.ts, rational.ts); what does not fit goes to bigints,
 * never to rounding. So + − × ÷, comparisons, integer powers and rounding to places (in every mode,
 * once, on the exact value) are exact on exact values. An exact value is written (toString, toFixed,
 * toNumber) as decimal.js writes it: a decimal of up to 40 significant digits as it is, anything else
 * as its 40 significant digits (ROUND_HALF_UP), as decimal.js writes a quotient (quotient.ts).
 *
 * So for exact decimal inputs every single operation gives decimal.js's result — same value, same
 * text, same ±0, same errors. Chains with division differ, and the exact answer is the right one:
 * decimal.js rounds every intermediate step to 40 digits, so its (1/3)·3 is 0.99…9 (forty nines), here
 * 1; its 34/24 × 6 is 8.50…02, here 8.5; and its 40th digit of a sum of quotients may be off by one,
 * as may a quotient it rounds past the 23rd significant digit, which it rounds twice (its 40-digit
 * quotient, then that). Rounding to more than 100 places is decimal.js's, of the 40-digit value. Values
 * are immutable; methods may return `this` or an argument unchanged.
 */
import type DecimalBase from 'decimal.js';
import { Big, bigFromRational, bigOf, narrowBig } from './big.ts';
import { BigRational, addExact, compareExact, isRational, mulExact, powExact, productOfSmall, roundExact, settle, sumOfSmall } from './bigrational.ts';
import { fixedDigits, plainDigits } from './digits.ts';
import { MAX_POW10, MAX_SAFE, POW10, exactDiv, pow10Big, pow10Exp } from './int-ops.ts';
import { PARSED, parseDecimalText, parseNumber } from './parse.ts';
import { quotientText } from './quotient.ts';
import { OUT, ROUNDED, UNCHANGED, addRational, compareRational, mulRational, powRational, roundRational } from './rational.ts';

/** What Dec reads: a Dec, a JS number, decimal text, a bigint or a decimal.js Decimal. */
export type DecValue = Dec | DecimalBase.Value;

/** What a value that is not small holds: an exact bigint rational, or a decimal.js value. */
export type Wide = BigRational | Big;

/** decimal.js rounding modes: ROUND_UP 0, DOWN 1, CEIL 2, FLOOR 3, HALF_UP 4 … HALF_FLOOR 8. */
export type Rounding = DecimalBase.Rounding;

const HALF_UP = 4;

/** Beyond this many places, rounding a non-decimal quotient is left to decimal.js. */
const BIGINT_PLACES = 100;

/** Marks Dec objects (on Dec.prototype); see isDec. */
const BRAND: unique symbol = Symbol('Dec');

/** Whether new Dec(v) holds every value as decimal.js (reference.ts). */
let referenceMode = false;

/**
 * For reference.ts only: while on, the constructor makes every Dec a decimal.js value (a Dec given
 * stays as it is), so that reference.ts's methods, which do everything in decimal.js, see decimal.js
 * values. Off, construction is as documented on the constructor.
 */
export function setReferenceConstruction(on: boolean): void {
  referenceMode = on;
}

export class Dec {
  declare readonly [BRAND]: true;

  static readonly ROUND_UP = 0 as const;
  static readonly ROUND_DOWN = 1 as const;
  static readonly ROUND_CEIL = 2 as const;
  static readonly ROUND_FLOOR = 3 as const;
  static readonly ROUND_HALF_UP = 4 as const;
  static readonly ROUND_HALF_DOWN = 5 as const;
  static readonly ROUND_HALF_EVEN = 6 as const;
  static readonly ROUND_HALF_CEIL = 7 as const;
  static readonly ROUND_HALF_FLOOR = 8 as const;

  /** Numerator of a small value (a safe integer; −0 for negative zero); 0 for a wide one. Read-only. */
  declare readonly n: number;
  /** Denominator of a small value (a positive safe integer); 0 for a wide one. Read-only. */
  declare readonly q: number;
  /** A wide value (not small): its exact BigRational, or its decimal.js Big; null for a small one. Read-only. */
  declare readonly b: Wide | null;

  /**
   * Reads a value as decimal.js does: a JS number as its shortest round-trip decimal (0.1 is exactly
   * one tenth), text with optional sign, fraction and exponent, "Infinity"/"NaN", hex/binary/octal
   * text, a bigint, a Dec or a decimal.js Decimal.
   * @throws Error "[DecimalError] Invalid argument: …" (decimal.js's) for anything else.
   */
  constructor(v: DecValue) {
    let n = 0;
    let q = 0;
    let b: Big | null = null;
    if (referenceMode) return isDec(v) ? v : new Raw(0, 0, new Big(v));
    if (typeof v === 'number') {
      if (Number.isInteger(v) && v <= MAX_SAFE && v >= -MAX_SAFE) {
        n = v;
        q = 1;
      } else if (v - v === 0 && parseNumber(v)) {
        n = PARSED.n;
        q = PARSED.q;
      } else b = new Big(v);
    } else if (typeof v === 'string') {
      if (parseDecimalText(v)) {
        n = PARSED.n;
        q = PARSED.q;
      } else b = new Big(v);
    } else if (isDec(v)) return v;
    else b = new Big(v);
    if (b !== null && narrowBig(b)) {
      n = PARSED.n;
      q = PARSED.q;
      b = null;
    }
    // every Dec is made by Raw (see there); returning it from the constructor stands for `this`
    return new Raw(n, q, b);
  }

  /** The least of the values (decimal.js's Decimal.min: NaN wins; of equal zeros, −0). @throws on none. */
  static min(...xs: DecValue[]): Dec {
    return maxOrMin(xs, 1);
  }

  /** The greatest of the values (decimal.js's Decimal.max: NaN wins; of equal zeros, +0). @throws on none. */
  static max(...xs: DecValue[]): Dec {
    return maxOrMin(xs, -1);
  }

  plus(y: DecValue): Dec {
    const o = isDec(y) ? y : new Dec(y);
    if (this.q === o.q && this.b === null && o.b === null) {
      const s = this.n + o.n;
      if (s <= MAX_SAFE && s >= -MAX_SAFE) return new Raw(s, this.q, null);
    }
    return sum(this, o, false);
  }

  minus(y: DecValue): Dec {
    const o = isDec(y) ? y : new Dec(y);
    if (this.q === o.q && this.b === null && o.b === null) {
      const s = this.n - o.n;
      if (s <= MAX_SAFE && s >= -MAX_SAFE) return new Raw(s, this.q, null);
    }
    return sum(this, o, true);
  }

  times(y: DecValue): Dec {
    const o = isDec(y) ? y : new Dec(y);
    if (this.b === null && o.b === null) {
      const n = this.n * o.n;
      const q = this.q * o.q;
      if (n <= MAX_SAFE && n >= -MAX_SAFE && q <= MAX_SAFE) return new Raw(n, q, null);
      if (mulRational(this.n, this.q, o.n, o.q)) return new Raw(OUT.n, OUT.q, null);
      // leaves the range: the exact product in bigints
      return exact(productOfSmall(this.n, this.q, o.n, o.q));
    }
    return product(this, o);
  }

  /**
   * this / y, exact for exact values (a rational, small or in bigints). x / 0 is ±Infinity and 0 / 0
   * NaN, decimal.js values that are not finite.
   */
  div(y: DecValue): Dec {
    const o = isDec(y) ? y : new Dec(y);
    if (this.b === null && o.b === null && o.n !== 0) {
      // (n1/q1) / (n2/q2) = n1·q2 / (q1·n2); equal denominators cancel
      const n = this.q === o.q ? this.n : this.n * o.q;
      const q = this.q === o.q ? o.n : this.q * o.n;
      if (n <= MAX_SAFE && n >= -MAX_SAFE && q <= MAX_SAFE && q >= -MAX_SAFE) return q < 0 ? new Raw(-n, -q, null) : new Raw(n, q, null);
      if (mulRational(this.n, this.q, o.q, o.n)) return new Raw(OUT.n, OUT.q, null);
      return exact(productOfSmall(this.n, this.q, o.q, o.n));
    }
    return quotient(this, o);
  }

  /**
   * this^y. Exact values to an integer power (|y| < 2^31) are exact: checked squaring, then bigints
   * (unless the result would pass 2^16 bits). Everything else is decimal.js's pow of the whole, rounded
   * as decimal.js rounds it.
   */
  pow(y: DecValue): Dec {
    const o = isDec(y) ? y : new Dec(y);
    if (o.b === null && o.q === 1 && o.n <= 0x7fffffff && o.n >= -0x7fffffff && isExact(this)) {
      const e = o.n;
      if (e === 0) return new Raw(1, 1, null);
      if (this.b === null) {
        // decimal.js: zero to any power is Math.pow's (±0, ±Infinity)
        if (this.n === 0) return new Dec(Math.pow(this.n, e));
        if (powRational(this.n, this.q, e < 0 ? -e : e)) return e > 0 ? new Raw(OUT.n, OUT.q, null) : reciprocal(null);
      }
      const r = powExact(numOf(this), denOf(this), e < 0 ? -e : e);
      if (r !== undefined) return e > 0 ? exact(r) : reciprocal(r);
    }
    return fromBig(toBig(this).pow(toBig(o)));
  }

  abs(): Dec {
    const b = this.b;
    if (b === null) return new Raw(Math.abs(this.n), this.q, null);
    if (isRational(b)) return b.N < 0n ? new Raw(0, 0, new BigRational(-b.N, b.Q)) : this;
    return new Raw(0, 0, b.abs());
  }

  neg(): Dec {
    const b = this.b;
    if (b === null) return new Raw(-this.n, this.q, null);
    return new Raw(0, 0, isRational(b) ? new BigRational(-b.N, b.Q) : b.neg());
  }

  /** 1, −1 or 0 as this is greater, less or equal (±0 are equal); NaN when either is NaN. */
  cmp(y: DecValue): number {
    return compareTo(this, y);
  }

  eq(y: DecValue): boolean {
    return compareTo(this, y) === 0;
  }

  gt(y: DecValue): boolean {
    return compareTo(this, y) > 0;
  }

  gte(y: DecValue): boolean {
    const k = compareTo(this, y);
    return k === 1 || k === 0;
  }

  lt(y: DecValue): boolean {
    return compareTo(this, y) < 0;
  }

  lte(y: DecValue): boolean {
    return compareTo(this, y) < 1;
  }

  isZero(): boolean {
    const b = this.b;
    // a BigRational is never zero
    return b === null ? this.n === 0 : !isRational(b) && b.isZero();
  }

  /** True for negative values and −0 (as decimal.js). */
  isNeg(): boolean {
    const b = this.b;
    if (b !== null) return isRational(b) ? b.N < 0n : b.isNeg();
    const n = this.n;
    return n < 0 || (n === 0 && 1 / n < 0);
  }

  isNegative(): boolean {
    return this.isNeg();
  }

  /** True for positive values and +0 (as decimal.js). */
  isPos(): boolean {
    const b = this.b;
    if (b !== null) return isRational(b) ? b.N > 0n : b.isPos();
    const n = this.n;
    return n > 0 || (n === 0 && 1 / n > 0);
  }

  isNaN(): boolean {
    const b = this.b;
    return b !== null && !isRational(b) && b.isNaN();
  }

  isFinite(): boolean {
    const b = this.b;
    return b === null || isRational(b) || b.isFinite();
  }

  isInteger(): boolean {
    const b = this.b;
    if (b !== null) return isRational(b) ? b.Q === 1n || b.N % b.Q === 0n : b.isInteger();
    return this.q === 1 || !Number.isNaN(exactDiv(this.n, this.q));
  }

  floor(): Dec {
    return this.toDecimalPlaces(0, 3);
  }

  ceil(): Dec {
    return this.toDecimalPlaces(0, 2);
  }

  /**
   * Rounded to `dp` decimal places under `rm` (default ROUND_HALF_UP); without dp, the value itself.
   * Exact values round exactly, once (remainder-checked integer division, in bigints if need be), up to
   * 100 places; the result is m / 10^dp. decimal.js values, and exact ones rounded to more than 100
   * places, are rounded by decimal.js.
   * @throws decimal.js's "[DecimalError] Invalid argument" for dp not an integer 0…1e9 or rm not 0…8.
   */
  toDecimalPlaces(dp?: number, rm?: Rounding): Dec {
    if (dp === undefined) return this;
    checkRounding(dp, rm);
    const mode = rm ?? HALF_UP;
    const b = this.b;
    if (b !== null) return isRational(b) ? roundInBigInts(this, b.N, b.Q, dp, mode) : fromBig(b.toDecimalPlaces(dp, mode));
    if (this.q === 1 || this.n === 0) return this;
    const r = roundRational(this.n, this.q, dp, mode);
    if (r === ROUNDED) return new Raw(OUT.n, OUT.q, null);
    return r === UNCHANGED ? this : roundInBigInts(this, BigInt(this.n), BigInt(this.q), dp, mode);
  }

  /** The value as the nearest double (as decimal.js's toNumber of the value toString writes; −0 stays −0). */
  toNumber(): number {
    const b = this.b;
    if (b === null) return this.n / this.q;
    return isRational(b) ? Number(quotientText(b.N, b.Q)) : b.toNumber();
  }

  /**
   * decimal.js's toString: no exponent between 1e−30 and 1e40 (small values always lie there), no
   * trailing zeros, "0" for −0; an exact value that is not a decimal of at most 40 significant digits
   * as its 40 significant digits (ROUND_HALF_UP), as decimal.js writes a quotient.
   */
  toString(): string {
    const b = this.b;
    if (b !== null) return isRational(b) ? quotientText(b.N, b.Q) : b.toString();
    const n = this.n;
    const q = this.q;
    if (q === 1) return String(n);
    const k = pow10Exp(q);
    if (k < 0) return n === 0 ? '0' : quotientText(BigInt(n), BigInt(q));
    return n < 0 ? `-${plainDigits(-n, k)}` : plainDigits(n, k);
  }

  /** decimal.js's valueOf / toJSON: toString, but "-0" for negative zero. */
  valueOf(): string {
    const b = this.b;
    if (b !== null) return isRational(b) ? quotientText(b.N, b.Q) : b.valueOf();
    return this.n === 0 && 1 / this.n < 0 ? '-0' : this.toString();
  }

  toJSON(): string {
    return this.valueOf();
  }

  /**
   * decimal.js's toFixed: without dp, the plain decimal (no exponent); with dp, exactly dp places
   * rounded under rm (default ROUND_HALF_UP), "-" when the value before rounding was negative and not
   * zero ("-0.00" for −0.001). @throws as toDecimalPlaces for a bad dp or rm.
   */
  toFixed(dp?: number, rm?: Rounding): string {
    if (dp === undefined) return this.b === null && pow10Exp(this.q) >= 0 ? this.toString() : toBig(this).toFixed();
    checkRounding(dp, rm);
    const sign = this.isNeg() && !this.isZero() ? '-' : '';
    const r = this.toDecimalPlaces(dp, rm);
    if (r.b === null) {
      const k = pow10Exp(r.q);
      if (k >= 0 && k <= dp) return sign + fixedDigits(Math.abs(r.n), k, dp);
    }
    return sign + toBig(r).abs().toFixed(dp);
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

interface RawConstructor {
  new (n: number, q: number, b: Wide | null): Dec;
  prototype: Dec;
}

/**
 * The one maker of Dec objects: a plain constructor function sharing Dec.prototype (so `instanceof Dec`
 * holds and every method applies). V8 then gives every Dec one hidden class, and results made inside
 * this module skip the public constructor's reading of its argument — together about half the cost of
 * a small operation. Takes n, q, b as they are (a small value: n, q, null; a wide one: 0, 0, its
 * BigRational or Big).
 * Not exported. (So Dec is not meant to be subclassed.)
 */
const Raw = function (this: { n: number; q: number; b: Wide | null }, n: number, q: number, b: Wide | null) {
  this.n = n;
  this.q = q;
  this.b = b;
} as unknown as RawConstructor;
Raw.prototype = Dec.prototype;
Object.defineProperty(Dec.prototype, BRAND, { value: true });
// One Dec with non-numbers in n and q, made once and dropped, so that V8 keeps those fields "tagged":
// a small integer then sits in the object itself. Left to see only numbers, V8 would store them as
// doubles, each in a separately allocated box — a third of the cost of a small operation.
new Raw(null as unknown as number, null as unknown as number, null);

/**
 * Whether v is a Dec (as `v instanceof Dec`). By a brand on the prototype rather than instanceof: V8
 * inlines this property test for every operand, whereas instanceof falls to its slow generic path
 * once the class's `name` has been redefined — which tsx and other keep-names builds do to every
 * class — making each operation twice as slow there.
 */
export function isDec(v: unknown): v is Dec {
  return v != null && (v as Dec)[BRAND] === true;
}

/**
 * A Dec as decimal.js holds it: a decimal.js value itself; an exact value exactly if it is a decimal
 * (of at most 40 significant digits, for a BigRational), else its 40-digit rounding (see bigOf,
 * bigFromRational) — the value decimal.js's own division would give.
 */
export function toBig(x: Dec): Big {
  const b = x.b;
  if (b === null) return bigOf(x.n, x.q);
  return isRational(b) ? bigFromRational(b.N, b.Q) : b;
}

/** A Big result as a Dec: small when it fits exactly, else held as it is. */
function fromBig(b: Big): Dec {
  return narrowBig(b) ? new Raw(PARSED.n, PARSED.q, null) : new Raw(0, 0, b);
}

/** An answer of bigrational.ts as a Dec: null is the small value in OUT. */
function exact(r: BigRational | null): Dec {
  return r === null ? new Raw(OUT.n, OUT.q, null) : new Raw(0, 0, r);
}

/** 1 / (that answer), for negative powers (the value is not zero). */
function reciprocal(r: BigRational | null): Dec {
  if (r === null) return OUT.n < 0 ? new Raw(-OUT.q, -OUT.n, null) : new Raw(OUT.q, OUT.n, null);
  return new Raw(0, 0, r.N < 0n ? new BigRational(-r.Q, -r.N) : new BigRational(r.Q, r.N));
}

/** Whether x is exact: small, or a BigRational (not a decimal.js value). */
function isExact(x: Dec): boolean {
  return x.b === null || isRational(x.b);
}

/** The numerator of an exact value as a bigint (±0 is 0n). */
function numOf(x: Dec): bigint {
  return x.b === null ? BigInt(x.n) : (x.b as BigRational).N;
}

/** The denominator of an exact value as a bigint. */
function denOf(x: Dec): bigint {
  return x.b === null ? BigInt(x.q) : (x.b as BigRational).Q;
}

/** Whether x is a small zero (±0; a zero is always small). */
function isSmallZero(x: Dec): boolean {
  return x.b === null && x.n === 0;
}

/** The zero of a product or quotient: −0 when the signs of its operands differ (decimal.js). */
function zeroOf(x: Dec, y: Dec): Dec {
  return new Raw(x.isNeg() !== y.isNeg() ? -0 : 0, 1, null);
}

/** x + y, or x − y when `minus`, off the fast path (denominators differ, or a value is wide). */
function sum(x: Dec, y: Dec, minus: boolean): Dec {
  if (x.b === null && y.b === null) {
    const n2 = minus ? -y.n : y.n;
    if (addRational(x.n, x.q, n2, y.q)) return new Raw(OUT.n, OUT.q, null);
    return exact(sumOfSmall(x.n, x.q, n2, y.q));
  }
  if (isExact(x) && isExact(y)) {
    // a BigRational is not zero: x ± 0 is x, 0 − y is −y (as decimal.js)
    if (isSmallZero(y)) return x;
    if (isSmallZero(x)) return minus ? y.neg() : y;
    const N2 = numOf(y);
    return exact(addExact(numOf(x), denOf(x), minus ? -N2 : N2, denOf(y)));
  }
  return fromBig(minus ? toBig(x).minus(toBig(y)) : toBig(x).plus(toBig(y)));
}

/** x · y when a value is wide. */
function product(x: Dec, y: Dec): Dec {
  if (!isExact(x) || !isExact(y)) return fromBig(toBig(x).times(toBig(y)));
  if (isSmallZero(x) || isSmallZero(y)) return zeroOf(x, y);
  return exact(mulExact(numOf(x), denOf(x), numOf(y), denOf(y)));
}

/** x / y when a value is wide or y is zero (x / 0 is decimal.js's: ±Infinity, NaN). */
function quotient(x: Dec, y: Dec): Dec {
  if (!isExact(x) || !isExact(y) || isSmallZero(y)) return fromBig(toBig(x).div(toBig(y)));
  if (isSmallZero(x)) return zeroOf(x, y);
  // x · (Q2 / N2), the sign of N2 moved to the numerator
  const N2 = numOf(y);
  const N1 = numOf(x);
  return exact(N2 < 0n ? mulExact(-N1, denOf(x), denOf(y), -N2) : mulExact(N1, denOf(x), denOf(y), N2));
}

/** x.cmp(y): integers such as the 0 of `d.lt(0)` are compared without being made into a Dec. */
function compareTo(x: Dec, y: DecValue): number {
  if (isDec(y)) return x.b === null && y.b === null ? compareRational(x.n, x.q, y.n, y.q) : compare(x, y);
  if (typeof y === 'number' && x.b === null && Number.isInteger(y)) {
    const c = y * x.q;
    if (c <= MAX_SAFE && c >= -MAX_SAFE) return x.n > c ? 1 : x.n < c ? -1 : 0;
  }
  return compare(x, new Dec(y));
}

/** Three-way comparison (decimal.js's cmp; NaN when either is NaN), exact for exact values. */
function compare(x: Dec, y: Dec): number {
  if (x.b === null && y.b === null) return compareRational(x.n, x.q, y.n, y.q);
  if (isExact(x) && isExact(y)) return compareExact(numOf(x), denOf(x), numOf(y), denOf(y));
  return toBig(x).cmp(toBig(y));
}

/** decimal.js's sign of a value: 1, −1 (for −0 too) or NaN. */
function signOf(x: Dec): number {
  const b = x.b;
  if (b !== null) return isRational(b) ? (b.N > 0n ? 1 : -1) : b.s;
  return x.n > 0 || (x.n === 0 && 1 / x.n > 0) ? 1 : -1;
}

/** decimal.js's maxOrMin: n = 1 for min, −1 for max. */
function maxOrMin(args: readonly DecValue[], n: number): Dec {
  const a0 = args[0] as DecValue; // undefined throws in Dec's constructor, as in decimal.js
  let x = isDec(a0) ? a0 : new Dec(a0);
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    const y = isDec(a) ? a : new Dec(a);
    if (y.isNaN()) return y;
    const k = compare(x, y);
    if (k === n || (k === 0 && signOf(x) === n)) x = y;
  }
  return x;
}

/** Throws decimal.js's own error for a dp or rounding mode it refuses (its checkInt32). */
function checkRounding(dp: number, rm: number | undefined): void {
  if (dp !== ~~dp || dp < 0 || dp > 1e9 || (rm !== undefined && (rm !== ~~rm || rm < 0 || rm > 8))) {
    new Big(0).toDecimalPlaces(dp, rm as Rounding);
  }
}

const SAFE_BIG = BigInt(MAX_SAFE);

/**
 * The exact rounding of the exact value x = N / Q to dp places, in bigints: for a BigRational, or a
 * small value whose safe-integer steps overflow. Beyond BIGINT_PLACES, decimal.js's rounding of toBig(x).
 */
function roundInBigInts(x: Dec, N: bigint, Q: bigint, dp: number, rm: number): Dec {
  if (dp > BIGINT_PLACES) return fromBig(toBig(x).toDecimalPlaces(dp, rm as Rounding));
  const m = roundExact(N, Q, dp, rm);
  if (m < 0n) return x;
  const neg = N < 0n;
  if (dp <= MAX_POW10 && m <= SAFE_BIG) return new Raw(neg ? -Number(m) : Number(m), POW10[dp]!, null);
  if (m === 0n) return new Raw(neg ? -0 : 0, 1, null);
  return exact(settle(neg ? -m : m, pow10Big(dp)));
}
