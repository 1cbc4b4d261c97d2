/**
 * The editor's files are sent precompressed: the build writes <file>.br and <file>.gz beside each text
 * file (packages/editor/vite.config.ts), and the server sends the one the browser accepts with the right
 * Content-Encoding (and the plain file to one that accepts neither).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { app, fixture, local, type Fixture } from './helpers.ts';

let fx: Fixture;
let srv: FastifyInstance;
const SCRIPT = 'export const answer = "绩效";\n'.repeat(200);

beforeEach(async () => {
  fx = fixture();
  const dist = join(fx.root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>编辑器</title>');
  const file = join(dist, 'assets', 'index-abc.js');
  writeFileSync(file, SCRIPT);
  writeFileSync(`${file}.br`, brotliCompressSync(Buffer.from(SCRIPT)));
  writeFileSync(`${file}.gz`, gzipSync(Buffer.from(SCRIPT)));
  srv = await app(fx.schemes, { staticDir: dist });
});
afterEach(async () => {
  await srv.close();
  fx.cleanup();
});

describe('precompressed static files', () => {
  it('brotli to a browser that accepts it', async () => {
    const r = await srv.inject({ method: 'GET', url: '/assets/index-abc.js', headers: { ...local, 'accept-encoding': 'gzip, deflate, br' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(String(r.headers['vary'])).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(r.rawPayload).toString()).toBe(SCRIPT);
  });

  it('gzip when brotli is not accepted', async () => {
    const r = await srv.inject({ method: 'GET', url: '/assets/index-abc.js', headers: { ...local, 'accept-encoding': 'gzip' } });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.rawPayload).toString()).toBe(SCRIPT);
  });

  it('the plain file otherwise', async () => {
    const r = await srv.inject({ method: 'GET', url: '/assets/index-abc.js', headers: { ...local, 'accept-encoding': 'identity' } });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.payload).toBe(SCRIPT);
  });
});
