/**
 * The engine's number `Dec` (src/decimal/exact.ts): exact small rationals with decimal.js behind them.
 * Hand-written cases (expected values worked out by hand, never taken from the code), then properties
 * (fast-check) against plain decimal.js at the engine's configuration: for exact decimal inputs every
 * operation — construction, + − ×, comparisons, rounding in every mode, floor/ceil, toString, toFixed —
 * gives decimal.js's result exactly, and so does a single division; chains with division agree with
 * decimal.js to 30 significant digits (they are exact here, decimal.js rounds every step to 40; see
 * `close` for sums that cancel).
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

  it('leaving the safe integers goes to decimal.js and stays right', () => {
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
