/**
 * `Dec`, the engine's number: exact decimal arithmetic with decimal.js's API and results, at a small
 * fraction of its cost.
 *
 * A value is either
 * - small: an exact rational n / q, n a safe integer (±0 keeps its sign), q a positive safe integer,
 *   both plain JS numbers (doubles hold every integer up to 2^53 − 1 exactly). Decimals read from
 *   facts and schemes have q = 10^k; a quotient has whatever denominator it needs (1/3 is 1 / 3).
 * - big: a decimal.js Decimal (`Big`: 40 significant digits, ROUND_HALF_UP, toExpNeg −30, toExpPos 40 —
 *   the configuration the engine always had), for values beyond the safe range, ±Infinity and NaN
 *   (x / 0), and whatever cannot be done exactly and cheaply.
 *
 * Exact by construction: every step on small values is integer arithmetic whose result is checked
 * against MAX_SAFE before it is trusted (int-ops.ts: a sum or product of safe integers is exact iff its
 * computed magnitude is ≤ MAX_SAFE; rational.ts). A sum, product or quotient of small values that
 * leaves the range is computed exactly in bigints and rounded once to 40 digits (big.ts); an operation
 * with a big operand is decimal.js's, the small one converted as decimal.js would hold it (exactly for
 * q = 10^k; for a quotient a/b, decimal.js's own a.div(b)). A big result that fits is brought back
 * small. Quotients that are not decimals are compared and rounded exactly, and written (toString)
 * as decimal.js writes the 40-digit quotient.
 *
 * So for exact decimal inputs every result equals decimal.js's — same value, same text, same ±0, same
 * errors — including a single division. Chains with division are never less exact: (1/3)·3 is 1 here,
 * 0.99…9 (forty nines) in decimal.js, and a quotient rounded past its 23rd significant digit (or
 * compared with a decimal of more digits) may differ from decimal.js in the last place, where
 * decimal.js rounds its 40-digit rounding of the quotient a second time. Values are immutable; methods
 * may return `this` or an argument unchanged.
 */
import type DecimalBase from 'decimal.js';
import { Big, bigOf, bigProduct, bigQuotient, bigSum, narrowBig } from './big.ts';
import { fixedDigits, plainDigits } from './digits.ts';
import { MAX_POW10, MAX_SAFE, POW10, exactDiv, pow10Exp, roundDivBig } from './int-ops.ts';
import { PARSED, parseDecimalText, parseNumber } from './parse.ts';
import { OUT, ROUNDED, UNCHANGED, addRational, compareRational, mulRational, powRational, roundRational } from './rational.ts';

/** What Dec reads: a Dec, a JS number, decimal text, a bigint or a decimal.js Decimal. */
export type DecValue = Dec | DecimalBase.Value;

/** decimal.js rounding modes: ROUND_UP 0, DOWN 1, CEIL 2, FLOOR 3, HALF_UP 4 … HALF_FLOOR 8. */
export type Rounding = DecimalBase.Rounding;

const HALF_UP = 4;

/** Beyond this many places, rounding a non-decimal quotient is left to decimal.js. */
const BIGINT_PLACES = 100;

