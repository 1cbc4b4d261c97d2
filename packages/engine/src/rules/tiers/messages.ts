/** Messages of 分档计分 (tiers): empty tiers, gaps, overlaps, no tier. */
import { defineMessages } from '../../errors/catalogue.ts';

/** "第1档与第2档" from tier numbers (1-based, as strings). */
const tierList = (tiers: readonly string[]) => tiers.map((t) => `第${t}档`).join('与');

export const tiersMessages = defineMessages({
  'tier-empty': {
    zh: (p: { tier: number; interval: string }) => `第${p.tier}档的区间为空（${p.interval}）`,
    en: (p: { tier: number; interval: string }) => `tier ${p.tier} is an empty interval`,
  },
  /** `tiers`: the tiers on either side of the gap, 1-based and in order (one at an end, none when there are no tiers). */
  'tier-gap': {
    zh: (p: { region: string; tiers: readonly string[] }) =>
      `档位未覆盖：${p.region} 时没有对应的档${p.tiers.length > 1 ? `（${tierList(p.tiers)}之间）` : p.tiers.length === 1 ? `（与第${p.tiers[0]}档相邻）` : ''}`,
    en: (p: { region: string; tiers: readonly string[] }) => `tiers leave a gap: ${p.region}`,
  },
  /** `tiers`: the overlapping tiers, 1-based and in order. */
  'tier-overlap': {
    zh: (p: { region: string; tiers: readonly string[] }) => `档位重叠：${p.region} 同时落在${tierList(p.tiers)}`,
    en: (p: { region: string; tiers: readonly string[] }) => `tiers overlap: ${p.region} (tiers ${p.tiers.join(', ')})`,
  },
  /** `shown`: the value as finance staff write it ("93%"); `value`: the exact decimal. */
  'tier-no-match': {
    zh: (p: { subject: string; shown: string; value: string; metric: string }) => `${p.subject}为 ${p.shown}，不在任何档位内`,
    en: (p: { subject: string; shown: string; value: string; metric: string }) => `value ${p.value} of ${p.metric} falls in no tier`,
  },
});
