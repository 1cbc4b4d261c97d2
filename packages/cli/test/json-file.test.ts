/**
 * The CLI reads files with the store's one JSON reader: a scheme saved with a byte-order mark validates,
 * a UTF-16 or oversized file is refused with what to do (exit 1), a missing file is a usage error (exit 2).
 * The reader's own cases are tested in packages/store/test/json-file.test.ts.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALPHA, jixiao, MINI_SCHEME, tempDir } from './run.ts';

const schemeText = readFileSync(MINI_SCHEME, 'utf8');

describe('reading JSON files', () => {
  it('validates a scheme saved with a UTF-8 byte-order mark (Notepad)', async () => {
    const file = join(tempDir(), 'bom.json');
    writeFileSync(file, '\ufeff' + schemeText);
    const r = await jixiao(['validate', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('refuses a UTF-16 scheme with what to do (exit 1)', async () => {
    const file = join(tempDir(), 'u16.json');
    writeFileSync(file, Buffer.from('\ufeff' + schemeText, 'utf16le'));
    const r = await jixiao(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[file-utf16]');
    expect(r.err).toContain('u16.json 是 UTF-16 编码（LE），请另存为 UTF-8');
    expect(r.err).toContain('is encoded as UTF-16 LE; save it as UTF-8');
  });

  it('refuses a file over 4 MiB without reading it (exit 1)', async () => {
    const file = join(tempDir(), 'big.json');
    writeFileSync(file, '');
    truncateSync(file, 4 * 1024 * 1024 + 1);
    const r = await jixiao(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('big.json 过大');
  });

  it('a missing file or a folder is a usage error naming the file (exit 2)', async () => {
    const missing = await jixiao(['validate', 'no-such.json'], tempDir());
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到方案文件 no-such.json');
    const dir = tempDir();
    const folder = await jixiao(['validate', dir]);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('不是文件');
  });

  it('refuses a fact of 1e400 with the server\'s number check, not as "应为数字，实际为 null" (score)', async () => {
    const kase = JSON.parse(readFileSync(ALPHA, 'utf8')) as { facts: Record<string, unknown> };
    const key = Object.keys(kase.facts)[0]!;
    const text = JSON.stringify(kase).replace(`"${key}":`, `"${key}":{"value":1e400},"__was":`);
    const file = join(tempDir(), 'huge.json');
    writeFileSync(file, text);
    const r = await jixiao(['score', '--scheme', MINI_SCHEME, '--facts', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[doc-number-overflow]');
    expect(r.err).toContain(`字段 /facts/${key}/value的数值 1e400 超出可表示的范围`);
    expect(r.err).not.toContain('实际为 null');
  });

  it('refuses a number literal a double would round (validate), as the server does', async () => {
    const file = join(tempDir(), 'inexact.json');
    writeFileSync(file, schemeText.replace(/"year":\s*(\d+)/, '"year": $1, "x-rate": 0.12345678901234567890'));
    const r = await jixiao(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[doc-number-inexact]');
  });

  it('validate on an Excel workbook says it is a workbook and points to jixiao import (exit 2)', async () => {
    const dir = tempDir();
    // a zip's first bytes ("PK\x03\x04"), whatever the name: an .xlsx renamed .json is still a workbook
    for (const name of ['已填.xlsx', 'renamed.json']) {
      const file = join(dir, name);
      writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xe4, 0xb8]));
      const r = await jixiao(['validate', name], dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`${name} 是 Excel 工作簿，方案文件须为 JSON 文件`);
      expect(r.err).toContain(`jixiao import --scheme <方案文件> ${name}`);
      expect(r.err).not.toContain('UTF-8');
    }
  });

  it('every command reading a JSON document names a workbook alike (diff, score --scheme)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    for (const args of [['diff', 'a.xlsx', MINI_SCHEME], ['score', '--scheme', 'a.xlsx', '--facts', ALPHA]]) {
      const r = await jixiao(args, dir);
      expect(r.err, args.join(' ')).toContain('a.xlsx 是 Excel 工作簿');
    }
  });
});
