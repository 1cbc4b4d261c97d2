/**
 * Showing the engine's decimal strings the way finance staff write scores (94.56, +1.00, −0.50):
 * text operations only — padding zeros and adding a sign — never float arithmetic or rounding
 * (the engine's values are already rounded as the scheme says; averages keep their 4 places).
 */
import { showNumber } from '@jixiao/engine';

/** "5" → "5.00", "-0.5" → "-0.50", "93.8700" stays; at least `places` decimals, never fewer digits. */
export function fixed(s: string, places = 2): string {
  const t = s.trim();
  const m = /^(-?)([0-9]+)(?:\.([0-9]*))?$/.exec(t);
  if (!m) return t;
  const frac = (m[3] ?? '').padEnd(places, '0');
  return `${m[1]}${m[2]}${frac ? `.${frac}` : ''}`;
}

/** Zero, whatever its spelling ("0", "-0.00"). */
export function isZero(s: string): boolean {
  return /^[-+]?0*(\.0*)?$/.test(s.trim()) && /0/.test(s);
}

/** Sign of a decimal string: -1, 0 or 1. */
export function signOf(s: string): -1 | 0 | 1 {
  if (isZero(s)) return 0;
  return s.trim().startsWith('-') ? -1 : 1;
}

/** A change with its sign: "+1.00", "-0.50", "0.00" (zero has none). */
export function signed(s: string, places = 2): string {
  const sign = signOf(s);
  const f = fixed(sign === 0 ? s.trim().replace(/^[-+]/, '') : s, places);
  return sign === 1 ? `+${f}` : f;
}

/**
 * A raw number of a trace or score sheet as the CLI shows it: decimal texts with more than 6
 * decimals go through the engine's `showNumber` ("≈0.980363"); anything else ("5.00", "93.14%",
 * "是") is returned unchanged, so rounded scores keep the zeros the scheme's rounding wrote.
 */
export function traceNum(s: string): string {
  const t = s.trim();
  const m = /^-?[0-9]+\.([0-9]+)$/.exec(t);
  if (!m || m[1]!.length <= 6) return s;
  return showNumber(t);
}
