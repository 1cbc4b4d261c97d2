/**
 * The CLI reads files with the store's one JSON reader: a scheme saved with a byte-order mark validates,
 * a UTF-16 or oversized file is refused with what to do (exit 1), a missing file is a usage error (exit 2).
 * The reader's own cases are tested in packages/store/test/json-file.test.ts.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, MINI_SCHEME, tempDir } from './run.ts';

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
});
