/**
 * The Chinese names of the engine's codes that every face shows (CLI `score`/`explain`, the editor's
 * 评分表 and 得分说明): one table, so the CLI and the editor say the same words for the same thing.
 */
import type { ScoreStatus, TraceInput } from '../sheet/types.ts';

/** How a score was established, as a short note beside it in a table ('' for a plain computed score). */
export const STATUS_NOTE: Readonly<Record<ScoreStatus, string>> = {
  computed: '',
  judgement: '酌情',
  mixed: '部分酌情',
  unverified: '未核实',
  exempt: '免评',
  vetoed: '一票否决',
};

/** How a score was established, in full (得分说明, `explain`). */
export const STATUS_TEXT: Readonly<Record<ScoreStatus, string>> = {
  computed: '按规则计算（可复核）',
  judgement: '评审酌情评分',
  mixed: '部分按规则计算、部分酌情',
  unverified: '未核实：报告未披露计算所需事实，照录报告得分',
  exempt: '免评：直接得满分',
  vetoed: '一票否决：得0分',
};

/** Where a value a rule used came from (a trace input's `origin`): a case's 事实, a scheme's 计算指标, or the scheme's default. */
export const ORIGIN_NAME: Readonly<Record<TraceInput['origin'], string>> = {
  fact: '事实',
  metric: '计算指标',
  default: '缺省值',
};
