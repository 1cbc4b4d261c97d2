/**
 * Serves the built editor (packages/editor/dist) with a Content-Security-Policy that forbids any
 * network access outside this server (the users' machines have no internet): scripts, styles,
 * fonts, workers and fetches all come from 'self'. No `unsafe-eval`: the JSON Schema validators are
 * precompiled (ajv standalone code, `pnpm emit-schema`), and nothing the editor ships builds code from text.
 *
 * Files are sent precompressed (brotli or gzip, written at build time) to a browser that accepts them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { sendError } from './http-errors.ts';

/** The policy sent with every page and script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The address with every run of slashes in its path made one (query kept), or null when it has none:
 * `//` or `/a//b?x` (a mistyped address such as `http://127.0.0.1:5178//#/scheme/…`) → `/`, `/a/b?x`.
 * The fragment (`#/scheme/…`) never reaches the server; the browser keeps it across the redirect.
 */
export function singleSlashUrl(url: string): string | null {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (!path.includes('//')) return null;
  return path.replace(/\/{2,}/g, '/') + (q < 0 ? '' : url.slice(q));
}

/**
 * Registers static serving of `dir` at `/`, with the CSP and an `/api` 404 in JSON. A page address with a
 * double slash is redirected (301) to the same address with one.
 */
export async function registerStatic(app: FastifyInstance, dir: string | undefined): Promise<void> {
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return;
    if (req.url.startsWith('/api/')) return;
    const to = singleSlashUrl(req.url);
    if (to !== null) return reply.redirect(to, 301);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.url.startsWith('/api/')) {
      void reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      void reply.header('X-Content-Type-Options', 'nosniff');
      void reply.header('Referrer-Policy', 'no-referrer');
    }
    return payload;
  });
  const hasBuild = dir !== undefined && existsSync(join(dir, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      index: 'index.html',
      // the editor build writes <file>.br and <file>.gz beside each text file (packages/editor/vite.config.ts);
      // @fastify/static sends the one the browser accepts, with Content-Encoding and Vary: Accept-Encoding
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, path) {
        void reply.header('Cache-Control', path.startsWith(join(dir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (req, reply) => {
    if (req.url.startsWith('/api/')) {
      return sendError(reply, 404, { error: 'not-found', message: `没有这个接口：${req.method} ${req.url}`, messageEn: `No such endpoint: ${req.method} ${req.url}` });
    }
    if (hasBuild && req.method === 'GET') return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send('<!doctype html><meta charset="utf-8"><title>jixiao</title><p>编辑器尚未构建：请运行 <code>pnpm build</code> 或 <code>pnpm start</code>。</p>');
  });
}
