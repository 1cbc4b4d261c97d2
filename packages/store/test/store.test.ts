/**
 * The Node-side store on temporary copies of the real 2024 Shenzhen scheme: drafts saved with their
 * history, restored without losing anything, published only when valid, frozen afterwards, and a
 * published file changed by hand detected. Never touches the committed schemes/.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash, newYear, renderIssue, type Scheme } from '@jixiao/engine';
import { checkSchemeFile, createScheme, etagOf, historyDir, listHistory, publishScheme, readHistoryEntry, readStored, resolveAuthor, restoreScheme, saveScheme } from '../src/index.ts';

const root = new URL('../../../', import.meta.url);
const base = JSON.parse(readFileSync(new URL('schemes/shenzhen-department/2024.json', root), 'utf8')) as Scheme;

// any: tests edit rule internals of a parsed document
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function draft2025(): Any {
  const r = newYear(base, 2025);
  if (!r.ok) throw new Error('newYear failed');
  return r.doc;
}
const satisfaction = (d: Any) => d.indicators[2].children[3].children[1];

let dir: string;
let file: string;
const opts = (minute: number) => ({ author: '张三', now: new Date(Date.UTC(2025, 2, 1, 8, minute)) });
const onDisk = () => JSON.parse(readFileSync(file, 'utf8')) as Any;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jixiao-store-'));
  file = join(dir, 'shenzhen-department', '2025.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the history folder cannot be redirected', () => {
  it('refuses to save (and writes nothing) when .history or its year folder is a symbolic link', async () => {
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(join(dir, 'shenzhen-department'), { recursive: true });
    symlinkSync(elsewhere, join(dir, 'shenzhen-department', '.history'));
    await expect(createScheme(file, draft2025(), opts(0))).rejects.toThrow(/符号链接/);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(elsewhere)).toEqual([]);
    await expect(listHistory(file)).rejects.toThrow(/symbolic link/);
  });
});

describe('saving drafts with their history', () => {
  it('records creation and every save: time, author, one-line diff summary, the full document', async () => {
    const d = draft2025();
    const created = await createScheme(file, d, opts(0));
    expect(created.kind).toBe('saved');
    expect(historyDir(file)).toBe(join(dir, 'shenzhen-department', '.history', '2025'));

    satisfaction(d).rule.tiers[0].score = 5;
    const saved = await saveScheme(file, d, { ...opts(5), basedOnEtag: created.kind === 'saved' ? created.etag : '' });
    expect(saved.kind).toBe('saved');

    const h = await listHistory(file);
    expect(h.map((e) => [e.seq, e.action, e.author, e.time])).toEqual([
      [1, 'create', '张三', '2025-03-01T08:00:00.000Z'],
      [2, 'save', '张三', '2025-03-01T08:05:00.000Z'],
    ]);
    expect(h[0]!.summary).toBe('以2024年方案为基础新建2025年草稿');
    expect(h[1]!.summary).toBe('1处变更：公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分');
    const e2 = await readHistoryEntry(file, 2);
    expect(e2!.doc).toEqual(onDisk());
    expect(h[1]!.etag).toBe(etagOf(readFileSync(file, 'utf8')));
  });

  it('refuses a save based on a stale version, and a creation over an existing file', async () => {
    const d = draft2025();
    const c = await createScheme(file, d, opts(0));
    const etag = c.kind === 'saved' ? c.etag : '';
    satisfaction(d).rule.tiers[0].score = 5;
    expect((await saveScheme(file, d, { ...opts(1), basedOnEtag: etag })).kind).toBe('saved');
    satisfaction(d).rule.tiers[0].score = 4;
    const stale = await saveScheme(file, d, { ...opts(2), basedOnEtag: etag });
    expect(stale.kind).toBe('conflict');
    expect(onDisk().indicators[2].children[3].children[1].rule.tiers[0].score).toBe(5);
    expect((await createScheme(file, d, opts(3))).kind).toBe('conflict');
    expect(await listHistory(file)).toHaveLength(2);
  });

  it('lets one of two simultaneous saves from the same version win, the other is a conflict', async () => {
    const c = await createScheme(file, draft2025(), opts(0));
    const etag = c.kind === 'saved' ? c.etag : '';
    const a = draft2025();
    const b = draft2025();
    satisfaction(a).rule.tiers[0].score = 5;
    satisfaction(b).rule.tiers[0].score = 3;
    const outcomes = await Promise.all([saveScheme(file, a, { ...opts(1), basedOnEtag: etag }), saveScheme(file, b, { ...opts(1), basedOnEtag: etag })]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['conflict', 'saved']);
    expect(await listHistory(file)).toHaveLength(2);
  });

  it('records nothing for a save that changes nothing; keeps an invalid draft (work in progress)', async () => {
    const d = draft2025();
    await createScheme(file, d, opts(0));
    expect((await saveScheme(file, d, opts(1))).kind).toBe('unchanged');
    d.indicators[0].points = 25; // no longer adds up: still saved, only publishing needs validity
    expect((await saveScheme(file, d, opts(2))).kind).toBe('saved');
    expect((await listHistory(file)).map((e) => e.summary)).toEqual(['以2024年方案为基础新建2025年草稿', '1处变更：部门决策 20分 → 25分']);
  });

  it('refuses to save a document marked published (publishing goes through publishScheme)', async () => {
    const r = await saveScheme(file, { ...draft2025(), status: 'published' }, opts(0));
    expect(r.kind).toBe('invalid');
    expect(existsSync(file)).toBe(false);
  });

  it('keeps a state changed outside the store before overwriting it', async () => {
    const d = draft2025();
    await createScheme(file, d, opts(0));
    const hand = onDisk();
    hand.indicators[2].children[2].points = 20;
    hand.indicators[2].children[2].children[0].points = 20;
    writeFileSync(file, JSON.stringify(hand, null, 2));
    satisfaction(d).rule.tiers[0].score = 5;
    await saveScheme(file, d, opts(9));
    const h = await listHistory(file);
    expect(h.map((e) => e.action)).toEqual(['create', 'external', 'save']);
    expect(h[1]!.summary).toBe('保存前的文件状态（在本工具之外修改）：2处变更：效果性 25分 → 20分；社会效益、经济效益、生态效益等 25分 → 20分');
    expect((await readHistoryEntry(file, 2))!.doc).toEqual(hand);
  });
});

describe('restoring an earlier state: nothing is lost', () => {
  it('brings an entry back as a new entry; the replaced state stays in the history', async () => {
    const d = draft2025();
    await createScheme(file, d, opts(0));
    const original = onDisk();
    satisfaction(d).rule.tiers[0].score = 5;
    await saveScheme(file, d, opts(1));
    const edited = onDisk();

    const r = await restoreScheme(file, 1, { ...opts(2), author: '李四' });
    expect(r.kind).toBe('saved');
    expect(onDisk()).toEqual(original);
    const h = await listHistory(file);
    expect(h.map((e) => [e.seq, e.action, e.author, e.restoredFrom])).toEqual([
      [1, 'create', '张三', undefined],
      [2, 'save', '张三', undefined],
      [3, 'restore', '李四', 1],
    ]);
    expect(h[2]!.summary).toBe('恢复到第 1 条记录（2025-03-01T08:00:00.000Z，张三）：1处变更：公众或服务对象满意度：第1档 ≥95% 得分 5分 → 6分');
    // every state the file ever had is still there
    const docs = await Promise.all(h.map(async (e) => (await readHistoryEntry(file, e.seq))!.doc));
    expect(docs).toEqual([original, edited, original]);

    // restoring the restored-over state brings the edit back
    await restoreScheme(file, 2, opts(3));
    expect(onDisk()).toEqual(edited);
  });

  it('refuses an entry that does not exist', async () => {
    await createScheme(file, draft2025(), opts(0));
    expect((await restoreScheme(file, 7, opts(1))).kind).toBe('not-found');
  });
});

describe('publishing and immutability', () => {
  it('publishes a valid draft, records it, and freezes the file', async () => {
    await createScheme(file, draft2025(), opts(0));
    const p = await publishScheme(file, opts(30));
    expect(p.kind).toBe('saved');
    const pub = onDisk();
    expect(pub.status).toBe('published');
    expect(pub.publishedAt).toBe('2025-03-01T08:30:00.000Z');
    expect(pub.contentHash).toBe(contentHash(pub));
    expect((await listHistory(file)).map((e) => e.action)).toEqual(['create', 'publish']);
    expect(await checkSchemeFile(file)).toEqual([]);

    const text = readFileSync(file, 'utf8');
    const d = draft2025();
    satisfaction(d).rule.tiers[0].score = 5;
    const save = await saveScheme(file, d, opts(31));
    expect(save.kind).toBe('published');
    if (save.kind === 'published') expect(save.message).toContain('已发布');
    expect((await restoreScheme(file, 1, opts(32))).kind).toBe('published');
    expect((await publishScheme(file, opts(33))).kind).toBe('published');
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(await listHistory(file)).toHaveLength(2);
  });

  it('refuses to publish an invalid draft, listing the errors; the file stays a draft', async () => {
    const d = draft2025();
    d.indicators[0].points = 25;
    await createScheme(file, d, opts(0));
    const r = await publishScheme(file, opts(1));
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') {
      expect(r.issues[0]!.code).toBe('publish-invalid');
      expect(r.issues.length).toBeGreaterThan(1);
    }
    expect(onDisk().status).toBe('draft');
  });

  it('detects a published file changed by hand, and still refuses writes to it', async () => {
    await createScheme(file, draft2025(), opts(0));
    await publishScheme(file, opts(1));
    const hand = onDisk();
    satisfaction(hand).rule.tiers[0].score = 5;
    writeFileSync(file, JSON.stringify(hand, null, 2));
    const issues = await checkSchemeFile(file);
    expect(issues.map((i) => i.code)).toEqual(['published-modified']);
    expect(issues[0]!.message).toContain('发布后被修改');
    const r = await saveScheme(file, draft2025(), opts(2));
    expect(r.kind).toBe('published');
    if (r.kind === 'published') expect(r.issues.map((i) => i.code)).toEqual(['published-modified']);
  });

  it('refuses to publish a missing file', async () => {
    expect((await publishScheme(join(dir, 'none.json'), opts(0))).kind).toBe('not-found');
  });
});

describe('author and files', () => {
  it('takes the author from JIXIAO_AUTHOR, then jixiao.config.json, else git or the system user', () => {
    expect(resolveAuthor({ env: { JIXIAO_AUTHOR: ' 王五 ' }, cwd: dir })).toBe('王五');
    writeFileSync(join(dir, 'jixiao.config.json'), JSON.stringify({ author: '赵六' }));
    // found from a folder below the config too
    const sub = join(dir, 'a', 'b');
    expect(resolveAuthor({ env: {}, cwd: sub })).toBe('赵六');
    rmSync(join(dir, 'jixiao.config.json'));
    expect(resolveAuthor({ env: {}, cwd: dir }).trim()).not.toBe('');
  });

  it('reads a stored file with its ETag; an unparseable file is reported, not thrown', async () => {
    await createScheme(file, draft2025(), opts(0));
    const s = await readStored(file);
    expect(s!.etag).toBe(etagOf(readFileSync(file, 'utf8')));
    writeFileSync(file, '{ broken');
    const [broken] = await checkSchemeFile(file);
    expect(broken).toMatchObject({ code: 'json-syntax', params: { file, line: 1, column: 3 } });
    // the texts come from the catalogue: the same again from code and params
    expect(renderIssue(JSON.parse(JSON.stringify(broken)))).toEqual({ zh: broken!.message, en: broken!.messageEn });
    expect(await checkSchemeFile(join(dir, 'none.json'))).toMatchObject([{ code: 'file-not-found', params: { file: join(dir, 'none.json') } }]);
    // saving over it keeps the broken text in the history
    await saveScheme(file, draft2025(), opts(1));
    const h = await listHistory(file);
    expect(h.map((e) => e.action)).toEqual(['create', 'external', 'save']);
    expect(h[1]!.summary).toBe('保存前的文件状态（在本工具之外修改，不是有效的 JSON）');
    expect((await readHistoryEntry(file, 2))!.text).toBe('{ broken');
    expect(readdirSync(historyDir(file))).toEqual(['000001.json', '000002.json', '000003.json']);
  });
});
