/** Local-only guards: Host header (DNS rebinding), cross-site writes, paths, body size, CSP. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { app, fixture, local, type Fixture } from './helpers.ts';
import { CONTENT_SECURITY_POLICY } from '../src/static-files.ts';
import type { StartReport } from '../src/app.ts';
import { hostName, isLocalHost } from '../src/security/request-guard.ts';

let fx: Fixture;
let srv: FastifyInstance;
beforeEach(async () => {
  fx = fixture();
  srv = await app(fx.schemes, { bodyLimit: 64 * 1024 });
});
afterEach(async () => {
  await srv.close();
  fx.cleanup();
});

describe('Host header guard', () => {
  it.each(['localhost', 'localhost:5178', '127.0.0.1:5178', '[::1]:5178'])('accepts %s', async (host) => {
    const r = await srv.inject({ method: 'GET', url: '/api/schemes', headers: { host } });
    expect(r.statusCode).toBe(200);
  });

  it.each(['evil.example', 'evil.example:5178', 'localhost.evil.example', '127.0.0.1.nip.io:5178', '192.168.1.10:5178'])('refuses %s (403)', async (host) => {
    const r = await srv.inject({ method: 'GET', url: '/api/schemes', headers: { host } });
    expect(r.statusCode).toBe(403);
    expect((r.json() as { message: string }).message).toContain('localhost');
  });

  it('reads host names with ports and IPv6 brackets', () => {
    expect(hostName('LOCALHOST:80')).toBe('localhost');
    expect(hostName('[::1]:5178')).toBe('[::1]');
    expect(isLocalHost(undefined)).toBe(false);
  });

  it('answers on any loopback address written as digits (--host 127.0.0.2), not on a name made to look like one', async () => {
    expect(isLocalHost('127.0.0.2:5192')).toBe(true);
    expect(isLocalHost('127.1.2.3')).toBe(true);
    expect(isLocalHost('127.0.0.1.nip.io')).toBe(false);
    expect(isLocalHost('128.0.0.1')).toBe(false);
    expect((await srv.inject({ method: 'GET', url: '/api/schemes', headers: { host: '127.0.0.2:5192' } })).statusCode).toBe(200);
  });
});

describe('cross-site writes', () => {
  it('refuses a write whose Origin is another site, accepts the same local origin', async () => {
    const payload = JSON.stringify(fx.readJson('shenzhen-department/2024.json'));
    const h = { ...local, 'content-type': 'application/json' };
    const foreign = await srv.inject({ method: 'POST', url: '/api/validate', headers: { ...h, origin: 'http://evil.example' }, payload });
    expect(foreign.statusCode).toBe(403);
    const same = await srv.inject({ method: 'POST', url: '/api/validate', headers: { ...h, origin: 'http://127.0.0.1:5178' }, payload });
    expect(same.statusCode).toBe(200);
    const site = await srv.inject({ method: 'POST', url: '/api/validate', headers: { ...h, 'sec-fetch-site': 'cross-site' }, payload });
    expect(site.statusCode).toBe(403);
  });
});

describe('names stay names: nothing outside the store is read', () => {
  it.each([
    '/api/schemes/..%2F..%2Fetc/2024',
    '/api/schemes/shenzhen-department/..%2F2024',
    '/api/schemes/Shenzhen/2024',
    '/api/families/shenzhen-department/cases/2024/..%2F..%2F..%2F2024',
    '/api/families/shenzhen-department/cases/2024/.hidden',
  ])('refuses %s (400)', async (url) => {
    const r = await srv.inject({ method: 'GET', url, headers: local });
    expect(r.statusCode).toBe(400);
  });

  it('never follows a symbolic link that points outside: a first start does not import through it', async () => {
    const outside = join(fx.root, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, '2024.json'), '{"secret":true}');
    symlinkSync(outside, join(fx.schemes, 'linked'));
    await srv.close();
    rmSync(join(fx.root, 'data'), { recursive: true, force: true });
    srv = await app(fx.schemes, { bodyLimit: 64 * 1024 });
    expect((srv as unknown as { jixiao: StartReport }).jixiao.imported?.skipped.map((x) => x.path)).toEqual(['linked']);
    const r = await srv.inject({ method: 'GET', url: '/api/schemes/linked/2024', headers: local });
    expect(r.statusCode).toBe(404);
    const list = await srv.inject({ method: 'GET', url: '/api/schemes', headers: local });
    expect(JSON.stringify(list.json())).not.toContain('linked');
  });
});

describe('request size', () => {
  it('refuses bodies over the limit (413), saying the limit', async () => {
    const big = JSON.stringify({ padding: 'x'.repeat(70 * 1024) });
    const r = await srv.inject({ method: 'POST', url: '/api/validate', headers: { ...local, 'content-type': 'application/json' }, payload: big });
    expect(r.statusCode).toBe(413);
    // this server's limit: 64 × 1024 bytes = 64 KB
    expect(r.json()).toEqual({
      error: 'body-too-large',
      message: '请求内容过大，已拒绝：上限为 64 KB。请减小内容后重试（如上传的工作簿过大，可分成几个文件）。',
      messageEn: 'Request body too large (limit 64 KB, 65536 bytes).',
    });
  });
});

describe('static editor', () => {
  it('serves the build with a policy that allows nothing outside this server, and unknown pages get index.html', async () => {
    const dist = join(fx.root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>编辑器</title>');
    writeFileSync(join(dist, 'assets', 'a.js'), 'export {}');
    const s = await app(fx.schemes, { staticDir: dist });
    try {
      const index = await s.inject({ method: 'GET', url: '/', headers: local });
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain('编辑器');
      expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
      const asset = await s.inject({ method: 'GET', url: '/assets/a.js', headers: local });
      expect(asset.headers['cache-control']).toContain('immutable');
      const deep = await s.inject({ method: 'GET', url: '/some/page', headers: local });
      expect(deep.body).toContain('编辑器');
      const api404 = await s.inject({ method: 'GET', url: '/api/nothing', headers: local });
      expect(api404.statusCode).toBe(404);
      expect(api404.headers['content-type']).toContain('application/json');
    } finally {
      await s.close();
    }
  });
});
