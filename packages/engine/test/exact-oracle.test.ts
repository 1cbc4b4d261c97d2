/**
 * Differential test of every operation of `Dec` (src/decimal/exact.ts) against an oracle written here:
 * plain bigint fractions in lowest terms (`Frac`), with rounding, fixed-point text and the text of a
 * value each worked out the slow, obvious way. Values are drawn well beyond what the golden cases
 * touch — up to 60 digits, exponents from 10^−60 to 10^60, negatives and ±0, values straddling the
 * safe-integer boundary 2^53, quotients that do not end, and sums, products and quotients of those
 * (random expression trees, so that the bigint tier is entered and left in every way). Reading covers
 * decimal text, JS numbers and percents (`toDec("12.5%")`).
 *
 * Checked: new Dec (text, numbers, bigints), plus, minus, times, div (and x ÷ 0 refused), pow with
 * whole exponents, neg, abs, cmp, eq, lt, lte, gt, gte (against Decs, JS integers and text), min, max,
 * isZero, isNeg, isPos, isInteger, floor, ceil, toDecimalPlaces at 0–40 places in all nine modes,
 * toFixed with and without places, toString, toNumber, decimalPlaces, toFraction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, DecError, type Rounding } from '../src/decimal/exact.ts';
import { toDec } from '../src/decimal/dec.ts';

const RUNS = { numRuns: Number(process.env.JIXIAO_PROPERTY_RUNS ?? 1000) };

// ---------------------------------------------------------------- the oracle

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

const pow10 = (k: number) => 10n ** BigInt(k);

/** n / d in lowest terms, d > 0. */
class Frac {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new Error('oracle: zero denominator');
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n, d);
    this.n = g > 1n ? n / g : n;
    this.d = g > 1n ? d / g : d;
  }
  plus(y: Frac) {
    return new Frac(this.n * y.d + y.n * this.d, this.d * y.d);
  }
  minus(y: Frac) {
    return new Frac(this.n * y.d - y.n * this.d, this.d * y.d);
  }
  times(y: Frac) {
    return new Frac(this.n * y.n, this.d * y.d);
  }
  div(y: Frac) {
    return new Frac(this.n * y.d, this.d * y.n);
  }
  neg() {
    return new Frac(-this.n, this.d);
  }
  abs() {
    return new Frac(this.n < 0n ? -this.n : this.n, this.d);
  }
  pow(e: number) {
    let r = new Frac(1n);
    for (let i = 0; i < Math.abs(e); i++) r = r.times(this);
    return e < 0 ? new Frac(1n).div(r) : r;
  }
  cmp(y: Frac) {
    const a = this.n * y.d;
    const b = y.n * this.d;
    return a > b ? 1 : a < b ? -1 : 0;
  }
  isInteger() {
    return this.d === 1n;
  }

  /**
   * Rounded to dp places under mode rm, by the definition of each mode: the truncated magnitude m and
   * the remainder r of |n|·10^dp ÷ d decide between m and m + 1.
   */
  round(dp: number, rm: Rounding): Frac {
    const neg = this.n < 0n;
    const scaled = (neg ? -this.n : this.n) * pow10(dp);
    let m = scaled / this.d;
    const r = scaled - m * this.d;
    if (r !== 0n) {
      const half = 2n * r === this.d ? 0 : 2n * r > this.d ? 1 : -1;
      const away = neg ? -1 : 1; // the direction of "up" in magnitude, as a sign of the value
      let up: boolean;
      switch (rm) {
        case 0: // ROUND_UP: away from zero
          up = true;
          break;
        case 1: // ROUND_DOWN: towards zero
          up = false;
          break;
        case 2: // ROUND_CEIL: towards +∞
          up = away > 0;
          break;
        case 3: // ROUND_FLOOR: towards −∞
          up = away < 0;
          break;
        default: // the half modes: nearest, and on a tie…
          if (half !== 0) up = half > 0;
          else if (rm === 4) up = true; // HALF_UP: away from zero
          else if (rm === 5) up = false; // HALF_DOWN: towards zero
          else if (rm === 6) up = m % 2n === 1n; // HALF_EVEN
          else if (rm === 7) up = away > 0; // HALF_CEIL
          else up = away < 0; // HALF_FLOOR
      }
      if (up) m += 1n;
    }
    return new Frac(neg ? -m : m, pow10(dp));
  }

  /** Exactly dp places, "-" when the value is negative (even if it rounds to zero). */
  fixed(dp: number, rm: Rounding): string {
    const r = this.round(dp, rm);
    const digits = ((r.n < 0n ? -r.n : r.n) * pow10(dp)) / r.d;
    const t = digits.toString().padStart(dp + 1, '0');
    const body = dp === 0 ? t : `${t.slice(0, -dp)}.${t.slice(-dp)}`;
    return (this.n < 0n ? '-' : '') + body;
  }

  /** If n/d is a decimal: its digits and places (m / 10^k, no trailing zeros in m unless k = 0); else null. */
  decimal(): { m: bigint; k: number } | null {
    for (let k = 0; k <= 400; k++) {
      const s = this.n * pow10(k);
      if (s % this.d === 0n) return { m: s / this.d, k };
    }
    return null;
  }

  /**
   * The text Dec writes: a decimal with every digit, any other quotient at 40 significant digits
   * rounded half-up; plain from 1e−30 up to 1e40, exponent notation outside (or always plain when
   * `plainOnly`, as toFixed() without places).
   */
  text(plainOnly = false): string {
    if (this.n === 0n) return '0';
    const neg = this.n < 0n;
    const a = this.abs();
    let digits: string;
    let e: number; // exponent of the first digit
    const dec = a.decimal();
    if (dec) {
      digits = dec.m.toString();
      e = digits.length - 1 - dec.k;
    } else {
      // the first digit's exponent: the e with 10^e ≤ a < 10^(e+1), by comparison
      e = a.n.toString().length - a.d.toString().length;
      while (a.cmp(pow10Frac(e)) < 0) e--;
      while (a.cmp(pow10Frac(e + 1)) >= 0) e++;
      // 40 significant digits, half-up: round a / 10^(e−39) to an integer
      let m = a.div(pow10Frac(e - 39)).round(0, 4).n;
      if (m === pow10(40)) {
        m = pow10(39);
        e++;
      }
      digits = m.toString();
    }
    digits = digits.replace(/0+$/, '') || '0';
    const sign = neg ? '-' : '';
    if (!plainOnly && (e <= -30 || e >= 40)) return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${e < 0 ? '-' : '+'}${Math.abs(e)}`;
    if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
    if (digits.length > e + 1) return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
    return sign + digits + '0'.repeat(e + 1 - digits.length);
  }
}

const pow10Frac = (e: number) => (e >= 0 ? new Frac(pow10(e)) : new Frac(1n, pow10(-e)));

/** Decimal text read by the oracle: sign, digits, optional point, optional exponent. */
function parse(text: string): Frac {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2]! + (m[3] ?? '')).length === 0) throw new Error(`oracle: not decimal text: ${text}`);
  const digits = BigInt((m[2] || '0') + (m[3] ?? ''));
  const scale = (m[3] ?? '').length - Number(m[4] ?? '0');
  const v = scale >= 0 ? new Frac(digits, pow10(scale)) : new Frac(digits * pow10(-scale));
  return m[1] === '-' ? v.neg() : v;
}

/** Dec and oracle agree on the value. */
function same(d: Dec, f: Frac): void {
  const { n, d: den } = d.toFraction();
  expect(`${n}/${den}`).toBe(`${f.n}/${f.d}`);
}

// ---------------------------------------------------------------- values of every size

const sign = fc.constantFrom('', '-', '+');
const digitString = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{1,${max}}$`));

