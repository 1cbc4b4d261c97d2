/**
 * The one JSON file reader (CLI, store, server): byte-order mark, UTF-16 and other encodings, size
 * limit, syntax errors with line and column, missing files — each answered the same by the
 * asynchronous and the synchronous reader.
 */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { etagOf, MAX_JSON_FILE_BYTES, parseJsonText, readJsonFile, readJsonFileSync, readStored, resolveAuthor, type JsonFileRead, type JsonReadOptions } from '../src/index.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-json-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `bytes` to a temp file named `name`; returns its path. */
function file(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

/** UTF-16 big-endian bytes of `s` (Node writes only little-endian: swap each pair). */
function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  return Buffer.from(le.map((_, i) => le[i % 2 === 0 ? i + 1 : i - 1]!));
}

const readers: [string, (p: string, o?: JsonReadOptions) => Promise<JsonFileRead>][] = [
  ['readJsonFile', (p, o) => readJsonFile(p, o)],
  ['readJsonFileSync', async (p, o) => readJsonFileSync(p, o)],
];

describe.each(readers)('%s', (_, read) => {
  it('reads a UTF-8 file; the version tag is that of its exact bytes', async () => {
    const text = '{"名称": "绩效", "分值": 5}\n';
    const r = await read(file('a.json', text));
    expect(r).toEqual({ ok: true, doc: { 名称: '绩效', 分值: 5 }, text, etag: etagOf(text) });
  });

  it('ignores a UTF-8 byte-order mark (Notepad, Excel), keeping it in the text', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 1}')]);
    const r = await read(file('bom.json', bytes));
    expect(r.ok && r.doc).toEqual({ a: 1 });
    expect(r.ok && r.text).toBe('\ufeff{"a": 1}');
    expect(r.ok && r.etag).toBe(etagOf(bytes));
  });

  it.each([
    ['little-endian with its byte-order mark', Buffer.from('\ufeff{"a": "绩效"}', 'utf16le'), 'LE'],
    ['big-endian with its byte-order mark', utf16be('\ufeff{"a": "绩效"}'), 'BE'],
    ['little-endian without a mark', Buffer.from('{"a": "绩效"}', 'utf16le'), 'LE'],
    ['big-endian without a mark', utf16be('{"a": "绩效"}'), 'BE'],
  ])('refuses UTF-16 %s: save it as UTF-8', async (__, bytes, endian) => {
    const r = await read(file('u16.json', bytes), { shown: 'schemes/x/2024.json' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toBe('utf16');
    expect(r.issue.code).toBe('file-utf16');
    expect(r.issue.message).toContain('schemes/x/2024.json');
    expect(r.issue.message).toContain(`是 UTF-16 编码（${endian}），请另存为 UTF-8`);
    expect(r.issue.messageEn).toContain(`UTF-16 ${endian}; save it as UTF-8`);
    // the text is kept readable (e.g. for the store's history), never parsed
    expect(r.text?.replace(/^\ufeff/, '')).toBe('{"a": "绩效"}');
  });

  it('refuses a file that is not UTF-8 (GBK/ANSI), naming the line', async () => {
    // "绩效" as GBK writes it: BC A8 D0 A7 — not UTF-8 (BC is a continuation byte)
    const bytes = Buffer.concat([Buffer.from('{\n  "name": "'), Buffer.from([0xbc, 0xa8, 0xd0, 0xa7]), Buffer.from('"\n}\n')]);
    const r = await read(file('gbk.json', bytes), { shown: 'gbk.json' });
    expect(!r.ok && r.problem).toBe('not-utf8');
    if (r.ok) return;
    expect(r.issue.message).toBe('文件 gbk.json 不是 UTF-8 编码（第 2 行有无法识别的字节，可能是 GBK/ANSI 编码），请另存为 UTF-8');
  });

  it('refuses a file over the size limit before reading it', async () => {
    // a sparse file one byte over the default limit of 4 MiB
    const big = file('big.json', '');
    truncateSync(big, MAX_JSON_FILE_BYTES + 1);
    const r = await read(big, { shown: 'big.json' });
    expect(!r.ok && r.problem).toBe('too-large');
    if (r.ok) return;
    expect(r.issue.code).toBe('file-too-large');
    expect(r.issue.message).toContain('文件 big.json 过大（4.0 MB，上限 4.0 MB）');
    expect(r.issue.messageEn).toBe(`big.json is too large (${4 * 1024 * 1024 + 1} bytes; the limit is ${4 * 1024 * 1024})`);
    expect(r.text).toBeUndefined();
    // a smaller limit of the caller's: 10 bytes refuses 11
    const eleven = file('eleven.json', '{"a": 1234}');
    expect((await read(eleven, { maxBytes: 10 })).ok).toBe(false);
    expect((await read(eleven, { maxBytes: 11 })).ok).toBe(true);
  });

  it('names the line and column of a syntax error, in Chinese and English', async () => {
    // line 3 lacks the comma before "b"
    const r = await read(file('bad.json', '{\n  "a": 1\n  "b": 2\n}\n'), { shown: 'bad.json' });
    expect(!r.ok && r.problem).toBe('syntax');
    if (r.ok) return;
    expect(r.issue).toMatchObject({ code: 'json-syntax', params: { file: 'bad.json', line: 3, column: 3, reason: 'CommaExpected' } });
    expect(r.issue.message).toBe('文件 bad.json 不是有效的 JSON：第 3 行第 3 列，此处应为逗号 ,');
    expect(r.issue.messageEn).toBe('bad.json: invalid JSON at line 3, column 3: CommaExpected');
    expect(r.text).toBe('{\n  "a": 1\n  "b": 2\n}\n');
  });

  it('counts lines and columns after a byte-order mark as an editor shows them', async () => {
    const r = await read(file('bom-bad.json', '\ufeff{"a": tru}'));
    expect(!r.ok && r.issue.params).toMatchObject({ line: 1, column: 7 });
  });

  it('answers a missing file and a folder as such', async () => {
    const missing = await read(join(dir, 'none.json'), { shown: 'none.json' });
    expect(missing).toMatchObject({ ok: false, problem: 'not-found', issue: { code: 'file-not-found', message: '找不到文件 none.json' } });
    mkdirSync(join(dir, 'folder.json'));
    expect(await read(join(dir, 'folder.json'))).toMatchObject({ ok: false, problem: 'not-a-file' });
  });
});

