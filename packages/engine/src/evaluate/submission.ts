/**
 * Which of a score sheet's coded warnings (`sheet.issues`) keep a case from being submitted (提交). The
 * engine decides, the server asks: a save still keeps the case (it is being filled), a submission names
 * these as what must be put right first.
 *
 * - `rows-points-sum`: the 年度绩效指标 rows' 分值 do not add up to the item's 分值 (seed 001 项目支出绩效自评表:
 *   "各行分值合计应为90分", 总分100 = 资金执行率10 + 年度绩效指标90; all 57 of its tables add up). A table whose
 *   rows add up to more than the item lets a department raise a row's 分值 and 自评 (the item is counted up to
 *   its points only); one adding up to less leaves points no row can earn.
 * - `row-self-score-over-points`: a row's 自评得分 above its own 分值 (seed 001: each row's 得分 is out of its 分值).
 *   A scoring error of the table as filed, not a style point: the editor colours it, and it cannot be submitted.
 *
 * `row-actual-in-words` (a 定量 row's 实际完成值 written in words) does not block: seed 001's own tables have
 * such rows ("560万元" / "控制成本"); it is judged (酌情) and warned about on every face.
 */
import type { Issue } from '../errors/issue.ts';
import type { ScoreSheet } from '../sheet/types.ts';

/** The codes of coded sheet warnings that block 提交 (see the file comment for why each does). */
export const SUBMISSION_BLOCKING_CODES: ReadonlySet<string> = new Set(['rows-points-sum', 'row-self-score-over-points']);

/** The sheet's coded warnings that keep its case from being submitted; empty when it may be submitted. */
export function submissionBlockers(sheet: ScoreSheet): Issue[] {
  return (sheet.issues ?? []).filter((i) => SUBMISSION_BLOCKING_CODES.has(i.code));
}
