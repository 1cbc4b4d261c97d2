/**
 * Who makes a request (操作人): `req.actor`, set for every request by the security plugin
 * (`security/plugin.ts`) before any route runs. Routes record it as the author of a write.
 *
 * - On 127.0.0.1 (no accounts) it is the one local user, 政策管理 (policy), who may do everything.
 * - With accounts (`--host` beyond localhost) it is the signed-in account; a request without a valid
 *   session never reaches a route that needs one (401).
 */
import type { Role } from '@jixiao/api';

/** The person behind a request: the API's `SessionUser` shape. */
export interface Actor {
  username: string;
  /** 显示名称, as history and audit entries name the author. */
  displayName: string;
  role: Role;
  /** For 部门填报: the department whose cases the account may read and write (the cases' `department`). */
  department?: string;
}

/** The local user of a server on 127.0.0.1: 政策管理, named as the history names the author (`displayName`). */
export function localActor(displayName = '本机用户'): Actor {
  return { username: 'local', displayName, role: 'policy' };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who makes the request (see `security/actor.ts`). */
    actor: Actor;
  }
}