/** Decimal text: plain, long, with exponents, around 2^53, with odd spellings. */
const decimalText: fc.Arbitrary<string> = fc.oneof(
  // money, rates, scores
  fc.tuple(sign, fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 9999 })).map(([s, i, f]) => `${s}${i}.${String(f).padStart(4, '0')}`),
  // up to 60 digits with up to 60 places
  fc.tuple(sign, digitString(30), fc.option(digitString(30))).map(([s, i, f]) => (f === null ? `${s}${i}` : `${s}${i}.${f}`)),
  // exponent form, tiny and huge
  fc.tuple(sign, digitString(20), fc.option(digitString(10)), fc.integer({ min: -60, max: 60 }), fc.constantFrom('e', 'E')).map(
    ([s, i, f, e, E]) => `${s}${i}${f === null ? '' : `.${f}`}${E}${e}`,
  ),
  // straddling 2^53 = 9007199254740992, as integers and with places
  fc.tuple(sign, fc.bigInt({ min: 2n ** 53n - 5000n, max: 2n ** 53n + 5000n }), fc.integer({ min: 0, max: 20 })).map(([s, d, k]) => {
    const t = d.toString().padStart(k + 1, '0');
    return k === 0 ? `${s}${t}` : `${s}${t.slice(0, -k)}.${t.slice(-k)}`;
  }),
  fc.constantFrom('0', '-0', '0.000', '-0.0', '.5', '-.5', '5.', '00012.3400', '1e-16', '9007199254740991', '9007199254740993', '0.1', '1.50000000000000000000000000'),
);

