/** Messages of 引用共用分档表 (bands). */
import { defineMessages } from '../../errors/catalogue.ts';

export const bandsMessages = defineMessages({
  'band-table-unknown': {
    zh: (p: { name: string; table: string; known: readonly string[] }) => `“${p.name}”引用的分档表“${p.table}”不在方案的共用分档表（bandTables）中${p.known.length ? `（现有：${p.known.join('、')}）` : ''}`,
    en: (p: { name: string; table: string; known: readonly string[] }) => `"${p.name}": band table ${p.table} is not defined`,
  },
  /** A band table's own problems, reported once per table at /bandTables/i. */
  'band-table-share': {
    zh: (p: { table: string; band: number; share: string }) => `分档表“${p.table}”第${p.band}档的得分比例 ${p.share} 不在 0–100% 之间（百分数按小数写，如 0.8 或 "80%"）`,
    en: (p: { table: string; band: number; share: string }) => `band table ${p.table}: band ${p.band} share ${p.share} is outside 0–100%`,
  },
  /**
   * A leaf that uses a table with problems: said once per leaf, beside the leaf, while the table's own problems
   * are reported once, at the table (/bandTables/i).
   */
  'band-table-broken': {
    zh: (p: { name: string; table: string }) => `“${p.name}”引用的分档表“${p.table}”有误（问题见该分档表），修正分档表后本指标才能按它计分`,
    en: (p: { name: string; table: string }) => `"${p.name}" uses band table ${p.table}, which has problems (reported at the table)`,
    severity: 'warning',
  },
  'band-no-match': {
    zh: (p: { name: string; subject: string; shown: string; table: string }) => `“${p.name}”：${p.subject}为 ${p.shown}，不在分档表“${p.table}”的任何一档内`,
    en: (p: { name: string; subject: string; shown: string; table: string }) => `"${p.name}": value ${p.shown} falls in no band of ${p.table}`,
  },
});
