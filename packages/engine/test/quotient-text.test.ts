/**
 * quotientText (src/decimal/quotient.ts): N / Q written as decimal.js (precision 40, ROUND_HALF_UP,
 * toExpNeg −30, toExpPos 40) writes new Decimal(N).div(Q) — for quotients of every size, including
 * those whose operands or ratio are beyond the range of doubles (where the magnitude is estimated
 * from digit counts instead), ties at the 41st digit, and exponents at the edges of plain notation.
 */
import fc from 'fast-check';
import DecimalBase from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { quotientText } from '../src/decimal/quotient.ts';

const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
const RUNS = { numRuns: Number(process.env.JIXIAO_PROPERTY_RUNS ?? 1000) };

const decimalJs = (N: bigint, Q: bigint) => new Decimal(N.toString()).div(Q.toString()).toString();

/** A positive bigint of 1 to `digits` digits, log-uniform. */
const magnitude = (digits: number) =>
  fc.integer({ min: 1, max: digits }).chain((d) => fc.bigInt({ min: 10n ** BigInt(d - 1), max: 10n ** BigInt(d) - 1n }));

describe('quotientText', () => {
  it('by hand: thirds, exact decimals, exponent forms, a tie at the 41st digit', () => {
    expect(quotientText(1n, 3n)).toBe('0.3333333333333333333333333333333333333333');
    expect(quotientText(-2n, 3n)).toBe('-0.6666666666666666666666666666666666666667');
    expect(quotientText(1n, 8n)).toBe('0.125');
    expect(quotientText(10n ** 40n, 1n)).toBe('1e+40');
    expect(quotientText(10n ** 39n, 1n)).toBe('1000000000000000000000000000000000000000');
    expect(quotientText(1n, 10n ** 30n)).toBe('1e-30');
    expect(quotientText(1n, 10n ** 29n)).toBe('0.00000000000000000000000000001');
    // 41 digits ending in 5: half-up
    expect(quotientText(10n ** 40n + 5n, 1n)).toBe('1.000000000000000000000000000000000000001e+40');
    // 0.99…9 (41 nines) rounds up to 1
    expect(quotientText(10n ** 41n - 1n, 10n ** 41n)).toBe('1');
    expect(quotientText(10n ** 400n + 1n, 3n)).toBe(decimalJs(10n ** 400n + 1n, 3n));
    expect(quotientText(7n, 10n ** 400n)).toBe('7e-400');
  });

  it('equals decimal.js for quotients of every size', () => {
    fc.assert(
      fc.property(magnitude(400), magnitude(400), fc.boolean(), (A, Q, neg) => {
        const N = neg ? -A : A;
        expect(quotientText(N, Q)).toBe(decimalJs(N, Q));
      }),
      RUNS,
    );
  });

  it('equals decimal.js near the edges of plain notation and of 40 digits', () => {
    fc.assert(
      fc.property(magnitude(45), fc.integer({ min: 25, max: 45 }), fc.boolean(), fc.boolean(), (A, k, up, neg) => {
        const [N, Q] = up ? [A * 10n ** BigInt(k), 1n] : [A, 10n ** BigInt(k)];
        expect(quotientText(neg ? -N : N, Q)).toBe(decimalJs(neg ? -N : N, Q));
      }),
      RUNS,
    );
  });
});
