/**
 * The engine's number `Dec` (src/decimal/exact.ts): exact rationals — small, or in bigints beyond the
 * safe range — with decimal.js behind them. Hand-written cases (expected values worked out by hand,
 * never taken from the code), then properties (fast-check) against plain decimal.js at the engine's
 * configuration: for exact decimal inputs every operation — construction, + − ×, comparisons, rounding
 * in every mode, floor/ceil, toString, toFixed — gives decimal.js's result exactly, and so does a
 * single division; chains with division agree with decimal.js to 30 significant digits (they are exact
 * here, decimal.js rounds every step to 40; see `close` for sums that cancel). Last, the bigint tier:
 * by hand, and against exact fractions (bigint numerator and denominator in lowest terms, the test's
 * own) for the metric that needs it, a sum of four quotients of money amounts.
 */
import fc from 'fast-check';
import DecimalBase from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec, showMoney, showPercent } from '../src/decimal/dec.ts';

const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
type Decimal = InstanceType<typeof Decimal>;
type Rounding = DecimalBase.Rounding;

const RUNS = { numRuns: Number(process.env.JIXIAO_PROPERTY_RUNS ?? 1000) };
const MODES: Rounding[] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
/** Whether a value has left the small range (it is held in bigints or by decimal.js). */
const isBig = (d: Dec) => d.b !== null;

