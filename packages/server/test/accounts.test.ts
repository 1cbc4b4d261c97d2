/**
 * Accounts and roles on a server beyond localhost (issue 12, item 4), through fastify `inject`:
 *
 * - the role matrix over every API route the application registers (enumerated at runtime), for no
 *   login and for each role, against the rules written out below (not read from the access table);
 * - a department cannot list, read or write another department's case (nothing of it leaks), and
 *   writes only facts/name/notes of its own case while it is 填报中; a reviewer cannot publish;
 * - login (cookie HttpOnly, SameSite=Strict, Secure), wrong password, logout, expired session;
 * - a route missing from the access table stops the server from starting;
 * - on 127.0.0.1 (the default) there is no login and the local user may do everything.
 *
 * The case write routes of the contract (PUT, history, restore, status) come from another branch; when
 * the application does not have them yet, this test registers stand-ins that answer 200, so the
 * plugin's checks in front of them are tested all the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, HTTPMethods, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAccounts, type AccountStore } from '@jixiao/store';
import type { Role } from '@jixiao/api';
import { buildApp } from '../src/app.ts';
import { ACCESS } from '../src/security/access.ts';
import { isLoopback, securityFor } from '../src/security/server-setup.ts';
import { databaseOf, fixture, realEngine, storedJson, type Fixture } from './helpers.ts';

/** Cheap scrypt parameters for tests (the real default is N=2^15). */
const CHEAP = { N: 1024, r: 8, p: 1 };
const HOST = { host: 'jixiao.bureau.example:5178' };
const ROLES: Role[] = ['policy', 'reviewer', 'department'];
const USER_OF: Record<Role, string> = { policy: 'zhang', reviewer: 'li', department: 'commerce' };
const PASSWORD = 'test-password-1';

const FAMILY = 'shenzhen-department';
/** 深圳市商务局's case (the department account's own) and 市贸促委's (another department's). */
const OWN = `/api/families/${FAMILY}/cases/2024/shenzhen-commerce`;
const OTHER = `/api/families/${FAMILY}/cases/2021/shenzhen-ccpit`;
const OTHER_NAME = '中国国际贸易促进委员会深圳市委员会';

/**
 * The rules, written out from the contract (`@jixiao/api` session.ts, cases.ts) and issue 12: only
 * 政策管理 writes, publishes and restores schemes and restores cases; the impact preview (which scores
 * every case of a family) is not for a department; the session routes need no login; everything else
 * every role may call (the case routes then check the case itself).
 */
const POLICY_ONLY = new Set([
  'PUT /api/schemes/:family/:year',
  'POST /api/schemes/:family/:year/new-year',
  'POST /api/schemes/:family/:year/publish',
  'POST /api/schemes/:family/:year/restore',
  'POST /api/families/:family/cases/:year/:caseId/restore',
]);
const NOT_DEPARTMENT = new Set(['POST /api/schemes/:family/:year/impact']);
// deleting a case: 政策管理, and a department its own 填报中 cases (the route and case-rules.ts check the case); not 评审
const NOT_REVIEWER = new Set(['DELETE /api/families/:family/cases/:year/:caseId']);
const PUBLIC = new Set(['GET /api/session', 'POST /api/session', 'DELETE /api/session']);
function expectedRoles(key: string): Role[] | 'public' {
  if (PUBLIC.has(key)) return 'public';
  if (POLICY_ONLY.has(key)) return ['policy'];
  if (NOT_DEPARTMENT.has(key)) return ['policy', 'reviewer'];
  if (NOT_REVIEWER.has(key)) return ['policy', 'department'];
  return ROLES;
}

/** The contract's case write routes, added as stand-ins when the application does not have them. */
const CONTRACT_CASE_ROUTES: [HTTPMethods, string][] = [
  ['PUT', '/api/families/:family/cases/:year/:caseId'],
  ['GET', '/api/families/:family/cases/:year/:caseId/history'],
  ['GET', '/api/families/:family/cases/:year/:caseId/history/:seq'],
  ['POST', '/api/families/:family/cases/:year/:caseId/restore'],
  ['POST', '/api/families/:family/cases/:year/:caseId/status'],
];
function addStandIns(app: FastifyInstance): void {
  for (const [method, url] of CONTRACT_CASE_ROUTES) {
    if (!app.hasRoute({ method, url })) app.route({ method, url, handler: async () => ({ standIn: true }) });
  }
}