describe('parseJsonText', () => {
  it.each([
    ['a trailing comma', '{\n  "a": 1,\n}', 3, 1, '多了一个逗号'],
    ['a cut-off file', '{\n  "a": [1, 2', 2, 13, '缺少右方括号'],
    ['an unquoted word', '{"a": tru}', 1, 7, '无法识别的符号'],
    ['an empty file', '', 1, 1, '应为一个值'],
    ['text after the document', '{"a": 1} {"b": 2}', 1, 10, '文件结尾'],
  ])('%s', (_, text, line, column, what) => {
    const r = parseJsonText(text, 'x.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect({ line: r.line, column: r.column }).toEqual({ line, column });
    expect(r.issue.message).toContain(`第 ${line} 行第 ${column} 列`);
    expect(r.issue.message).toContain(what);
    expect(r.issue.messageEn).toContain(`x.json: invalid JSON at line ${line}, column ${column}`);
  });
});

describe('the store reads with it', () => {
  it('readStored parses a scheme saved with a byte-order mark, and reports a UTF-16 one with the issue', async () => {
    const bom = file('2024.json', '\ufeff{"id": "x", "year": 2024}\n');
    expect((await readStored(bom))?.doc).toEqual({ id: 'x', year: 2024 });
    const u16 = file('2025.json', Buffer.from('\ufeff{"id": "x"}', 'utf16le'));
    const s = await readStored(u16);
    expect(s?.doc).toBeUndefined();
    expect(s?.issue?.code).toBe('file-utf16');
    expect(s?.text).toBe('\ufeff{"id": "x"}');
  });

  it('takes the author from a jixiao.config.json saved with a byte-order mark', () => {
    file('jixiao.config.json', '\ufeff{"author": "赵六"}');
    expect(resolveAuthor({ env: {}, cwd: dir })).toBe('赵六');
  });
});

describe('a member name written twice is refused, naming its JSON path', () => {
  it('refuses {"points": 5, "points": 6}, which JSON.parse would read as 6', () => {
    const r = parseJsonText('{\n  "indicators": [\n    { "id": "a", "points": 5 },\n    { "id": "b", "points": 5, "points": 6 }\n  ]\n}\n', 'scheme.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // the second "points" of the second indicator: line 4, column 31 (counted by hand)
    expect(r.issue).toMatchObject({ code: 'json-duplicate-key', path: '/indicators/1/points', params: { file: 'scheme.json', key: 'points', field: '/indicators/1/points', line: 4, column: 31 } });
    expect(r.issue.message).toContain('JSON 路径 /indicators/1/points');
    expect(r.issue.message).toContain('“points”重复');
    expect(r.issue.messageEn).toContain('duplicate member name "points" at /indicators/1/points');
  });

  it('sees a name spelled with an escape as the same name, and escapes / and ~ in the path', () => {
    const r = parseJsonText('{"a/b": {"x~": 1, "x\\u007e": 2}}', 'x.json');
    expect(!r.ok && r.issue.path).toBe('/a~1b/x~0');
  });

  it('keeps the same name in different objects, and at any depth without recursion', () => {
    expect(parseJsonText('{"a": {"v": 1}, "b": {"v": 1}, "c": [{"v": 1}, {"v": 2}]}', 'x.json').ok).toBe(true);
    const deep = '['.repeat(100_000) + '{"k": 1, "k": 2}' + ']'.repeat(100_000);
    const r = parseJsonText(deep, 'deep.json');
    expect(!r.ok && r.issue.code).toBe('json-duplicate-key');
  });

  it('is what the file reader answers (the CLI reads with it)', () => {
    const r = readJsonFileSync(file('dup.json', '{"id": "x", "id": "y"}'), { shown: 'dup.json' });
    expect(r).toMatchObject({ ok: false, problem: 'syntax', issue: { code: 'json-duplicate-key', params: { field: '/id', line: 1, column: 13 } } });
  });
});
