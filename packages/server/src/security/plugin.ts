/**
 * The security plugin (账号与权限): registered once in app.ts, before the routes.
 *
 * - Every request gets `req.actor` (`actor.ts`).
 * - Every `/api` route must have an entry in the access table (`access.ts`): the `onRoute` hook throws
 *   `MissingAccessEntryError` otherwise, so the server does not start with a forgotten route.
 * - The session routes of the contract (`@jixiao/api` session.ts): `GET/POST/DELETE /api/session`.
 *
 * Two modes:
 * - `local` (the default; the server listens on 127.0.0.1): no login; the actor is the local user,
 *   政策管理, and nothing else changes.
 * - `accounts` (the server listens beyond localhost, `--host`): a login (`POST /api/session`) sets an
 *   HttpOnly, SameSite=Strict session cookie (Secure unless `secureCookie: false`, for plain HTTP
 *   inside an intranet). An `/api` request without a valid session answers 401 in Chinese; a role the
 *   table does not allow, 403 in Chinese. For the case routes the plugin reads the case
 *   (`readCase`) and applies `case-rules.ts`: a department sees, lists and writes only its own
 *   department's cases (another department's answers 404, as if absent), a save may change only
 *   what the role may change, a status change only the moves the role may make. Static files (the
 *   editor) need no login: it shows the login form. Logins are limited per address and username
 *   (`LOGIN_ATTEMPTS` in `LOGIN_WINDOW`, @fastify/rate-limit; 429 in Chinese).
 */
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { GetSession, Login, Logout, type CaseStatus, type CaseSummary, type SessionResponse } from '@jixiao/api';
import { DEFAULT_SESSION_TTL_MS, type AccountStore } from '@jixiao/store';
import type { Issue } from '@jixiao/engine';
import { ROLE_ZH } from '@jixiao/api';
import { errorHandler, sendError } from '../http-errors.ts';
import { accessKey, accessOf, allows, MissingAccessEntryError, type RouteAccess } from './access.ts';
import { localActor, type Actor } from './actor.ts';
import { AUTHOR_HEADER, authorFromHeader } from '../request-author.ts';
import { checkCaseDelete, checkCaseEdit, checkStatusChange, maySeeCase, notFound, type CaseDecision, type CaseDoc } from './case-rules.ts';
import { securityMessages as m } from './messages.ts';

/** Reads the current document of a case; null when there is none (or it cannot be read as an object). */
export type CaseReader = (family: string, year: string, caseId: string) => Promise<CaseDoc | null>;

/** The server without accounts (127.0.0.1): everyone is the local 政策管理 user. */
export interface LocalSecurity {
  mode: 'local';
  /** The local user (default `localActor()`). */
  localUser?: Actor;
}

/** The server with accounts (beyond localhost). */
export interface AccountsSecurity {
  mode: 'accounts';
  accounts: AccountStore;
  /** The cookie's Secure flag (default true; false only for plain HTTP inside an intranet: `--plain-http`). */
  secureCookie?: boolean;
  /** How long a login lasts (ms); default 12 hours. */
  sessionTtlMs?: number;
  /** Close `accounts` when the server closes (default false). */
  closeAccounts?: boolean;
  /** The clock (tests); default now. */
  now?: () => Date;
  /** Login attempts allowed per address and username in `LOGIN_WINDOW` (default `LOGIN_ATTEMPTS`). */
  loginAttempts?: number;
}

/** Login attempts allowed per address and username within `LOGIN_WINDOW`: 10. */
export const LOGIN_ATTEMPTS = 10;
/** The window of `LOGIN_ATTEMPTS`: 5 minutes. */
export const LOGIN_WINDOW = '5 minutes';

export type SecurityOptions = LocalSecurity | AccountsSecurity;

/** The plugin's options: the mode, and how to read a case (for the department and edit checks). */
export type SecurityPluginOptions = SecurityOptions & { readCase?: CaseReader };

/** An API route as registered (for the role-matrix tests). */
export interface ApiRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** `local` or `accounts` (read by the request guard: with accounts the server answers to other host names). */
    jixiaoSecurityMode: 'local' | 'accounts';
    /** Every `/api` route registered after the plugin, with its access entry (HEAD routes left out). */
    jixiaoApiRoutes: ApiRoute[];
  }
}

