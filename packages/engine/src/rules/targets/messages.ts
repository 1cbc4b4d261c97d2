/**
 * Messages of 年度绩效指标行 (targets): a row whose points or self-score is not a number, a row needing judgement
 * or a reason, and the policy's parts a scheme can get wrong (bands, overshoot, weights).
 */
import { defineMessages } from '../../errors/catalogue.ts';
import type { RowResult } from '../../sheet/types.ts';

const OUTCOME_ZH: Record<RowResult['outcome'], string> = {
  met: '达成',
  notMet: '未达成',
  qualitative: '定性指标',
  notApplicable: '不适用',
  incomparable: '无法比较',
};

export const targetsMessages = defineMessages({
  /**
   * The rows' 分值 do not add up to the item's points (seed 001: "各行分值合计应为90分", every one of its 57 tables
   * does). A warning on the sheet (the case still scores: rows above the item's points are counted up to them),
   * and one that blocks 提交 (`SUBMISSION_BLOCKING_CODES`): a department could otherwise raise a row's 分值 and
   * 自评 beyond the table. `sum`/`points`: 分; `selfSum`: the rows' scores added up; `counted`: what the item counts.
   */
  'rows-points-sum': {
    severity: 'warning',
    zh: (p: { name: string; sum: string; points: string; scoreSum: string; counted: string }) =>
      `“${p.name}”各指标行分值合计${p.sum}分，与本项分值${p.points}分不符（各行分值合计应为${p.points}分）` +
      (p.scoreSum === p.counted ? '' : `；各行得分合计${p.scoreSum}分，本项按分值计入${p.counted}分`) +
      '；请核对各行分值，合计不符的自评表不能提交',
    en: (p: { name: string; sum: string; points: string; scoreSum: string; counted: string }) =>
      `"${p.name}": the rows' points add up to ${p.sum}, not the item's ${p.points}` +
      (p.scoreSum === p.counted ? '' : `; the rows' scores add up to ${p.scoreSum}, counted as ${p.counted}`) +
      '; a table whose rows do not add up cannot be submitted',
  },
  /**
   * A 定量 row (年度指标值 a number, percent, date or time limit) whose 实际完成值 is written in words ("二百人" for
   * "≥300人"): it cannot be shown 达成, so it is not scored as met nor as a 定性 row, but as the scheme scores a
   * row it cannot compare (酌情: the self-score, within the row's points). A warning only: seed 001's own tables
   * have such rows ("控制成本" for "560万元").
   */
  'row-actual-in-words': {
    severity: 'warning',
    zh: (p: { row: number; name: string; target: string; actual: string; score: string }) =>
      `第${p.row}行“${p.name}”为定量指标（年度指标值“${p.target}”），实际完成值“${p.actual}”为文字表述，无法与年度指标值定量比较，不能认定达成，按酌情计${p.score}分；请按年度指标值的口径填写实际完成值`,
    en: (p: { row: number; name: string; target: string; actual: string; score: string }) =>
      `row ${p.row}: the target "${p.target}" is quantitative but the actual "${p.actual}" is words; not shown met, judged at ${p.score}`,
  },
  /**
   * A row's 自评得分 above its own 分值 (seed 001 项目支出绩效自评表: 得分 is out of the row's 分值; none of its 57
   * tables scores a row above it). A row judged on its self-score counts at most its 分值, so the total is not
   * raised, but the table as filed is wrong: a warning on the sheet that blocks 提交 and 审核通过
   * (`SUBMISSION_BLOCKING_CODES`), as `rows-points-sum` does. `row`: 1-based; `name`: the row's 三级指标;
   * `selfScore`, `points`: 分, as entered.
   */
  'row-self-score-over-points': {
    severity: 'warning',
    zh: (p: { row: number; name: string; selfScore: string; points: string }) =>
      `第${p.row}行“${p.name}”的自评得分${p.selfScore}分高于本行分值${p.points}分，自评得分不能超过分值；请更正自评得分，自评得分超过分值的自评表不能提交`,
    en: (p: { row: number; name: string; selfScore: string; points: string }) =>
      `row ${p.row} "${p.name}": the self-score ${p.selfScore} is above the row's points ${p.points}; a table with such a row cannot be submitted`,
  },
  /** `row`: 1-based; `name`: the row's 三级指标; `value`: as written. */
  'row-points': {
    zh: (p: { row: number; name: string; value: string }) => `第${p.row}行“${p.name}”的分值“${p.value}”不是有效数字`,
    en: (p: { row: number; name: string; value: string }) => `row ${p.row} has invalid points`,
  },
  'row-self-score': {
    zh: (p: { row: number; name: string; value: string }) => `第${p.row}行“${p.name}”的自评得分“${p.value}”不是有效数字`,
    en: (p: { row: number; name: string; value: string }) => `row ${p.row} has an invalid self-score`,
  },
  /**
   * A row's 自评得分 below 0: a score is out of the row's 分值, from 0 (seed 001: 得分 0…分值). Not clamped to 0,
   * nor counted: an entered value that is wrong, as an unreadable one is (the row would lower the total).
   * `selfScore`, `points`: 分, as entered.
   */
  'row-self-score-negative': {
    zh: (p: { row: number; name: string; selfScore: string; points: string }) =>
      `第${p.row}行“${p.name}”的自评得分${p.selfScore}分为负数；自评得分应在0至本行分值${p.points}分之间`,
    en: (p: { row: number; name: string; selfScore: string; points: string }) =>
      `row ${p.row} "${p.name}": the self-score ${p.selfScore} is negative; a self-score lies between 0 and the row's points ${p.points}`,
  },
  /** `outcome`: how the row compared (RowResult outcome code). */
  'row-judgement-missing': {
    zh: (p: { row: number; name: string; outcome: RowResult['outcome'] }) => `第${p.row}行“${p.name}”需酌情评分（${OUTCOME_ZH[p.outcome]}），但没有自评得分`,
    en: (p: { row: number; name: string; outcome: RowResult['outcome'] }) => `row ${p.row} needs a judgement score but has no self-score`,
  },
  /** `why`: overshoot — a met row marked down for 偏离度 must say why. */
  'row-reason-missing': {
    zh: (p: { row: number; name: string; why: 'overshoot' }) => `第${p.row}行“${p.name}”完成值高于指标值，按偏离度调减分值须写明原因（偏差原因分析及改进措施）`,
    en: (p: { row: number; name: string; why: 'overshoot' }) => `row ${p.row}: a score lowered for overshoot needs a reason`,
  },
  'targets-bands-missing': {
    zh: (p: { name: string }) => `“${p.name}”的定性指标按档次评分（qualitative: bands），但没有写评分档次（bands）`,
    en: (p: { name: string }) => `"${p.name}": qualitative rows are scored by bands but no bands are given`,
  },
  'targets-overshoot-threshold': {
    zh: (p: { name: string; then: 'deduct' | 'zero' | 'judgement' }) =>
      `“${p.name}”的超额完成处理（${p.then === 'deduct' ? '减分' : p.then === 'zero' ? '不计分' : '按偏离度调减'}）须写明大于0的偏离度界限（over），如 0.3 表示超过指标值30%`,
    en: (p: { name: string; then: 'deduct' | 'zero' | 'judgement' }) => `"${p.name}": overshoot (${p.then}) needs a positive threshold "over"`,
  },
  'targets-overshoot-deduct': {
    zh: (p: { name: string }) => `“${p.name}”的指标偏离减分（deduct）应为大于0的分数，如 2`,
    en: (p: { name: string }) => `"${p.name}": overshoot deduct must be a positive number of points`,
  },
  'targets-weights-sum': {
    zh: (p: { name: string; sum: string; points: string }) => `“${p.name}”的一级指标权重合计 ${p.sum}分，与本项分值 ${p.points}分不符`,
    en: (p: { name: string; sum: string; points: string }) => `"${p.name}": weights add up to ${p.sum}, not ${p.points}`,
  },
  'targets-weights-duplicate': {
    zh: (p: { name: string; group: string }) => `“${p.name}”的权重分组“${p.group}”重复`,
    en: (p: { name: string; group: string }) => `"${p.name}": weight group "${p.group}" is listed twice`,
  },
  'targets-weights-absent-to': {
    zh: (p: { name: string; group: string; to: string; groups: string }) => `“${p.name}”的权重分组“${p.group}”缺项时调整至“${p.to}”，但“${p.to}”不是另一个分组（${p.groups}）`,
    en: (p: { name: string; group: string; to: string; groups: string }) => `"${p.name}": weight group "${p.group}" moves to "${p.to}", which is not another group`,
  },
});