describe('Dec by hand', () => {
  it('0.1 + 0.2 is 0.3 exactly, from numbers and from text', () => {
    expect(new Dec(0.1).plus(0.2).toString()).toBe('0.3');
    expect(new Dec('0.1').plus(new Dec('0.2')).eq('0.3')).toBe(true);
    // the JS number 0.1 + 0.2 is 0.30000000000000004, and that is what it reads as
    expect(new Dec(0.1 + 0.2).toString()).toBe('0.30000000000000004');
  });

  it('1/3 × 3 is 1 (decimal.js: 0.999…9, forty nines)', () => {
    const third = new Dec(1).div(3);
    expect(third.toString()).toBe('0.3333333333333333333333333333333333333333');
    expect(third.times(3).eq(1)).toBe(true);
    expect(third.times(3).toString()).toBe('1');
    expect(new Dec(10).div(3).times(3).isInteger()).toBe(true);
    expect(new Dec(2).div(3).plus(new Dec(1).div(3)).toString()).toBe('1');
  });

  it('2/3 to 2 places: 0.67 half-up, 0.66 down', () => {
    const twoThirds = new Dec(2).div(3);
    expect(twoThirds.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toString()).toBe('0.67');
    expect(twoThirds.toDecimalPlaces(2, Dec.ROUND_DOWN).toString()).toBe('0.66');
    expect(twoThirds.toFixed(4)).toBe('0.6667');
  });

  it('ties: half-up away from zero, half-even to the even digit', () => {
    expect(new Dec('0.125').toDecimalPlaces(2, Dec.ROUND_HALF_UP).toString()).toBe('0.13');
    expect(new Dec('0.125').toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toString()).toBe('0.12');
    expect(new Dec('0.135').toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toString()).toBe('0.14');
    expect(new Dec('2.5').toDecimalPlaces(0, Dec.ROUND_HALF_EVEN).toString()).toBe('2');
    expect(new Dec('3.5').toDecimalPlaces(0, Dec.ROUND_HALF_EVEN).toString()).toBe('4');
    expect(new Dec('2.5').toDecimalPlaces(0, Dec.ROUND_HALF_DOWN).toString()).toBe('2');
    // a tie of a quotient: 1/8 = 0.125
    expect(new Dec(1).div(8).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toString()).toBe('0.12');
  });

  it('negative ties in every mode', () => {
    const x = new Dec('-0.125');
    const at2 = (rm: Rounding) => x.toDecimalPlaces(2, rm).toString();
    expect(at2(Dec.ROUND_UP)).toBe('-0.13');
    expect(at2(Dec.ROUND_DOWN)).toBe('-0.12');
    expect(at2(Dec.ROUND_CEIL)).toBe('-0.12');
    expect(at2(Dec.ROUND_FLOOR)).toBe('-0.13');
    expect(at2(Dec.ROUND_HALF_UP)).toBe('-0.13');
    expect(at2(Dec.ROUND_HALF_DOWN)).toBe('-0.12');
    expect(at2(Dec.ROUND_HALF_EVEN)).toBe('-0.12');
    expect(at2(Dec.ROUND_HALF_CEIL)).toBe('-0.12');
    expect(at2(Dec.ROUND_HALF_FLOOR)).toBe('-0.13');
  });

  it('floor and ceil of negatives; a rounded-away negative stays −0', () => {
    expect(new Dec('-7.5').floor().toString()).toBe('-8');
    expect(new Dec('-7.5').ceil().toString()).toBe('-7');
    expect(new Dec(-7).floor().toString()).toBe('-7');
    expect(new Dec('7.01').ceil().toString()).toBe('8');
    const z = new Dec('-0.5').ceil();
    expect(z.isZero()).toBe(true);
    expect(z.isNeg()).toBe(true);
    expect(z.toString()).toBe('0');
    expect(z.valueOf()).toBe('-0');
    expect(new Dec('-0.001').toFixed(2)).toBe('-0.00');
    expect(new Dec('-0.001').toDecimalPlaces(2).valueOf()).toBe('-0');
  });

  it('leaving the safe integers stays right (bigints; decimal.js for long text)', () => {
    const big = new Dec(9e15).times(10);
    expect(isBig(big)).toBe(true);
    expect(big.toString()).toBe('90000000000000000');
    // and back: 9·10^16 − 8.99·10^16 = 10^14 is small again
    const back = big.minus('89900000000000000');
    expect(isBig(back)).toBe(false);
    expect(back.toString()).toBe('100000000000000');
    expect(new Dec(Number.MAX_SAFE_INTEGER).plus(1).toString()).toBe('9007199254740992');
    expect(new Dec(Number.MAX_SAFE_INTEGER).plus(2).toString()).toBe('9007199254740993');
    // (2^53 − 1)² = 2^106 − 2^54 + 1, 32 digits: exact
    expect(new Dec(Number.MAX_SAFE_INTEGER).times(Number.MAX_SAFE_INTEGER).toString()).toBe('81129638414606663681390495662081');
    // 41 significant digits are rounded to 40, half-up, as decimal.js does
    expect(new Dec('1e40').plus(5).toString()).toBe('1.000000000000000000000000000000000000001e+40');
    expect(new Dec('12345678901234567890.5').toString()).toBe('12345678901234567890.5');
    expect(new Dec('0.1').times('1e-20').toString()).toBe('0.000000000000000000001');
  });

  it('1,039,209,201.00 元: ratios and shares', () => {
    const amount = new Dec('1039209201.00');
    expect(amount.div('2078418402.00').toString()).toBe('0.5');
    expect(showMoney(amount.times('0.5'))).toBe('519,604,600.50');
    expect(amount.div(3).toString()).toBe('346403067');
    // 1,039,209,201 = 7 × 148,458,457 + 2, and 2/7 = 0.285714…
    const seventh = amount.div(7);
    expect(seventh.toString()).toBe('148458457.2857142857142857142857142857143');
    expect(showMoney(seventh)).toBe('148,458,457.29');
    expect(seventh.times(7).eq(amount)).toBe(true);
    // 1,039,209,201 / 1,100,000,000 = 0.9447356372727…
    const share = amount.div('1100000000.00');
    expect(showPercent(share)).toBe('94.47%');
    expect(share.gt('0.9447356372727272')).toBe(true);
    expect(share.lt('0.9447356372727273')).toBe(true);
  });

  it('x / 0 is not finite, as in decimal.js', () => {
    expect(new Dec(5).div(0).isFinite()).toBe(false);
    expect(new Dec(5).div(0).toString()).toBe('Infinity');
    expect(new Dec(-5).div(0).toString()).toBe('-Infinity');
    expect(new Dec(0).div(0).isNaN()).toBe(true);
    expect(new Dec(0).div(0).eq(0)).toBe(false);
    expect(new Dec(1).div(new Dec(5).div(0)).isZero()).toBe(true);
  });

  it('reads numbers as their shortest decimal, text as decimal.js does', () => {
    expect(new Dec(1234.56).toString()).toBe('1234.56');
    expect(new Dec(1234.56).q).toBe(100);
    expect(new Dec(1e-7).toString()).toBe('0.0000001');
    expect(new Dec(1e21).toString()).toBe('1000000000000000000000');
    expect(new Dec(-0).valueOf()).toBe('-0');
    expect(new Dec('1e3').toString()).toBe('1000');
    expect(new Dec('1.5E-2').toString()).toBe('0.015');
    expect(new Dec('.5').toString()).toBe('0.5');
    expect(new Dec('5.').toString()).toBe('5');
    expect(new Dec('+7').toString()).toBe('7');
    expect(new Dec('-0.00').valueOf()).toBe('-0');
    expect(new Dec('0.95').times(100).toString()).toBe('95');
    expect(() => new Dec('1,000')).toThrow('[DecimalError] Invalid argument: 1,000');
    expect(() => new Dec(' 1')).toThrow('[DecimalError] Invalid argument');
    expect(() => new Dec('')).toThrow('[DecimalError] Invalid argument');
    expect(new Dec(new Decimal('2.50')).eq('2.5')).toBe(true);
    expect(new Dec(10n).toString()).toBe('10');
  });

  it('toFixed pads and rounds half-up by default', () => {
    expect(new Dec('1234.5').toFixed(2)).toBe('1234.50');
    expect(new Dec('2.345').toFixed(2)).toBe('2.35');
    expect(new Dec(6).toFixed(2)).toBe('6.00');
    expect(new Dec(1).div(3).toFixed(5)).toBe('0.33333');
    expect(new Dec('5.7300').toFixed()).toBe('5.73');
  });

  it('min and max: the least and greatest, −0 below +0', () => {
    expect(Dec.min(new Dec(3), new Dec('2.5'), 4).toString()).toBe('2.5');
    expect(Dec.max(new Dec(3), new Dec('2.5'), 4).toString()).toBe('4');
    expect(Dec.min(new Dec(0), new Dec(-0)).valueOf()).toBe('-0');
    expect(Dec.max(new Dec(-0), new Dec(0)).valueOf()).toBe('0');
    expect(Dec.min(new Dec(1).div(3), '0.3333').toString()).toBe('0.3333');
  });

  it('rounding a quotient near the 40th digit: the exact quotient, not decimal.js\'s 40-digit one', () => {
    // 9,007,199,254,739,246 = 7 × 1,286,742,750,677,035 + 1: the quotient is …035.142857 142857 … for
    // ever. To 24 places (40 significant digits) rounding up gives …142858; decimal.js first rounds the
    // quotient to 40 digits (…142857, exactly at 24 places) and then has nothing left to round up.
    const q = new Dec('9007199254739246').div(7);
    expect(q.toString()).toBe('1286742750677035.142857142857142857142857');
    expect(q.toDecimalPlaces(24, Dec.ROUND_UP).toString()).toBe('1286742750677035.142857142857142857142858');
    expect(new Decimal('9007199254739246').div(7).toDecimalPlaces(24, Dec.ROUND_UP).toString()).toBe('1286742750677035.142857142857142857142857');
    // within 23 significant digits the two always agree (a quotient of safe integers is never that
    // close to a rounding boundary without being on it)
    expect(q.toDecimalPlaces(6, Dec.ROUND_UP).toString()).toBe('1286742750677035.142858');
  });

  it('integer powers are exact', () => {
    expect(new Dec(2).pow(10).toString()).toBe('1024');
    expect(new Dec('0.5').pow(-2).toString()).toBe('4');
    expect(new Dec(1).div(3).pow(2).times(9).toString()).toBe('1');
    expect(new Dec(-2).pow(3).toString()).toBe('-8');
    expect(new Dec(0).pow(0).toString()).toBe('1');
    expect(new Dec(10).pow(20).toString()).toBe('100000000000000000000');
  });
});

