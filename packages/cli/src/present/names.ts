/** Chinese names shown to users for the engine's codes (statuses, rule kinds, row outcomes). */
import { RULE_KIND_ZH, type RowResult } from '@jixiao/engine';

/** Statuses in short (tables) and in full (`explain`): the engine's one table, as the editor shows them. */
export { STATUS_NOTE, STATUS_TEXT } from '@jixiao/engine';

/** Chinese name of each rule kind, from the engine's rule-kind registry (the one table every face shows). */
export const KIND_NAME: Readonly<Record<string, string>> = RULE_KIND_ZH;

export const OUTCOME_NAME: Record<RowResult['outcome'], string> = {
  met: '达成',
  notMet: '未达成',
  qualitative: '定性',
  notApplicable: '不适用',
  incomparable: '无法比较',
};

/** Where a trace input's value came from: the engine's one table, as the editor shows it. */
export { ORIGIN_NAME } from '@jixiao/engine';

/** "一级", "二级", … "十级": the column name of an indicator level. */
export function levelName(level: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return `${digits[level] ?? String(level)}级指标`;
}
