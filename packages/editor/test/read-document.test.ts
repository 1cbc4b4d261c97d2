/**
 * The editor reads every scheme and case from the server through the engine's format upgrade (api/client.ts
 * `readDocument`): format 1 is read as it is, without a note; a newer or an invalid format version is refused as
 * the server refuses it (ApiError 422 `unreadable-format-version`), its message the one the page shows.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, readDocument } from '../src/api/client.ts';

describe('readDocument', () => {
  it('reads a document of format 1 as it is, without a note', () => {
    const r = { etag: '"1"', doc: { id: 'c', facts: {} } };
    expect(readDocument('case', r)).toBe(r);
    const written = { etag: '"1"', doc: { formatVersion: 1, id: 'c', facts: {} } };
    expect(readDocument('case', written)).toBe(written);
  });

  it('refuses a newer format version with its one message', () => {
    let thrown: unknown;
    try {
      readDocument('scheme', { doc: { formatVersion: 2, id: 's' } });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ApiError);
    const e = thrown as ApiError;
    expect(e.status).toBe(422);
    expect(e.body.error).toBe('unreadable-format-version');
    expect(e.message).toBe('此评价方案文档由较新版本的 jixiao 写成（格式版本 formatVersion 为 2），当前程序只能读取格式版本 1，请升级 jixiao');
    expect(e.body.issues?.map((i) => i.path)).toEqual(['/formatVersion']);
  });

  it('refuses a formatVersion that is not a positive integer', () => {
    expect(() => readDocument('case', { doc: { formatVersion: 0, facts: {} } })).toThrow(/formatVersion 应为正整数/);
  });
});