/** Marks Dec objects (on Dec.prototype); see isDec. */
const BRAND: unique symbol = Symbol('Dec');

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

  /** Numerator of a small value (a safe integer; −0 for negative zero); 0 for a big one. Read-only. */
  declare readonly n: number;
  /** Denominator of a small value (a positive safe integer); 0 for a big one. Read-only. */
  declare readonly q: number;
  /** The decimal.js value of a big one; null for a small one. Read-only. */
  declare readonly b: Big | null;

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
      // leaves the range: the exact product, rounded once to 40 digits as decimal.js rounds it
      return fromBig(bigProduct(this.n, this.q, o.n, o.q));
    }
    return fromBig(toBig(this).times(toBig(o)));
  }

  /**
   * this / y, exact for small values (a rational; its 40-digit rounding, as decimal.js would give, if
   * it leaves the range). x / 0 is ±Infinity and 0 / 0 NaN, big values that are not finite.
   */
  div(y: DecValue): Dec {
    const o = isDec(y) ? y : new Dec(y);
    if (this.b === null && o.b === null && o.n !== 0) {
      // (n1/q1) / (n2/q2) = n1·q2 / (q1·n2); equal denominators cancel
      const n = this.q === o.q ? this.n : this.n * o.q;
      const q = this.q === o.q ? o.n : this.q * o.n;
      if (n <= MAX_SAFE && n >= -MAX_SAFE && q <= MAX_SAFE && q >= -MAX_SAFE) return q < 0 ? new Raw(-n, -q, null) : new Raw(n, q, null);
      if (mulRational(this.n, this.q, o.q, o.n)) return new Raw(OUT.n, OUT.q, null);
      return fromBig(bigQuotient(this.n, this.q, o.n, o.q));
    }
    return fromBig(toBig(this).div(toBig(o)));
  }

  /**
   * this^y. Small values to an integer power are exact (checked squaring); everything else, and any
   * overflow, is decimal.js's pow of the whole (so big results are rounded exactly as decimal.js does).
   */
  pow(y: DecValue): Dec {
    const o = isDec(y) ? y : new Dec(y);
    if (this.b === null && o.b === null && o.q === 1 && o.n <= 0x7fffffff && o.n >= -0x7fffffff) {
      const e = o.n;
      if (e === 0) return new Raw(1, 1, null);
      // decimal.js: zero to any power is Math.pow's (±0, ±Infinity)
      if (this.n === 0) return new Dec(Math.pow(this.n, e));
      if (powRational(this.n, this.q, e < 0 ? -e : e)) {
        if (e > 0) return new Raw(OUT.n, OUT.q, null);
        return OUT.n < 0 ? new Raw(-OUT.q, -OUT.n, null) : new Raw(OUT.q, OUT.n, null);
      }
    }
    return fromBig(toBig(this).pow(toBig(o)));
  }

  abs(): Dec {
    return this.b === null ? new Raw(Math.abs(this.n), this.q, null) : new Raw(0, 0, this.b.abs());
  }

  neg(): Dec {
    return this.b === null ? new Raw(-this.n, this.q, null) : new Raw(0, 0, this.b.neg());
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
    return this.b === null ? this.n === 0 : this.b.isZero();
  }

  /** True for negative values and −0 (as decimal.js). */
  isNeg(): boolean {
    if (this.b !== null) return this.b.isNeg();
    const n = this.n;
    return n < 0 || (n === 0 && 1 / n < 0);
  }

  isNegative(): boolean {
    return this.isNeg();
  }

  /** True for positive values and +0 (as decimal.js). */
  isPos(): boolean {
    if (this.b !== null) return this.b.isPos();
    const n = this.n;
    return n > 0 || (n === 0 && 1 / n > 0);
  }

  isNaN(): boolean {
    return this.b !== null && this.b.isNaN();
  }

  isFinite(): boolean {
    return this.b === null || this.b.isFinite();
  }

  isInteger(): boolean {
    if (this.b !== null) return this.b.isInteger();
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
   * Small values round exactly (remainder-checked integer division); the result is n / 10^dp.
   * @throws decimal.js's "[DecimalError] Invalid argument" for dp not an integer 0…1e9 or rm not 0…8.
   */
  toDecimalPlaces(dp?: number, rm?: Rounding): Dec {
    if (dp === undefined) return this;
    checkRounding(dp, rm);
    const mode = rm ?? HALF_UP;
    if (this.b !== null) return fromBig(this.b.toDecimalPlaces(dp, mode));
    if (this.q === 1 || this.n === 0) return this;
    const r = roundRational(this.n, this.q, dp, mode);
    if (r === ROUNDED) return new Raw(OUT.n, OUT.q, null);
    return r === UNCHANGED ? this : roundBigInt(this, dp, mode);
  }

  /** The value as the nearest double (as decimal.js's toNumber; −0 stays −0). */
  toNumber(): number {
    return this.b === null ? this.n / this.q : this.b.toNumber();
  }

  /**
   * decimal.js's toString: no exponent between 1e−30 and 1e40 (small values always lie there), no
   * trailing zeros, "0" for −0; a non-decimal quotient as its 40 significant digits (ROUND_HALF_UP).
   */
  toString(): string {
    if (this.b !== null) return this.b.toString();
    const n = this.n;
    const q = this.q;
    if (q === 1) return String(n);
    const k = pow10Exp(q);
    if (k < 0) return toBig(this).toString();
    return n < 0 ? `-${plainDigits(-n, k)}` : plainDigits(n, k);
  }

  /** decimal.js's valueOf / toJSON: toString, but "-0" for negative zero. */
  valueOf(): string {
    if (this.b !== null) return this.b.valueOf();
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
  new (n: number, q: number, b: Big | null): Dec;
  prototype: Dec;
}

/**
 * The one maker of Dec objects: a plain constructor function sharing Dec.prototype (so `instanceof Dec`
 * holds and every method applies). V8 then gives every Dec one hidden class, and results made inside
 * this module skip the public constructor's reading of its argument — together about half the cost of
 * a small operation. Takes n, q, b as they are (a small value: n, q, null; a big one: 0, 0, the Big).
 * Not exported. (So Dec is not meant to be subclassed.)
 */
const Raw = function (this: { n: number; q: number; b: Big | null }, n: number, q: number, b: Big | null) {
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

/** A Dec as decimal.js (40 digits): see bigOf. */
export function toBig(x: Dec): Big {
  return x.b ?? bigOf(x.n, x.q);
}

/** A Big result as a Dec: small when it fits exactly, else held as it is. */
function fromBig(b: Big): Dec {
  return narrowBig(b) ? new Raw(PARSED.n, PARSED.q, null) : new Raw(0, 0, b);
}

/** x + y, or x − y when `minus`, off the fast path (denominators differ, or a value is big). */
function sum(x: Dec, y: Dec, minus: boolean): Dec {
  if (x.b !== null || y.b !== null) return fromBig(minus ? toBig(x).minus(toBig(y)) : toBig(x).plus(toBig(y)));
  const n2 = minus ? -y.n : y.n;
  if (addRational(x.n, x.q, n2, y.q)) return new Raw(OUT.n, OUT.q, null);
  return fromBig(bigSum(x.n, x.q, n2, y.q));
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

/** Three-way comparison (decimal.js's cmp; NaN when either is NaN), exact for small values. */
function compare(x: Dec, y: Dec): number {
  if (x.b === null && y.b === null) return compareRational(x.n, x.q, y.n, y.q);
  return toBig(x).cmp(toBig(y));
}

/** decimal.js's sign of a value: 1, −1 (for −0 too) or NaN. */
function signOf(x: Dec): number {
  if (x.b !== null) return x.b.s;
  return x.n > 0 || (x.n === 0 && 1 / x.n > 0) ? 1 : -1;
}

/** decimal.js's maxOrMin: n = 1 for min, −1 for max. */
function maxOrMin(args: readonly DecValue[], n: number): Dec {
  const a0 = args[0] as DecValue; // undefined throws in Dec's constructor, as in decimal.js
  let x = isDec(a0) ? a0 : new Dec(a0);
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    const y = isDec(a) ? a : new Dec(a);
    if (y.b !== null && y.b.isNaN()) return y;
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

/** The exact rounding of a small value through bigints, for when the safe-integer steps overflow. */
function roundBigInt(x: Dec, dp: number, rm: number): Dec {
  if (dp > BIGINT_PLACES) return fromBig(toBig(x).toDecimalPlaces(dp, rm as Rounding));
  const neg = x.n < 0;
  const m = roundDivBig(BigInt(neg ? -x.n : x.n) * 10n ** BigInt(dp), BigInt(x.q), neg, rm);
  if (dp <= MAX_POW10 && m <= BigInt(MAX_SAFE)) return new Raw(neg ? -Number(m) : Number(m), POW10[dp]!, null);
  return fromBig(new Big(`${neg ? '-' : ''}${m}e-${dp}`));
}