// ---------------------------------------------------------------- properties against decimal.js

const sign = fc.constantFrom('', '-');
const withScale = (digits: bigint, scale: number, s: string) => {
  if (scale === 0) return `${s}${digits}`;
  const t = digits.toString().padStart(scale + 1, '0');
  return `${s}${t.slice(0, -scale)}.${t.slice(-scale)}`;
};
/** Decimal text of every size the engine can meet, and beyond. */
const decimalText: fc.Arbitrary<string> = fc.oneof(
  // money, rates, scores: up to 10^12 with up to 4 decimals
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 16n }), fc.integer({ min: 0, max: 4 }), sign).map(([d, k, s]) => withScale(d, k, s)),
  // small integers and points
  fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 }), sign).map(([d, k, s]) => withScale(BigInt(d), k, s)),
  // around 2^53
  fc.tuple(fc.bigInt({ min: 2n ** 53n - 2000n, max: 2n ** 53n + 2000n }), fc.integer({ min: 0, max: 3 }), sign).map(([d, k, s]) => withScale(d, k, s)),
  // many digits, many places
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 45n }), fc.integer({ min: 0, max: 30 }), sign).map(([d, k, s]) => withScale(d, k, s)),
  // exponent form, tiny and huge
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: -40, max: 40 }), sign).map(([d, e, s]) => `${s}${d}e${e}`),
  fc.constantFrom('0', '-0', '0.000', '-0.0', '1', '-1', '0.5', '-0.5', '9007199254740991', '0.000000000000001', '1e-16', '123456789012345.6'),
  fc.constantFrom('.5', '-.5', '5.', '+7', '1.e5', '1E+5', '-0e9', '00012.3400', '1.50000000000000000000', '0.10000000000000000001'),
);
const nonZero = decimalText.filter((t) => !new Decimal(t).isZero());
const places = fc.integer({ min: 0, max: 24 });
const mode = fc.constantFrom(...MODES);

