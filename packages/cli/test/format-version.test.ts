/**
 * The command line reads every scheme and case through the engine's format upgrade (src/upgrade.ts): a document
 * of a newer format version (or an invalid one) is refused with one clear message — Chinese, English beside,
 * the field and its path — and exit 1 like any other invalid input; a document of format 1 (with or without the
 * field) is read as it is, without a note.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALPHA, MINI_SCHEME, jixiao, readJson, tempDir, writeJson } from './run.ts';

/** A copy of `file` with `formatVersion` set, written to a temp folder. */
function withVersion(file: string, value: unknown): string {
  const out = join(tempDir(), 'doc.json');
  writeJson(out, { ...readJson<Record<string, unknown>>(file), formatVersion: value });
  return out;
}

const NEWER_SCHEME = '此评价方案文档由较新版本的 jixiao 写成（格式版本 formatVersion 为 2），当前程序只能读取格式版本 1，请升级 jixiao';
const NEWER_CASE = '此案例文档由较新版本的 jixiao 写成（格式版本 formatVersion 为 2），当前程序只能读取格式版本 1，请升级 jixiao';

describe('format version on the command line', () => {
  it('validate refuses a scheme of a newer format version with one message, exit 1', async () => {
    const file = withVersion(MINI_SCHEME, 2);
    const r = await jixiao(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(NEWER_SCHEME);
    expect(r.err).toContain('/formatVersion');
    expect(r.err).toMatch(/written by a newer jixiao \(formatVersion 2\).*upgrade jixiao/);
    // one refusal: no schema errors, no stack trace
    expect(r.err.match(/错误 \[/g)).toHaveLength(1);
    expect(r.err).not.toMatch(/schema-|at .*\.ts:\d+/);
    expect(r.out).toBe('');
  });

  it('score refuses a scheme or a case of a newer format version, exit 1', async () => {
    const scheme = await jixiao(['score', '--scheme', withVersion(MINI_SCHEME, 2), '--facts', ALPHA]);
    expect(scheme.code).toBe(1);
    expect(scheme.err).toContain(NEWER_SCHEME);
    const kase = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', withVersion(ALPHA, 2)]);
    expect(kase.code).toBe(1);
    expect(kase.err).toContain(NEWER_CASE);
    expect(kase.err).toContain('/formatVersion');
  });

  it('refuses a formatVersion that is not a positive integer, saying what to write', async () => {
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', withVersion(ALPHA, '1')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('案例的格式版本 formatVersion 应为正整数（当前为 1），文档中写的是 "1"：请改为 1 或删去该字段（不写即格式版本 1）');
  });

  it('reads format 1, written or not, as it is: same total, no note of an upgrade', async () => {
    const plain = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', ALPHA, '--format', 'json']);
    const written = await jixiao(['score', '--scheme', withVersion(MINI_SCHEME, 1), '--facts', withVersion(ALPHA, 1), '--format', 'json']);
    expect(plain.code).toBe(0);
    expect(written.code).toBe(0);
    expect((JSON.parse(written.out) as { total: string }).total).toBe((JSON.parse(plain.out) as { total: string }).total);
    expect(plain.err + written.err).not.toContain('已按格式版本');
  });
});