/** An exact value as both: a leaf (text) or an operation on two values (not ÷ 0). */
type Pair = { dec: Dec; frac: Frac };
const leaf: fc.Arbitrary<Pair> = decimalText.map((t) => ({ dec: new Dec(t), frac: parse(t) }));
const combine = (a: Pair, b: Pair, op: 'plus' | 'minus' | 'times' | 'div'): Pair =>
  op === 'div' && b.frac.n === 0n ? a : { dec: a.dec[op](b.dec), frac: a.frac[op](b.frac) };
const op = fc.constantFrom('plus' as const, 'minus' as const, 'times' as const, 'div' as const);
const tree1 = fc.tuple(leaf, leaf, op).map(([a, b, o]) => combine(a, b, o));
const tree2 = fc.tuple(tree1, tree1, op).map(([a, b, o]) => combine(a, b, o));
/** Values of every kind: leaves, one operation, two levels of operations. */
const value: fc.Arbitrary<Pair> = fc.oneof(leaf, tree1, tree2);

const places = fc.integer({ min: 0, max: 40 });
const MODES: Rounding[] = [0, 1, 2, 3, 4, 5, 6, 7, 8];

// ---------------------------------------------------------------- the properties

describe('Dec against bigint fractions', () => {
  it('reads decimal text exactly', () => {
    fc.assert(
      fc.property(decimalText, (t) => same(new Dec(t), parse(t))),
      RUNS,
    );
  });

  it('reads a JS number as the decimal String() writes for it, a bigint as itself', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), (x, b) => {
        same(new Dec(x), parse(String(x)));
        same(new Dec(b), new Frac(b));
      }),
      RUNS,
    );
  });

  it('reads percents: "12.5%" is 0.125', () => {
    const percentText = fc.tuple(fc.constantFrom('', '-'), digitString(12), fc.option(digitString(8))).map(([s, i, f]) => `${s}${i}${f === null ? '' : `.${f}`}`);
    fc.assert(
      fc.property(percentText, (t) => {
        const d = toDec(`${t}%`);
        expect(d).not.toBeNull();
        same(d!, parse(t).div(new Frac(100n)));
        same(toDec(t)!, parse(t));
      }),
      RUNS,
    );
  });

  it('refuses what is not decimal text', () => {
    const notDecimal = fc.oneof(fc.constantFrom('', ' 1', '1 ', '1,000', '0x1f', 'Infinity', 'NaN', '.', '-', '1e', '1.2.3', '١٢'), fc.string({ maxLength: 6 }).filter((s) => !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)));
    fc.assert(
      fc.property(notDecimal, (t) => {
        expect(() => new Dec(t)).toThrow(DecError);
      }),
      RUNS,
    );
  });

  it('plus, minus, times, div exactly; x ÷ 0 refused', () => {
    fc.assert(
      fc.property(value, value, ({ dec: x, frac: fx }, { dec: y, frac: fy }) => {
        same(x.plus(y), fx.plus(fy));
        same(x.minus(y), fx.minus(fy));
        same(x.times(y), fx.times(fy));
        if (fy.n === 0n) expect(() => x.div(y)).toThrow(DecError);
        else same(x.div(y), fx.div(fy));
        // and with the operand as text
        const t = y.toFixed();
        if (fy.decimal()) same(x.plus(t), fx.plus(fy));
      }),
      RUNS,
    );
  });

  it('cmp, eq, lt, lte, gt, gte, min and max', () => {
    fc.assert(
      fc.property(value, value, fc.integer({ min: -1000, max: 1000 }), ({ dec: x, frac: fx }, { dec: y, frac: fy }, k) => {
        const c = fx.cmp(fy);
        expect(x.cmp(y)).toBe(c);
        expect([x.eq(y), x.lt(y), x.lte(y), x.gt(y), x.gte(y)]).toEqual([c === 0, c < 0, c <= 0, c > 0, c >= 0]);
        // a JS integer operand takes a shorter path
        const ck = fx.cmp(new Frac(BigInt(k)));
        expect([x.cmp(k), x.lt(k), x.gte(k), x.eq(k)]).toEqual([ck, ck < 0, ck >= 0, ck === 0]);
        same(Dec.min(x, y), c <= 0 ? fx : fy);
        same(Dec.max(x, y), c >= 0 ? fx : fy);
        same(Dec.min(x, y, k), [fx, fy, new Frac(BigInt(k))].reduce((a, b) => (b.cmp(a) < 0 ? b : a)));
      }),
      RUNS,
    );
  });

  it('neg, abs, isZero, isNeg, isPos, isInteger', () => {
    fc.assert(
      fc.property(value, ({ dec: x, frac: f }) => {
        same(x.neg(), f.neg());
        same(x.abs(), f.abs());
        same(x.neg().neg(), f);
        expect(x.isZero()).toBe(f.n === 0n);
        if (f.n !== 0n) {
          expect(x.isNeg()).toBe(f.n < 0n);
          expect(x.isPos()).toBe(f.n > 0n);
        }
        expect(x.isInteger()).toBe(f.isInteger());
      }),
      RUNS,
    );
  });

  it('rounding at 0–40 places in all nine modes, floor and ceil: the exact value rounded once', () => {
    fc.assert(
      fc.property(value, places, ({ dec: x, frac: f }, dp) => {
        for (const rm of MODES) {
          const r = x.toDecimalPlaces(dp, rm);
          same(r, f.round(dp, rm));
          expect(x.toFixed(dp, rm)).toBe(f.fixed(dp, rm));
        }
        same(x.toDecimalPlaces(dp), f.round(dp, 4));
        expect(x.toFixed(dp)).toBe(f.fixed(dp, 4));
        same(x.floor(), f.round(0, 3));
        same(x.ceil(), f.round(0, 2));
      }),
      RUNS,
    );
  });

  it('toString, toFixed(), valueOf, toNumber: every digit of a decimal, 40 significant digits of any other quotient', () => {
    fc.assert(
      fc.property(value, ({ dec: x, frac: f }) => {
        expect(x.toString()).toBe(f.text());
        expect(x.toFixed()).toBe(f.text(true));
        if (f.n !== 0n) expect(x.valueOf()).toBe(f.text());
        // decimal places of the exact decimal (trailing zeros dropped), Infinity for a quotient that does not end
        const dec = f.decimal();
        expect(x.decimalPlaces()).toBe(dec === null ? Infinity : f.n === 0n ? 0 : f.text(true).split('.')[1]?.length ?? 0);
        // (=== : the toNumber of −0 is −0)
        expect(x.toNumber() === Number(f.text())).toBe(true);
      }),
      RUNS,
    );
  });

  it('whole powers −6…6 exactly; a non-integer power refused', () => {
    fc.assert(
      fc.property(leaf, fc.integer({ min: -6, max: 6 }), ({ dec: x, frac: f }, e) => {
        if (f.n === 0n && e < 0) expect(() => x.pow(e)).toThrow(DecError);
        else same(x.pow(e), f.pow(e));
        expect(() => x.pow('0.5')).toThrow(DecError);
      }),
      { numRuns: Math.ceil(RUNS.numRuns / 4) },
    );
  });

  it('chains of quarterly rates (Σ of four amount quotients ÷ their 序时进度, ÷ 4, × 2): exact, and rounded once', () => {
    const money = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.constantFrom('', '-')).map(([c, s]) => `${s}${c / 100n}.${String(c % 100n).padStart(2, '0')}`);
    const quarter = fc.constantFrom('0.25', '0.5', '0.75', '1');
    const rates = fc.array(fc.tuple(money, money.map((m) => m.replace('-', '')), quarter), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(rates, places, fc.constantFrom(...MODES), (rs, dp, rm) => {
        let d = new Dec(0);
        let f = new Frac(0n);
        for (const [a, b, p] of rs) {
          d = d.plus(new Dec(a).div(b).div(p));
          f = f.plus(parse(a).div(parse(b)).div(parse(p)));
        }
        d = d.div(4).times(2);
        f = f.div(new Frac(4n)).times(new Frac(2n));
        same(d, f);
        same(d.toDecimalPlaces(dp, rm), f.round(dp, rm));
        expect(d.toString()).toBe(f.text());
      }),
      RUNS,
    );
  });
});

describe('the oracle itself, by hand', () => {
  it('rounds, writes and reads as the definitions say', () => {
    expect(parse('-1.50e2').n).toBe(-150n);
    expect(new Frac(1n, 8n).round(2, 6).n).toBe(3n); // 0.125 → 0.12 (half-even): 12/100 = 3/25
    expect(new Frac(-1n, 8n).fixed(2, 4)).toBe('-0.13');
    expect(new Frac(-1n, 1000n).fixed(2, 4)).toBe('-0.00');
    expect(new Frac(1n, 3n).text()).toBe(`0.${'3'.repeat(40)}`);
    expect(new Frac(2n, 3n).text()).toBe(`0.${'6'.repeat(39)}7`);
    expect(new Frac(pow10(40)).text()).toBe('1e+40');
    expect(new Frac(1n, pow10(30)).text()).toBe('1e-30');
    expect(new Frac(1n, pow10(30)).text(true)).toBe(`0.${'0'.repeat(29)}1`);
  });
});
