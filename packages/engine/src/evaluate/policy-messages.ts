/** Messages of the scheme-level policies (总分封顶, 不适用折算, 共用分档表): see policies.ts. */
import { defineMessages } from '../errors/catalogue.ts';

export const policyMessages = defineMessages({
  'not-applicable-without-policy': {
    zh: (p: { name: string }) => `指标“${p.name}”写了不适用条件，但方案未写不适用指标的处理（notApplicablePolicy，如 {"mode": "renormalise"} 按百分制折算）`,
    en: (p: { name: string }) => `indicator "${p.name}" has a not-applicable condition but the scheme has no notApplicablePolicy`,
  },
  'not-applicable-everything': {
    zh: () => '所有指标均不适用，无法按百分制折算总分',
    en: () => 'every indicator is not applicable: nothing to renormalise',
  },
  /** `band`: 1-based; `cap`, `total`: points. */
  'total-cap-above-total': {
    zh: (p: { band: number; cap: string; total: string }) => `总分封顶第${p.band}档的最高得分 ${p.cap} 分超过总分 ${p.total} 分`,
    en: (p: { band: number; cap: string; total: string }) => `total cap band ${p.band}: cap ${p.cap} exceeds the total ${p.total}`,
  },
  'band-table-coverage': {
    zh: (p: { table: string; region: string; type: 'gap' | 'overlap' }) => `分档表“${p.table}”${p.type === 'gap' ? `未覆盖：${p.region} 时没有对应的档` : `档位重叠：${p.region}`}`,
    en: (p: { table: string; region: string; type: 'gap' | 'overlap' }) => `band table ${p.table}: ${p.type} at ${p.region}`,
  },
  'calendar-duplicate': {
    zh: (p: { id: string }) => `节点日期“${p.id}”写了两次`,
    en: (p: { id: string }) => `calendar entry ${p.id} appears twice`,
  },
});