let fx: Fixture;
let dbDir: string;
let accounts: AccountStore;

beforeAll(async () => {
  dbDir = mkdtempSync(join(tmpdir(), 'jixiao-accounts-'));
  accounts = await openAccounts({ dialect: 'sqlite', file: join(dbDir, 'jixiao.sqlite') }, { scrypt: CHEAP });
  await accounts.addUser({ username: 'zhang', displayName: '张三', role: 'policy', password: PASSWORD });
  await accounts.addUser({ username: 'li', displayName: '李四', role: 'reviewer', password: PASSWORD });
  await accounts.addUser({ username: 'commerce', displayName: '商务局填报员', role: 'department', department: '深圳市商务局', password: PASSWORD });
});
afterAll(async () => {
  await accounts.close();
  rmSync(dbDir, { recursive: true, force: true });
});

let clock: Date;
let srv: FastifyInstance;
beforeEach(async () => {
  fx = fixture();
  clock = new Date();
  srv = await buildApp({ schemesDir: fx.schemes, database: databaseOf(fx.schemes), engine: realEngine, security: { mode: 'accounts', accounts, sessionTtlMs: 60 * 60 * 1000, now: () => clock } });
  addStandIns(srv);
  await srv.ready();
});
afterEach(async () => {
  await srv.close();
  fx.cleanup();
});

/** Signs in; returns the Cookie header value. */
async function login(username: string, password = PASSWORD): Promise<string> {
  const r = await srv.inject({ method: 'POST', url: '/api/session', headers: HOST, payload: { username, password } });
  expect(r.statusCode, r.body).toBe(200);
  const c = r.cookies[0]!;
  return `${c.name}=${c.value}`;
}

