/** Malformed JSON is described in Chinese with its line and column, never in the browser's English. */
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError, lineColumn } from '../src/model/json-error.ts';

describe('JSON syntax errors', () => {
  it('valid JSON has none', () => {
    expect(jsonSyntaxError('{"a": [1, 2]}')).toBeNull();
  });

  it('names the place and the fault', () => {
    // line 2 is `  a: 1`: the unquoted name starts at column 3
    expect(jsonSyntaxError('{\n  a: 1\n}')).toBe('JSON 语法错误：第 2 行第 3 列：无法识别的符号（属性名和文字须用英文双引号括起）');
    // a trailing comma before } on line 3, column 1
    expect(jsonSyntaxError('{\n  "a": 1,\n}')).toBe('JSON 语法错误：第 3 行第 1 列：应为用双引号括起的属性名');
    // cut short: the object is never closed (reported at the end, line 2 column 9)
    expect(jsonSyntaxError('{\n  "a": 1')).toMatch(/^JSON 语法错误：第 2 行第 9 列：缺少右花括号 }$/);
  });

  it('refuses a member name written twice, which JSON.parse would read as the last, naming its JSON path', () => {
    // the second "points" of indicator 0: line 3, column 31 (4 spaces and 26 characters before it)
    const text = '{\n  "indicators": [\n    { "id": "a", "points": 5, "points": 6 }\n  ]\n}';
    expect(jsonSyntaxError(text)).toBe(
      'JSON 属性名重复：第 3 行第 31 列，属性名“points”在同一对象中出现两次（JSON 路径 /indicators/0/points）；读取时只会保留后一个，请删去或改名其中一个',
    );
    // the same name in two objects is fine
    expect(jsonSyntaxError('{"a": {"v": 1}, "b": {"v": 2}}')).toBeNull();
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
