/**
 * Files as the exchange format, on both databases: the bundled schemes folder imported and exported
 * again byte for byte; a second import changes nothing; a draft edited in the folder becomes a new
 * saved state; files the store refuses (UTF-16, 1e400, a published scheme changed by hand) are
 * reported while the others are imported; symbolic links are neither followed nor written through.
 */
import { mkdirSync, readdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledSchemeFiles, copyBundledSchemes, REPO_ROOT } from '../../../../test/bundled-schemes.ts';
import { exportFiles, fillIfEmpty, importFiles } from '../../src/index.ts';
import { BACKENDS, freshStoreEach } from './backends.ts';

const AUTHOR = { author: '导入测试' };

describe.each(BACKENDS)('exchange files on $name', (backend) => {
  const t = freshStoreEach(backend);
  let work: string;

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'jixiao-exchange-'));
  });
  afterEach(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('import → export reproduces every bundled file byte for byte; importing again changes nothing', async () => {
    const src = join(work, 'in');
    copyBundledSchemes(src);
    const files = bundledSchemeFiles();
    // the seeds' 4 schemes and 60 cases, and any family added since (drafts from other jurisdictions)
    expect(files.length).toBeGreaterThanOrEqual(64);

    const r = await importFiles(t.store, src, AUTHOR);
    expect(r.refused).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(r.imported).toHaveLength(files.length);
    expect(r.imported.filter((f) => f.status === 'published').map((f) => f.path)).toEqual([
      'futian-department/2020.json',
      'shenzhen-department/2021.json',
      'shenzhen-department/2024.json',
      'shenzhen-project/2020.json',
    ]);
    expect(r.imported.filter((f) => f.ref.kind === 'case')).toHaveLength(files.filter((f) => f.includes('/cases/')).length);

    const out = join(work, 'out');
    const e = await exportFiles(t.store, out);
    expect(e.written.sort()).toEqual([...files].sort());
    for (const f of files) expect(readFileSync(join(out, f)).equals(readFileSync(join(REPO_ROOT, 'schemes', f))), f).toBe(true);

    expect((await importFiles(t.store, out, AUTHOR)).imported.every((f) => f.outcome === 'unchanged')).toBe(true);
    expect((await exportFiles(t.store, out)).unchanged).toHaveLength(files.length);
    expect((await t.store.check()).problems).toEqual([]);
  });

  it('fills a new store from the bundled schemes once (a first start), never again', async () => {
    const src = join(work, 'in');
    copyBundledSchemes(src);
    const files = bundledSchemeFiles();
    const first = await fillIfEmpty(t.store, src, AUTHOR);
    expect(first!.imported).toHaveLength(files.length);
    expect(first!.refused).toEqual([]);
    expect(await fillIfEmpty(t.store, src, AUTHOR)).toBeNull();
    expect((await t.store.list()).length).toBe(files.length);
  });

  it('a case edited in the folder becomes a new saved state; a published scheme changed by hand is refused', async () => {
    const src = join(work, 'in');
    copyBundledSchemes(src, 'shenzhen-department');
    await importFiles(t.store, src, AUTHOR);
    const [caseFile] = bundledSchemeFiles().filter((f) => f.startsWith('shenzhen-department/cases/'));
    const caseText = readFileSync(join(src, caseFile!), 'utf8');
    const edited = caseText.replace(/"name": "([^"]*)"/, '"name": "$1（修订）"');
    expect(edited).not.toBe(caseText);
    writeFileSync(join(src, caseFile!), edited);
    const scheme = join(src, 'shenzhen-department/2024.json');
    writeFileSync(scheme, readFileSync(scheme, 'utf8').replace('"totalPoints": 100', '"totalPoints": 99'));

    const r = await importFiles(t.store, src, AUTHOR);
    expect(r.imported.find((f) => f.path === caseFile)).toMatchObject({ outcome: 'updated', version: 2 });
    expect(r.refused.map((f) => [f.path, f.issues[0]!.code])).toEqual([['shenzhen-department/2024.json', 'store-published']]);
    const ref = r.imported.find((f) => f.path === caseFile)!.ref;
    expect((await t.store.history(ref)).map((s) => [s.seq, s.action, s.summary])).toEqual([
      [1, 'import', expect.stringMatching(/^导入：新建案例/)],
      [2, 'import', '导入：修改了案例名称'],
    ]);
    expect((await t.store.read(ref))!.text).toBe(edited);
  });

  it('reports files it cannot take (UTF-16, 1e400) and imports the rest', async () => {
    const src = join(work, 'in');
    mkdirSync(join(src, 'mini/cases/2025'), { recursive: true });
    writeFileSync(join(src, 'mini/2025.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"id": "mini"}', 'utf16le')]));
    writeFileSync(join(src, 'mini/cases/2025/big.json'), '{"name": "大数", "facts": {"budget": 1e400}}\n');
    writeFileSync(join(src, 'mini/cases/2025/ok.json'), '{"name": "正常"}\n');
    writeFileSync(join(src, 'mini/README.md'), 'notes');
    mkdirSync(join(src, 'mini/.history/2025'), { recursive: true });
    writeFileSync(join(src, 'mini/.history/2025/000001.json'), '{}');
    const r = await importFiles(t.store, src, AUTHOR);
    expect(r.imported.map((f) => f.path)).toEqual(['mini/cases/2025/ok.json']);
    expect(r.refused.map((f) => [f.path, f.issues.map((i) => i.code)])).toEqual([
      ['mini/2025.json', ['file-utf16']],
      ['mini/cases/2025/big.json', ['doc-number-overflow']],
    ]);
    expect(r.refused[1]!.issues[0]!.message).toContain('字段 /facts/budget');
    expect(r.skipped.map((s) => s.path)).toEqual(['mini/README.md']);
  });

  it('keeps a byte-order mark a file was saved with (Notepad), so the file comes back as it was', async () => {
    const src = join(work, 'in');
    mkdirSync(join(src, 'mini/cases/2025'), { recursive: true });
    const bytes = Buffer.from('\uFEFF{"name": "记事本保存的案例"}\r\n', 'utf8');
    writeFileSync(join(src, 'mini/cases/2025/notepad.json'), bytes);
    expect((await importFiles(t.store, src, AUTHOR)).imported.map((f) => f.outcome)).toEqual(['created']);
    const doc = await t.store.read({ kind: 'case', family: 'mini', year: 2025, caseId: 'notepad' });
    expect(doc!.doc).toEqual({ name: '记事本保存的案例' });
    await exportFiles(t.store, join(work, 'out'));
    expect(readFileSync(join(work, 'out/mini/cases/2025/notepad.json')).equals(bytes)).toBe(true);
  });

  it('neither follows nor writes through symbolic links', async () => {
    const outside = join(work, 'outside');
    mkdirSync(join(outside, 'cases/2025'), { recursive: true });
    writeFileSync(join(outside, '2025.json'), '{"id": "secret"}\n');
    const src = join(work, 'in');
    mkdirSync(join(src, 'real'), { recursive: true });
    writeFileSync(join(src, 'real/2025.json'), '{"id": "real", "status": "draft"}\n');
    symlinkSync(outside, join(src, 'linked'));
    symlinkSync(join(outside, '2025.json'), join(src, 'real/2026.json'));
    const r = await importFiles(t.store, src, AUTHOR);
    expect(r.imported.map((f) => f.path)).toEqual(['real/2025.json']);
    expect(r.skipped.map((s) => s.path)).toEqual(['linked', 'real/2026.json']);

    const out = join(work, 'out');
    mkdirSync(out);
    symlinkSync(outside, join(out, 'real'));
    await expect(exportFiles(t.store, out)).rejects.toThrow(/符号链接/);
    expect(readFileSync(join(outside, '2025.json'), 'utf8')).toBe('{"id": "secret"}\n');
    expect(readdirSync(outside).sort()).toEqual(['2025.json', 'cases']);
  });
});
