/**
 * The fast paths of `Dec` (src/decimal/) give what the general paths give — the same value in the same
 * form — and what decimal.js gives, on random values, with mantissas around Number.MAX_SAFE_INTEGER
 * (2^53 − 1 = 9007199254740991), where a fast path must hand over to the general one:
 *
 * - reading number text in one pass (parsePlainText, readPlainText; toDec and toDecGrouped in
 *   decimal/dec.ts, which facts/facts.ts reads facts with) against the regular-expression reading it
 *   stands in front of (written again here as it was: trim, /^-?[0-9]+(\.[0-9]+)?$/, new Dec(body)
 *   ÷ 100 for a percent, and the thousands separators of facts stripped when the whole text matches
 *   /^-?\d{1,3}(,\d{3})+(\.\d+)?%?$/), and against decimal.js reading the same digits;
 * - a small quotient a / q written or counted as a decimal in doubles (decimalOf in decimal/int-ops.ts;
 *   toString, decimalPlaces) against decimal.js's 40-digit quotient and a bigint count of places.
 */
import DecimalBase from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../src/decimal/exact.ts';
import { toDec, toDecGrouped, toPlainDec } from '../src/decimal/dec.ts';
import { readFactNumber } from '../src/facts/read-number.ts';
import { DECIMAL, decimalOf } from '../src/decimal/int-ops.ts';

const RUNS = { numRuns: Number(process.env.JIXIAO_PROPERTY_RUNS ?? 1000) };

/** decimal.js as the engine configured it before Dec (precision 40, ROUND_HALF_UP, plain from 1e−30 to 1e40). */
const Big = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });

// ---------------------------------------------------------------- the general paths, as they were

// a point with digits on one side only ("95.", ".5") is read too, as a finance user types it (review finding 4)
const DECIMAL_TEXT = /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
const GROUPED_TEXT = /^-?\d{1,3}(,\d{3})+(\.\d*)?%?$/;

/** toDec of text before the one-pass reader: trim, a regular expression, new Dec, ÷ 100 for a percent. */
function generalToDec(value: string): Dec | null {
  const s = value.trim();
  if (s.endsWith('%')) {
    const body = s.slice(0, -1).trim();
    return DECIMAL_TEXT.test(body) ? new Dec(body).div(100) : null;
  }
  return DECIMAL_TEXT.test(s) ? new Dec(s) : null;
}

/** facts.ts's reading of a fact's text before toDecGrouped. */
function generalGrouped(v: string): Dec | null {
  if (GROUPED_TEXT.test(v.trim())) return generalToDec(v.trim().replace(/,/g, ''));
  return generalToDec(v);
}

/** The same value in the same form: null alike, or equal n, q (±0 told apart) and b, and the same text. */
function sameForm(a: Dec | null, b: Dec | null): void {
  if (a === null || b === null) {
    expect(a).toBe(b);
    return;
  }
  expect(Object.is(a.n, b.n)).toBe(true);
  expect(a.q).toBe(b.q);
  expect(a.b === null ? null : [a.b.N, a.b.Q]).toEqual(b.b === null ? null : [b.b.N, b.b.Q]);
  expect(a.valueOf()).toBe(b.valueOf());
}

// ---------------------------------------------------------------- generators

const MAX_SAFE_TEXT = String(Number.MAX_SAFE_INTEGER);

/** Digit strings of 1–18 digits, or the digits of an integer within 1000 of MAX_SAFE_INTEGER. */
const digits = fc.oneof(
  fc.stringMatching(/^[0-9]{1,18}$/),
  fc.integer({ min: -1000, max: 1000 }).map((d) => String(BigInt(MAX_SAFE_TEXT) + BigInt(d))),
  fc.constantFrom('0', '00', '000', '1', '9', '10', '100', MAX_SAFE_TEXT, '9007199254740992', '9007199254740993', '99999999999999999'),
);

/** Number text: a sign, digits with a point somewhere (or none), maybe a percent sign. */
const numberText = fc.tuple(fc.constantFrom('', '-'), digits, fc.nat({ max: 20 }), fc.boolean(), fc.boolean()).map(([sign, ds, at, point, percent]) => {
  const k = point ? Math.min(at, ds.length - 1) : 0;
  const body = k > 0 ? `${ds.slice(0, ds.length - k)}.${ds.slice(ds.length - k)}` : ds;
  return `${sign}${body}${percent ? '%' : ''}`;
});

/** The integer part of a number text written with a comma every three digits (maybe a wrong one). */
function group(text: string, shift: number): string {
  const m = /^(-?)([0-9]+)(.*)$/.exec(text);
  if (!m) return text;
  const int = m[2]!;
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i + shift) % 3 === 0) out += ',';
    out += int[i];
  }
  return `${m[1]}${out}${m[3]}`;
}

/** Texts near the plain form: white space, stray signs and points, exponents, letters, empty parts. */
const nearText = fc.tuple(numberText, fc.nat({ max: 30 }), fc.constantFrom(' ', '\t', '+', '-', '.', ',', '%', 'e', 'e5', '1', '0', 'x', '١')).map(([t, at, c]) => {
  const i = Math.min(at, t.length);
  return t.slice(0, i) + c + t.slice(i);
});

