/**
 * Messages of the server's accounts and role checks (账号与权限): 401 without a valid login, 403 for a
 * role that may not, and the refusals of `case-rules.ts`. Chinese for the user, English beside.
 */
import { defineMessages } from '@jixiao/engine/catalogue';

type None = Record<string, never>;
/** A role, in Chinese (`政策管理`) and English (`policy`). */
type RoleP = { role: string; roleEn: string };
/** A case status, in Chinese (`已提交`) and English (`submitted`). */
type StatusP = { status: string; statusEn: string };
/** Fields of a case document by their JSON names, listed in Chinese (`facts、name`) and in English (`facts, name`). */
export type FieldsP = { fields: string; fieldsEn: string; allowed: string; allowedEn: string };

/** The params naming the `refused` fields and the `allowed` ones, listed for each language. */
export function fieldsP(refused: readonly string[], allowed: readonly string[]): FieldsP {
  return { fields: refused.join('、'), fieldsEn: refused.join(', '), allowed: allowed.join('、'), allowedEn: allowed.join(', ') };
}

export const securityMessages = defineMessages({
  'auth-login-required': {
    zh: (_p: None) => '请先登录。',
    en: (_p: None) => 'Sign in first.',
  },
  'auth-session-expired': {
    zh: (_p: None) => '登录已过期或已失效，请重新登录。',
    en: (_p: None) => 'The session has expired or ended; sign in again.',
  },
  'auth-bad-login': {
    zh: (_p: None) => '用户名或密码不正确。',
    en: (_p: None) => 'Wrong username or password.',
  },
  'auth-too-many-logins': {
    zh: (p: { attempts: number }) => `登录尝试过于频繁（5 分钟内超过 ${p.attempts} 次），请稍后再试。`,
    en: (p: { attempts: number }) => `Too many login attempts (more than ${p.attempts} in 5 minutes); try again later.`,
  },
  'auth-role-forbidden': {
    zh: (p: RoleP & { what: string; route: string }) => `您的角色（${p.role}）无权${p.what}。`,
    en: (p: RoleP & { what: string; route: string }) => `Forbidden: the ${p.roleEn} role may not call ${p.route}.`,
  },
  'case-not-found': {
    zh: (p: { caseId: string }) => `没有找到案例 ${p.caseId}。`,
    en: (p: { caseId: string }) => `Case ${p.caseId} not found.`,
  },
  'case-edit-not-filling': {
    zh: (p: StatusP) => `案例${p.status}，部门填报不能再修改；如需修改，请评审退回至填报中。`,
    en: (p: StatusP) => `The case is ${p.statusEn}; a department edits only while it is filling.`,
  },
  // fields are the document's JSON names (the same in both languages), listed with 、 in Chinese and , in English
  'case-edit-fields': {
    zh: (p: RoleP & FieldsP) => `您的角色（${p.role}）只能修改 ${p.allowed}，不能修改 ${p.fields}。`,
    en: (p: RoleP & FieldsP) => `The ${p.roleEn} role may change only ${p.allowedEn}, not ${p.fieldsEn}.`,
  },
  'case-create-forbidden': {
    zh: (p: RoleP) => `您的角色（${p.role}）不能新建案例。`,
    en: (p: RoleP) => `The ${p.roleEn} role may not create cases.`,
  },
  'case-create-department': {
    zh: (p: { department: string }) => `只能新建本部门（${p.department}）的、填报中且没有评审录入的案例。`,
    en: (p: { department: string }) => `A department creates only its own (${p.department}) cases, filling, without reviewer entries.`,
  },
  'case-delete-forbidden': {
    zh: (p: RoleP) => `您的角色（${p.role}）不能删除案例。`,
    en: (p: RoleP) => `The ${p.roleEn} role may not delete cases.`,
  },
  'case-delete-not-filling': {
    zh: (p: StatusP) => `案例${p.status}，部门填报不能删除；只有填报中的案例可由本部门删除。`,
    en: (p: StatusP) => `The case is ${p.statusEn}; a department deletes only its own cases while they are filling.`,
  },
  'case-status-forbidden': {
    zh: (p: RoleP & { from: string; fromEn: string; to: string; toEn: string }) => `您的角色（${p.role}）不能把案例从${p.from}改为${p.to}。`,
    en: (p: RoleP & { from: string; fromEn: string; to: string; toEn: string }) => `The ${p.roleEn} role may not move a case from ${p.fromEn} to ${p.toEn}.`,
  },
});
