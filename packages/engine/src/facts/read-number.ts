/**
 * A fact's number as the fact readers (facts.ts `factReader`) read it, for faces that store what a user
 * typed (the editor's case form): the same two steps, `halfWidthNumber` then `toDecGrouped`.
 */
import type { Dec } from '../decimal/exact.ts';
import { toDecGrouped } from '../decimal/dec.ts';
import { halfWidthNumber } from './full-width.ts';

/**
 * A fact's text read as the fact readers read a number: full-width digits and ．，％－ made ASCII
 * (`halfWidthNumber`), thousands separators allowed, a percent sign dividing by 100 — "1,234.5" → 1234.5,
 * "９５％" → 0.95, "１２，３４５．６" → 12345.6; every digit kept (exact). @returns null when the text is not
 * a number ("abc", "1.2.3", "1e3"). Ranges, units and the percent convention are the reader's, not checked here.
 */
export function readFactNumber(text: string): Dec | null {
  return toDecGrouped(halfWidthNumber(text));
}
