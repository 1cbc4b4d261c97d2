/** Chinese names shown to users for the engine's codes (statuses, rule kinds, row outcomes). */
import { RULE_KIND_ZH, type RowResult, type ScoreStatus } from '@jixiao/engine';

/** How a score was established, as a short note for tables ('' for a plain computed score). */
export const STATUS_NOTE: Record<ScoreStatus, string> = {
  computed: '',
  judgement: '酌情',
  mixed: '含酌情',
  unverified: '未核实',
  exempt: '免评',
  vetoed: '一票否决',
};

/** Status in full, for `explain`. */
export const STATUS_TEXT: Record<ScoreStatus, string> = {
  computed: '按规则计算（可复核）',
  judgement: '评审酌情评分',
  mixed: '部分按规则计算、部分酌情',
  unverified: '未核实：报告未披露计算所需事实，照录报告得分',
  exempt: '免评：直接得满分',
  vetoed: '一票否决：得0分',
};

/** Chinese name of each rule kind, from the engine's rule-kind registry (the one table every face shows). */
export const KIND_NAME: Readonly<Record<string, string>> = RULE_KIND_ZH;

export const OUTCOME_NAME: Record<RowResult['outcome'], string> = {
  met: '达成',
  notMet: '未达成',
  qualitative: '定性',
  notApplicable: '不适用',
  incomparable: '无法比较',
};

/** Where a trace input's value came from. */
export const ORIGIN_NAME: Record<string, string> = {
  fact: '事实',
  metric: '计算指标',
  default: '缺省值',
};

/** "一级", "二级", … "十级": the column name of an indicator level. */
export function levelName(level: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return `${digits[level] ?? String(level)}级指标`;
}
