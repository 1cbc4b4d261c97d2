/**
 * A percent typed as percent points: "95" means 95%. The rule of every face where a person types a percent
 * into a box that shows no percent sign — the editor's percent field (it shows "95" with % beside it) and a
 * plain (常规, not percent-formatted) value cell of the Excel 填报模板 — so that a value typed the same way is
 * the same fact on both. The case format keeps such a value as a percent with its sign ("95%"), exactly (the
 * digits moved, no arithmetic), which the fact readers read as 0.95; a fraction (0.95) stays what the CLI and
 * the API write.
 */
import { readFactNumber } from './read-number.ts';
import { halfWidthNumber } from './full-width.ts';

/** The text as a number the fact readers read (`readFactNumber`), a percent sign excluded; else null. */
function points(text: string) {
  return halfWidthNumber(text.trim()).endsWith('%') ? null : readFactNumber(text);
}

/**
 * What a percent typed as percent points is stored as: "95" → "95%", "９５" or "９５％" → "95%", "1,234.5" →
 * "1234.5%", "95.50" → "95.5%", "0.95" → "0.95%" (see `percentPointsMeant`). A trailing % is allowed ("95%" is
 * 95% too). Text that is not a number is returned as typed, so the engine's message quotes the user's own
 * text ("abc", not "abc%"). "" → undefined (未填).
 */
export function percentPointsValue(text: string): string | undefined {
  const t = text.trim();
  const body = t.replace(/[%％]$/, '').trim();
  if (body === '') return undefined;
  const d = points(body);
  return d !== null ? `${d.toFixed()}%` : t;
}

/**
 * The percent a user may have meant when the number typed as percent points is not zero and at most 1 in size
 * (a habit from fractions: 0.95 for 95%): "0.95" → "95", "-0.5" → "-50"; null for any other text, and for a
 * text with its % sign ("0.95%" says what it means). Faces warn with it: 0.95 is read as 0.95%.
 */
export function percentPointsMeant(text: string): string | null {
  const p = points(text.trim());
  if (p === null || p.isZero() || p.abs().gt(1)) return null;
  return p.times(100).toString();
}
