/**
 * The author a request names for the history (修改历史): the editor asks its user once for a name,
 * keeps it in the browser and sends it with every write as `X-Jixiao-Author`, percent-encoded UTF-8
 * (HTTP header values are ASCII). A request without it, or with an unreadable one, falls back to the
 * server's own lookup (JIXIAO_AUTHOR, jixiao.config.json, git user.name…). Where the server signs users
 * in, the signed-in account is the author and this header is not for that.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/** The header's name (lower case, as Node gives it). */
export const AUTHOR_HEADER = 'x-jixiao-author';

/** Longest accepted name, in characters. */
const MAX_AUTHOR = 100;

const current = new AsyncLocalStorage<string | undefined>();

/** The name in the header value: decoded, trimmed, without control characters; undefined when absent or unreadable. */
export function authorFromHeader(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(raw).trim();
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (!name || name.length > MAX_AUTHOR || /[\u0000-\u001f\u007f]/.test(name)) return undefined;
  return name;
}

/** onRequest hook: the rest of the request runs with its named author (see `requestAuthor`). */
export function authorHook(req: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  current.run(authorFromHeader(req.headers[AUTHOR_HEADER]), done);
}

/** The author the request being handled names, or undefined. */
export function requestAuthor(): string | undefined {
  return current.getStore();
}