// ---------------------------------------------------------------- properties

describe('reading number text in one pass (toDec, toDecGrouped)', () => {
  it('gives what the general reading gives, value and form, for plain, percent, grouped and near texts', () => {
    fc.assert(
      fc.property(fc.oneof(numberText, nearText, numberText.chain((t) => fc.nat({ max: 3 }).map((s) => group(t, s)))), (t) => {
        sameForm(toDec(t), generalToDec(t));
        sameForm(toDecGrouped(t), generalGrouped(t));
      }),
      RUNS,
    );
  });

  it('reads the value decimal.js reads, around MAX_SAFE_INTEGER too (exactly: no digit lost on either side)', () => {
    fc.assert(
      fc.property(numberText, (t) => {
        const percent = t.endsWith('%');
        const body = percent ? t.slice(0, -1) : t;
        const big = percent ? new Big(body).div(100) : new Big(body);
        expect(toDec(t)!.toFixed()).toBe(big.toFixed());
        expect(toDecGrouped(group(t, 0))!.toFixed()).toBe(big.toFixed());
      }),
      RUNS,
    );
  });

  it('by hand: "1,511.77", "95%", "-0.5", and the forms it leaves to the general reading', () => {
    expect(toDecGrouped('1,511.77')!.toString()).toBe('1511.77');
    expect(toDecGrouped('1,234,567.5%')!.toString()).toBe('12345.675');
    expect(toDec('95%')!.toString()).toBe('0.95');
    expect(toDec('-0.5')!.toString()).toBe('-0.5');
    // 2^53 − 1 hundredths is read in one pass; 2^53 + 2 hundredths has a mantissa past 2^53 and is read
    // exactly in bigints (its value 9007199254740993 / 100 has no smaller form)
    expect(toDec('90071992547409.91')!.toFixed()).toBe('90071992547409.91');
    expect(toDec('90071992547409.91')!.b).toBeNull();
    expect(toDec('90071992547409.93')!.toFixed()).toBe('90071992547409.93');
    expect(toDec('90071992547409.93')!.b).not.toBeNull();
    expect(toDec(' 95 % ')!.toString()).toBe('0.95');
    expect(Object.is(toDec('-0')!.n, -0)).toBe(true);
    expect(toDec('1,511.77')).toBeNull();
    expect(toDecGrouped('1511,77')).toBeNull();
    expect(toDecGrouped('1,5117.7')).toBeNull();
    // a point with digits on one side only is a number as a finance user types it (review finding 4)
    expect(toDec('5.')!.toString()).toBe('5');
  });

  it('"95." and ".5" as typed: 95 and 0.5, exactly, on every path (plain, percent, grouped, fact text); "1.2.3", "1e3", "abc", "." are still refused', () => {
    expect(toDec('95.')!.eq(95)).toBe(true);
    expect(toDec('.5')!.eq(new Dec('0.5'))).toBe(true);
    expect(toDec('-.5')!.eq(new Dec('-0.5'))).toBe(true);
    expect(toDec('95.%')!.eq(new Dec('0.95'))).toBe(true);
    expect(toDec('.5%')!.eq(new Dec('0.005'))).toBe(true);
    expect(toPlainDec('95.')!.eq(95)).toBe(true);
    expect(toPlainDec('.5%')).toBeNull();
    expect(toDecGrouped('1,234.')!.eq(1234)).toBe(true);
    // exact: .1 + .2 is 0.3, not 0.30000000000000004
    expect(toDec('.1')!.plus(toDec('.2')!).toString()).toBe('0.3');
    // the fact reader (full-width too: ９５． and ．５)
    expect(readFactNumber('95.')!.eq(95)).toBe(true);
    expect(readFactNumber('.5')!.eq(new Dec('0.5'))).toBe(true);
    expect(readFactNumber('９５．')!.eq(95)).toBe(true);
    expect(readFactNumber('．５')!.eq(new Dec('0.5'))).toBe(true);
    for (const t of ['1.2.3', '1e3', 'abc', '.', '-.', '-', '', '..5', '5..', '.5.']) {
      expect(toDec(t), t).toBeNull();
      expect(readFactNumber(t), t).toBeNull();
    }
  });
});

