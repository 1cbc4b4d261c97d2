/**
 * `Dec`, the engine's number: exact rational arithmetic for every score, amount and rate, on its own
 * (no number library behind it), in the shape of the decimal API the engine has always used (plus,
 * minus, times, div, cmp, toDecimalPlaces, toFixed …).
 *
 * A value is
 * - small: an exact rational n / q, n a safe integer (±0 keeps its sign), q a positive safe integer,
 *   both plain JS numbers (doubles hold every integer up to 2^53 − 1 exactly). Decimals read from
 *   facts and schemes have q = 10^k; a quotient has whatever denominator it needs (1/3 is 1 / 3).
 * - wide: an exact BigRational N / Q in bigints (bigrational.ts): text with more digits than a safe
 *   integer holds, and results of operations that leave the safe range — a sum of quotients whose
 *   denominators multiply past 2^53, a product of two large amounts, an integer power. Brought back
 *   small when it fits.
 *
 * Every value is finite and exact. Every step on small values is integer arithmetic whose result is
 * checked against MAX_SAFE before it is trusted (int-ops.ts, rational.ts); what does not fit goes to
 * bigints, never to rounding. So + − × ÷, comparisons, integer powers and rounding to places (in every
 * mode, once, on the exact value) are exact: (1/3)·3 is 1, 34/24 × 6 is 8.5. What has no exact finite
 * answer is refused with a RangeError (`DecError`): NaN and ±Infinity read from a JS number or text, a
 * division by zero, a non-integer power, an integer power of more than 2^16 bits, an exponent past
 * ±100,000 in text, rounding to more than 1000 places.
 *
 * Written (toString, valueOf, toFixed, toNumber): a decimal as it is, every digit; a quotient that does
 * not end (1/3) as its 40 significant digits, ROUND_HALF_UP; no exponent from 1e−30 up to 1e40 (see
 * quotient.ts). Values are immutable; methods may return `this` or an argument unchanged.
 *
 * Reference seam, for tests: `withArithmetic(provider, fn)` runs fn with plus, minus, times, div and pow
 * done by another implementation (test/support/decimal-reference.ts runs decimal.js at precision 40,
 * as the engine computed before it had this type). Outside it the check costs one comparison per
 * operation.
 */
import { BigRational, addExact, compareExact, mulExact, powExact, productOfSmall, roundExact, settle, sumOfSmall } from './bigrational.ts';
import { fixedDigits, plainDigits } from './digits.ts';
import { DECIMAL, MAX_POW10, MAX_SAFE, POW10, decimalOf, exactDiv, gcdBig, pow10Big, pow10Exp } from './int-ops.ts';
import { PARSED, PARSED_WIDE, PLAIN, parseDecimalText, parseNumber, parsePlainText, parseWideText } from './parse.ts';
import { PRECISION, ROUNDED40, quotientText, roundQuotient, writeDecimal, writePlain } from './quotient.ts';
import { OUT, ROUNDED, UNCHANGED, addRational, compareRational, mulRational, powRational, roundRational } from './rational.ts';

/** What Dec reads: a Dec, a finite JS number, decimal text or a bigint. */
export type DecValue = Dec | number | string | bigint;

/** Rounding modes: ROUND_UP 0, DOWN 1, CEIL 2, FLOOR 3, HALF_UP 4, HALF_DOWN 5, HALF_EVEN 6, HALF_CEIL 7, HALF_FLOOR 8. */
export type Rounding = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** The most decimal places a value is rounded or written to. */
export const MAX_PLACES = 1000;

/**
 * What Dec refuses: a value that is not a finite decimal, a division by zero, a power or a rounding it
 * does not do (see the file comment). A programming error or a user's value let through unchecked:
 * the engine checks its inputs before they get here (facts, formulas, schemes).
 */
export class DecError extends RangeError {
  override name = 'DecError';
}

/**
 * The reference seam: an implementation of the five operations that make a new value from two. While
 * one is set (withArithmetic), Dec's plus, minus, times, div and pow are its — everything else (reading,
 * comparing, rounding, writing) stays exact and sees the values it returns, which must be Decs.
 */
export interface Arithmetic {
  plus(x: Dec, y: Dec): Dec;
  minus(x: Dec, y: Dec): Dec;
  times(x: Dec, y: Dec): Dec;
  div(x: Dec, y: Dec): Dec;
  pow(x: Dec, y: Dec): Dec;
}