/** Both sides' full text: toString, and valueOf for the sign of zero. */
const same = (d: Dec, x: Decimal) => {
  expect(d.toString()).toBe(x.toString());
  expect(d.valueOf()).toBe(x.valueOf());
};
/**
 * Agreement to 30 significant digits: the same after rounding both to 30 digits — or, where that
 * rounding could not tell (the value sits on a 30-digit rounding boundary, or a difference cancelled
 * leading digits so that decimal.js's own 40-digit steps leave fewer than 30 right), within 10^−30 of
 * `scale`, the magnitude of the operands (default: of the result).
 */
const close = (d: Dec, x: Decimal, scale: Decimal = x.abs()) => {
  expect(d.isFinite()).toBe(x.isFinite());
  if (!x.isFinite()) {
    expect(d.toString()).toBe(x.toString());
    return;
  }
  const ours = new Decimal(d.toString());
  if (ours.toSignificantDigits(30).eq(x.toSignificantDigits(30))) return;
  expect(ours.minus(x).abs().lte(scale.times('1e-30')), `${ours.toString()} vs decimal.js ${x.toString()}`).toBe(true);
};

describe('Dec against decimal.js (precision 40)', () => {
  it('reads text and JS numbers identically', () => {
    fc.assert(
      fc.property(decimalText, (t) => same(new Dec(t), new Decimal(t))),
      RUNS,
    );
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        same(new Dec(x), new Decimal(x));
        expect(Object.is(new Dec(x).toNumber(), new Decimal(x).toNumber())).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuses text exactly when decimal.js does, with its error', () => {
    const outcome = (read: () => { toString(): string }) => {
      try {
        return read().toString();
      } catch (e) {
        return `throws ${(e as Error).message}`;
      }
    };
    const texty = fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[-+]?[0-9.eE+-]{0,8}$/));
    fc.assert(
      fc.property(texty, (t) => {
        expect(outcome(() => new Dec(t))).toBe(outcome(() => new Decimal(t)));
      }),
      RUNS,
    );
  });

  it('plus, minus, times: identical', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const [x, y, dx, dy] = [new Dec(a), new Dec(b), new Decimal(a), new Decimal(b)];
        same(x.plus(y), dx.plus(dy));
        same(x.minus(y), dx.minus(dy));
        same(x.times(y), dx.times(dy));
        same(x.plus(b), dx.plus(b));
      }),
      RUNS,
    );
  });

  it('comparisons: identical', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const [x, y, dx, dy] = [new Dec(a), new Dec(b), new Decimal(a), new Decimal(b)];
        expect(x.cmp(y)).toBe(dx.cmp(dy));
        expect([x.eq(y), x.lt(y), x.lte(y), x.gt(y), x.gte(y)]).toEqual([dx.eq(dy), dx.lt(dy), dx.lte(dy), dx.gt(dy), dx.gte(dy)]);
        expect(x.lt(0)).toBe(dx.lt(0));
        same(Dec.min(x, y), Decimal.min(dx, dy));
        same(Dec.max(x, y), Decimal.max(dx, dy));
      }),
      RUNS,
    );
  });

  it('rounding in every mode, floor, ceil, isInteger, toFixed, toNumber: identical', () => {
    fc.assert(
      fc.property(decimalText, places, mode, (a, dp, rm) => {
        const [x, dx] = [new Dec(a), new Decimal(a)];
        same(x.toDecimalPlaces(dp, rm), dx.toDecimalPlaces(dp, rm));
        same(x.floor(), dx.floor());
        same(x.ceil(), dx.ceil());
        same(x.abs(), dx.abs());
        same(x.neg(), dx.neg());
        expect(x.isInteger()).toBe(dx.isInteger());
        expect([x.isZero(), x.isNeg()]).toEqual([dx.isZero(), dx.isNeg()]);
        expect(x.toFixed(dp, rm)).toBe(dx.toFixed(dp, rm));
        expect(x.toFixed()).toBe(dx.toFixed());
        expect(Object.is(x.toNumber(), dx.toNumber())).toBe(true);
      }),
      RUNS,
    );
  });

  it('a single division of exact decimals: identical, and so are its comparisons and its roundings within 23 digits', () => {
    fc.assert(
      fc.property(decimalText, nonZero, decimalText, places, mode, (a, b, c, dp, rm) => {
        const [q, dq] = [new Dec(a).div(b), new Decimal(a).div(b)];
        same(q, dq);
        expect(q.cmp(c)).toBe(dq.cmp(c));
        expect(q.isInteger()).toBe(dq.isInteger());
        // Rounded further out, decimal.js rounds its 40-digit quotient a second time, Dec the exact
        // one (see 'rounding a quotient near the 40th digit' above).
        if (dq.e + 1 + dp <= 23) {
          expect(q.toDecimalPlaces(dp, rm).toString()).toBe(dq.toDecimalPlaces(dp, rm).toString());
          expect(q.toFixed(dp, rm)).toBe(dq.toFixed(dp, rm));
        }
      }),
      RUNS,
    );
  });

  it('chains with division agree to 30 significant digits', () => {
    fc.assert(
      fc.property(decimalText, nonZero, decimalText, nonZero, decimalText, (a, b, c, d, e) => {
        const [x, dx] = [new Dec(a).div(b), new Decimal(a).div(b)];
        const [y, dy] = [new Dec(c).div(d), new Decimal(c).div(d)];
        // sums may cancel: measured against their operands
        const both = Decimal.max(dx.abs(), dy.abs());
        close(x.times(e).plus(c), dx.times(e).plus(c), Decimal.max(dx.times(e).abs(), new Decimal(c).abs()));
        close(x.plus(y), dx.plus(dy), both);
        close(x.minus(y).times(e), dx.minus(dy).times(e), both.times(e).abs());
        close(x.div(y), dx.div(dy));
        close(x.plus(y).div(4), dx.plus(dy).div(4), both.div(4));
      }),
      RUNS,
    );
  });

  it('x / 0 and what follows: identical', () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const [x, dx] = [new Dec(a).div(0), new Decimal(a).div(0)];
        same(x, dx);
        expect(x.isFinite()).toBe(false);
        same(x.plus(b), dx.plus(b));
        same(x.times(b), dx.times(b));
        expect(x.cmp(b)).toBe(dx.cmp(b));
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------- the bigint tier

/** 1 / p for each p, and their sum, whose denominator (the product) passes 2^53. */
const P = [1000003, 1000033, 1000037, 1000039];
const sumOfInverses = () => P.reduce((s, p) => s.plus(new Dec(1).div(p)), new Dec(0));

describe('Dec beyond the safe range: exact rationals in bigints', () => {
  it('a sum of four quotients is exact: times the denominators it is an integer', () => {
    const s = sumOfInverses();
    expect(isBig(s)).toBe(true);
    // Σ 1/p_i · Π p_j = Σ_i Π_{j≠i} p_j
    const product = P.reduce((a, p) => a * BigInt(p), 1n);
    const expected = P.reduce((a, p) => a + product / BigInt(p), 0n);
    const back = P.reduce((x, p) => x.times(p), s);
    expect(back.toString()).toBe(expected.toString());
    expect(back.isInteger()).toBe(true);
    // three of them: back small once the product fits
    const s2 = new Dec(1).div(P[0]!).plus(new Dec(1).div(P[1]!)).plus(new Dec(1).div(P[2]!));
    const small = s2.times(P[0]!).times(P[1]!).times(P[2]!);
    expect(isBig(small)).toBe(false);
    expect(small.toString()).toBe(String(P[1]! * P[2]! + P[0]! * P[2]! + P[0]! * P[1]!));
  });

  it('subtracting what was added gives the value back exactly (decimal.js: off in the 40th digit)', () => {
    const a = new Dec(1).div(P[0]!);
    const b = new Dec(1).div(P[1]!).plus(new Dec(1).div(P[2]!)).plus(new Dec(1).div(P[3]!));
    const back = a.plus(b).minus(b);
    expect(back.eq(a)).toBe(true);
    expect(back.cmp(a)).toBe(0);
    expect(back.toString()).toBe(a.toString());
    expect(a.plus(b).minus(a.plus(b)).valueOf()).toBe('0');
    const [da, db] = [new Decimal(1).div(P[0]!), new Decimal(1).div(P[1]!).plus(new Decimal(1).div(P[2]!)).plus(new Decimal(1).div(P[3]!))];
    expect(da.plus(db).minus(db).toString()).toBe('0.000000999997000008999973000080999757000728998');
    expect(a.toString()).toBe('0.0000009999970000089999730000809997570007289978');
  });

  it('an exact tie held in bigints rounds as a tie in every mode', () => {
    // 0.125 + s − s, held over the product of the four denominators
    const s = sumOfInverses();
    const tie = s.plus('0.125').minus(s);
    expect(tie.eq('0.125')).toBe(true);
    expect(tie.toString()).toBe('0.125');
    const at2 = (x: Dec, rm: Rounding) => x.toDecimalPlaces(2, rm).toString();
    expect(MODES.map((rm) => at2(tie, rm))).toEqual(['0.13', '0.12', '0.13', '0.12', '0.13', '0.12', '0.12', '0.13', '0.12']);
    expect(MODES.map((rm) => at2(tie.neg(), rm))).toEqual(['-0.13', '-0.12', '-0.12', '-0.13', '-0.13', '-0.12', '-0.12', '-0.12', '-0.13']);
    expect(tie.times(8).eq(1)).toBe(true);
    expect(tie.times(8).isInteger()).toBe(true);
    expect(tie.isInteger()).toBe(false);
    expect(tie.floor().toString()).toBe('0');
    expect(tie.ceil().toString()).toBe('1');
    expect(tie.neg().floor().toString()).toBe('-1');
    // rounded away, a negative stays −0
    expect(tie.neg().toDecimalPlaces(0).valueOf()).toBe('-0');
    expect(tie.toFixed(2)).toBe('0.13');
    expect(tie.neg().toFixed(0)).toBe('-0');
  });

  it('zeros, signs and infinities around a bigint value, as decimal.js', () => {
    const s = sumOfInverses();
    expect(s.times(0).valueOf()).toBe('0');
    expect(s.times(-0).valueOf()).toBe('-0');
    expect(s.neg().times(0).valueOf()).toBe('-0');
    expect(new Dec(0).div(s.neg()).valueOf()).toBe('-0');
    expect(s.plus(0)).toBe(s);
    expect(new Dec(0).minus(s).eq(s.neg())).toBe(true);
    expect(s.div(0).toString()).toBe('Infinity');
    expect(s.neg().div(0).toString()).toBe('-Infinity');
    expect(s.div(new Dec(5).div(0)).isZero()).toBe(true);
    expect(s.isPos() && !s.isNeg() && !s.isZero() && s.isFinite() && !s.isNaN()).toBe(true);
    expect(s.abs()).toBe(s);
    expect(s.neg().abs().eq(s)).toBe(true);
    expect(Dec.max(s, s.neg(), 0)).toBe(s);
    expect(Dec.min(s, new Dec(0).div(0)).isNaN()).toBe(true);
  });

  it('integer powers stay exact in bigints; huge ones are decimal.js\'s', () => {
    expect(new Dec(3).pow(40).toString()).toBe('12157665459056928801');
    const third = new Dec(1).div(P[0]!);
    expect(third.pow(3).times(P[0]!).times(P[0]!).times(P[0]!).eq(1)).toBe(true);
    expect(sumOfInverses().pow(-2).times(sumOfInverses().pow(2)).eq(1)).toBe(true);
    expect(new Dec(2).pow(100000).toString()).toBe(new Decimal(2).pow(100000).toString());
    expect(new Dec('0.5').pow(60).toString()).toBe(new Decimal('0.5').pow(60).toString());
  });

  it('writes a bigint value as decimal.js writes its 40-digit quotient', () => {
    const s = sumOfInverses();
    const product = P.reduce((a, p) => a * BigInt(p), 1n);
    const numerator = P.reduce((a, p) => a + product / BigInt(p), 0n);
    const q = new Decimal(numerator.toString()).div(product.toString());
    same(s, q);
    expect(s.toFixed()).toBe(q.toFixed());
    expect(s.toFixed(30)).toBe(q.toFixed(30));
    expect(s.toNumber()).toBe(q.toNumber());
    // tiny and huge: exponent notation past 1e−30 and 1e40
    same(s.pow(12), new Decimal((numerator ** 12n).toString()).div((product ** 12n).toString()));
    same(s.pow(-12), new Decimal((product ** 12n).toString()).div((numerator ** 12n).toString()));
  });
});

/** Exact fractions for the oracle: plain bigint arithmetic in lowest terms (denominator > 0). */
class Frac {
  constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {
    const g = gcdOf(n < 0n ? -n : n, d);
    if (g > 1n) {
      this.n = n / g;
      this.d = d / g;
    }
  }
  static of(text: string): Frac {
    const [i, f = ''] = text.replace('-', '').split('.');
    const v = new Frac(BigInt(i! + f), 10n ** BigInt(f.length));
    return text.startsWith('-') ? new Frac(-v.n, v.d) : v;
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
    return y.n < 0n ? new Frac(-this.n * y.d, this.d * -y.n) : new Frac(this.n * y.d, this.d * y.n);
  }
  cmp(y: Frac) {
    const a = this.n * y.d;
    const b = y.n * this.d;
    return a > b ? 1 : a < b ? -1 : 0;
  }
  /** As decimal.js would hold the exact value: one division, at `precision` digits. */
  big(precision = 40) {
    const D = DecimalBase.clone({ precision, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
    return new D(this.n.toString()).div(this.d.toString());
  }
}
function gcdOf(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

describe('Dec in bigints against exact fractions', () => {
  // amounts in 元 with 2 decimals, up to 10^10; budgets never zero
  const money = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 12n }), sign).map(([c, s]) => withScale(c, 2, s));
  const rate = fc.tuple(money, money).map(([a, b]) => [a, b.replace('-', '')] as const);
  const quarter = fc.constantFrom('0.25', '0.5', '0.75', '1');
  const fourRates = fc.tuple(rate, rate, rate, rate, quarter, quarter, quarter, quarter);
  const average = ([r1, r2, r3, r4, p1, p2, p3, p4]: [readonly [string, string], readonly [string, string], readonly [string, string], readonly [string, string], string, string, string, string]) => {
    const rates = [r1, r2, r3, r4].map(([a, b], i) => [a, b, [p1, p2, p3, p4][i]!] as const);
    const dec = rates.reduce((s, [a, b, p]) => s.plus(new Dec(a).div(b).div(p)), new Dec(0)).div(4);
    const frac = rates.reduce((s, [a, b, p]) => s.plus(Frac.of(a).div(Frac.of(b)).div(Frac.of(p))), Frac.of('0')).div(Frac.of('4'));
    return [dec, frac] as const;
  };
  /**
   * The fraction rounded to dp places under rm, exactly, then written as Dec writes a value: at most
   * 40 significant digits. At 200 digits decimal.js's one division decides every rounding to 30 places
   * of these fractions (their denominators have under 60 digits).
   */
  const rounded = (f: Frac, dp: number, rm: Rounding) => f.big(200).toDecimalPlaces(dp, rm).toSignificantDigits(40, Dec.ROUND_HALF_UP);
  /** The Dec is the fraction: its text is decimal.js's one division, and so is its rounding at 30 places. */
  const is = (d: Dec, f: Frac) => {
    expect(d.toString()).toBe(f.big().toString());
    expect(d.toDecimalPlaces(30, Dec.ROUND_DOWN).toString()).toBe(rounded(f, 30, Dec.ROUND_DOWN).toString());
  };

  it('(Σ four quarterly rates) / 4, × 2, ± and ÷ between two of them: exact', () => {
    fc.assert(
      fc.property(fourRates, fourRates, (a, b) => {
        const [x, fx] = average(a);
        const [y, fy] = average(b);
        is(x, fx);
        is(x.times(2), fx.times(Frac.of('2')));
        is(x.plus(y), fx.plus(fy));
        is(x.minus(y), fx.minus(fy));
        is(x.times(y), fx.times(fy));
        if (fy.n !== 0n) is(x.div(y), fx.div(fy));
        expect(x.cmp(y)).toBe(fx.cmp(fy));
        expect(x.minus(y).plus(y).cmp(x)).toBe(0);
      }),
      RUNS,
    );
  });

  it('rounding in every mode, floor, ceil, isInteger, toFixed: the exact value rounded once', () => {
    fc.assert(
      fc.property(fourRates, places, mode, (a, dp, rm) => {
        const [x, f] = average(a);
        expect(x.toDecimalPlaces(dp, rm).toString()).toBe(rounded(f, dp, rm).toString());
        // (toFixed keeps the sign of a negative value rounded to zero: "-0.00", as decimal.js)
        expect(x.toFixed(dp, rm)).toBe(f.big(200).toFixed(dp, rm));
        expect(x.floor().toString()).toBe(rounded(f, 0, Dec.ROUND_FLOOR).toString());
        expect(x.ceil().toString()).toBe(rounded(f, 0, Dec.ROUND_CEIL).toString());
        expect(x.isInteger()).toBe(f.d === 1n);
        expect(x.times(2).toDecimalPlaces(2).toString()).toBe(rounded(f.times(Frac.of('2')), 2, Dec.ROUND_HALF_UP).toString());
      }),
      RUNS,
    );
  });
});
