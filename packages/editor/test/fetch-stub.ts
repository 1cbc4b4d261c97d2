/**
 * A stand-in for the local server in component tests: answers the editor's fetch calls from a
 * table of handlers and records every request (method, URL, headers, body) for the test to check.
 */
import { vi } from 'vitest';

export interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export type Handler = (req: Seen) => { status: number; body: unknown } | undefined;

/** Installs the stub on `fetch`; returns the requests seen. Unhandled requests answer 404. */
export function stubServer(handler: Handler): Seen[] {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const req: Seen = {
      method: init.method ?? 'GET',
      url,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    seen.push(req);
    const r = handler(req) ?? { status: 404, body: { error: 'not-found', message: '没有这个接口', messageEn: 'no such endpoint' } };
    return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'Content-Type': 'application/json' } });
  });
  return seen;
}
