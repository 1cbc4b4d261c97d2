/** Server pieces on their own: ETags, CLI options, display check (atomic writes and the per-file lock are @jixiao/store's, tested there). */
import { describe, expect, it } from 'vitest';
import { etagOf, ifMatchAccepts } from '../src/store/etag.ts';
import { parseServerArgs, DEFAULT_PORT } from '../src/cli-args.ts';
import { hasDisplay } from '../src/open-browser.ts';
import { readableTimes } from '../src/store-reply.ts';

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

describe('server options', () => {
  it('takes --port over PORT over the default, --schemes over JIXIAO_SCHEMES over <repo>/schemes, and --database as given (JIXIAO_DATABASE and the default are the store\'s)', () => {
    expect(parseServerArgs([], {}, '/repo')).toEqual({ port: DEFAULT_PORT, schemesDir: '/repo/schemes', open: true, build: true });
    expect(parseServerArgs([], { PORT: '6001', JIXIAO_SCHEMES: '/data/s' }, '/repo')).toMatchObject({ port: 6001, schemesDir: '/data/s' });
    expect(parseServerArgs(['--port', '0', '--schemes', '/x', '--no-open'], { PORT: '6001' }, '/repo')).toMatchObject({ port: 0, schemesDir: '/x', open: false });
    expect(parseServerArgs(['--database', 'postgres://jixiao@db/jixiao'], {}, '/repo')).toMatchObject({ database: 'postgres://jixiao@db/jixiao', schemesDir: '/repo/schemes' });
    expect(parseServerArgs(['--database', 'data/other.sqlite'], {}, '/repo').database).toBe('data/other.sqlite');
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

describe('refusal messages', () => {
  it('write ISO times as a user reads them, in local time', () => {
    const iso = '2025-01-06T02:05:00.000Z';
    const d = new Date(iso);
    const hh = String(d.getHours()).padStart(2, '0');
    const mm = String(d.getMinutes()).padStart(2, '0');
    expect(readableTimes(`该方案已发布（${iso} 发布），不可修改`)).toBe(`该方案已发布（${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${hh}:${mm} 发布），不可修改`);
    expect(readableTimes('没有时间')).toBe('没有时间');
  });
});