function call(method: string, url: string, cookie?: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return srv.inject({ method: method as HTTPMethods, url, headers: { ...HOST, ...headers, ...(cookie ? { cookie } : {}) }, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

/** The current ETag of a document, as the signed-in user reads it. */
async function etagOf(url: string, cookie: string): Promise<string> {
  const r = await call('GET', url, cookie);
  expect(r.statusCode, r.body).toBe(200);
  return r.headers['etag'] as string;
}

/** A URL for a route pattern: the department's own case, scheme year 2024, first history entry. */
function sampleUrl(pattern: string): string {
  const url = pattern.replace(':family', FAMILY).replace(':year', '2024').replace(':caseId', 'shenzhen-commerce').replace(':seq', '1');
  return url.endsWith('/diff') ? `${url}?a=2024&b=2024` : url;
}

/** A body the route's schema accepts where that is easy (a refusal by the table comes first anyway). */
function sampleBody(method: string, pattern: string): unknown {
  if (method === 'GET' || method === 'DELETE') return undefined;
  if (pattern === '/api/session') return { username: 'zhang', password: 'wrong-password' };
  if (pattern.endsWith('/status')) return { status: 'submitted' };
  if (pattern.endsWith('/restore')) return { seq: 1 };
  if (pattern.endsWith('/new-year')) return { year: 2030 };
  if (pattern === '/api/diff') return { a: {}, b: {} };
  if (pattern.startsWith('/api/families/')) return fx.readJson(`${FAMILY}/cases/2024/shenzhen-commerce.json`);
  return {};
}

describe('the role matrix over every API route', () => {
  it('has an access entry for exactly the routes the application registers, as the rules say', () => {
    const registered = srv.jixiaoApiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered.length).toBe(28); // 3 session, 10 scheme, 3 computing, 8 case routes (with DELETE), 4 office (template, import, 2 reports)
    expect(registered).toEqual(Object.keys(ACCESS).sort());
    for (const key of registered) expect(ACCESS[key]!.roles, key).toEqual(expectedRoles(key));
  });

  it('answers 401 in Chinese to every route but the session routes without a login', async () => {
    for (const { method, url } of srv.jixiaoApiRoutes) {
      const key = `${method} ${url}`;
      const r = await call(method, sampleUrl(url), undefined, sampleBody(method, url));
      if (expectedRoles(key) === 'public') {
        // (the sample login has a wrong password: 401 for that, not for a missing login)
        expect(r.json(), key).not.toMatchObject({ error: 'auth-login-required' });
        continue;
      }
      expect(r.statusCode, key).toBe(401);
      expect(r.json(), key).toMatchObject({ error: 'auth-login-required', message: '请先登录。' });
    }
  });

  it.each(ROLES)('lets %s call exactly the routes its role may, and answers 403 in Chinese to the others', async (role) => {
    const cookie = await login(USER_OF[role]);
    let allowed = 0;
    let refused = 0;
    for (const { method, url } of srv.jixiaoApiRoutes) {
      if (PUBLIC.has(`${method} ${url}`)) continue;
      const key = `${method} ${url}`;
      const roles = expectedRoles(key);
      const r = await call(method, sampleUrl(url), cookie, sampleBody(method, url));
      const body = r.headers['content-type']?.toString().includes('json') ? (r.json() as { error?: string; message?: string }) : {};
      if (roles !== 'public' && roles.includes(role)) {
        allowed++;
        expect(r.statusCode, key).not.toBe(401);
        expect(body.error, `${role} ${key}: ${r.body.slice(0, 200)}`).not.toBe('auth-role-forbidden');
      } else {
        refused++;
        expect(r.statusCode, key).toBe(403);
        expect(body.error, key).toBe('auth-role-forbidden');
        expect(body.message, key).toMatch(/^您的角色（(政策管理|评审|部门填报)）无权.+。$/);
      }
    }
    expect(allowed + refused).toBe(srv.jixiaoApiRoutes.length - 3);
    expect(refused).toBe({ policy: 0, reviewer: 6, department: 6 }[role]);
  });
});

describe('what each role may do', () => {
  it('a reviewer cannot publish a scheme (the draft stays a draft); policy can try', async () => {
    const draft = await call('POST', `/api/schemes/${FAMILY}/2024/new-year`, await login('zhang'), { year: 2026 });
    expect(draft.statusCode, draft.body).toBe(201);
    const etag = draft.headers['etag'] as string;
    const r = await call('POST', `/api/schemes/${FAMILY}/2026/publish`, await login('li'), undefined, { 'if-match': etag });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ error: 'auth-role-forbidden', message: '您的角色（评审）无权发布方案。' });
    expect((await storedJson(srv, `${FAMILY}/2026.json`))['status']).toBe('draft');
    const ok = await call('POST', `/api/schemes/${FAMILY}/2026/publish`, await login('zhang'), undefined, { 'if-match': etag });
    expect(ok.statusCode, ok.body).not.toBe(403);
  });

  it('a department cannot write a scheme', async () => {
    const cookie = await login('commerce');
    const doc = fx.readJson(`${FAMILY}/2024.json`);
    const r = await call('PUT', `/api/schemes/${FAMILY}/2024`, cookie, doc, { 'if-match': '"x"' });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ message: '您的角色（部门填报）无权修改方案。' });
  });

  it("a department lists only its own department's cases; reviewers and policy list all", async () => {
    const own = (await call('GET', `/api/families/${FAMILY}/cases`, await login('commerce'))).json() as { cases: { id: string }[] };
    expect(own.cases.map((c) => c.id)).toEqual(['shenzhen-commerce']);
    const all = (await call('GET', `/api/families/${FAMILY}/cases`, await login('li'))).json() as { cases: { id: string }[] };
    expect(all.cases.map((c) => c.id).sort()).toEqual(['shenzhen-ccpit', 'shenzhen-commerce']);
  });

  it("a department cannot read another department's case or its history: 404, nothing of it in the answer", async () => {
    const cookie = await login('commerce');
    for (const url of [OTHER, `${OTHER}/history`, `${OTHER}/history/1`, `${OTHER}/report.docx`, `${OTHER}/report.xlsx`]) {
      const r = await call('GET', url, cookie);
      expect(r.statusCode, url).toBe(404);
      expect(r.json(), url).toMatchObject({ error: 'case-not-found', message: '没有找到案例 shenzhen-ccpit。' });
      expect(r.body, url).not.toContain(OTHER_NAME);
    }
    const mine = await call('GET', OWN, cookie);
    expect(mine.statusCode).toBe(200);
    expect((mine.json() as { doc: { department: string } }).doc.department).toBe('深圳市商务局');
    const reviewer = await call('GET', OTHER, await login('li'));
    expect(reviewer.statusCode).toBe(200);
  });

  it("a department cannot write another department's case, nor move it to its own, nor change its status", async () => {
    const cookie = await login('commerce');
    const other = fx.readJson(`${FAMILY}/cases/2021/shenzhen-ccpit.json`);
    const put = await call('PUT', OTHER, cookie, other, { 'if-match': '"x"' });
    expect(put.statusCode).toBe(404);
    expect(put.body).not.toContain(OTHER_NAME);
    const moved = await call('PUT', OTHER, cookie, { ...other, department: '深圳市商务局' }, { 'if-match': '"x"' });
    expect(moved.statusCode).toBe(404);
    const status = await call('POST', `${OTHER}/status`, cookie, { status: 'submitted' }, { 'if-match': '"x"' });
    expect(status.statusCode).toBe(404);
  });

  it('a department writes only facts, name and notes of its own case, and only while it is 填报中', async () => {
    const cookie = await login('commerce');
    const doc = fx.readJson(`${FAMILY}/cases/2024/shenzhen-commerce.json`);
    const facts = { ...(doc['facts'] as object), 新事实: { value: 1 } };
    const saved = await call('PUT', OWN, cookie, { ...doc, facts, notes: '补充说明' }, { 'if-match': await etagOf(OWN, cookie) });
    expect(saved.statusCode, saved.body).toBe(200);
    const reviewer = await call('PUT', OWN, cookie, { ...doc, reviewer: { x: { score: 1, reason: '自评' } } }, { 'if-match': saved.headers['etag'] as string });
    expect(reviewer.statusCode).toBe(403);
    expect(reviewer.json()).toMatchObject({ error: 'case-edit-fields', message: '您的角色（部门填报）只能修改 facts、name、notes，不能修改 reviewer。' });
    // submitted (by the department itself, through the status route): read-only for it now
    const submitted = await call('POST', `${OWN}/status`, cookie, { status: 'submitted' }, { 'if-match': saved.headers['etag'] as string });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const late = await call('PUT', OWN, cookie, { ...doc, status: 'submitted', facts }, { 'if-match': submitted.headers['etag'] as string });
    expect(late.statusCode).toBe(403);
    expect(late.json()).toMatchObject({ error: 'case-edit-not-filling' });
  });

  it('a reviewer writes only reviewer entries, and moves 已提交 → 已审核 but does not submit', async () => {
    const cookie = await login('li');
    const doc = fx.readJson(`${FAMILY}/cases/2024/shenzhen-commerce.json`);
    const reviewer = { ...(doc['reviewer'] as object), outcomes: { score: 8, reason: '评审意见' } };
    const saved = await call('PUT', OWN, cookie, { ...doc, reviewer }, { 'if-match': await etagOf(OWN, cookie) });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await call('PUT', OWN, cookie, { ...doc, reviewer, name: '改名' }, { 'if-match': saved.headers['etag'] as string })).statusCode).toBe(403);
    const submit = await call('POST', `${OWN}/status`, cookie, { status: 'submitted' }, { 'if-match': saved.headers['etag'] as string });
    expect(submit.statusCode).toBe(403);
    expect(submit.json()).toMatchObject({ message: '您的角色（评审）不能把案例从填报中改为已提交。' });
    const submitted = await call('POST', `${OWN}/status`, await login('commerce'), { status: 'submitted' }, { 'if-match': saved.headers['etag'] as string });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await call('POST', `${OWN}/status`, cookie, { status: 'reviewed' }, { 'if-match': submitted.headers['etag'] as string })).statusCode).toBe(200);
  });
});

