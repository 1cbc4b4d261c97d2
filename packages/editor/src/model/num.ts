/**
 * Editing numbers of the format (Num: a JSON number or a decimal string such as "0.95" or "95%").
 * The editor never does arithmetic on them — it only checks the text a user types and stores it.
 */
import type { NumT } from './types.ts';

const DECIMAL = /^-?[0-9]+(\.[0-9]+)?%?$/;

/** Text shown in an input for a stored value. */
export function numToText(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  return '';
}

/**
 * Parses what a user typed: `null` when it is not a decimal; a JSON number when the text is its
 * own canonical form ("5", "0.95"); else the decimal string ("5.50", "95%"). Full-width digits,
 * the full-width percent sign and surrounding spaces are accepted.
 */
export function parseNumText(text: string): NumT | null {
  const t = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/％/g, '%')
    .replace(/^[+]/, '');
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
