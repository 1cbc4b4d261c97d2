/**
 * Editing numbers of the format (Num: a JSON number or a decimal string such as "0.95" or "95%").
 * The editor does no arithmetic on them — it checks the text a user types and stores it — except
 * for showing a percent metric's bound in percent (0.95 ↔ 95), which is ×100 and ÷100 with the
 * engine's exact `Dec`, never floating point.
 */
import { Dec, halfWidthNumber } from '@jixiao/engine';
import type { NumT } from './types.ts';

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?%?$/;

/** Text shown in an input for a stored value. */
export function numToText(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  return '';
}

/**
 * Parses what a user typed: `null` when it is not a decimal; a JSON number when the text is its
 * own canonical form ("5", "0.95"); else the decimal string ("5.50", "95%"). Full-width digits, ．, ％
 * and － (read as the engine reads a fact: `halfWidthNumber`) and surrounding spaces are accepted.
 */
export function parseNumText(text: string): NumT | null {
  const t = halfWidthNumber(text.trim()).replace(/^[+]/, '');
  if (!DECIMAL.test(t)) return null;
  if (!t.endsWith('%') && String(Number(t)) === t) return Number(t);
  return t;
}

/** True when a value is a percentage-like fraction context should show as %. */
export function isNumValue(v: unknown): v is NumT {
  return typeof v === 'number' || (typeof v === 'string' && DECIMAL.test(v));
}

/**
 * True when two decimal texts write the same number ("10.00" and "10", "0.50" and ".5" is not
 * accepted: both must be decimals). A textual comparison after normalising zeros — no arithmetic.
 */
export function sameDecimal(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): string | null => {
    const t = String(v ?? '').trim().replace(/^\+/, '');
    const m = /^(-?)0*([0-9]+?)(?:\.([0-9]*?)0*)?$/.exec(t);
    if (!m) return null;
    const sign = m[2] === '0' && !m[3] ? '' : m[1];
    return `${sign}${m[2]}${m[3] ? `.${m[3]}` : ''}`;
  };
  const x = norm(a);
  return x !== null && x === norm(b);
}

/** The stored form of a decimal text: a JSON number when the text is its own canonical form, else the text. */
function stored(t: string): NumT {
  return String(Number(t)) === t ? Number(t) : t;
}

/**
 * A percent metric's stored value (a fraction 0.95, its text "0.95", or "95%") as the percent a user
 * reads and types, without the sign: "95". '' for a missing or unreadable value.
 */
export function fractionToPercentText(v: unknown): string {
  if (typeof v === 'string' && v.trim().endsWith('%')) return v.trim().slice(0, -1);
  if (!isNumValue(v)) return '';
  return new Dec(v).times(100).toString();
}

/**
 * What a user typed as a percent ("95", "95%", "９５．５％") → the fraction the format stores (0.95,
 * 0.955), or null when it is not a decimal. Exact: "33.333" → 0.33333.
 */
export function percentTextToFraction(text: string): NumT | null {
  const n = parseNumText(text);
  if (n === null) return null;
  const t = String(n).replace(/%$/, '');
  return stored(new Dec(t).div(100).toString());
}
