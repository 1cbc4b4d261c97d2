/**
 * The engine's number `Dec` (src/decimal/exact.ts), by hand: exact rationals — small, or in bigints
 * beyond the safe range — with every expected value worked out by hand (never taken from the code).
 * Every operation is also checked against a plain bigint-fraction oracle over random values of every
 * size in exact-oracle.test.ts. The long-quotient text is checked against decimal.js here (its
 * conventions: 40 significant digits, exponent outside 1e−30…1e40) and in quotient-text.test.ts.
 */
import DecimalBase from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec, DecError, type Rounding } from '../src/decimal/exact.ts';
import { showMoney, showPercent } from '../src/display/index.ts';

const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });

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

  it('leaving the safe integers stays right (bigints, also for long text)', () => {
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
    // a decimal is written with every digit: 10^40 + 5 has 41 (exponent notation from 1e40)
    expect(new Dec('1e40').plus(5).toString()).toBe('1.0000000000000000000000000000000000000005e+40');
    expect(new Dec('1e40').plus(5).toFixed()).toBe('10000000000000000000000000000000000000005');
    expect(new Dec('12345678901234567890.5').toString()).toBe('12345678901234567890.5');
    // 50 significant digits read and written exactly; minus its integer part leaves the fraction
    const long = new Dec('1234567890123456789012345678901234567890.1234567891');
    expect(isBig(long)).toBe(true);
    expect(long.toString()).toBe('1234567890123456789012345678901234567890.1234567891');
    expect(long.minus('1234567890123456789012345678901234567890').toString()).toBe('0.1234567891');
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

  it('what has no exact finite value is refused: x / 0, NaN, Infinity, a non-integer power', () => {
    expect(() => new Dec(5).div(0)).toThrow(DecError);
    expect(() => new Dec(0).div('-0')).toThrow('division by zero');
    expect(() => new Dec(NaN)).toThrow(DecError);
    expect(() => new Dec(Infinity)).toThrow(DecError);
    expect(() => new Dec('Infinity')).toThrow(DecError);
    expect(() => new Dec(2).pow('0.5')).toThrow('whole number');
    expect(() => new Dec(0).pow(-1)).toThrow(DecError);
    expect(() => new Dec(2).pow(100000)).toThrow('2^16 bits');
    expect(() => new Dec(1).toDecimalPlaces(1001)).toThrow(DecError);
    expect(() => new Dec(1).toFixed(2, 9 as Rounding)).toThrow(DecError);
    expect(() => new Dec('1e100001')).toThrow(DecError);
  });

  it('reads numbers as their shortest decimal, and decimal text exactly', () => {
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
    expect(() => new Dec('1,000')).toThrow('not decimal text');
    expect(() => new Dec(' 1')).toThrow(DecError);
    expect(() => new Dec('')).toThrow(DecError);
    expect(() => new Dec('0x1f')).toThrow(DecError);
    expect(new Dec(10n).toString()).toBe('10');
    expect(new Dec(-(10n ** 30n)).toString()).toBe('-1000000000000000000000000000000');
    // 0.1 + 0.2 as a JS number has 17 significant digits: read exactly as String() writes it
    expect(new Dec(5e-324).toString()).toBe('5e-324');
    expect(new Dec(1.7976931348623157e308).eq('1.7976931348623157e308')).toBe(true);
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

  it('zeros and signs around a bigint value', () => {
    const s = sumOfInverses();
    expect(s.times(0).valueOf()).toBe('0');
    expect(s.times(-0).valueOf()).toBe('-0');
    expect(s.neg().times(0).valueOf()).toBe('-0');
    expect(new Dec(0).div(s.neg()).valueOf()).toBe('-0');
    expect(s.plus(0)).toBe(s);
    expect(new Dec(0).minus(s).eq(s.neg())).toBe(true);
    expect(() => s.div(0)).toThrow(DecError);
    expect(s.isPos() && !s.isNeg() && !s.isZero()).toBe(true);
    expect(s.abs()).toBe(s);
    expect(s.neg().abs().eq(s)).toBe(true);
    expect(Dec.max(s, s.neg(), 0)).toBe(s);
    expect(Dec.min(s, s.neg(), 0).eq(s.neg())).toBe(true);
  });

  it('integer powers stay exact in bigints; past 2^16 bits they are refused', () => {
    expect(new Dec(3).pow(40).toString()).toBe('12157665459056928801');
    const third = new Dec(1).div(P[0]!);
    expect(third.pow(3).times(P[0]!).times(P[0]!).times(P[0]!).eq(1)).toBe(true);
    expect(sumOfInverses().pow(-2).times(sumOfInverses().pow(2)).eq(1)).toBe(true);
    expect(() => new Dec(2).pow(100000)).toThrow(DecError);
    // 0.5^60 = 5^60 / 10^60, and 5^60 = 867361737988403547205962240695953369140625 (42 digits)
    expect(new Dec('0.5').pow(60).toString()).toBe('0.000000000000000000867361737988403547205962240695953369140625');
    expect(new Dec(2).pow(16000).times(new Dec('0.5').pow(16000)).eq(1)).toBe(true);
  });

  it('writes a quotient that does not end as decimal.js writes its 40-digit quotient', () => {
    const same = (d: Dec, x: InstanceType<typeof Decimal>) => {
      expect(d.toString()).toBe(x.toString());
      expect(d.valueOf()).toBe(x.valueOf());
    };
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
