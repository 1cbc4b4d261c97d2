/**
 * Case workflow (案例状态) as the editor shows it: 填报中 → 已提交 → 已审核, and the buttons that move a
 * case on. The names are those of `CASE_STATUS_ZH` in @jixiao/api (written out here so that no schema
 * code reaches the browser bundle; packages/editor/test/case-form.test.ts checks they agree).
 */
import type { CaseStatus } from '../api/types.ts';
import type { SessionUser } from '../session/session-api.ts';

/** 政策管理 (policy, also the local user), 评审 (reviewer) or 部门填报 (department). */
export type Role = SessionUser['role'];

export const STATUS_ZH: Record<CaseStatus, string> = { filling: '填报中', submitted: '已提交', reviewed: '已审核' };

/** A status button: its label, the status it moves to, and whether it asks for a reason (退回). */
export interface StatusAction {
  label: string;
  to: CaseStatus;
  needsReason: boolean;
}

/**
 * The status buttons offered in `status` to `role`: 提交 while 填报中 (not to a 评审); 审核通过 and 退回 once
 * 已提交, 退回 once 已审核 (not to 部门填报). The server checks every change anyway.
 */
export function statusActions(status: CaseStatus, role: Role = 'policy'): StatusAction[] {
  if (status === 'filling') return role === 'reviewer' ? [] : [{ label: '提交', to: 'submitted', needsReason: false }];
  if (role === 'department') return [];
  if (status === 'submitted')
    return [
      { label: '审核通过', to: 'reviewed', needsReason: false },
      { label: '退回', to: 'filling', needsReason: true },
    ];
  return [{ label: '退回', to: 'filling', needsReason: true }];
}

/** Facts are read-only once the case is submitted (the department can no longer change them), and always to a 评审. */
export const factsEditable = (status: CaseStatus, role: Role = 'policy'): boolean => status === 'filling' && role !== 'reviewer';

/** Reviewer entries can be changed until the case is reviewed, not by 部门填报. */
export const reviewerEditable = (status: CaseStatus, role: Role = 'policy'): boolean => status !== 'reviewed' && role !== 'department';

/**
 * Whether `role` is offered 删除 for a case in `status`: never once 已审核; 政策管理 otherwise; 部门填报 only while
 * 填报中 (its own cases are the only ones it sees); 评审 never. The server checks again (security/case-rules.ts).
 */
export const mayDelete = (status: CaseStatus, role: Role = 'policy'): boolean =>
  status !== 'reviewed' && (role === 'policy' || (role === 'department' && status === 'filling'));
