/**
 * A first start imports the scheme and case files with the store's one JSON reader, as the CLI does: a
 * scheme saved by Notepad with a byte-order mark is imported, listed and opened like any other; a
 * UTF-16 file or broken JSON is not imported but listed with the reason in Chinese (what to do, or the
 * line and column), never an English parser message.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { local, serverPerTest } from './helpers.ts';

const t = serverPerTest();

interface Row {
  family: string;
  year: number;
  status: string;
  title: string;
  error?: string;
}

async function library(): Promise<Row[]> {
  const r = await t.srv.inject({ method: 'GET', url: '/api/schemes', headers: local });
  expect(r.statusCode).toBe(200);
  return (r.json() as { schemes: Row[] }).schemes;
}

describe('scheme files as Notepad saves them', () => {
  it('lists and opens a scheme with a UTF-8 byte-order mark like any other', async () => {
    const text = t.fx.read('shenzhen-department/2024.json');
    const doc = JSON.parse(text) as { title: string; status: string };
    writeFileSync(join(t.fx.schemes, 'shenzhen-department', '2024.json'), '\ufeff' + text);
    await t.reload();
    const row = (await library()).find((s) => s.family === 'shenzhen-department' && s.year === 2024)!;
    expect(row).toMatchObject({ status: doc.status, title: doc.title });
    expect(row.error).toBeUndefined();
    const one = await t.srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-department/2024', headers: local });
    expect(one.statusCode).toBe(200);
    expect((one.json() as { doc: { title: string } }).doc.title).toBe(doc.title);
  });

  it('lists a UTF-16 scheme as unusable with what to do, and refuses to open it with the same words', async () => {
    const text = t.fx.read('shenzhen-department/2024.json');
    writeFileSync(join(t.fx.schemes, 'shenzhen-department', '2024.json'), Buffer.from('\ufeff' + text, 'utf16le'));
    await t.reload();
    const row = (await library()).find((s) => s.family === 'shenzhen-department' && s.year === 2024)!;
    expect(row.status).toBe('unknown');
    expect(row.error).toBe('文件 shenzhen-department/2024.json 是 UTF-16 编码（LE），请另存为 UTF-8（记事本：“另存为”→“编码”选 UTF-8）');
    const one = await t.srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-department/2024', headers: local });
    expect(one.statusCode).toBe(422);
    const body = one.json() as { error: string; message: string; issues: { code: string }[] };
    expect(body.error).toBe('bad-file');
    expect(body.message).toContain('是 UTF-16 编码（LE），请另存为 UTF-8');
    expect(body.message).toContain('方案文件无法读取');
  });

  it('names the line and column of broken JSON in a scheme and in a case', async () => {
    mkdirSync(join(t.fx.schemes, 'broken-family', 'cases', '2024'), { recursive: true });
    writeFileSync(join(t.fx.schemes, 'broken-family', '2024.json'), '{\n  "id": "x"\n  "year": 2024\n}\n');
    writeFileSync(join(t.fx.schemes, 'broken-family', 'cases', '2024', 'one.json'), '{"name": }');
    await t.reload();
    const row = (await library()).find((s) => s.family === 'broken-family')!;
    expect(row.error).toBe('文件 broken-family/2024.json 不是有效的 JSON：第 3 行第 3 列，此处应为逗号 ,');
    const cases = await t.srv.inject({ method: 'GET', url: '/api/families/broken-family/cases', headers: local });
    const [c] = (cases.json() as { cases: { error?: string }[] }).cases;
    expect(c!.error).toBe('文件 broken-family/cases/2024/one.json 不是有效的 JSON：第 1 行第 10 列，此处应为一个值（或多了一个逗号）');
  });
});
