/**
 * The access table (权限表): every API route (method + URL pattern, as fastify registers it) and the
 * roles that may call it when the server runs with accounts. The security plugin's `onRoute` hook
 * refuses to start a server with an `/api` route missing here (`MissingAccessEntryError`), so a new
 * route cannot be forgotten. HEAD is looked up as GET.
 *
 * Roles (`@jixiao/api` session.ts): 政策管理 `policy` edits and publishes schemes and may do
 * everything; 评审 `reviewer` reads everything, writes only reviewer entries and reviews cases;
 * 部门填报 `department` reads schemes and reads and writes only its own department's cases.
 *
 * `cases` says what the route does to one case (or the case list), so the plugin can add the checks
 * that depend on the case itself (its `department`, its status, what a save changes; `case-rules.ts`).
 * The case write routes (PUT, history, restore, status) are listed before they exist, as the
 * contract (`@jixiao/api` cases.ts) declares them.
 */
import type { Role } from '@jixiao/api';

/** What a route does to a case, for the checks that read the case (`plugin.ts`). */
export type CaseAccess =
  /** The family's case list: a department sees only its own cases. */
  | 'list'
  /** Reads one case (or its history): another department's case answers 404. */
  | 'read'
  /** Saves a case: `checkCaseEdit` on the stored case and the body. */
  | 'write'
  /** Changes a case's status: `checkStatusChange`. */
  | 'status'
  /** Deletes a case: `checkCaseDelete`. */
  | 'delete';

/** One entry: who may call the route, and what it does (in Chinese, for the 403 message). */
export interface RouteAccess {
  /** The roles allowed, or `public` (no login needed: the session routes). */
  roles: 'public' | readonly Role[];
  /** What the route does, in Chinese: “您的角色（评审）无权${what}”. */
  what: string;
  cases?: CaseAccess;
}

const ALL: readonly Role[] = ['policy', 'reviewer', 'department'];
const POLICY: readonly Role[] = ['policy'];
const POLICY_REVIEWER: readonly Role[] = ['policy', 'reviewer'];

/** `METHOD url` → access. URLs are fastify's patterns (`:param`). */
export const ACCESS: Readonly<Record<string, RouteAccess>> = {
  // 登录会话
  'GET /api/session': { roles: 'public', what: '查看登录状态' },
  'POST /api/session': { roles: 'public', what: '登录' },
  'DELETE /api/session': { roles: 'public', what: '退出登录' },

  // 方案 (schemes): everyone reads; only 政策管理 writes, publishes, restores
  'GET /api/schemes': { roles: ALL, what: '查看方案列表' },
  'GET /api/schemes/:family/:year': { roles: ALL, what: '查看方案' },
  'PUT /api/schemes/:family/:year': { roles: POLICY, what: '修改方案' },
  'POST /api/schemes/:family/:year/new-year': { roles: POLICY, what: '新建年度方案草稿' },
  'POST /api/schemes/:family/:year/publish': { roles: POLICY, what: '发布方案' },
  'GET /api/schemes/:family/:year/history': { roles: ALL, what: '查看方案修改历史' },
  'GET /api/schemes/:family/:year/history/:seq': { roles: ALL, what: '查看方案历史版本' },
  'POST /api/schemes/:family/:year/restore': { roles: POLICY, what: '恢复方案历史版本' },
  'GET /api/families/:family/diff': { roles: ALL, what: '比较方案版本' },
  // the impact preview scores every case of the family: not for a department (other departments' cases)
  'POST /api/schemes/:family/:year/impact': { roles: POLICY_REVIEWER, what: '预览方案调整对全部案例的影响' },

  // 计算 (no stored data: the documents come in the request)
  'POST /api/diff': { roles: ALL, what: '比较方案' },
  'POST /api/validate': { roles: ALL, what: '校验方案' },
  'POST /api/score': { roles: ALL, what: '计分' },

  // 案例 (cases): a department only its own (the plugin checks the case's department)
  'GET /api/families/:family/cases': { roles: ALL, what: '查看案例列表', cases: 'list' },
  'GET /api/families/:family/cases/:year/:caseId': { roles: ALL, what: '查看案例', cases: 'read' },
  'PUT /api/families/:family/cases/:year/:caseId': { roles: ALL, what: '保存案例', cases: 'write' },
  'GET /api/families/:family/cases/:year/:caseId/history': { roles: ALL, what: '查看案例修改历史', cases: 'read' },
  'GET /api/families/:family/cases/:year/:caseId/history/:seq': { roles: ALL, what: '查看案例历史版本', cases: 'read' },
  // a restored state may differ anywhere (reviewer entries, department): only 政策管理
  'POST /api/families/:family/cases/:year/:caseId/restore': { roles: POLICY, what: '恢复案例历史版本' },
  'POST /api/families/:family/cases/:year/:caseId/status': { roles: ALL, what: '变更案例状态', cases: 'status' },
  // a department its own 填报中 cases, 政策管理 any (never an 已审核 one, for every role: routes/cases.ts); 评审 none
  'DELETE /api/families/:family/cases/:year/:caseId': { roles: ['policy', 'department'], what: '删除案例', cases: 'delete' },

  // Excel 与 Word (routes/office.ts): the template and the import read the scheme only (the import saves nothing;
  // the cases it reads are saved through PUT above); a report reads one case, so a department only its own
  'GET /api/schemes/:family/:year/template.xlsx': { roles: ALL, what: '下载填报模板' },
  'POST /api/schemes/:family/:year/import': { roles: ALL, what: '导入填报工作簿' },
  'GET /api/families/:family/cases/:year/:caseId/report.docx': { roles: ALL, what: '导出评分表（Word）', cases: 'read' },
  'GET /api/families/:family/cases/:year/:caseId/report.xlsx': { roles: ALL, what: '导出评分表（Excel）', cases: 'read' },
};

/** The table's key of a route: `GET /api/schemes`. HEAD is GET. */
export function accessKey(method: string, url: string): string {
  return `${method === 'HEAD' ? 'GET' : method} ${url}`;
}

/** The entry of a route; undefined when it has none. */
export function accessOf(method: string, url: string): RouteAccess | undefined {
  return ACCESS[accessKey(method, url)];
}

/** True when `role` may call a route with this entry. */
export function allows(entry: RouteAccess, role: Role | null): boolean {
  return entry.roles === 'public' || (role !== null && entry.roles.includes(role));
}

/** Thrown at startup for an `/api` route without an entry in `ACCESS`. */
export class MissingAccessEntryError extends Error {
  constructor(readonly key: string) {
    super(`接口 ${key} 没有写入权限表 security/access.ts，服务不能启动；请为它指定允许的角色 (route ${key} has no entry in the access table security/access.ts)`);
    this.name = 'MissingAccessEntryError';
  }
}
