/** What the display functions take: a Dec, or a decimal string as the score sheet carries them ("5.7", "-0.25"). */
import { Dec } from '../decimal/exact.ts';

/** A number to show: the engine's Dec, or a decimal string of a sheet. */
export type Shown = Dec | string;

const DECIMAL_TEXT = /^[-+]?[0-9]+(\.[0-9]+)?$/;

/** The Dec of a shown value, or null for text that is not a plain decimal ("", "是", "93.14%"). */
export function readShown(value: Shown): Dec | null {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  return DECIMAL_TEXT.test(t) ? new Dec(t) : null;
}
