/**
 * The session routes of the server (`@jixiao/api` session.ts): who is signed in, signing in and out.
 * On 127.0.0.1 the server answers `loginRequired: false` with the local user (政策管理), and the editor
 * shows no login at all.
 */
import type { SessionResponse, SessionUser } from '@jixiao/api';
import { fetchFirst } from '../api/early.ts';

export type { SessionResponse, SessionUser };

/** A refusal of the session routes, with the server's Chinese message. */
export class SessionError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The session route. */
export const SESSION_URL = '/api/session';

/** What a request of the session route is sent with (`body` as JSON). */
export function sessionInit(method: 'GET' | 'POST' | 'DELETE', body?: unknown): RequestInit {
  return {
    method,
    cache: 'no-store',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  };
}

async function call(method: 'GET' | 'POST' | 'DELETE', body?: unknown): Promise<SessionResponse> {
  let res: Response;
  try {
    // the first check may have been started before the page rendered (api/early.ts)
    res = method === 'GET' ? await fetchFirst(SESSION_URL, sessionInit(method)) : await fetch(SESSION_URL, sessionInit(method, body));
  } catch {
    throw new SessionError(0, '无法连接服务，请确认服务仍在运行。');
  }
  const data = (await res.json().catch(() => null)) as (SessionResponse & { message?: string }) | null;
  if (!res.ok || !data) throw new SessionError(res.status, data?.message ?? `请求失败（HTTP ${res.status}）`);
  return data;
}

export const sessionApi = {
  /** Who is signed in, and whether signing in is required. */
  get: () => call('GET'),
  /** Signs in; a wrong password is a `SessionError` 401 “用户名或密码不正确。”. */
  login: (username: string, password: string) => call('POST', { username, password }),
  /** Signs out. */
  logout: () => call('DELETE'),
};