describe('a small quotient as a decimal in doubles (decimalOf: toString, decimalPlaces)', () => {
  /** q = 2^i · 5^j · r, a safe integer: decimals when r = 1, or when r divides a. */
  const quotient = fc
    .tuple(fc.nat({ max: 53 }), fc.nat({ max: 23 }), fc.constantFrom(1, 1, 1, 3, 7, 9, 11, 13, 21, 999, 65537), fc.oneof(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: -1000, max: 1000 })))
    .map(([i, j, r, a]) => {
      let q = r;
      for (let t = 0; t < i && q * 2 <= Number.MAX_SAFE_INTEGER; t++) q *= 2;
      for (let t = 0; t < j && q * 5 <= Number.MAX_SAFE_INTEGER; t++) q *= 5;
      return [a, q] as const;
    });

  /** Decimal places of a / q by bigints: the least k ≤ 80 with a·10^k divisible by q, else Infinity. */
  function places(a: number, q: number): number {
    if (a === 0) return 0;
    for (let k = 0; k <= 80; k++) if ((BigInt(a) * 10n ** BigInt(k)) % BigInt(q) === 0n) return k;
    return Infinity;
  }

  it('writes every digit of a decimal and 40 of any other quotient, as decimal.js does; counts places as bigints do', () => {
    fc.assert(
      fc.property(quotient, ([a, q]) => {
        const d = new Dec(a).div(q);
        expect(d.b).toBeNull();
        const p = places(a, q);
        expect(d.decimalPlaces()).toBe(p);
        if (p === Infinity) expect(d.toString()).toBe(new Big(a).div(q).toString());
        else {
          // every digit (decimal.js would round past 40 significant digits): a·10^p / q exactly, the point p places in
          const m = (BigInt(Math.abs(a)) * 10n ** BigInt(p)) / BigInt(q);
          const t = m.toString().padStart(p + 1, '0');
          expect(d.toString()).toBe(`${a < 0 ? '-' : ''}${p === 0 ? t : `${t.slice(0, -p)}.${t.slice(-p)}`}`);
          if (t.replace(/^0+/, '').length <= 40) expect(d.toString()).toBe(new Big(a).div(q).toString());
        }
      }),
      RUNS,
    );
  });

  it('answers exactly or hands over: M / 10^k is a / q, −1 only for a quotient that does not end, −2 only past MAX_SAFE', () => {
    fc.assert(
      fc.property(quotient, ([a, q]) => {
        const abs = Math.abs(a);
        const k = decimalOf(abs, q);
        const p = places(abs, q);
        if (k >= 0) {
          expect(BigInt(DECIMAL.M) * BigInt(q)).toBe(BigInt(abs) * 10n ** BigInt(k));
          expect(DECIMAL.M).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
        } else if (k === -1) expect(p).toBe(Infinity);
        else {
          // a decimal whose M over 10^k, k the larger count of 2s or 5s in q (trailing zeros kept), is too large
          expect(k).toBe(-2);
          let twos = 0;
          let fives = 0;
          for (let r = BigInt(q); r % 2n === 0n; r /= 2n) twos++;
          for (let r = BigInt(q); r % 5n === 0n; r /= 5n) fives++;
          expect(p).toBeLessThan(Infinity);
          expect((BigInt(abs) * 10n ** BigInt(Math.max(twos, fives))) / BigInt(q)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
        }
      }),
      RUNS,
    );
  });

  it('by hand: 3/8 is 0.375, 1/3 does not end, 1/2^52 has 52 places', () => {
    expect(new Dec(3).div(8).toString()).toBe('0.375');
    expect(new Dec(3).div(8).decimalPlaces()).toBe(3);
    expect(new Dec(-7).div(40).toString()).toBe('-0.175');
    expect(new Dec(1).div(3).decimalPlaces()).toBe(Infinity);
    expect(new Dec(1).div(3).toString()).toBe(`0.${'3'.repeat(40)}`);
    // 1/2^52 = 5^52 / 10^52: M = 5^52 ≈ 2.2·10^36 passes MAX_SAFE, so bigints answer
    expect(decimalOf(1, 2 ** 52)).toBe(-2);
    expect(decimalOf(3, 8)).toBe(3);
    expect(DECIMAL.M).toBe(375);
    expect(decimalOf(1, 6)).toBe(-1);
    expect(new Dec(1).div(2 ** 52).decimalPlaces()).toBe(52);
  });
});

describe('whole-number results shared (plus, minus, times of whole numbers in 1…1023)', () => {
  it('are the shared Dec of the number, and the same value as the general result; zeros keep their sign', () => {
    const whole = fc.oneof(fc.integer({ min: -1100, max: 1100 }), fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.constant(-0));
    fc.assert(
      fc.property(whole, whole, (a, b) => {
        const x = new Dec(a);
        const y = new Dec(b);
        for (const [r, exact] of [
          [x.plus(y), BigInt(a) + BigInt(b)],
          [x.minus(y), BigInt(a) - BigInt(b)],
          [x.times(y), BigInt(a) * BigInt(b)],
        ] as const) {
          expect(r.toFraction()).toEqual({ n: exact, d: 1n });
          if (exact > 0n && exact < 1024n) expect(r).toBe(new Dec(Number(exact)));
        }
        // −0 + −0 is −0, −0 − 0 is −0, −0 × 5 is −0: not the shared +0
        expect(Object.is(new Dec(-0).plus(new Dec(-0)).n, -0)).toBe(true);
        expect(Object.is(new Dec(-0).times(new Dec(5)).n, -0)).toBe(true);
      }),
      RUNS,
    );
  });
});
