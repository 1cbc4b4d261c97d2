/**
 * Accounts and login (账号与登录), when the server listens beyond 127.0.0.1 (`--host`):
 * - `GET /api/session` → `SessionResponse` (who is signed in, and whether signing in is required at all);
 * - `POST /api/session` body `LoginBody` → `SessionResponse` and a session cookie (HttpOnly, SameSite=Strict;
 *   Secure unless the server is on plain HTTP inside the intranet and says so); 401 in Chinese on a wrong password;
 * - `DELETE /api/session` → signs out.
 * On 127.0.0.1 with the embedded database there are no accounts: `loginRequired` is false and the one local user
 * may do everything (政策管理).
 */
import { Type, type Static } from '@sinclair/typebox';
import { ERRORS } from './common.ts';

/** 政策管理 (policy: edit and publish schemes, everything), 评审 (reviewer), 部门填报 (a department's own cases). */
export const Role = Type.Union([Type.Literal('policy'), Type.Literal('reviewer'), Type.Literal('department')], {
  title: '角色 role',
  description: 'policy 政策管理、reviewer 评审、department 部门填报',
});
export type Role = Static<typeof Role>;

/** The Chinese names of the roles. */
export const ROLE_ZH: Record<Role, string> = { policy: '政策管理', reviewer: '评审', department: '部门填报' };

export const SessionUser = Type.Object(
  {
    username: Type.String(),
    /** 显示名称 (as history and audit entries name the author). */
    displayName: Type.String(),
    role: Role,
    /** For 部门填报: the department whose cases the account may read and write (the cases' `department`). */
    department: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type SessionUser = Static<typeof SessionUser>;

export const SessionResponse = Type.Object({ loginRequired: Type.Boolean(), user: Type.Union([SessionUser, Type.Null()]) }, { additionalProperties: false });
export type SessionResponse = Static<typeof SessionResponse>;

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100, title: '用户名 username', description: '账号的用户名，如 zhangsan' }),
    password: Type.String({ minLength: 1, maxLength: 1000, title: '密码 password', description: '账号的密码' }),
  },
  { title: '登录请求', description: 'JSON 对象，如 {"username": "zhangsan", "password": "…"}', additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

/** Route schemas (fastify `schema`). */
export const GetSession = { response: { 200: SessionResponse, ...ERRORS } } as const;
export const Login = { body: LoginBody, response: { 200: SessionResponse, ...ERRORS } } as const;
export const Logout = { response: { 200: SessionResponse, ...ERRORS } } as const;
