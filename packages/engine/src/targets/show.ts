/**
 * How target comparisons show numbers in their Chinese explanations: plain decimals ("8664.9"),
 * percents ("33.33%").
 */
import Decimal from 'decimal.js';

/** A decimal without exponent or trailing zeros: 5.7300 → "5.73", 1e8 → "100000000". */
export function showNumber(d: Decimal): string {
  const s = d.toFixed();
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** A fraction as a percent, at most 2 decimals (四舍五入): 1/3 → "33.33%", 1 → "100%". */
export function showFraction(d: Decimal): string {
  return `${showNumber(d.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP))}%`;
}
