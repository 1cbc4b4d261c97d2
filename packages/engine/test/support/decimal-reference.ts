/**
 * Reference mode, for tests: `withDecimalReference(fn)` runs fn with every arithmetic operation of
 * `Dec` done by decimal.js — precision 40, ROUND_HALF_UP, every result rounded to 40 significant
 * digits — as the engine computed before it had its own number type, so that a test can score the same
 * case both ways (test/exact-vs-decimal.test.ts).
 *
 * How: through Dec's documented seam (`withArithmetic` in src/decimal/exact.ts) — an `Arithmetic`
 * whose plus, minus, times, div and pow convert their operands to decimal.js (`toBig`: exact for a
 * decimal; a quotient made before, such as a compiled scheme's constant, as decimal.js would hold it:
 * its 40-digit rounding), compute there, and hand the result back as the Dec of the same value (a
 * finite decimal.js value is a decimal, which Dec holds exactly). Reading, comparing, rounding and
 * writing are Dec's own; on decimals they are what decimal.js does. Nothing of Dec is patched.
 */
import DecimalBase from 'decimal.js';
import { Dec, DecError, withArithmetic, type Arithmetic } from '../../src/decimal/exact.ts';
import { PRECISION, ROUNDED40, roundQuotient } from '../../src/decimal/quotient.ts';

/**
 * decimal.js as the engine configured it before Dec: 40 significant digits, ROUND_HALF_UP, no exponent
 * in toString from 1e−30 to 1e40.
 */
export const Big = DecimalBase.clone({ precision: PRECISION, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Big = InstanceType<typeof Big>;

/** A Dec as decimal.js holds it: a decimal exactly; any other quotient as its 40-digit rounding (decimal.js's own division). */
export function toBig(x: Dec): Big {
  const { n, d } = x.toFraction();
  if (n === 0n) return new Big(x.isNeg() ? '-0' : '0');
  if (d === 1n) return new Big(n.toString());
  let k = d;
  while (k % 10n === 0n) k /= 10n;
  // a decimal whose denominator is a power of ten: decimal.js reads its text exactly
  if (k === 1n) return new Big(x.toFixed());
  roundQuotient(n, d);
  return new Big(`${n < 0n ? '-' : ''}${ROUNDED40.m}e${ROUNDED40.exp}`);
}

/** A decimal.js result as the Dec of the same value (it is finite: a division by zero throws before). */
function fromBig(b: Big): Dec {
  return new Dec(b.toFixed());
}

const divide = (x: Dec, y: Dec): Dec => {
  // as Dec does: a division by zero is refused, not ±Infinity
  if (y.isZero()) throw new DecError(`除数为零：${x.toString()} ÷ 0（Dec: division by zero）`);
  return fromBig(toBig(x).div(toBig(y)));
};

/** decimal.js's arithmetic at precision 40, through Dec's seam. */
export const DECIMAL_REFERENCE: Arithmetic = {
  plus: (x, y) => fromBig(toBig(x).plus(toBig(y))),
  minus: (x, y) => fromBig(toBig(x).minus(toBig(y))),
  times: (x, y) => fromBig(toBig(x).times(toBig(y))),
  div: divide,
  pow: (x, y) => fromBig(toBig(x).pow(toBig(y))),
};

/**
 * Runs fn with Dec's arithmetic done by decimal.js (see the file comment) and returns its result;
 * values made inside are the decimals decimal.js computed, afterwards too.
 * @throws whatever fn throws (after the exact arithmetic is back).
 */
export function withDecimalReference<T>(fn: () => T): T {
  return withArithmetic(DECIMAL_REFERENCE, fn);
}
