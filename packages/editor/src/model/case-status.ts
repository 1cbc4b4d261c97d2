/**
 * Case workflow (案例状态) as the editor shows it: 填报中 → 已提交 → 已审核, and the buttons that move a
 * case on. The names are those of `CASE_STATUS_ZH` in @jixiao/api (written out here so that no schema
 * code reaches the browser bundle; packages/editor/test/case-form.test.ts checks they agree).
 */
import type { CaseStatus } from '../api/types.ts';

export const STATUS_ZH: Record<CaseStatus, string> = { filling: '填报中', submitted: '已提交', reviewed: '已审核' };

/** A status button: its label, the status it moves to, and whether it asks for a reason (退回). */
export interface StatusAction {
  label: string;
  to: CaseStatus;
  needsReason: boolean;
}

/** The status buttons offered in `status`: 提交 while 填报中; 审核通过 and 退回 once 已提交; 退回 once 已审核. */
export function statusActions(status: CaseStatus): StatusAction[] {
  if (status === 'filling') return [{ label: '提交', to: 'submitted', needsReason: false }];
  if (status === 'submitted')
    return [
      { label: '审核通过', to: 'reviewed', needsReason: false },
      { label: '退回', to: 'filling', needsReason: true },
    ];
  return [{ label: '退回', to: 'filling', needsReason: true }];
}

/** Facts are read-only once the case is submitted (the department can no longer change them). */
export const factsEditable = (status: CaseStatus): boolean => status === 'filling';

/** Reviewer entries can be changed until the case is reviewed. */
export const reviewerEditable = (status: CaseStatus): boolean => status !== 'reviewed';
