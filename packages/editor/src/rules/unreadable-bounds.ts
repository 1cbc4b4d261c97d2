/**
 * Tier bounds that hold text that is not a number ("abc"): which they are, and what the table says while
 * they are there. Light on purpose — the checks made despite them are in tier-checks.ts, loaded on demand.
 */
import type { TiersRule } from '../model/types.ts';
import { isNumValue } from '../model/num.ts';

/** One bound of the table that holds text that is not a number: tier index (0-based) and side. */
export interface UnreadableBound {
  tier: number;
  side: 'min' | 'max';
}

/** The bounds of `rule` that are text but not a number (`{ "fact": … }` bounds and numbers are readable). */
export function unreadableBounds(rule: TiersRule): UnreadableBound[] {
  const out: UnreadableBound[] = [];
  (Array.isArray(rule.tiers) ? rule.tiers : []).forEach((t, tier) => {
    for (const side of ['min', 'max'] as const) {
      const v: unknown = t?.[side];
      if (typeof v === 'string' && !isNumValue(v)) out.push({ tier, side });
    }
  });
  return out;
}

/**
 * The sentence said at the table while bounds cannot be read, naming them ("第1档下限"): `checked` when the
 * other checks were made from the readable cells (`found` problems, listed under it), `pending` while they
 * are being made, `waiting` when they could not be (they wait for the bounds).
 */
export function pendingChecksNote(bad: readonly UnreadableBound[], state: 'checked' | 'pending' | 'waiting', found = 0): string {
  const names = bad.map((b) => `第${b.tier + 1}档${b.side === 'min' ? '下限' : '上限'}`).join('、');
  const tiers = [...new Set(bad.map((b) => `第${b.tier + 1}档`))].join('、');
  if (state === 'checked') return `${names}不是数字：${tiers}与其他档之间的空档、重叠，待改为数字后再检查；其余档位已按现有数字检查，${found ? '问题列在下面' : '未见其他问题'}。`;
  if (state === 'pending') return `${names}不是数字：正在按其余档位的数字检查…`;
  return `${names}不是数字：档位的空档、重叠与得分检查待改为数字后进行。`;
}
