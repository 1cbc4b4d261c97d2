/**
 * The checks a document text passes before the store keeps it: JSON with line and column, nesting
 * depth (thousands deep is a message, not a stack overflow), and numbers that a reader would change
 * (1e400, a 3,000-digit literal, 1e-400, more digits than a double holds) refused with the field named.
 * Every bundled scheme and case passes unchanged. (File encodings are the file reader's, json-file.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocumentText, MAX_DOCUMENT_DEPTH, parseStoredText } from '../../src/index.ts';

const schemesDir = fileURLToPath(new URL('../../../../schemes/', import.meta.url));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
}

const codes = (text: string) => {
  const r = checkDocumentText(text);
  return r.ok ? [] : r.issues.map((i) => i.code);
};

describe('document texts accepted as they are', () => {
  it('accepts every bundled scheme and case', () => {
    const files = jsonFiles(schemesDir);
    // every JSON file under schemes/ (bundled schemes and their cases; the count grows as families are added)
    expect(files.length).toBeGreaterThanOrEqual(64);
    for (const f of files) expect(codes(readFileSync(f, 'utf8')), f).toEqual([]);
  });

  it('accepts numbers a double holds exactly, whatever their spelling', () => {
    for (const n of ['0', '-0', '1.50', '1e2', '1E+2', '0.1', '123.45', '9007199254740993e-16', '100000000000000000000', '-2.5e-7', '9007199254740991']) {
      expect(codes(`{"v": ${n}}`), n).toEqual([]);
    }
  });
});

describe('numbers a reader would change are refused, naming the field', () => {
  it('refuses 1e400 (overflows to Infinity) at its JSON Pointer', () => {
    const r = checkDocumentText('{"indicators": [{"id": "a", "points": 1e400}]}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'doc-number-overflow', path: '/indicators/0/points' });
    expect(r.issues[0]!.message).toContain('字段 /indicators/0/points');
    expect(r.issues[0]!.message).toContain('1e400');
    expect(r.issues[0]!.messageEn).toContain('field /indicators/0/points');
  });

  it('refuses a 3,000-digit literal (10^2999 and more overflow a double), shortened in the message', () => {
    const r = checkDocumentText(`{"budget": ${'9'.repeat(3000)}}`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.code).toBe('doc-number-overflow');
    expect(r.issues[0]!.message).toContain('共 3000 个字符');
    expect(r.issues[0]!.message.length).toBeLessThan(200);
    // the English beside names the length in English, no Chinese in it
    expect(r.issues[0]!.messageEn).toContain('(3000 characters)');
    expect(r.issues[0]!.messageEn).not.toMatch(/\p{Script=Han}/u);
  });

  it('refuses a nonzero number too small for a double (1e-400 would become 0)', () => {
    expect(codes('{"rate": 1e-400}')).toEqual(['doc-number-overflow']);
    expect(codes('{"rate": 0e-400}')).toEqual([]); // zero is zero
  });

  it('refuses more digits than a double keeps, saying what it would become', () => {
    const r = checkDocumentText('{"rate": 0.12345678901234567890}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'doc-number-inexact', path: '/rate' });
    expect(r.issues[0]!.params).toMatchObject({ kept: '0.12345678901234568' });
    // 2^53 + 1 = 9007199254740993 is the first integer a double cannot hold
    expect(codes('{"n": 9007199254740993}')).toEqual(['doc-number-inexact']);
    expect(codes(`{"n": 0.${'1'.repeat(3000)}}`)).toEqual(['doc-number-inexact']);
  });

  it('names each bad number (escaping / and ~ in member names)', () => {
    const r = checkDocumentText('{"a/b": 1e400, "c~d": [1, 2, 1e999]}');
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['/a~1b', '/c~0d/2']);
  });
});

describe('nesting depth', () => {
  it(`accepts ${MAX_DOCUMENT_DEPTH} levels and refuses one more`, () => {
    const nest = (n: number) => '['.repeat(n - 1) + ']'.repeat(n - 1);
    expect(codes(`{"x": ${nest(MAX_DOCUMENT_DEPTH)}}`)).toEqual([]);
    expect(codes(`{"x": ${nest(MAX_DOCUMENT_DEPTH + 1)}}`)).toEqual(['doc-too-deep']);
  });

  it('refuses a condition tree nested 5,000 deep with a message, not a stack overflow', () => {
    const depth = 5000;
    const text = '{"rule": ' + '{"all": ['.repeat(depth) + '{"fact": "x", "operator": "equal", "value": 1}' + ']}'.repeat(depth) + '}';
    const r = checkDocumentText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.code).toBe('doc-too-deep');
    expect(r.issues[0]!.message).toContain(`超过 ${MAX_DOCUMENT_DEPTH} 层`);
    expect(r.issues[0]!.path.startsWith('/rule/all/0/all/0')).toBe(true);
  });
});

describe('syntax and shape', () => {
  it('names the line and column of a syntax error, and what is wrong there', () => {
    const r = checkDocumentText('{\n  "a": 1,\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'doc-json-syntax', params: { line: 3, column: 1, reason: 'PropertyNameExpected' } });
    expect(r.issues[0]!.message).toBe('内容不是有效的 JSON：第 3 行第 1 列，此处应为带双引号的属性名（或多了一个逗号）');
  });

  it('reports broken JSON nested 10,000 deep as a syntax error, not a stack overflow', () => {
    const r = checkDocumentText('{"rule": ' + '{"all": ['.repeat(10_000));
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['doc-json-syntax']);
  });

  it('keeps a UTF-8 byte-order mark out of the way', () => {
    expect(checkDocumentText('\uFEFF{"a": 1}')).toEqual({ ok: true, doc: { a: 1 } });
    expect(parseStoredText('\uFEFF{"a": 1}')).toEqual({ a: 1 });
  });

  it('requires an object at the root', () => {
    expect(codes('[1, 2]')).toEqual(['doc-not-object']);
    expect(checkDocumentText('[1, 2]', { requireObject: false }).ok).toBe(true);
  });
});

describe('a member name written twice is refused before it is stored', () => {
  it('names the JSON path of the repeated member (JSON.parse would keep the last silently)', () => {
    const r = checkDocumentText('{"id": "x", "facts": {"budget": 100, "spent": 90, "budget": 120}}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    // the second "budget" starts at column 51 of line 1 (counted by hand)
    expect(r.issues[0]).toMatchObject({ code: 'doc-duplicate-key', path: '/facts/budget', params: { field: '/facts/budget', key: 'budget', line: 1, column: 51 } });
    expect(r.issues[0]!.message).toContain('JSON 路径 /facts/budget');
  });
});
