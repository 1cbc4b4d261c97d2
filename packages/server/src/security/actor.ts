/**
 * Who is acting (操作人): every route takes the author of a write — recorded in the history and the
 * audit log — from `req.actor`, never from anywhere else, so accounts and roles plug in here.
 *
 * Without accounts (the one-user tool on 127.0.0.1) every request is the local user: role 政策管理
 * (`policy`, may do everything), named by the author lookup of `@jixiao/store` (`JIXIAO_AUTHOR`,
 * `jixiao.config.json`, git `user.name`, the system user). A login layer (packages/server/src/security/,
 * built separately) sets `req.actor` from the session in its own `onRequest` hook; this hook only
 * fills it in when nothing else has, so the order of the two hooks does not matter.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The user a request acts for. */
export interface Actor {
  /** Login name (`local` for the one local user). */
  username: string;
  /** The name history and audit entries give as the author, e.g. 财政局绩效处 张三. */
  displayName: string;
  /** 政策管理 (policy), 评审 (reviewer), 部门填报 (department). */
  role: 'policy' | 'reviewer' | 'department';
  /** For 部门填报: the department whose cases the account may read and write (a case's `department`). */
  department?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request acts for: the signed-in user, else the local user (see `registerActor`). */
    actor: Actor;
  }
}

/** The one local user of a server without accounts, named `displayName`. */
export function localActor(displayName: string): Actor {
  return { username: 'local', displayName, role: 'policy' };
}

/**
 * Decorates every request with `actor`: whatever an earlier hook set, else `fallback()` (the local
 * user; called per request, so it may resolve its name lazily and once).
 */
export function registerActor(app: FastifyInstance, fallback: () => Actor): void {
  app.decorateRequest('actor', null as unknown as Actor); // filled by the hook below before any handler runs
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!req.actor) req.actor = fallback();
  });
}
