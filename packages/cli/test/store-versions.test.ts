/**
 * new-year, publish, history and restore acting through the database store (`--database`), in-process
 * on a temporary SQLite database filled from the bundled Shenzhen family: the same concurrency rules
 * as every other writer (a publish based on a version someone has since saved over is refused, in
 * Chinese and English), a published scheme frozen, the files on disk neither read nor written, and
 * `--based-on` with `--files` a usage error. Without `--database` the commands use the server's default
 * database (the data folder's SQLite file), filled from the schemes folder when it is empty.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentText, openStore, type SchemeRef } from '@jixiao/store';
import { copyBundledSchemes } from '../../../test/bundled-schemes.ts';
import { jixiao } from './run.ts';

let dir: string;
const DB = 'db/jixiao.sqlite';
const FILE_2025 = 'schemes/shenzhen-department/2025.json';
const REF_2025: SchemeRef = { kind: 'scheme', family: 'shenzhen-department', year: 2025 };
const savedAuthor = process.env['JIXIAO_AUTHOR'];

beforeEach(async () => {
  process.env['JIXIAO_AUTHOR'] = '政策处';
  dir = mkdtempSync(join(tmpdir(), 'jixiao-cli-db-'));
  copyBundledSchemes(join(dir, 'schemes'), 'shenzhen-department');
  expect((await jixiao(['import-store', 'schemes', '--database', DB], dir)).code).toBe(0);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  if (savedAuthor === undefined) delete process.env['JIXIAO_AUTHOR'];
  else process.env['JIXIAO_AUTHOR'] = savedAuthor;
});

describe('the default database', () => {
  it('is the data folder\'s SQLite file, as the server\'s; empty, it is first filled from the schemes folder', async () => {
    const saved = { data: process.env['JIXIAO_DATA'], db: process.env['JIXIAO_DATABASE'] };
    process.env['JIXIAO_DATA'] = join(dir, 'data');
    delete process.env['JIXIAO_DATABASE'];
    try {
      const made = await jixiao(['new-year', '--from', 'schemes/shenzhen-department/2024.json', '--year', '2025'], dir);
      expect(made.code).toBe(0);
      expect(made.err).toContain('数据库为空：已从');
      expect(made.out).toContain(`SQLite ${join(dir, 'data', 'jixiao.sqlite')}`);
      const store = await openStore({ dialect: 'sqlite', file: join(dir, 'data', 'jixiao.sqlite') });
      try {
        // the bundled family (2 schemes, 2 cases) and the new draft
        expect((await store.list()).map((d) => (d.ref.kind === 'scheme' ? `${d.ref.year}` : d.ref.caseId)).sort()).toEqual(['2021', '2024', '2025', 'shenzhen-ccpit', 'shenzhen-commerce']);
        expect((await store.read(REF_2025))?.status).toBe('draft');
      } finally {
        await store.close();
      }
      const h = await jixiao(['history', FILE_2025], dir);
      expect(h.code).toBe(0);
      expect(h.err).not.toContain('数据库为空');
      expect(existsSync(join(dir, FILE_2025))).toBe(false);
    } finally {
      if (saved.data === undefined) delete process.env['JIXIAO_DATA'];
      else process.env['JIXIAO_DATA'] = saved.data;
      if (saved.db !== undefined) process.env['JIXIAO_DATABASE'] = saved.db;
    }
  });
});

describe('version commands on the database store', () => {
  it('new-year makes the draft in the database; publish refuses a stale version, then publishes and freezes it', async () => {
    const made = await jixiao(['new-year', '--from', 'schemes/shenzhen-department/2024.json', '--year', '2025', '--database', DB], dir);
    expect(made.code).toBe(0);
    expect(made.out).toContain('已以2024年方案为基础新建2025年草稿：方案 shenzhen-department 2025年');
    expect(made.out).toContain('历史记录第 1 条');
    expect(existsSync(join(dir, FILE_2025))).toBe(false); // the files are the exchange format, not written here

    // someone else (the editor, another process) saves version 2 meanwhile
    const other = await openStore({ dialect: 'sqlite', file: join(dir, DB) });
    try {
      const d = (await other.read(REF_2025))!.doc as { title: string };
      d.title += '（修订）';
      await other.save(REF_2025, documentText(d), { basedOnVersion: 1, author: '他人' });
    } finally {
      await other.close();
    }
    const stale = await jixiao(['publish', FILE_2025, '--database', DB, '--based-on', '1'], dir);
    expect(stale.code).toBe(1);
    expect(stale.err).toContain('错误 [store-conflict] 方案 shenzhen-department 2025年 在你编辑期间已被他人保存（你基于第 1 条记录，现已到第 2 条）');
    expect(stale.err).toContain('based on history entry 1, now 2');

    const pub = await jixiao(['publish', FILE_2025, '--database', DB], dir);
    expect(pub.code).toBe(0);
    expect(pub.out).toContain('已发布：方案 shenzhen-department 2025年');
    expect(pub.out).toContain('历史记录第 3 条');

    const h = await jixiao(['history', FILE_2025, '--database', DB, '--format', 'json'], dir);
    const hist = JSON.parse(h.out) as { status: string; states: { seq: number; action: string; author: string }[]; publication: { seq: number; publishedBy: string } };
    expect(hist.status).toBe('published');
    expect(hist.states.map((s) => [s.seq, s.action, s.author])).toEqual([
      [1, 'create', '政策处'],
      [2, 'save', '他人'],
      [3, 'publish', '政策处'],
    ]);
    expect(hist.publication).toMatchObject({ seq: 3, publishedBy: '政策处' });

    const again = await jixiao(['restore', FILE_2025, '1', '--database', DB], dir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('错误 [store-published]');
    expect(again.err).toContain('不可修改');
  });

  it('publish does not publish a draft with warnings unless --accept-warnings says they were read', async () => {
    const FILE_2026 = 'schemes/shenzhen-department/2026.json';
    const ref: SchemeRef = { kind: 'scheme', family: 'shenzhen-department', year: 2026 };
    expect((await jixiao(['new-year', '--from', 'schemes/shenzhen-department/2024.json', '--year', '2026', '--database', DB], dir)).code).toBe(0);
    // 满意度's first tier 6分 → 5分 while its stored 评分标准 still says 6分 (criterion-stale, a warning)
    const other = await openStore({ dialect: 'sqlite', file: join(dir, DB) });
    try {
      const d = (await other.read(ref))!.doc as { indicators: { children: { children: { rule: { tiers: { score: number }[] } }[] }[] }[] };
      d.indicators[2]!.children[3]!.children[1]!.rule.tiers[0]!.score = 5;
      await other.save(ref, documentText(d), { basedOnVersion: 1, author: '政策处' });
    } finally {
      await other.close();
    }
    const refused = await jixiao(['publish', FILE_2026, '--database', DB], dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('criterion-stale');
    // and its best tier now scores 5 of its 6 分 (points-unreachable)
    expect(refused.err).toContain('points-unreachable');
    expect(refused.err).toContain('未发布：方案有 2 条警告');
    expect(refused.err).toContain('add --accept-warnings to publish with them');
    const accepted = await jixiao(['publish', FILE_2026, '--database', DB, '--accept-warnings'], dir);
    expect(accepted.code).toBe(0);
    expect(accepted.err).toContain('以上 2 条警告随方案一并发布');
    expect(accepted.out).toContain('已发布：方案 shenzhen-department 2026年');
  });

  it('restores a saved state as a new version, shown in the history table', async () => {
    await jixiao(['new-year', '--from', 'schemes/shenzhen-department/2024.json', '--year', '2025', '--database', DB], dir);
    const other = await openStore({ dialect: 'sqlite', file: join(dir, DB) });
    try {
      const d = (await other.read(REF_2025))!.doc as { title: string };
      d.title = '改过的标题';
      await other.save(REF_2025, documentText(d), { basedOnVersion: 1, author: '他人' });
    } finally {
      await other.close();
    }
    const r = await jixiao(['restore', FILE_2025, '1', '--database', DB], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已恢复：方案 shenzhen-department 2025年 ← 第 1 条记录');
    expect(r.out).toContain('记为第 3 条记录：恢复到第 1 条记录');
    const t = await jixiao(['history', FILE_2025, '--database', DB], dir);
    expect(t.out).toContain('草稿，共 3 条记录，当前内容为第 3 条');
    expect(t.out).toContain('恢复');
    // one word for one thing: a history entry is 第 N 条记录 (记录序号); 版本 is the scheme's `version` field (diff: 版本1)
    expect(t.out).toContain('记录序号');
    for (const out of [r.out, t.out]) expect(out).not.toMatch(/第 ?\d+ ?版|版本/);
  });

  it('names what is missing, and keeps --based-on to the database', async () => {
    const missing = await jixiao(['publish', 'schemes/shenzhen-department/2030.json', '--database', DB], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('数据库中没有方案 shenzhen-department 2030年');
    const bad = await jixiao(['publish', 'notes/readme.json', '--database', DB], dir);
    expect(bad.err).toContain('无法从 notes/readme.json 得出方案族与年度');
    const fileMode = await jixiao(['publish', 'schemes/shenzhen-department/2024.json', '--files', '--based-on', '1'], dir);
    expect(fileMode.code).toBe(2);
    expect(fileMode.err).toContain('--based-on 只用于数据库方案库');
    const both = await jixiao(['publish', 'schemes/shenzhen-department/2024.json', '--files', '--database', DB], dir);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--files 与 --database 不能同时使用');
  });
});
