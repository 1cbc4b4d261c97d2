/**
 * Who may do what to a case (案例权限), as the contract says (`@jixiao/api` cases.ts), as pure
 * functions of the actor and the case documents, so every route decides alike and tests call them
 * directly:
 *
 * - 部门填报 (department) sees only the cases whose `department` is its own (another department's case
 *   is "not found", so nothing of it leaks); it changes only `facts`, `name` and `notes`, and only
 *   while the case is 填报中; it may create a case of its own department (填报中, without reviewer
 *   entries) and submit it (填报中 → 已提交).
 * - 评审 (reviewer) sees every case; a save may change only `reviewer` (the reviewer entries); it moves
 *   已提交 → 已审核, or returns 已提交 to 填报中. It creates no case.
 * - 政策管理 (policy) may do everything.
 * - 删除 (delete): a department deletes only its own case, and only while it is 填报中; policy any case; a
 *   reviewer none (refused by the access table). An 已审核 case is deleted by no one (the route's state rule).
 *
 * A case without `status` (the bundled report cases) is 填报中.
 */
import { CASE_STATUS_ZH, ROLE_ZH, type CaseStatus } from '@jixiao/api';
import type { Issue } from '@jixiao/engine';
import type { Actor } from './actor.ts';
import { fieldsP, securityMessages as m } from './messages.ts';

/** A case document as stored or sent (a JSON object). */
export type CaseDoc = Record<string, unknown>;

/** A decision: allowed, or refused with the HTTP status (403, or 404 for a case the actor may not see) and why. */
export type CaseDecision = { ok: true } | { ok: false; status: 403 | 404; issue: Issue };

const OK: CaseDecision = { ok: true };

/** The top-level fields a department may change. */
export const DEPARTMENT_FIELDS: readonly string[] = ['facts', 'name', 'notes'];
/** The top-level fields a reviewer may change. */
export const REVIEWER_FIELDS: readonly string[] = ['reviewer'];

const roleP = (a: Actor) => ({ role: ROLE_ZH[a.role], roleEn: a.role });

/** The status of a case document: its `status` when it is one of the three, else 填报中 (filling). */
export function caseStatus(doc: CaseDoc): CaseStatus {
  const s = doc['status'];
  return s === 'submitted' || s === 'reviewed' ? s : 'filling';
}

/** True when `actor` may see the case at all (for a department: the case's `department` is its own). */
export function maySeeCase(actor: Actor, doc: CaseDoc): boolean {
  return actor.role !== 'department' || (actor.department !== undefined && doc['department'] === actor.department);
}

/** The refusal for a case the actor may not see: 404, as for a case that does not exist. */
export function notFound(caseId: string): CaseDecision {
  return { ok: false, status: 404, issue: m.issue('case-not-found', { caseId }) };
}

/** JSON values equal regardless of key order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameJson(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as CaseDoc)[k], (b as CaseDoc)[k]));
}

/** The top-level fields whose value differs between two documents (added, removed or changed), sorted. */
export function changedFields(before: CaseDoc, after: CaseDoc): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !sameJson(before[k], after[k])).sort();
}

/**
 * What a save (PUT of a whole case document) may change, for `actor`: `before` is the stored case
 * (null when the save creates it), `after` the document sent. `caseId` names the case in messages.
 *
 * - policy: everything;
 * - department: only a case of its own department (404 otherwise, as if it did not exist), only while
 *   it is 填报中, only `facts`, `name`, `notes`; a new case only of its own department, 填报中, without reviewer entries;
 * - reviewer: only `reviewer`; no new case.
 */
export function checkCaseEdit(actor: Actor, before: CaseDoc | null, after: CaseDoc, caseId = String(after['id'] ?? '')): CaseDecision {
  if (actor.role === 'policy') return OK;
  if (before === null) {
    if (actor.role !== 'department') return { ok: false, status: 403, issue: m.issue('case-create-forbidden', roleP(actor)) };
    const reviewer = after['reviewer'];
    const hasReviewer = typeof reviewer === 'object' && reviewer !== null && Object.keys(reviewer).length > 0;
    if (!maySeeCase(actor, after) || caseStatus(after) !== 'filling' || hasReviewer) {
      return { ok: false, status: 403, issue: m.issue('case-create-department', { department: actor.department ?? '' }) };
    }
    return OK;
  }
  if (actor.role === 'department') {
    if (!maySeeCase(actor, before)) return notFound(caseId);
    const status = caseStatus(before);
    if (status !== 'filling') return { ok: false, status: 403, issue: m.issue('case-edit-not-filling', { status: CASE_STATUS_ZH[status], statusEn: status }) };
  }
  const allowed = actor.role === 'department' ? DEPARTMENT_FIELDS : REVIEWER_FIELDS;
  const refused = changedFields(before, after).filter((f) => !allowed.includes(f));
  if (refused.length) return { ok: false, status: 403, issue: m.issue('case-edit-fields', { ...roleP(actor), ...fieldsP(refused, allowed) }) };
  return OK;
}

/**
 * Whether `actor` may move the case `before` to status `to`:
 * policy any move; department 填报中 → 已提交 on its own cases (404 for another department's);
 * reviewer 已提交 → 已审核 or 已提交 → 填报中 (returned).
 */
export function checkStatusChange(actor: Actor, before: CaseDoc, to: CaseStatus, caseId = String(before['id'] ?? '')): CaseDecision {
  if (actor.role === 'policy') return OK;
  if (!maySeeCase(actor, before)) return notFound(caseId);
  const from = caseStatus(before);
  const allowed = actor.role === 'department' ? from === 'filling' && to === 'submitted' : from === 'submitted' && (to === 'reviewed' || to === 'filling');
  if (allowed) return OK;
  return { ok: false, status: 403, issue: m.issue('case-status-forbidden', { ...roleP(actor), from: CASE_STATUS_ZH[from], fromEn: from, to: CASE_STATUS_ZH[to], toEn: to }) };
}

/**
 * Whether `actor` may delete the case `before`: policy any (the route refuses an 已审核 case for everyone);
 * a department only its own case (404 for another department's, as if absent), only while it is 填报中; a
 * reviewer never (the access table already refuses the route; kept here so the rule reads whole).
 */
export function checkCaseDelete(actor: Actor, before: CaseDoc, caseId = String(before['id'] ?? '')): CaseDecision {
  if (actor.role === 'policy') return OK;
  if (!maySeeCase(actor, before)) return notFound(caseId);
  if (actor.role === 'reviewer') return { ok: false, status: 403, issue: m.issue('case-delete-forbidden', roleP(actor)) };
  const status = caseStatus(before);
  if (status !== 'filling') return { ok: false, status: 403, issue: m.issue('case-delete-not-filling', { status: CASE_STATUS_ZH[status], statusEn: status }) };
  return OK;
}