/** The session cookie's name: `__Host-` prefixed when Secure (bound to this host and path /). */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-jixiao_session' : 'jixiao_session';
}

/** The signed-in account of a request (accounts mode), kept apart from `req.actor`. */
const signedIn = new WeakMap<FastifyRequest, Actor>();

function refuse(reply: FastifyReply, status: number, issue: Issue): FastifyReply {
  return sendError(reply, status, { error: issue.code, message: issue.message, messageEn: issue.messageEn });
}

function sendDecision(reply: FastifyReply, d: CaseDecision & { ok: false }): FastifyReply {
  return refuse(reply, d.status, d.issue);
}

async function security(app: FastifyInstance, opts: SecurityPluginOptions): Promise<void> {
  const accounts = opts.mode === 'accounts' ? opts : null;
  const local = opts.mode === 'local' ? (opts.localUser ?? localActor()) : null;
  const secure = accounts?.secureCookie ?? true;
  const cookieName = sessionCookieName(secure);
  const now = accounts?.now ?? (() => new Date());
  const readCase: CaseReader = opts.readCase ?? (() => Promise.resolve(null));

  app.decorate('jixiaoSecurityMode', opts.mode);
  app.decorate('jixiaoApiRoutes', [] as ApiRoute[]);
  app.decorateRequest('actor', null as unknown as Actor);
  await app.register(fastifyCookie);
  // password guessing: at most LOGIN_ATTEMPTS logins per address and username in LOGIN_WINDOW (only the login route)
  if (accounts) await app.register(fastifyRateLimit, { global: false });

  // every /api route must be in the access table
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      const access = accessOf(method, route.url);
      if (!access) throw new MissingAccessEntryError(accessKey(method, route.url));
      if (method !== 'HEAD') app.jixiaoApiRoutes.push({ method, url: route.url, access });
    }
  });

  if (accounts?.closeAccounts) app.addHook('onClose', async () => accounts.accounts.close());

  // who: the local user, or the account of the session cookie; 401 / 403 before the body is read
  app.addHook('onRequest', async (req, reply) => {
    if (local) {
      // without accounts the editor's user names themselves once (署名, sent as X-Jixiao-Author) for the history
      const named = authorFromHeader(req.headers[AUTHOR_HEADER]);
      req.actor = named ? { ...local, displayName: named } : local;
      return;
    }
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[cookieName];
    const account = token ? await accounts!.accounts.sessionAccount(token, now()) : null;
    if (account) {
      req.actor = account;
      signedIn.set(req, account);
    }
    const entry = req.routeOptions.url ? accessOf(req.method, req.routeOptions.url) : undefined;
    if (entry?.roles === 'public') return;
    if (!account) {
      if (token) void reply.clearCookie(cookieName, { path: '/' });
      return refuse(reply, 401, m.issue(token ? 'auth-session-expired' : 'auth-login-required', {}));
    }
    if (entry && !allows(entry, account.role)) {
      req.log.warn({ user: account.username, role: account.role, route: accessKey(req.method, req.routeOptions.url ?? '') }, 'refused: role may not');
      return refuse(reply, 403, m.issue('auth-role-forbidden', { role: ROLE_ZH[account.role], roleEn: account.role, what: entry.what, route: accessKey(req.method, req.routeOptions.url ?? '') }));
    }
  });

  // the checks that read the case: after the body is parsed and validated, before the route
  app.addHook('preHandler', async (req, reply) => {
    const actor = req.actor;
    if (local || !actor || actor.role === 'policy') return;
    const entry = req.routeOptions.url ? accessOf(req.method, req.routeOptions.url) : undefined;
    if (!entry?.cases || entry.cases === 'list') return;
    const { family, year, caseId } = req.params as { family: string; year: string; caseId: string };
    const before = await readCase(family, year, caseId);
    let d: CaseDecision = { ok: true };
    if (entry.cases === 'read') {
      if (before && !maySeeCase(actor, before)) d = notFound(caseId);
    } else if (entry.cases === 'write') {
      const body = req.body;
      if (typeof body === 'object' && body !== null && !Array.isArray(body)) d = checkCaseEdit(actor, before, body as CaseDoc, caseId);
    } else if (entry.cases === 'status' && before) {
      d = checkStatusChange(actor, before, (req.body as { status: CaseStatus }).status, caseId);
    } else if (entry.cases === 'delete' && before) {
      d = checkCaseDelete(actor, before, caseId);
    }
    if (!d.ok) {
      req.log.warn({ user: actor.username, role: actor.role, family, year, caseId, code: d.issue.code }, 'refused: case access');
      return sendDecision(reply, d);
    }
  });

  // a department's case list: its own department's cases only
  app.addHook('preSerialization', async (req, reply, payload: unknown) => {
    const actor = req.actor;
    if (local || !actor || actor.role !== 'department' || reply.statusCode !== 200) return payload;
    const entry = req.routeOptions.url ? accessOf(req.method, req.routeOptions.url) : undefined;
    if (entry?.cases !== 'list') return payload;
    const list = payload as { cases?: CaseSummary[] };
    if (!Array.isArray(list.cases)) return payload;
    const { family } = req.params as { family: string };
    const own: CaseSummary[] = [];
    for (const c of list.cases) {
      // the summary names the department when the store gives it; otherwise read the case
      const department = c.department ?? (await readCase(family, String(c.year), c.id))?.['department'];
      if (department !== undefined && department === actor.department) own.push(c);
    }
    return { ...list, cases: own };
  });

  // ---- the session routes ----
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const sessionOf = (req: FastifyRequest): SessionResponse => (local ? { loginRequired: false, user: local } : { loginRequired: true, user: signedIn.get(req) ?? null });

  api.get('/api/session', { schema: GetSession }, async (req, reply) => {
    void reply.header('Cache-Control', 'no-store');
    return sessionOf(req);
  });

  const loginLimit = {
    max: accounts?.loginAttempts ?? LOGIN_ATTEMPTS,
    timeWindow: LOGIN_WINDOW,
    hook: 'preHandler' as const,
    keyGenerator: (req: FastifyRequest) => `${req.ip}\u0000${(req.body as { username?: string } | undefined)?.username ?? ''}`,
    errorResponseBuilder: (_req: FastifyRequest, ctx: { after: string }) => ({ statusCode: 429, tooManyLogins: true, after: ctx.after }),
  };
  api.post('/api/session', {
    schema: Login,
    config: accounts ? { rateLimit: loginLimit } : {},
    // the rate limit's refusal in Chinese; everything else as the application answers it
    errorHandler: (err, req, reply) => {
      if ((err as { tooManyLogins?: boolean }).tooManyLogins) {
        req.log.warn({ user: (req.body as { username?: string } | undefined)?.username }, 'login refused: too many attempts');
        return refuse(reply, 429, m.issue('auth-too-many-logins', { attempts: loginLimit.max }));
      }
      return errorHandler(err, req, reply);
    },
  }, async (req, reply) => {
    if (!accounts) return sessionOf(req);
    const { username, password } = req.body;
    const account = await accounts.accounts.checkLogin(username, password);
    if (!account) {
      req.log.warn({ user: username }, 'login refused: wrong username or password');
      return refuse(reply, 401, m.issue('auth-bad-login', {}));
    }
    const old = req.cookies[cookieName];
    if (old) await accounts.accounts.endSession(old);
    const session = await accounts.accounts.createSession(account.username, accounts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS, now());
    req.log.info({ user: account.username, role: account.role }, 'signed in');
    void reply.setCookie(cookieName, session.token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: session.expiresAt }).header('Cache-Control', 'no-store');
    return { loginRequired: true, user: account };
  });

  api.delete('/api/session', { schema: Logout }, async (req, reply) => {
    if (!accounts) return sessionOf(req);
    const token = req.cookies[cookieName];
    if (token) await accounts.accounts.endSession(token);
    void reply.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'strict', secure });
    return { loginRequired: true, user: null };
  });
}

/** The plugin (fastify-plugin: its hooks and decorations apply to the whole application). */
export const securityPlugin = fp(security, { name: 'jixiao-security', fastify: '5.x' });
