/**
 * Messages of versioning (versions/): publishing a draft, checking a published document's stamps, and
 * making the draft of a new year. Years are integers; hashes are `sha256:…` texts.
 */
import { defineMessages } from '../errors/catalogue.ts';

export const versionMessages = defineMessages({
  'already-published': {
    zh: () => '方案已发布，不能再次发布；已发布的方案不可修改，如需调整请以它为基础新建草稿',
    en: () => 'the scheme is already published; published schemes are immutable — base a new draft on it',
  },
  /** `time`: the publication time as given. */
  'bad-time': {
    zh: (p: { time: string }) => `发布时间无效：${p.time}`,
    en: (p: { time: string }) => `invalid publication time: ${p.time}`,
  },
  /** `errors`: how many errors the scheme has. */
  'publish-invalid': {
    zh: (p: { errors: number }) => `方案有 ${p.errors} 处错误，不能发布；请先改正`,
    en: (p: { errors: number }) => `the scheme has ${p.errors} error(s) and cannot be published`,
  },
  'published-without-hash': {
    zh: () => '方案标注为已发布，但没有记录发布时的内容摘要（contentHash），无法核对发布后是否被修改',
    en: () => 'published without a content hash: later changes cannot be detected',
    severity: 'warning',
  },
  /** `recorded`: the hash recorded at publication; `actual`: the hash of the content now. */
  'published-modified': {
    zh: (p: { recorded: string; actual: string }) =>
      `已发布方案的内容与发布时记录的摘要不一致：文件在发布后被修改过（记录 ${p.recorded.slice(0, 19)}…，现为 ${p.actual.slice(0, 19)}…）。已发布的方案不可修改，如需调整请以它为基础新建草稿`,
    en: (p: { recorded: string; actual: string }) => `published scheme was modified after publication (recorded ${p.recorded}, actual ${p.actual})`,
  },
  'published-without-time': {
    zh: () => '方案标注为已发布，但没有记录发布时间（publishedAt）',
    en: () => 'published without a publication time',
    severity: 'warning',
  },
  'draft-has-publish-fields': {
    zh: () => '草稿带有发布字段（publishedAt、contentHash），这些字段只应由发布操作写入',
    en: () => 'a draft carries publication fields (publishedAt, contentHash)',
    severity: 'warning',
  },
  /** The draft's baseline (of year `base`) no longer has the content hash the draft recorded when made from it. */
  'baseline-changed': {
    zh: (p: { base: number }) => `基准方案（${p.base}年）的内容与新建草稿时记录的不一致：它在此后被修改过，影响预览按它现在的内容计算`,
    en: (p: { base: number }) => `the baseline (${p.base}) changed since the draft was made from it`,
    severity: 'warning',
  },
  /** `year`: the year asked for, as given. */
  'bad-year': {
    zh: (p: { year: string }) => `年度无效：${p.year}（应为 2000–2100 的整数）`,
    en: (p: { year: string }) => `invalid year ${p.year} (expected an integer 2000–2100)`,
  },
  'same-year': {
    zh: (p: { year: number }) => `基础方案已是${p.year}年度，新草稿须为另一年度`,
    en: (p: { year: number }) => `the base scheme is already for ${p.year}`,
  },
  /** `base`: the base scheme's year. */
  'base-modified': {
    zh: (p: { base: number }) => `基础方案（${p.base}年）在发布后被修改过，不能以它为基础新建草稿；请先恢复发布时的内容`,
    en: (p: { base: number }) => `the base scheme (${p.base}) was changed after publication; restore it first`,
  },
  'earlier-year': {
    zh: (p: { year: number; base: number }) => `新草稿年度（${p.year}）早于基础方案（${p.base}）：通常应以上一年度方案为基础新建下一年度`,
    en: (p: { year: number; base: number }) => `the new year ${p.year} is earlier than the base scheme's ${p.base}`,
    severity: 'warning',
  },
  /**
   * A 节点日期 (calendar entry) with no date for the new year, which cannot be worked out from the base: a
   * lunar holiday such as 春节 falls on another day each year. `label`: the entry's label (春节前); `id`: its id;
   * `baseDate`: its date in the base year, when it has one (shown so the user sees it is not carried).
   */
  'calendar-date-needed': {
    zh: (p: { id: string; label: string; year: number; base: number; baseDate: string | null }) =>
      `新年度须补充节点日期：节点“${p.label}”没有${p.year}年的日期，请在编辑器“事实、计算指标与节点日期”页的节点日期表中填写` +
      (p.baseDate ? `（${p.base}年为 ${p.baseDate}，每年不同，未沿用）` : ''),
    en: (p: { id: string; label: string; year: number; base: number; baseDate: string | null }) =>
      `calendar entry ${p.id} ("${p.label}") needs its date for ${p.year}` + (p.baseDate ? ` (${p.base}: ${p.baseDate}, not carried: it changes yearly)` : ''),
    severity: 'warning',
  },
  /**
   * A 节点日期 whose label names a fixed day of the year (6月底前, 12月31日前) and whose base-year date is that day:
   * carried to the same day of the new year, said so the user can check it.
   */
  'calendar-date-carried': {
    zh: (p: { id: string; label: string; year: number; date: string }) => `节点“${p.label}”按其写法沿用为 ${p.date}（${p.year}年），请核对`,
    en: (p: { id: string; label: string; year: number; date: string }) => `calendar entry ${p.id} ("${p.label}") carried to ${p.date} for ${p.year}; check it`,
    severity: 'warning',
  },
  'based-on-draft': {
    zh: (p: { base: number }) => `基础方案（${p.base}年）尚未发布`,
    en: (p: { base: number }) => `the base scheme (${p.base}) is not published`,
    severity: 'warning',
  },
});
