/**
 * A mistyped page address (a double slash before the hash, `http://127.0.0.1:5178//#/scheme/…`) opens the
 * editor through a redirect to the address with one slash; a page address the static files refuse answers a
 * Chinese page to a browser, never the raw JSON error body. The API keeps its JSON errors.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { app, fixture, local, type Fixture } from './helpers.ts';
import { singleSlashUrl } from '../src/static-files.ts';

let fx: Fixture;
let srv: FastifyInstance;
const INDEX = '<!doctype html><title>编辑器</title>';
/** What a browser sends when it navigates to a page. */
const browser = { ...local, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

beforeEach(async () => {
  fx = fixture();
  const dist = join(fx.root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app.js'), 'export {};\n');
  srv = await app(fx.schemes, { staticDir: dist });
});
afterEach(async () => {
  await srv.close();
  fx.cleanup();
});

describe('singleSlashUrl', () => {
  it('makes every run of slashes in the path one, keeping the query', () => {
    expect(singleSlashUrl('//')).toBe('/');
    expect(singleSlashUrl('///')).toBe('/');
    expect(singleSlashUrl('//assets//app.js?v=1//2')).toBe('/assets/app.js?v=1//2');
    expect(singleSlashUrl('/assets/app.js')).toBeNull();
    expect(singleSlashUrl('/?next=//x')).toBeNull();
  });
});

describe('a double slash in a page address', () => {
  it('redirects `//` (before #/scheme/…) to `/`, which is the editor', async () => {
    const r = await srv.inject({ method: 'GET', url: '//', headers: browser });
    expect(r.statusCode).toBe(301);
    // never `//…`: a Location starting with two slashes would name another host
    expect(r.headers.location).toBe('/');
    const page = await srv.inject({ method: 'GET', url: r.headers.location!, headers: browser });
    expect(page.statusCode).toBe(200);
    expect(page.payload).toBe(INDEX);
  });

  it('redirects a file address with doubled slashes to the file', async () => {
    const r = await srv.inject({ method: 'GET', url: '//assets//app.js?x=1', headers: browser });
    expect(r.statusCode).toBe(301);
    expect(r.headers.location).toBe('/assets/app.js?x=1');
  });

  it('never answers a browser raw JSON for such an address', async () => {
    for (const url of ['//', '/a//b', '///']) {
      const r = await srv.inject({ method: 'GET', url, headers: browser });
      expect(r.headers['content-type'] ?? '').not.toMatch(/json/);
      expect(r.payload).not.toContain('FST_STATIC_FORBIDDEN_PATH');
    }
  });

  it('answers a page in Chinese for a page address the static files refuse (e.g. a NUL byte)', async () => {
    const r = await srv.inject({ method: 'GET', url: '/%00', headers: browser });
    expect(r.statusCode).toBe(403);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.payload).toContain('无法打开这个地址');
    expect(r.payload).toContain('<a href="/">');
    // a script asking for JSON still gets the JSON body
    const api = await srv.inject({ method: 'GET', url: '/%00', headers: { ...local, accept: 'application/json' } });
    expect(api.headers['content-type']).toMatch(/json/);
  });

  it('leaves the API alone: its errors stay JSON', async () => {
    const r = await srv.inject({ method: 'GET', url: '/api/nothing-here', headers: browser });
    expect(r.statusCode).toBe(404);
    expect(r.headers['content-type']).toMatch(/json/);
  });
});
