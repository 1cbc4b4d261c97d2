/** Store pieces on their own: atomic writes, ETags, the per-file lock, CLI options, display check. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atomicWrite } from '../src/store/atomic-write.ts';
import { etagOf, ifMatchAccepts } from '../src/store/etag.ts';
import { KeyedLock } from '../src/store/keyed-lock.ts';
import { parseServerArgs, DEFAULT_PORT } from '../src/cli-args.ts';
import { hasDisplay } from '../src/open-browser.ts';

describe('atomicWrite', () => {
  it('replaces the file whole, and concurrent writers leave one complete version and no temp files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-atomic-'));
    try {
      const target = join(dir, '2024.json');
      writeFileSync(target, '{"v":0}');
      const versions = Array.from({ length: 20 }, (_, i) => JSON.stringify({ v: i + 1, pad: 'x'.repeat(50_000) }));
      await Promise.all(versions.map((v) => atomicWrite(target, v)));
      expect(versions).toContain(readFileSync(target, 'utf8'));
      expect(readdirSync(dir)).toEqual(['2024.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ETag', () => {
  it('changes with any byte and matches If-Match lists and *', () => {
    const a = etagOf('{"a":1}\n');
    expect(etagOf('{"a":1}\n')).toBe(a);
    expect(etagOf('{"a":2}\n')).not.toBe(a);
    expect(ifMatchAccepts(a, a)).toBe(true);
    expect(ifMatchAccepts(`"other", ${a}`, a)).toBe(true);
    expect(ifMatchAccepts('*', a)).toBe(true);
    expect(ifMatchAccepts(`W/${a}`, a)).toBe(false);
  });
});

describe('KeyedLock', () => {
  it('runs tasks of one key one at a time, in order, even when one fails', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([lock.run('k', task('a', 20, true)), lock.run('k', task('b', 1)), lock.run('k', task('c', 1))]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  });
});

describe('server options', () => {
  it('takes --port over PORT over the default, and --schemes over JIXIAO_SCHEMES over <repo>/schemes', () => {
    expect(parseServerArgs([], {}, '/repo')).toEqual({ port: DEFAULT_PORT, schemesDir: '/repo/schemes', open: true, build: true });
    expect(parseServerArgs([], { PORT: '6001', JIXIAO_SCHEMES: '/data/s' }, '/repo')).toMatchObject({ port: 6001, schemesDir: '/data/s' });
    expect(parseServerArgs(['--port', '0', '--schemes', '/x', '--no-open'], { PORT: '6001' }, '/repo')).toMatchObject({ port: 0, schemesDir: '/x', open: false });
    expect(() => parseServerArgs(['--port', 'abc'], {}, '/repo')).toThrow(/端口/);
    expect(() => parseServerArgs(['--port', '70000'], {}, '/repo')).toThrow(/端口/);
  });

  it('opens a browser only with a display and never under CI', () => {
    expect(hasDisplay({ CI: 'true', DISPLAY: ':0' }, 'linux')).toBe(false);
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
  });
});
