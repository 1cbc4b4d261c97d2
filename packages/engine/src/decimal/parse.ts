/**
 * Reading numbers into the exact forms of `Dec` (exact.ts): decimal text ("0.95", "-12", "1e3",
 * "1.5E-2", ".5", "1.") and finite JS numbers (read as the number's shortest round-trip decimal,
 * String(x): 0.1 is one tenth).
 *
 * parseDecimalText and parseNumber answer the small form n / q into `PARSED` (reused, so the hot path
 * allocates nothing) and return false when the value is not a small exact decimal: invalid text, or
 * more digits than a safe integer holds. parseWideText then reads any decimal text exactly as a
 * bigint N / 10^k (into `PARSED_WIDE`), or says it is not decimal text.
 */
import { MAX_POW10, MAX_SAFE, POW10 } from './int-ops.ts';

/** The last answer of parseDecimalText / parseNumber: the value is n / q, q = 10^k (0 ≤ k ≤ 15). */
export const PARSED = { n: 0, q: 1 };

/** Exponents beyond this are left to parseWideText (they never give a small value but zero). */
const EXP_LIMIT = 1e6;

/**
 * Reads decimal text: optional sign, then /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i (the syntax decimal.js
 * reads). "-0" and "-0.00" give negative zero. @returns true with the value in PARSED, or
 * false (not this syntax, or not a small exact decimal).
 */
export function parseDecimalText(s: string): boolean {
  const len = s.length;
  let i = 0;
  let neg = false;
  let c = s.charCodeAt(0);
  if (c === 45) {
    neg = true;
    i = 1;
  } else if (c === 43) i = 1;
  // Mantissa digits accumulate into n. Once the true n passes MAX_SAFE the computed one stays above it
  // (rounding is monotonic and appending digits only grows n), so one check at the end is sound.
  let n = 0;
  const start = i;
  let dot = -1;
  for (; i < len; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n = n * 10 + (c - 48);
    else if (c === 46 && dot < 0) dot = i;
    else break;
  }
  const digits = dot < 0 ? i - start : i - start - 1;
  let scale = dot < 0 ? 0 : i - dot - 1;
  if (digits === 0) return false;
  if (i < len) {
    c = s.charCodeAt(i);
    if (c !== 101 && c !== 69) return false; // e E
    i++;
    let expNeg = false;
    c = s.charCodeAt(i);
    if (c === 45) {
      expNeg = true;
      i++;
    } else if (c === 43) i++;
    let e = 0;
    const from = i;
    for (; i < len; i++) {
      c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return false;
      if (e < EXP_LIMIT) e = e * 10 + c;
    }
    if (i === from || e >= EXP_LIMIT) return false;
    scale += expNeg ? e : -e;
  }
  if (n > MAX_SAFE) return false;
  if (n !== 0 && scale >= 0 && scale <= MAX_POW10) {
    // the common case, inline
    PARSED.n = neg ? -n : n;
    PARSED.q = POW10[scale]!;
    return true;
  }
  return settle(neg ? -n : n, scale);
}

/** Stores n × 10^−scale into PARSED if it is small exact; n is a safe integer (±0 keeps its sign). */
function settle(n: number, scale: number): boolean {
  if (n === 0) {
    PARSED.n = n;
    PARSED.q = 1;
    return true;
  }
  if (scale < 0) {
    if (scale < -MAX_POW10) return false;
    const m = n * POW10[-scale]!;
    if (m > MAX_SAFE || m < -MAX_SAFE) return false;
    PARSED.n = m;
    PARSED.q = 1;
    return true;
  }
  // trailing zeros of a long fraction ("1.5000…0"): drop them until 10^scale is safe
  while (scale > MAX_POW10 && n % 10 === 0) {
    n /= 10;
    scale--;
  }
  if (scale > MAX_POW10) return false;
  PARSED.n = n;
  PARSED.q = POW10[scale]!;
  return true;
}

/**
 * Reads a finite non-integer JS number as the decimal it stands for in JavaScript: the shortest decimal
 * that round-trips (String(x)). Fast path without String: the smallest k ≤ 15 with m = round(x·10^k),
 * |m| < 10^15, and m / 10^k === x. That division is correctly rounded from exact operands, so it is
 * exactly Number("m e−k"): the decimal round-trips. Decimals of at most 15 significant digits are
 * farther apart than doubles, so no other decimal of that length round-trips to x, and for a fixed
 * magnitude fewer places means fewer digits — this is String(x)'s decimal. Finding m needs
 * x·10^k to be within ½ of the integer: its relative error is below 2^−52, under 0.23 for |m| < 10^15.
 * Everything else (16–17 digits, tiny or huge magnitudes) parses String(x).
 */
