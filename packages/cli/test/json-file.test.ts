/** Malformed JSON gets the file, line and column in Chinese with the English beside. */
import { describe, expect, it } from 'vitest';
import { lineColumn, parseJsonText } from '../src/json-file.ts';

describe('parseJsonText', () => {
  it.each([
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', '第 3 行第 3 列', '逗号'],
    ['a trailing comma', '{\n  "a": 1,\n}', '第 3 行第 1 列', '多了一个逗号'],
    ['a cut-off file', '{\n  "a": [1, 2', '第 2 行第 13 列', '缺少右方括号'],
    ['an unquoted word', '{"a": tru}', '第 1 行第 7 列', '无法识别的符号'],
    ['an empty file', '', '第 1 行第 1 列', '应为一个值'],
  ])('%s', (_, text, where, what) => {
    const r = parseJsonText(text, 'x.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.lines[0]).toContain('x.json');
    expect(r.lines[0]).toContain(where);
    expect(r.lines[0]).toContain(what);
    expect(r.lines[1]).toMatch(/x\.json: invalid JSON at line \d+, column \d+/);
  });

  it('ignores a UTF-8 byte-order mark', () => {
    expect(parseJsonText('\ufeff{"a": 1}', 'x.json')).toEqual({ ok: true, doc: { a: 1 } });
  });

  it('lineColumn counts from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
