/**
 * Which of a case's issues only say that something is not entered yet, and whose entry it awaits.
 *
 * A case is filled in two hands (README, 案例的流程): the department (部门填报) enters the facts —
 * including the 年度绩效指标 rows with their 自评得分, 档次 and 偏差原因 — and submits (填报中 → 已提交);
 * the reviewer (评审) then enters the judgement items (`reviewer`: 酌情评分, 档次评分, 专家评分, the
 * department-target rows' judgement) and approves (已提交 → 已审核). An issue says which hand is missing
 * by where it points: under `/reviewer` it is the reviewer's entry, anywhere else (`/facts/…`) the
 * department's. So a submission needs the department's entries complete and an approval everything, and a
 * workbook import writes a case whose reviewer items are still empty, listing them as 待评审.
 */
import type { Issue } from '../errors/issue.ts';

/**
 * Codes of issues that only say something is not entered yet (a fact, a reviewer entry, a row's
 * self-score or reason). Every other error is an entered value that is wrong.
 */
export const NOT_ENTERED_CODES: ReadonlySet<string> = new Set([
  'fact-missing',
  'judgement-missing',
  'band-missing',
  'experts-missing',
  'dept-row-judgement-missing',
  'row-judgement-missing',
  'row-reason-missing',
]);

/** Whether the issue only says something is not entered yet (see `NOT_ENTERED_CODES`). */
export function isNotEntered(i: Issue): boolean {
  return NOT_ENTERED_CODES.has(i.code);
}

/** Whether the issue points into the reviewer entries (`/reviewer` or below). */
export function isReviewerPath(path: string): boolean {
  return path === '/reviewer' || path.startsWith('/reviewer/');
}

/**
 * Whether the issue is a reviewer entry not made yet (待评审): not entered, and placed in `/reviewer`.
 * Such an issue does not keep a department from submitting, nor a workbook import from writing the case.
 */
export function awaitsReviewer(i: Issue): boolean {
  return isNotEntered(i) && isReviewerPath(i.path);
}