export function parseNumber(x: number): boolean {
  for (let k = 1; k <= MAX_POW10; k++) {
    const p = POW10[k]!;
    const m = Math.round(x * p);
    if (m >= 1e15 || m <= -1e15) break;
    if (m / p === x) {
      PARSED.n = m;
      PARSED.q = p;
      return true;
    }
  }
  return parseDecimalText(String(x));
}

/** The last answer of parseWideText: the value is N / Q, Q = 10^k (k ≥ 0), trailing zeros dropped. */
export const PARSED_WIDE = { N: 0n, Q: 1n, negative: false };

/** The largest exponent decimal text may carry (a value of 10^100000 has 100,001 digits). */
export const MAX_EXPONENT = 100_000;

const DECIMAL_SYNTAX = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Reads decimal text of any length exactly — the syntax of parseDecimalText, any number of digits,
 * exponents up to ±MAX_EXPONENT — into PARSED_WIDE (N ≥ 0 with the sign apart, so that "-0" keeps its
 * sign). @returns false for anything else ("Infinity", "0x1f", "1,000", " 1", "").
 */
export function parseWideText(s: string): boolean {
  const m = DECIMAL_SYNTAX.exec(s);
  if (!m) return false;
  const int = m[2]!;
  const frac = m[3] ?? '';
  if (int.length + frac.length === 0) return false;
  let digits = (int + frac).replace(/^0+/, '');
  PARSED_WIDE.negative = m[1] === '-';
  if (digits === '') {
    PARSED_WIDE.N = 0n;
    PARSED_WIDE.Q = 1n;
    return true;
  }
  const exp = m[4] === undefined ? 0 : Number(m[4]);
  if (!(Math.abs(exp) <= MAX_EXPONENT)) return false;
  let scale = frac.length - exp;
  const trimmed = digits.replace(/0+$/, '');
  scale -= digits.length - trimmed.length;
  digits = trimmed;
  if (scale < 0) {
    PARSED_WIDE.N = BigInt(digits) * 10n ** BigInt(-scale);
    PARSED_WIDE.Q = 1n;
  } else {
    PARSED_WIDE.N = BigInt(digits);
    PARSED_WIDE.Q = 10n ** BigInt(scale);
  }
  return true;
}

/**
 * The last answer of parsePlainText: the value is n / 10^scale (n a non-zero safe integer with its
 * sign, 0 ≤ scale ≤ 15), and `percent` whether the text ended in "%".
 */
export const PLAIN = { n: 0, scale: 0, percent: false };

/**
 * The fast path of reading a fact's or a scheme's number text (toDec, toDecGrouped in dec.ts): one pass
 * over the characters instead of trim, a regular expression, slice and parseDecimalText. Reads exactly
 * `-?[0-9]+(\.[0-9]+)?%?` and, when `grouped`, also `-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?%?` ("1,511.77"),
 * with no white space anywhere. @returns true with the value in PLAIN when the text has one of these
 * forms and its value is a non-zero n / 10^scale as above; false otherwise — which does not say the
 * text is refused: the caller then reads it the general way (white space, zeros, long digits, refusals).
 */
export function parsePlainText(s: string, grouped: boolean): boolean {
  const len = s.length;
  let i = 0;
  let neg = false;
  if (s.charCodeAt(0) === 45) {
    neg = true;
    i = 1;
  }
  // the integer part: digits, or (grouped) 1–3 digits then groups of ",ddd"; `run` counts the digits
  // since the start or the last comma
  let n = 0;
  let run = 0;
  let commas = 0;
  let c = 0;
  for (; i < len; i++) {
    c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      run++;
    } else if (c === 44 && grouped && run > 0 && (commas === 0 ? run <= 3 : run === 3)) {
      commas++;
      run = 0;
    } else break;
  }
  if (run === 0 || (commas > 0 && run !== 3)) return false;
  let scale = 0;
  if (i < len && c === 46) {
    for (i++; i < len; i++) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
      scale++;
    }
    if (scale === 0) return false;
  }
  let percent = false;
  if (i < len && c === 37 && i === len - 1) {
    percent = true;
    i++;
  }
  // as in parseDecimalText, one check at the end finds a mantissa past MAX_SAFE; zero is left to the
  // general path (it keeps the sign of "-0")
  if (i !== len || n > MAX_SAFE || n === 0 || scale > (percent ? MAX_POW10 - 2 : MAX_POW10)) return false;
  PLAIN.n = neg ? -n : n;
  PLAIN.scale = scale;
  PLAIN.percent = percent;
  return true;
}
