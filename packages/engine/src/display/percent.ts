/** Percents as finance staff write them: the fraction 0.9314 is "93.14%", the fraction 0.25 is "25%". */
import { plain, roundDec, type Dec } from '../decimal/dec.ts';
import { readShown, type Shown } from './value.ts';

/**
 * A fraction shown as a percent with up to `places` decimals of the percent (四舍五入), no trailing
 * zeros: 0.93137 → "93.14%", 0.25 → "25%", 1 → "100%". Text that is not a decimal is returned as it is.
 */
export function showPercent(fraction: Shown, places = 2): string {
  const d = readShown(fraction);
  if (d === null) return String(fraction);
  const pct = d.times(100);
  const r = roundDec(pct, places);
  return `${r.eq(pct) ? plain(pct) : plain(r)}%`;
}

/**
 * The fraction as `showPercent` writes it, read back: 0.258839 shown "25.88%" is 0.2588. What a reader
 * checking an arithmetic line by hand works with.
 */
export function percentAsShown(fraction: Dec, places = 2): Dec {
  return roundDec(fraction.times(100), places).div(100);
}