/** The provider in force, or null for the exact operations (the only state of this module). */
let provider: Arithmetic | null = null;

/**
 * Runs fn with `arithmetic` doing Dec's plus, minus, times, div and pow, and returns its result; nested
 * calls use the innermost provider. For tests that score the same case with a reference implementation
 * (test/support/decimal-reference.ts). Synchronous code only: the exact operations are back when fn
 * returns (or throws), before any promise it returns settles.
 */
export function withArithmetic<T>(arithmetic: Arithmetic, fn: () => T): T {
  const saved = provider;
  provider = arithmetic;
  try {
    return fn();
  } finally {
    provider = saved;
  }
}

const HALF_UP = 4;

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

  /** Numerator of a small value (a safe integer; −0 for negative zero); 0 for a wide one. Read-only. */
  declare readonly n: number;
  /** Denominator of a small value (a positive safe integer); 0 for a wide one. Read-only. */
  declare readonly q: number;
  /** A wide value (not small): its exact BigRational; null for a small one. Read-only. */
  declare readonly b: BigRational | null;

  /**
   * Reads a value exactly: a finite JS number as its shortest round-trip decimal (0.1 is exactly one
   * tenth), decimal text (optional sign, digits with an optional point, an optional exponent: "-12",
   * "0.95", ".5", "1.5E-2"; "-0" is negative zero), a bigint, or a Dec (itself).
   * @throws DecError for NaN, ±Infinity and anything that is not decimal text ("1,000", " 1", "", "0x1f").
   */
  constructor(v: DecValue) {
    if (typeof v === 'number') {
      if (Number.isInteger(v) && v <= MAX_SAFE && v >= -MAX_SAFE) {
        // a whole number 0…1023 (not −0): the one shared Dec of it (see SMALL_INTEGERS)
        if (v >= 0 && v < SMALL_INTEGER_COUNT && (v !== 0 || 1 / v > 0)) return SMALL_INTEGERS[v]!;
        return new Raw(v, 1, null);
      }
      if (v - v === 0) {
        if (parseNumber(v)) return new Raw(PARSED.n, PARSED.q, null);
        return wideText(String(v), v);
      }
      throw new DecError(`不是有限的数：${String(v)}（Dec: not a finite number）`);
    }
    if (typeof v === 'string') return parseDecimalText(v) ? new Raw(PARSED.n, PARSED.q, null) : wideText(v, v);
    if (typeof v === 'bigint') return exact(settle(v, 1n));
    if (isDec(v)) return v;
    throw new DecError(`不是数：${String(v)}（Dec: not a number）`);
  }

  /** The least of the values (of equal zeros, −0). @throws DecError on none. */
  static min(...xs: DecValue[]): Dec {
    return maxOrMin(xs, 1);
  }

  /** The greatest of the values (of equal zeros, +0). @throws DecError on none. */
  static max(...xs: DecValue[]): Dec {
    return maxOrMin(xs, -1);
  }

  plus(y: DecValue): Dec {
    const o = isDec(y) ? y : new Dec(y);
    if (provider !== null) return provider.plus(this, o);
    if (this.q === o.q && this.b === null && o.b === null) {
      const s = this.n + o.n;
      // a whole number 1…1023 (points, counts, checklist totals): the shared Dec, no allocation
      if (this.q === 1 && s > 0 && s < SMALL_INTEGER_COUNT) return SMALL_INTEGERS[s]!;
      if (s <= MAX_SAFE && s >= -MAX_SAFE) return new Raw(s, this.q, null);
    }
    return sum(this, o, false);
  }

  minus(y: DecValue): Dec {
    const o = isDec(y) ? y : new Dec(y);
    if (provider !== null) return provider.minus(this, o);
    if (this.q === o.q && this.b === null && o.b === null) {
      const s = this.n - o.n;
      if (this.q === 1 && s > 0 && s < SMALL_INTEGER_COUNT) return SMALL_INTEGERS[s]!;
      if (s <= MAX_SAFE && s >= -MAX_SAFE) return new Raw(s, this.q, null);
    }
    return sum(this, o, true);
  }

  times(y: DecValue): Dec {
    const o = isDec(y) ? y : new Dec(y);
    if (provider !== null) return provider.times(this, o);
    if (this.b === null && o.b === null) {
      const n = this.n * o.n;
      const q = this.q * o.q;
      if (q === 1 && n > 0 && n < SMALL_INTEGER_COUNT) return SMALL_INTEGERS[n]!;
      if (n <= MAX_SAFE && n >= -MAX_SAFE && q <= MAX_SAFE) return new Raw(n, q, null);
      if (mulRational(this.n, this.q, o.n, o.q)) return new Raw(OUT.n, OUT.q, null);
      // leaves the range: the exact product in bigints
      return exact(productOfSmall(this.n, this.q, o.n, o.q));
    }
    return product(this, o);
  }

  /** this / y, exactly. @throws DecError when y is zero. */
  div(y: DecValue): Dec {
    const o = isDec(y) ? y : new Dec(y);
    if (provider !== null) return provider.div(this, o);
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
   * this^y for an integer y (|y| < 2^31), exactly: checked squaring, then bigints. 0^0 is 1.
   * @throws DecError for a non-integer power, zero to a negative power, or a result of more than 2^16 bits.
   */
  pow(y: DecValue): Dec {
    const o = isDec(y) ? y : new Dec(y);
    if (provider !== null) return provider.pow(this, o);
    // an integer exponent, however written ("2.0" is 20 / 10)
    const e = o.b === null && o.isInteger() ? o.n / o.q : NaN;
    if (!(e <= 0x7fffffff && e >= -0x7fffffff)) throw new DecError(`乘方的指数应为整数：${o.toString()}（Dec: the power must be a whole number below 2^31）`);
    if (e === 0) return new Raw(1, 1, null);
    if (this.isZero()) {
      if (e < 0) throw new DecError('0 不能作负数次幂（Dec: zero to a negative power）');
      // (−0)^odd is −0
      return this.b === null && e % 2 !== 0 ? this : new Raw(0, 1, null);
    }
    if (this.b === null && powRational(this.n, this.q, e < 0 ? -e : e)) return e > 0 ? new Raw(OUT.n, OUT.q, null) : reciprocal(null);
    const r = powExact(numOf(this), denOf(this), e < 0 ? -e : e);
    if (r === undefined) throw new DecError(`乘方结果过大：${this.toString()}^${e}（Dec: the power has more than 2^16 bits）`);
    return e > 0 ? exact(r) : reciprocal(r);
  }

  abs(): Dec {
    const b = this.b;
    if (b === null) return new Raw(Math.abs(this.n), this.q, null);
    return b.N < 0n ? new Raw(0, 0, new BigRational(-b.N, b.Q)) : this;
  }

  neg(): Dec {
    const b = this.b;
    if (b === null) return new Raw(-this.n, this.q, null);
    return new Raw(0, 0, new BigRational(-b.N, b.Q));
  }

  /** 1, −1 or 0 as this is greater, less or equal (±0 are equal). */
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
    return compareTo(this, y) >= 0;
  }

  lt(y: DecValue): boolean {
    return compareTo(this, y) < 0;
  }

  lte(y: DecValue): boolean {
    return compareTo(this, y) <= 0;
  }

  isZero(): boolean {
    // a BigRational is never zero
    return this.b === null && this.n === 0;
  }

  /** True for negative values and −0. */
  isNeg(): boolean {
    const b = this.b;
    if (b !== null) return b.N < 0n;
    const n = this.n;
    return n < 0 || (n === 0 && 1 / n < 0);
  }

  isNegative(): boolean {
    return this.isNeg();
  }

  /** True for positive values and +0. */
  isPos(): boolean {
    const b = this.b;
    if (b !== null) return b.N > 0n;
    const n = this.n;
    return n > 0 || (n === 0 && 1 / n > 0);
  }

  isInteger(): boolean {
    const b = this.b;
    if (b !== null) return b.Q === 1n || b.N % b.Q === 0n;
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
   * Exact, once (remainder-checked integer division, in bigints if need be); the result is m / 10^dp.
   * A negative value rounded to zero is −0.
   * @throws DecError for dp not an integer 0…1000 or rm not 0…8.
   */
  toDecimalPlaces(dp?: number, rm?: Rounding): Dec {
    if (dp === undefined) return this;
    checkRounding(dp, rm);
    const mode = rm ?? HALF_UP;
    const b = this.b;
    if (b !== null) return roundInBigInts(this, b.N, b.Q, dp, mode);
    if (this.q === 1 || this.n === 0) return this;
    const r = roundRational(this.n, this.q, dp, mode);
    if (r === ROUNDED) return new Raw(OUT.n, OUT.q, null);
    return r === UNCHANGED ? this : roundInBigInts(this, BigInt(this.n), BigInt(this.q), dp, mode);
  }

  /** The value as the nearest double to the text toString writes (−0 stays −0). */
  toNumber(): number {
    const b = this.b;
    if (b === null) return this.n / this.q;
    return Number(this.toString());
  }

  /**
   * The value as text: a decimal as it is, every digit, no trailing zeros ("5.73", "0.005", "-12");
   * a quotient that does not end as its 40 significant digits, ROUND_HALF_UP ("0.3333…3"); exponent
   * notation below 1e−30 and from 1e40 ("1e+40"); "0" for −0.
   */
  toString(): string {
    const b = this.b;
    if (b !== null) return wideString(b.N, b.Q, false);
    const n = this.n;
    const q = this.q;
    if (q === 1) return String(n);
    if (n === 0) return '0';
    let k = pow10Exp(q);
    let a = n < 0 ? -n : n;
    if (k < 0) {
      // a quotient such as 3/8: its decimal in doubles when it is one (its value lies between 2^−53
      // and 2^53, where the text has no exponent), else its 40 digits in bigints
      k = decimalOf(a, q);
      if (k < 0) return wideString(BigInt(n), BigInt(q), false);
      a = DECIMAL.M;
    }
    return n < 0 ? `-${plainDigits(a, k)}` : plainDigits(a, k);
  }

  /** toString, but "-0" for negative zero (for JSON: the value read back is the same). */
  valueOf(): string {
    return this.b === null && this.n === 0 && 1 / this.n < 0 ? '-0' : this.toString();
  }

  toJSON(): string {
    return this.valueOf();
  }

  /**
   * Without dp, the text of toString without exponent ("0.00000000000000000000000000000001"); with
   * dp, exactly dp places rounded under rm (default ROUND_HALF_UP), with "-" when the value before
   * rounding was negative and not zero ("-0.00" for −0.001). @throws as toDecimalPlaces.
   */
  toFixed(dp?: number, rm?: Rounding): string {
    if (dp === undefined) {
      if (this.b === null && pow10Exp(this.q) >= 0) return this.toString();
      return wideString(numOf(this), denOf(this), true);
    }
    checkRounding(dp, rm);
    const sign = this.isNeg() && !this.isZero() ? '-' : '';
    const r = this.toDecimalPlaces(dp, rm);
    if (r.b === null) {
      const k = pow10Exp(r.q);
      if (k >= 0 && k <= dp) return sign + fixedDigits(Math.abs(r.n), k, dp);
    }
    // m / 10^dp exactly: its digits, with the point dp places from the right
    let N = numOf(r);
    if (N < 0n) N = -N;
    const digits = ((N * pow10Big(dp)) / denOf(r)).toString();
    if (dp === 0) return sign + digits;
    const padded = digits.padStart(dp + 1, '0');
    return `${sign}${padded.slice(0, -dp)}.${padded.slice(-dp)}`;
  }

  /**
   * How many decimal places the exact value has when written as a decimal ("5.73" → 2, 6 → 0, 0.125 → 3),
   * or Infinity for a quotient that does not end (1/3).
   */
  decimalPlaces(): number {
    const b = this.b;
    if (b === null) {
      const n = this.n;
      if (n === 0) return 0;
      const k = pow10Exp(this.q);
      // a quotient such as 3/8 as a decimal in doubles when it is one (a sure "no" too); −2: ask bigints
      const d = k >= 0 ? k : decimalOf(n < 0 ? -n : n, this.q);
      if (d === -1) return Infinity;
      if (d >= 0) {
        // M / 10^k with the trailing zeros of M dropped
        let m = k >= 0 ? (n < 0 ? -n : n) : DECIMAL.M;
        let places = d;
        while (places > 0 && m % 10 === 0) {
          m /= 10;
          places--;
        }
        return places;
      }
    }
    const N = numOf(this);
    const d = asDecimal(N < 0n ? -N : N, denOf(this));
    if (d === null) return Infinity;
    let { M, k } = d;
    while (k > 0 && M % 10n === 0n) {
      M /= 10n;
      k--;
    }
    return k;
  }

  /**
   * The exact value as a fraction in lowest terms: numerator and positive denominator as bigints
   * (−0 is 0 / 1). Not for the hot path (a gcd of bigints).
   */
  toFraction(): { n: bigint; d: bigint } {
    const N = numOf(this);
    const Q = denOf(this);
    if (N === 0n) return { n: 0n, d: 1n };
    const g = gcdBig(N < 0n ? -N : N, Q);
    return { n: N / g, d: Q / g };
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

interface RawConstructor {
  new (n: number, q: number, b: BigRational | null): Dec;
  prototype: Dec;
}

/**
 * The one maker of Dec objects: a plain constructor function sharing Dec.prototype (so `instanceof Dec`
 * holds and every method applies). V8 then gives every Dec one hidden class, and results made inside
 * this module skip the public constructor's reading of its argument — together about half the cost of
 * a small operation. Takes n, q, b as they are (a small value: n, q, null; a wide one: 0, 0, its
 * BigRational).
 * Not exported. (So Dec is not meant to be subclassed.)
 */
const Raw = function (this: { n: number; q: number; b: BigRational | null }, n: number, q: number, b: BigRational | null) {
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
 * The Decs of the whole numbers 0…1023, made once: `new Dec(n)` of one of them gives the shared object
 * (values are immutable, so nothing can tell). Counts read from facts (人数, 项数) and the points of a
 * scheme are such numbers; a kept sheet's fact store then points at these instead of keeping 48 bytes
 * of its own for each, and reading them allocates nothing. A sum, difference or product of whole
 * numbers that is one of 1…1023 is the shared Dec too (plus, minus, times): a department sheet's
 * totals of points and checklist items are some 40 such sums, each otherwise a new object (about
 * 0.5 µs CPU time of the sheet's 19, in A/B runs of the bench). Zero is left out: a sum of −0s is −0.
 */
const SMALL_INTEGER_COUNT = 1024;
const SMALL_INTEGERS: readonly Dec[] = Array.from({ length: SMALL_INTEGER_COUNT }, (_, i) => new Raw(i, 1, null));

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
 * The fast path of toDec and toDecGrouped (dec.ts) for number text as facts and schemes write it
 * ("1511.77", "95%", with `grouped` also "1,511.77"): the Dec the general path would make, or null
 * when the text is not of that plain form (parsePlainText) — the caller then reads it the general way.
 * The same value in the same form: n / 10^scale as new Dec(text) makes it, and for a percent
 * n / 10^(scale+2), which is what new Dec(body).div(100) gives (n·1 over 10^scale·100, or over the
 * 100 of the divisor when scale is 0; parsePlainText leaves scale ≤ 13 so that 10^(scale+2) is safe).
 */
export function readPlainText(s: string, grouped: boolean): Dec | null {
  if (!parsePlainText(s, grouped)) return null;
  return new Raw(PLAIN.n, POW10[PLAIN.percent ? PLAIN.scale + 2 : PLAIN.scale]!, null);
}

/** Decimal text that is not a small value (more digits than a safe integer, a large exponent), exactly. */
function wideText(text: string, shown: unknown): Dec {
  if (!parseWideText(text)) throw new DecError(`不是十进制数：“${String(shown)}”（Dec: not decimal text）`);
  const { N, Q, negative } = PARSED_WIDE;
  if (N === 0n) return new Raw(negative ? -0 : 0, 1, null);
  return exact(settle(negative ? -N : N, Q));
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

/** The numerator of a value as a bigint (±0 is 0n). */
function numOf(x: Dec): bigint {
  return x.b === null ? BigInt(x.n) : x.b.N;
}

/** The denominator of a value as a bigint. */
function denOf(x: Dec): bigint {
  return x.b === null ? BigInt(x.q) : x.b.Q;
}

/** Whether x is a small zero (±0; a zero is always small). */
function isSmallZero(x: Dec): boolean {
  return x.b === null && x.n === 0;
}

/** The zero of a product or quotient: −0 when the signs of its operands differ. */
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
  // a BigRational is not zero: x ± 0 is x, 0 − y is −y
  if (isSmallZero(y)) return x;
  if (isSmallZero(x)) return minus ? y.neg() : y;
  const N2 = numOf(y);
  return exact(addExact(numOf(x), denOf(x), minus ? -N2 : N2, denOf(y)));
}

/** x · y when a value is wide. */
function product(x: Dec, y: Dec): Dec {
  if (isSmallZero(x) || isSmallZero(y)) return zeroOf(x, y);
  return exact(mulExact(numOf(x), denOf(x), numOf(y), denOf(y)));
}

/** x / y when a value is wide or y is zero. */
function quotient(x: Dec, y: Dec): Dec {
  if (isSmallZero(y)) throw new DecError(`除数为零：${x.toString()} ÷ 0（Dec: division by zero）`);
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

/** Three-way comparison, exact. */
function compare(x: Dec, y: Dec): number {
  if (x.b === null && y.b === null) return compareRational(x.n, x.q, y.n, y.q);
  return compareExact(numOf(x), denOf(x), numOf(y), denOf(y));
}

/** maxOrMin: n = 1 for min, −1 for max; of equal zeros, min takes −0 and max +0. */
function maxOrMin(args: readonly DecValue[], n: number): Dec {
  if (args.length === 0) throw new DecError('Dec.min/max 需要至少一个数（Dec.min/max of nothing）');
  const a0 = args[0]!;
  let x = isDec(a0) ? a0 : new Dec(a0);
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    const y = isDec(a) ? a : new Dec(a);
    const k = compare(x, y);
    if (k === n || (k === 0 && (n === 1 ? !x.isNeg() && y.isNeg() : x.isNeg() && !y.isNeg()))) x = y;
  }
  return x;
}

/** Refuses a dp or rounding mode out of range. */
function checkRounding(dp: number, rm: number | undefined): void {
  if (!Number.isInteger(dp) || dp < 0 || dp > MAX_PLACES) throw new DecError(`小数位数应为 0–${MAX_PLACES} 的整数：${dp}（Dec: decimal places out of range）`);
  if (rm !== undefined && (!Number.isInteger(rm) || rm < 0 || rm > 8)) throw new DecError(`舍入方式应为 0–8：${rm}（Dec: rounding mode out of range）`);
}

const SAFE_BIG = BigInt(MAX_SAFE);

/** The exact rounding of the exact value x = N / Q to dp places, in bigints (a wide value, or a small one whose safe-integer steps overflow). */
function roundInBigInts(x: Dec, N: bigint, Q: bigint, dp: number, rm: number): Dec {
  const m = roundExact(N, Q, dp, rm);
  if (m < 0n) return x;
  const neg = N < 0n;
  if (dp <= MAX_POW10 && m <= SAFE_BIG) return new Raw(neg ? -Number(m) : Number(m), POW10[dp]!, null);
  if (m === 0n) return new Raw(neg ? -0 : 0, 1, null);
  return exact(settle(neg ? -m : m, pow10Big(dp)));
}


/**
 * N / Q (N ≥ 0, Q > 0) as a decimal M / 10^k when it is one, else null. Q = 2^a·5^b·R with R prime to
 * 10: the value is a decimal exactly when R divides N, and then M = (N / R)·2^(k−a)·5^(k−b) with
 * k = max(a, b). M may end in zeros. First a quick test without a gcd or any factoring: N/Q is a decimal
 * iff N·10^m is a multiple of Q for m ≥ a, b — and a, b < 4·(hex digits of Q).
 */
function asDecimal(N: bigint, Q: bigint): { M: bigint; k: number } | null {
  if ((N * pow10Big(4 * Q.toString(16).length)) % Q !== 0n) return null;
  let R = Q;
  let twos = 0;
  let fives = 0;
  while ((R & 1n) === 0n) {
    R >>= 1n;
    twos++;
  }
  while (R % 5n === 0n) {
    R /= 5n;
    fives++;
  }
  const k = Math.max(twos, fives);
  return { M: (N / R) * 2n ** BigInt(k - twos) * 5n ** BigInt(k - fives), k };
}

/**
 * N / Q (Q > 0) as text: every digit when it is a decimal, else its 40 significant digits (quotient.ts);
 * with exponent notation outside 1e−30…1e40, or never when `plainForm` (toFixed()).
 */
function wideString(N: bigint, Q: bigint, plainForm: boolean): string {
  if (N === 0n) return '0';
  const negative = N < 0n;
  const A = negative ? -N : N;
  const d = asDecimal(A, Q);
  let digits: string;
  let e: number;
  if (d !== null) {
    digits = d.M.toString();
    e = digits.length - 1 - d.k;
  } else {
    if (!plainForm) return quotientText(N, Q);
    // the 40-digit rounding, written without exponent
    roundQuotient(A, Q);
    digits = ROUNDED40.m.toString();
    e = ROUNDED40.exp + PRECISION - 1;
  }
  return plainForm ? writePlain(negative, digits, e) : writeDecimal(negative, digits, e);
}
