/**
 * Scores (得分) as every face shows them — the CLI's tables, the editor's sheet and trace panel, the
 * impact preview: at the scheme's declared places (`rounding.places`), "5.00", "9.70".
 */
import { plain } from '../decimal/dec.ts';
import { readShown, type Shown } from './value.ts';

/**
 * The mark of a value that the scheme has not rounded, shown rounded to its places: "0.98（未取整）" is
 * 0.980363…, a part's score before its indicator is rounded.
 */
export const UNROUNDED = '未取整';

/** "（未取整）", as it follows a number. */
export const UNROUNDED_MARK = `（${UNROUNDED}）`;

/**
 * A score at the scheme's places: "5.00", "9.70", "0.00" (places 2). A value with more decimals than
 * that — not rounded by the scheme, such as a part's score before its indicator is rounded — is shown
 * rounded half-up to the places and marked: "0.98（未取整）". Text that is not a plain decimal
 * ("", "—") is returned as it is; no score (null, undefined) is "".
 * @param places the scheme's `rounding.places` (0–10)
 */
export function showScore(value: Shown | null | undefined, places: number): string {
  if (value === null || value === undefined) return '';
  const d = readShown(value);
  if (d === null) return String(value);
  return d.decimalPlaces() <= places ? d.toFixed(places) : `${d.toFixed(places)}${UNROUNDED_MARK}`;
}

/**
 * 分值 (points) as the scheme writes them: "5", "2.5", "100" — never padded. Text that is not a
 * decimal is returned as it is; no points (null, undefined) is "".
 */
export function showPoints(value: Shown | null | undefined): string {
  if (value === null || value === undefined) return '';
  const d = readShown(value);
  return d === null ? String(value) : plain(d);
}
