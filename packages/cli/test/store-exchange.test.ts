/**
 * `jixiao import-store` / `export-store` as a user runs them (in-process, captured output): the
 * bundled schemes folder into a SQLite database named by --database and out again, byte for byte;
 * the database named by JIXIAO_DATABASE instead; a refused file makes exit code 1 with the reason in
 * Chinese and English; a missing folder is a usage error (2).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledSchemeFiles, copyBundledSchemes, REPO_ROOT } from '../../../test/bundled-schemes.ts';
import { jixiao } from './run.ts';

let dir: string;
const savedDb = process.env['JIXIAO_DATABASE'];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  if (savedDb === undefined) delete process.env['JIXIAO_DATABASE'];
  else process.env['JIXIAO_DATABASE'] = savedDb;
});

describe('import-store and export-store', () => {
  it('moves the bundled schemes folder into the database and out again, byte for byte', async () => {
    copyBundledSchemes(join(dir, 'schemes'));
    const n = bundledSchemeFiles().length; // every shipped scheme and case file (64 before schemes/caiyu-2020-project)
    const imp = await jixiao(['import-store', 'schemes', '--database', 'db/jixiao.sqlite'], dir);
    expect(imp.err).toBe('');
    expect(imp.code).toBe(0);
    expect(imp.out).toContain(`新建 ${n} 个、更新 0 个、未变 0 个；拒绝 0 个；跳过 0 个`);
    expect(imp.out).toContain(`created ${n}, updated 0, unchanged 0, refused 0, skipped 0`);

    const exp = await jixiao(['export-store', 'out', '--database', 'db/jixiao.sqlite'], dir);
    expect(exp.code).toBe(0);
    expect(exp.out).toContain(`写入 ${n} 个文件，未变 0 个`);
    for (const f of bundledSchemeFiles()) expect(readFileSync(join(dir, 'out', f)).equals(readFileSync(join(REPO_ROOT, 'schemes', f))), f).toBe(true);

    const one = await jixiao(['export-store', 'one', '--database', 'db/jixiao.sqlite', '--family', 'shenzhen-project'], dir);
    expect(one.out).toContain('写入 58 个文件'); // the 2020 scheme and its 57 cases
  });

  it('takes the database from JIXIAO_DATABASE', async () => {
    copyBundledSchemes(join(dir, 'schemes'), 'futian-department');
    process.env['JIXIAO_DATABASE'] = join(dir, 'env.sqlite');
    expect((await jixiao(['import-store', 'schemes'], dir)).out).toContain(`SQLite ${join(dir, 'env.sqlite')}`);
    expect((await jixiao(['export-store', 'out'], dir)).out).toContain('写入 2 个文件');
  });

  it('reports a refused file in Chinese and English and exits 1; a missing folder is a usage error', async () => {
    mkdirSync(join(dir, 'schemes/mini/cases/2025'), { recursive: true });
    writeFileSync(join(dir, 'schemes/mini/cases/2025/big.json'), '{"name": "大数", "facts": {"budget": 1e400}}\n');
    const r = await jixiao(['import-store', 'schemes', '--database', 'x.sqlite'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('拒绝导入 mini/cases/2025/big.json（refused）');
    expect(r.err).toContain('字段 /facts/budget的数值 1e400 超出可表示的范围');
    expect(r.err).toContain('the number 1e400 in field /facts/budget is out of range');
    const missing = await jixiao(['import-store', 'nowhere', '--database', 'x.sqlite'], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('找不到目录 nowhere');
  });
});
