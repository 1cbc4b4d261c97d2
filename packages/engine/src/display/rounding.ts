/** How a rounding is named in explanations and diffs. */
import type { RoundMode } from '../decimal/dec.ts';

const MODE_NAME: Record<RoundMode, string> = { 'half-up': '四舍五入', 'half-even': '银行家舍入', down: '截断', up: '进一' };

/** Chinese name of a rounding, for traces: "保留2位小数（四舍五入）". */
export function roundingText(places: number, mode: RoundMode = 'half-up'): string {
  return `保留${places}位小数（${MODE_NAME[mode]}）`;
}
