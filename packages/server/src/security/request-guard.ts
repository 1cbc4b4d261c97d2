/**
 * Request guards. On 127.0.0.1 (no accounts):
 * - DNS rebinding (DNS 重绑定): a page on another site can make the browser resolve its own
 *   hostname to 127.0.0.1; such requests still carry the foreign name in `Host`, so any request
 *   whose Host is not localhost / 127.0.0.1 / [::1] is refused.
 * - Cross-site writes: a request that changes something and carries an `Origin` (or
 *   `Sec-Fetch-Site: cross-site`) from elsewhere is refused.
 * With accounts (the server listens beyond localhost, `plugin.ts`), the server answers to its intranet
 * names, so the Host check is off (a page of another site gets no session: the cookie is
 * SameSite=Strict and bound to this host); a write must still come from this very origin (http or https).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from './plugin.ts'; // the `jixiaoSecurityMode` decoration

const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Host name of a `Host` header value (`localhost:5178` → `localhost`, `[::1]:80` → `[::1]`). */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end < 0 ? h : h.slice(0, end + 1);
  }
  const colon = h.indexOf(':');
  return colon < 0 ? h : h.slice(0, colon);
}

/**
 * True when a `Host` header names this machine's loopback: localhost, [::1] or an address of 127.0.0.0/8
 * written as digits (the server may listen on 127.0.0.2; a page of another site rebinding its name to it
 * still sends its own name, which is refused).
 */
export function isLocalHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  const name = hostName(host);
  return LOCAL_NAMES.has(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** True when an `Origin` header is the same local origin as `host` (scheme http, same host:port). */
export function isSameLocalOrigin(origin: string, host: string): boolean {
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && isLocalHost(u.host) && u.host.toLowerCase() === host.trim().toLowerCase();
  } catch {
    return false;
  }
}

/** True when an `Origin` header is the origin `host` (any host name; http or https). */
export function isSameOrigin(origin: string, host: string): boolean {
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host.toLowerCase() === host.trim().toLowerCase();
  } catch {
    return false;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Fastify `onRequest` hook applying both guards; replies 403 with a Chinese message. */
export async function requestGuard(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const host = req.headers.host;
  const accounts = req.server.jixiaoSecurityMode === 'accounts';
  if (!accounts && !isLocalHost(host)) {
    req.log.warn({ host }, 'refused: Host header is not local (DNS rebinding guard)');
    await reply.code(403).send({
      error: 'host-not-allowed',
      message: '拒绝访问：本服务只接受以 localhost 或 127.0.0.1 等本机地址访问。',
      messageEn: 'Forbidden: Host header must be localhost or a 127.x.x.x address (DNS rebinding protection).',
    });
    return reply;
  }
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  const sameOrigin = (o: string) => (accounts ? host !== undefined && isSameOrigin(o, host) : isSameLocalOrigin(o, host as string));
  if ((origin !== undefined && !sameOrigin(origin)) || site === 'cross-site') {
    req.log.warn({ origin, site }, 'refused: cross-site write');
    await reply.code(403).send({
      error: 'cross-site',
      message: '拒绝访问：不接受来自其他网站的修改请求。',
      messageEn: 'Forbidden: cross-site request.',
    });
    return reply;
  }
}
