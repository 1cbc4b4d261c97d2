/**
 * The start message says 须登录 exactly where the server asks for a login: the same `isLoopback` decision as
 * `securityFor` (a user started on 127.0.0.2 was told "须登录 … accounts required" and was never asked to sign in).
 * And a start prints no Fastify deprecation warning (FSTDEP022, English, at every start).
 */
import { describe, expect, it } from 'vitest';
import { startLines, localUrl } from '../src/start-message.ts';
import { isLoopback, securityFor } from '../src/security/server-setup.ts';
import { app, fixture } from './helpers.ts';

const lines = (host: string, plainHttp = true) => startLines({ host, port: 5178, database: 'SQLite', plainHttp }).join('\n');

describe('start message', () => {
  it('a loopback address other than 127.0.0.1 says no login, as the server behaves', async () => {
    for (const host of ['127.0.0.2', 'localhost', '::1']) {
      expect(isLoopback(host), host).toBe(true);
      expect((await securityFor({ host, plainHttp: true })).mode, host).toBe('local');
      const text = lines(host);
      expect(text, host).not.toContain('须登录');
      expect(text, host).not.toContain('accounts required');
      expect(text, host).toContain('无需登录');
    }
  });

  it('the default 127.0.0.1 prints only the address', () => {
    expect(lines('127.0.0.1')).toBe('jixiao 方案编辑器已启动：http://127.0.0.1:5178/  (editor listening; database: SQLite)');
  });

  it('any other address says accounts are required, and about the Secure cookie without --plain-http', () => {
    for (const host of ['0.0.0.0', '192.168.1.20', 'jixiao.intra']) {
      expect(isLoopback(host), host).toBe(false);
      expect(lines(host), host).toContain(`已在 ${host} 上监听，须登录`);
    }
    expect(lines('0.0.0.0', false)).toContain('--plain-http');
    expect(lines('0.0.0.0', true)).not.toContain('--plain-http');
  });

  it('the local address to open: 127.0.0.1 for a wildcard, brackets for IPv6', () => {
    expect(localUrl('0.0.0.0', 80)).toBe('http://127.0.0.1:80/');
    expect(localUrl('::1', 80)).toBe('http://[::1]:80/');
    expect(localUrl('127.0.0.2', 80)).toBe('http://127.0.0.2:80/');
  });
});

describe('Fastify options', () => {
  it('building the server emits no deprecation warning (maxParamLength under routerOptions)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error & { code?: string }) => warnings.push(`${w.code ?? ''} ${w.message}`);
    process.on('warning', onWarning);
    const f = fixture();
    try {
      const srv = await app(f.schemes);
      await srv.ready();
      // a warning is emitted on the next tick
      await new Promise((r) => setTimeout(r, 10));
      await srv.close();
    } finally {
      process.off('warning', onWarning);
      f.cleanup();
    }
    expect(warnings.filter((w) => w.includes('FST'))).toEqual([]);
  });
});