describe('login and sessions', () => {
  it('signs in with a secure session cookie and says who is signed in', async () => {
    expect((await call('GET', '/api/session')).json()).toEqual({ loginRequired: true, user: null });
    const r = await call('POST', '/api/session', undefined, { username: 'commerce', password: PASSWORD });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ loginRequired: true, user: { username: 'commerce', displayName: '商务局填报员', role: 'department', department: '深圳市商务局' } });
    const c = r.cookies[0]!;
    expect(c).toMatchObject({ name: '__Host-jixiao_session', httpOnly: true, sameSite: 'Strict', secure: true, path: '/' });
    expect(c.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await call('GET', '/api/session', `${c.name}=${c.value}`);
    expect((me.json() as { user: { username: string } }).user.username).toBe('commerce');
  });

  it('refuses a wrong password and an unknown user alike, in Chinese', async () => {
    for (const body of [{ username: 'zhang', password: 'wrong-password' }, { username: 'nobody', password: PASSWORD }]) {
      const r = await call('POST', '/api/session', undefined, body);
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ error: 'auth-bad-login', message: '用户名或密码不正确。' });
      expect(r.cookies).toEqual([]);
    }
  });

  it('signs out: the cookie is cleared and the old session no longer works', async () => {
    const cookie = await login('li');
    const out = await call('DELETE', '/api/session', cookie);
    expect(out.json()).toEqual({ loginRequired: true, user: null });
    expect(out.cookies[0]).toMatchObject({ name: '__Host-jixiao_session', value: '' });
    const after = await call('GET', '/api/schemes', cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: 'auth-session-expired', message: '登录已过期或已失效，请重新登录。' });
  });

  it('refuses an expired session (after the session lifetime of 1 hour)', async () => {
    const cookie = await login('zhang');
    clock = new Date(clock.getTime() + 59 * 60 * 1000);
    expect((await call('GET', '/api/schemes', cookie)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 60 * 1000);
    const r = await call('GET', '/api/schemes', cookie);
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ error: 'auth-session-expired' });
  });

  it('serves the editor page without a login, answers to the intranet name, and refuses a cross-site write', async () => {
    expect((await call('GET', '/')).statusCode).not.toBe(401);
    const cookie = await login('zhang');
    const r = await call('POST', '/api/validate', cookie, {}, { origin: 'http://evil.example' });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ error: 'cross-site' });
    expect((await call('POST', '/api/validate', cookie, {}, { origin: `https://${HOST.host}` })).statusCode).toBe(200);
  });

  it('limits password guessing: after the allowed attempts for one username, 429 in Chinese, even with the right password', async () => {
    const limited = await buildApp({ schemesDir: fx.schemes, database: databaseOf(fx.schemes), engine: realEngine, security: { mode: 'accounts', accounts, loginAttempts: 3 } });
    try {
      const attempt = (username: string, password: string) => limited.inject({ method: 'POST', url: '/api/session', headers: HOST, payload: { username, password } });
      for (let i = 0; i < 3; i++) expect((await attempt('zhang', `guess-${i}-password`)).statusCode).toBe(401);
      const fourth = await attempt('zhang', PASSWORD);
      expect(fourth.statusCode).toBe(429);
      expect(fourth.json()).toMatchObject({ error: 'auth-too-many-logins', message: '登录尝试过于频繁（5 分钟内超过 3 次），请稍后再试。' });
      expect((await attempt('li', PASSWORD)).statusCode).toBe(200); // another username is not held up
    } finally {
      await limited.close();
    }
  });

  it('a cookie without Secure when the server says it is on plain HTTP', async () => {
    const plain = await buildApp({ schemesDir: fx.schemes, database: databaseOf(fx.schemes), engine: realEngine, security: { mode: 'accounts', accounts, secureCookie: false } });
    try {
      const r = await plain.inject({ method: 'POST', url: '/api/session', headers: HOST, payload: { username: 'zhang', password: PASSWORD } });
      expect(r.cookies[0]).toMatchObject({ name: 'jixiao_session', httpOnly: true, sameSite: 'Strict' });
      expect(r.cookies[0]!.secure).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});

describe('the access table', () => {
  it('stops the server from starting when an /api route has no entry', async () => {
    const app = await buildApp({ schemesDir: fx.schemes, database: databaseOf(fx.schemes), engine: realEngine });
    try {
      expect(() => app.get('/api/forgotten', async () => ({}))).toThrow(/接口 GET \/api\/forgotten 没有写入权限表/);
    } finally {
      await app.close();
    }
  });
});

describe('on 127.0.0.1 (the default)', () => {
  it('needs no login: the local user is 政策管理 and sees and writes everything', async () => {
    const app = await buildApp({ schemesDir: fx.schemes, database: databaseOf(fx.schemes), engine: realEngine });
    try {
      const local = { host: '127.0.0.1:5178' };
      const s = await app.inject({ method: 'GET', url: '/api/session', headers: local });
      expect(s.json()).toMatchObject({ loginRequired: false, user: { role: 'policy' } });
      const cases = (await app.inject({ method: 'GET', url: `/api/families/${FAMILY}/cases`, headers: local }).then((r) => r.json())) as { cases: unknown[] };
      expect(cases.cases).toHaveLength(2);
      expect((await app.inject({ method: 'GET', url: OTHER, headers: local })).statusCode).toBe(200);
      const draft = await app.inject({ method: 'POST', url: `/api/schemes/${FAMILY}/2024/new-year`, headers: local, payload: { year: 2026 } });
      expect(draft.statusCode).toBe(201);
      // and a foreign host name is still refused (DNS rebinding guard)
      expect((await app.inject({ method: 'GET', url: '/api/schemes', headers: HOST })).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});

describe('starting the server (--host)', () => {
  it('needs accounts only beyond the loopback addresses', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.1.2.3', 'jixiao.bureau.example']) expect(isLoopback(h), h).toBe(false);
  });

  it('stays without login on 127.0.0.1, and refuses to start beyond it while the database has no account', async () => {
    expect(await securityFor({ host: '127.0.0.1', plainHttp: false })).toEqual({ mode: 'local' });
    const empty = join(dbDir, 'empty.sqlite');
    await expect(securityFor({ host: '0.0.0.0', database: empty, plainHttp: false })).rejects.toThrow(/需要账号，但数据库 SQLite .*empty\.sqlite 中还没有账号；请先创建：pnpm jixiao user add/);
    const s = await securityFor({ host: '0.0.0.0', database: join(dbDir, 'jixiao.sqlite'), plainHttp: true });
    expect(s).toMatchObject({ mode: 'accounts', secureCookie: false, closeAccounts: true });
    if (s.mode === 'accounts') await s.accounts.close();
  });
});

describe('who may delete a case (删除)', () => {
  it('a department deletes its own 填报中 case; not once it is submitted, and never another department’s', async () => {
    const cookie = await login('commerce');
    const other = await call('DELETE', OTHER, cookie, undefined, { 'if-match': '"x"' });
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain(OTHER_NAME);
    // submitted by the department: no longer its to delete
    const doc = fx.readJson(`${FAMILY}/cases/2024/shenzhen-commerce.json`);
    const submitted = await call('POST', `${OWN}/status`, cookie, { status: 'submitted' }, { 'if-match': await etagOf(OWN, cookie) });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const late = await call('DELETE', OWN, cookie, undefined, { 'if-match': submitted.headers['etag'] as string });
    expect(late.statusCode).toBe(403);
    expect(late.json()).toMatchObject({ error: 'case-delete-not-filling', message: '案例已提交，部门填报不能删除；只有填报中的案例可由本部门删除。' });
    // returned to 填报中 by the reviewer: the department may delete it, and it is gone from its list
    const back = await call('POST', `${OWN}/status`, await login('li'), { status: 'filling', reason: '请删除重报' }, { 'if-match': submitted.headers['etag'] as string });
    expect(back.statusCode, back.body).toBe(200);
    const gone = await call('DELETE', OWN, cookie, undefined, { 'if-match': back.headers['etag'] as string });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(gone.json()).toMatchObject({ deleted: true, history: { action: 'delete', author: '商务局填报员' } });
    const list = (await call('GET', `/api/families/${FAMILY}/cases`, cookie)).json() as { cases: { id: string }[] };
    expect(list.cases.map((c) => c.id)).not.toContain('shenzhen-commerce');
    expect(doc['department']).toBe('深圳市商务局');
  });

  it('a reviewer deletes nothing (403); policy deletes any case that is not 已审核', async () => {
    const reviewer = await call('DELETE', OWN, await login('li'), undefined, { 'if-match': '"x"' });
    expect(reviewer.statusCode).toBe(403);
    expect(reviewer.json()).toMatchObject({ error: 'auth-role-forbidden', message: '您的角色（评审）无权删除案例。' });
    const zhang = await login('zhang');
    const r = await call('DELETE', OTHER, zhang, undefined, { 'if-match': await etagOf(OTHER, zhang) });
    expect(r.statusCode, r.body).toBe(200);
    expect((await call('GET', OTHER, zhang)).statusCode).toBe(404);
  });
});
