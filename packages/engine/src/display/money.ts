/** Money (元, 万元) as finance staff write it: thousands separators and 2 decimals. */
import { roundDec, type Dec } from '../decimal/dec.ts';
import { readShown, type Shown } from './value.ts';

/** 1039209201 → "1,039,209,201.00", -5.5 → "-5.50" (四舍五入 to 分). Text that is not a decimal is returned as it is. */
export function showMoney(amount: Shown): string {
  const d = readShown(amount);
  if (d === null) return String(amount);
  const [int, frac] = d.toFixed(2).split('.');
  const neg = int!.startsWith('-');
  const digits = neg ? int!.slice(1) : int!;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** The amount as `showMoney` writes it, read back (四舍五入 to 分): 86641.594 shown "86,641.59" is 86641.59. */
export function moneyAsShown(amount: Dec): Dec {
  return roundDec(amount, 2);
}
