/**
 * Version routes over a database filled from a temporary copy of schemes/, with the real engine and @jixiao/store:
 * new-year drafts, history of saves (author from jixiao.config.json), restore, publication and the
 * refusals after it, diff of the real 2021 and 2024 Shenzhen schemes, impact preview on the real
 * department cases.
 *
 * Expected impact numbers are hand arithmetic from the seeds (the cases record it):
 * - 深圳市商务局 2024 (seed 002): reported 94.54; the rules give 预算执行率 5.75 where the report
 *   printed 5.73, so 94.54 + (5.75 − 5.73) = 94.56. Its 满意度 is a reviewer entry (2分), which a
 *   tier change does not move; 未完成重点工作数 0.
 * - 深圳市贸促委 2021 (seed 000): reported 93.48; four items differ by the rules:
 *   93.48 − (2.5 − 2) − (1 − 0) + (5.75 − 5.25) + (5.40 − 4.7) = 93.18 (the 2024 scheme differs
 *   from 2021 only in wording, so the same under it). 满意度 100% (第1档); 未完成重点工作数 0.
 * The 2025 draft: 满意度 第1档 6 → 5 and 分值 6 → 5 (公平性 9 → 8); 重点工作完成情况 8 → 9
 * (效率性 20 → 21): 贸促委 −1 + 1 = 0 → 93.18; 商务局 0 + 1 = +1 → 95.56.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { join } from 'node:path';
import * as engine from '@jixiao/engine';
import type { FastifyInstance } from 'fastify';
import { app, databaseOf, fixture, local, storedJson, storedText, storeOf, type Fixture } from './helpers.ts';
import { StorePublishedError } from '@jixiao/store';

let fx: Fixture;
let srv: FastifyInstance;
const savedAuthor = process.env['JIXIAO_AUTHOR'];

beforeEach(async () => {
  fx = fixture();
  // the author lookup: no JIXIAO_AUTHOR, then jixiao.config.json in the schemes folder or above
  delete process.env['JIXIAO_AUTHOR'];
  writeFileSync(join(fx.root, 'jixiao.config.json'), JSON.stringify({ author: '财政局绩效处 张三' }));
  srv = await app(fx.schemes);
});
/** Starts again on a new database filled from the (edited) files: a first start. */
async function reload(): Promise<void> {
  await srv.close();
  rmSync(dirname(databaseOf(fx.schemes)), { recursive: true, force: true });
  srv = await app(fx.schemes);
}
afterEach(async () => {
  await srv.close();
  fx.cleanup();
  if (savedAuthor === undefined) delete process.env['JIXIAO_AUTHOR'];
  else process.env['JIXIAO_AUTHOR'] = savedAuthor;
});

const json = { ...local, 'content-type': 'application/json' };
type Doc = Record<string, unknown> & { indicators: engine.Indicator[] };

function find(list: engine.Indicator[], id: string): engine.Indicator {
  for (const n of list) {
    if (n.id === id) return n;
    const hit = n.children && find(n.children, id);
    if (hit) return hit;
  }
  return undefined as unknown as engine.Indicator;
}

/** The 2025 draft edited as the e2e scenario does: a tier and two reweighted indicators. */
function edit2025(doc: Doc): Doc {
  const d = structuredClone(doc);
  const sat = find(d.indicators, 'satisfaction');
  (sat.rule as engine.TiersRule).tiers[0]!.score = 5;
  sat.points = 5;
  find(d.indicators, 'fairness').points = 8;
  find(d.indicators, 'key-tasks').points = 9;
  find(d.indicators, 'efficiency').points = 21;
  return d;
}

async function newYear(from = '2024', year: unknown = 2025) {
  return srv.inject({ method: 'POST', url: `/api/schemes/shenzhen-department/${from}/new-year`, headers: json, payload: { year } });
}
async function get(year: string) {
  const r = await srv.inject({ method: 'GET', url: `/api/schemes/shenzhen-department/${year}`, headers: local });
  return r.json() as { doc: Doc; etag: string; publication: engine.Issue[] };
}
function put(year: string, doc: unknown, etag: string) {
  return srv.inject({ method: 'PUT', url: `/api/schemes/shenzhen-department/${year}`, headers: { ...json, 'if-match': etag }, payload: JSON.stringify(doc) });
}
async function history(year: string) {
  const r = await srv.inject({ method: 'GET', url: `/api/schemes/shenzhen-department/${year}/history`, headers: local });
  return (r.json() as { entries: { seq: number; action: string; actionZh: string; author: string; summary: string; time: string; restoredFrom?: number }[] }).entries;
}

describe('POST …/new-year', () => {
  it('creates the 2025 draft from the published 2024 scheme: status draft, basedOn 2024 with its content hash, recorded as 新建', async () => {
    const base = fx.readJson('shenzhen-department/2024.json');
    const r = await newYear();
    expect(r.statusCode).toBe(201);
    expect(r.headers['location']).toBe('/api/schemes/shenzhen-department/2025');
    const onDisk = await storedJson(srv, 'shenzhen-department/2025.json');
    expect(onDisk).toMatchObject({ year: 2025, status: 'draft', version: '1', basedOn: { id: 'shenzhen-department', year: 2024, hash: engine.contentHash(base) } });
    expect(onDisk['publishedAt']).toBeUndefined();
    expect(onDisk['contentHash']).toBeUndefined();
    expect((r.json() as { etag: string }).etag).toBe((await get('2025')).etag);
    // same rules as 2024: the diff is empty
    expect(engine.diffSchemes(base as never, onDisk as never)).toEqual([]);
    const h = await history('2025');
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ seq: 1, action: 'create', actionZh: '新建', author: '财政局绩效处 张三', summary: '以2024年方案为基础新建2025年草稿' });
  });

  it('refuses an existing target (409) and leaves it as it is; refuses a bad or same year', async () => {
    expect((await newYear()).statusCode).toBe(201);
    const before = await storedText(srv, 'shenzhen-department/2025.json');
    const again = await newYear();
    expect(again.statusCode).toBe(409);
    expect((again.json() as { message: string }).message).toContain('2025年方案已存在');
    expect(await storedText(srv, 'shenzhen-department/2025.json')).toBe(before);
    // the 2024 published file cannot be replaced this way either
    expect((await newYear('2021', 2024)).statusCode).toBe(409);
    expect((await newYear('2024', 'next')).statusCode).toBe(400);
    const same = await newYear('2024', 2024);
    expect(same.statusCode).toBe(422);
    expect((same.json() as { issues: engine.Issue[] }).issues.map((i) => i.code)).toEqual(['same-year']);
    expect((await newYear('2030', 2031)).statusCode).toBe(404);
  });
});

describe('saves are recorded; restore', () => {
  it('records the author the editor names in X-Jixiao-Author (percent-encoded), before the server lookup', async () => {
    await newYear();
    const { doc, etag } = await get('2025');
    const r = await srv.inject({
      method: 'PUT',
      url: '/api/schemes/shenzhen-department/2025',
      headers: { ...json, 'if-match': etag, 'x-jixiao-author': encodeURIComponent('预算绩效科 李四') },
      payload: JSON.stringify(edit2025(doc)),
    });
    expect(r.statusCode).toBe(200);
    const h = await history('2025');
    expect(h.map((e) => e.author)).toEqual(['财政局绩效处 张三', '预算绩效科 李四']);
    // an unreadable header value is not recorded: the server's own lookup is
    const next = await get('2025');
    const bad = await srv.inject({
      method: 'PUT',
      url: '/api/schemes/shenzhen-department/2025',
      headers: { ...json, 'if-match': next.etag, 'x-jixiao-author': '%E0%A4%A' },
      payload: JSON.stringify({ ...next.doc, title: `${String(next.doc['title'])}（修订）` }),
    });
    expect(bad.statusCode).toBe(200);
    expect((await history('2025')).at(-1)!.author).toBe('财政局绩效处 张三');
  });

  it('records every save with time, author and a one-line summary of the change, and lists them oldest first', async () => {
    await newYear();
    const { doc, etag } = await get('2025');
    const r = await put('2025', edit2025(doc), etag);
    expect(r.statusCode).toBe(200);
    expect((r.json() as { history: { seq: number } }).history.seq).toBe(2);
    const h = await history('2025');
    expect(h.map((e) => e.action)).toEqual(['create', 'save']);
    expect(h[1]!.author).toBe('财政局绩效处 张三');
    expect(Number.isNaN(Date.parse(h[1]!.time))).toBe(false);
    // five changes: 满意度's tier and 分值, 公平性, 重点工作, 效率性
    expect(h[1]!.summary).toMatch(/^5处变更：/);
    expect(h[1]!.summary).toContain('6分 → 5分');
    // a save that changes nothing records nothing
    const same = await put('2025', edit2025(doc), (await get('2025')).etag);
    expect(same.statusCode).toBe(200);
    expect((same.json() as { unchanged?: boolean }).unchanged).toBe(true);
    expect(await history('2025')).toHaveLength(2);
  });

  it('gives one recorded state with its document', async () => {
    await newYear();
    const { doc, etag } = await get('2025');
    await put('2025', edit2025(doc), etag);
    const r = await srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-department/2025/history/1', headers: local });
    const { entry } = r.json() as { entry: { doc: Doc; action: string } };
    expect(entry.action).toBe('create');
    expect((find(entry.doc.indicators, 'satisfaction').rule as engine.TiersRule).tiers[0]!.score).toBe(6);
    expect((await srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-department/2025/history/9', headers: local })).statusCode).toBe(404);
    expect((await srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-department/2025/history/x1', headers: local })).statusCode).toBe(400);
  });

  it('restores an earlier state as a new entry (nothing lost); needs the current version', async () => {
    await newYear();
    const { doc, etag } = await get('2025');
    const saved = await put('2025', edit2025(doc), etag);
    const current = (saved.json() as { etag: string }).etag;
    const url = '/api/schemes/shenzhen-department/2025/restore';
    expect((await srv.inject({ method: 'POST', url, headers: json, payload: { seq: 1 } })).statusCode).toBe(428);
    expect((await srv.inject({ method: 'POST', url, headers: { ...json, 'if-match': etag }, payload: { seq: 1 } })).statusCode).toBe(412);
    expect((await srv.inject({ method: 'POST', url, headers: { ...json, 'if-match': current }, payload: { seq: 'one' } })).statusCode).toBe(400);
    const r = await srv.inject({ method: 'POST', url, headers: { ...json, 'if-match': current }, payload: { seq: 1 } });
    expect(r.statusCode).toBe(200);
    expect((r.json() as { issues: engine.Issue[] }).issues.filter((i) => i.severity === 'error')).toEqual([]);
    const back = (await storedJson(srv, 'shenzhen-department/2025.json')) as Doc;
    expect((find(back.indicators, 'satisfaction').rule as engine.TiersRule).tiers[0]!.score).toBe(6);
    const h = await history('2025');
    expect(h.map((e) => [e.seq, e.action, e.restoredFrom])).toEqual([
      [1, 'create', undefined],
      [2, 'save', undefined],
      [3, 'restore', 1],
    ]);
    expect(h[2]!.summary).toContain('恢复到第 1 条记录');
    // the state it replaced is still there
    const two = await srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-department/2025/history/2', headers: local });
    expect((find((two.json() as { entry: { doc: Doc } }).entry.doc.indicators, 'satisfaction').rule as engine.TiersRule).tiers[0]!.score).toBe(5);
  });
});

describe('POST …/publish', () => {
  it('publishes a valid draft with the version the user saw; then the document is read-only', async () => {
    await newYear();
    const { doc, etag } = await get('2025');
    const saved = await put('2025', edit2025(doc), etag);
    const current = (saved.json() as { etag: string }).etag;
    const url = '/api/schemes/shenzhen-department/2025/publish';
    expect((await srv.inject({ method: 'POST', url, headers: local })).statusCode).toBe(428);
    expect((await srv.inject({ method: 'POST', url, headers: { ...local, 'if-match': etag } })).statusCode).toBe(412);
    const r = await srv.inject({ method: 'POST', url, headers: { ...local, 'if-match': current } });
    expect(r.statusCode).toBe(200);
    const onDisk = await storedJson(srv, 'shenzhen-department/2025.json');
    expect(onDisk['status']).toBe('published');
    expect(onDisk['contentHash']).toBe(engine.contentHash(onDisk));
    expect(engine.checkPublication(onDisk)).toEqual([]);
    expect((await history('2025')).at(-1)).toMatchObject({ action: 'publish', actionZh: '发布', author: '财政局绩效处 张三' });

    const frozen = await storedText(srv, 'shenzhen-department/2025.json');
    const now = await get('2025');
    const edit = await put('2025', { ...now.doc, status: 'draft', title: '改' }, now.etag);
    expect(edit.statusCode).toBe(409);
    expect((edit.json() as { message: string }).message).toContain('已发布');
    expect((await srv.inject({ method: 'POST', url, headers: { ...local, 'if-match': now.etag } })).statusCode).toBe(409);
    const restore = await srv.inject({ method: 'POST', url: '/api/schemes/shenzhen-department/2025/restore', headers: { ...json, 'if-match': now.etag }, payload: { seq: 1 } });
    expect(restore.statusCode).toBe(409);
    expect(await storedText(srv, 'shenzhen-department/2025.json')).toBe(frozen);
    // a database fact, whatever a file says: importing the file again as a draft is refused too
    const asDraft = JSON.stringify({ ...onDisk, status: 'draft', title: '改' }, null, 2);
    await expect(storeOf(srv).importDocument({ kind: 'scheme', family: 'shenzhen-department', year: 2025 }, asDraft)).rejects.toBeInstanceOf(StorePublishedError);
    expect((await storeOf(srv).publication({ kind: 'scheme', family: 'shenzhen-department', year: 2025 }))?.publishedBy).toBe('财政局绩效处 张三');
  });

  it('refuses an invalid draft (422) with the engine issues; the document stays a draft', async () => {
    await newYear();
    // edited outside the editor (a file brought in with import-store): 效率性 says 21 while its children still add up to 20
    const d = (await storedJson(srv, 'shenzhen-department/2025.json')) as Doc;
    find(d.indicators, 'efficiency').points = 21;
    await storeOf(srv).importDocument({ kind: 'scheme', family: 'shenzhen-department', year: 2025 }, JSON.stringify(d, null, 2) + '\n');
    const { etag } = await get('2025');
    const r = await srv.inject({ method: 'POST', url: '/api/schemes/shenzhen-department/2025/publish', headers: { ...local, 'if-match': etag } });
    expect(r.statusCode).toBe(422);
    const body = r.json() as { message: string; issues: engine.Issue[] };
    expect(body.message).toContain('不能发布');
    const errors = engine.validateScheme(d).filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(body.issues).toEqual(expect.arrayContaining(errors));
    expect((await storedJson(srv, 'shenzhen-department/2025.json'))['status']).toBe('draft');
  });

  it('does not import a published file changed by hand: the library lists it with the reason, reading it says why', async () => {
    const d = fx.readJson('shenzhen-department/2021.json');
    fx.write('shenzhen-department/2021.json', { ...d, title: `${String(d['title'])}（手改）` });
    await reload();
    const list = await srv.inject({ method: 'GET', url: '/api/schemes', headers: local });
    const row = (list.json() as { schemes: { year: number; family: string; status: string; error?: string }[] }).schemes.find((s) => s.family === 'shenzhen-department' && s.year === 2021)!;
    const modified = engine.checkPublication({ ...d, title: `${String(d['title'])}（手改）` }).find((i) => i.code === 'published-modified')!;
    expect(row).toMatchObject({ status: 'unknown', error: modified.message });
    const one = await srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-department/2021', headers: local });
    expect(one.statusCode).toBe(422);
    expect((one.json() as { message: string }).message).toContain(modified.message);
    expect((await get('2024')).publication).toEqual([]);
  });
});

describe('diff', () => {
  it('compares the real 2021 and 2024 Shenzhen schemes as the engine does, in Chinese sentences', async () => {
    const r = await srv.inject({ method: 'GET', url: '/api/families/shenzhen-department/diff?a=2021&b=2024', headers: local });
    expect(r.statusCode).toBe(200);
    const body = r.json() as { a: { year: number }; b: { year: number }; changes: engine.SchemeChange[]; summary: string };
    expect([body.a.year, body.b.year]).toEqual([2021, 2024]);
    const direct = engine.diffSchemes(fx.readJson('shenzhen-department/2021.json') as never, fx.readJson('shenzhen-department/2024.json') as never);
    expect(body.changes).toEqual(direct);
    expect(body.summary).toBe(engine.summarizeChanges(direct));
    // seed 000 vs 002: "一般采用社会调查的方式" became "一般采取社会调查的方式"
    const sat = body.changes.find((c) => c.indicator === 'satisfaction');
    expect(sat?.kind).toBe('criterion-changed');
    expect(sat?.message).toContain('“采用”→“采取”');
    expect((await srv.inject({ method: 'GET', url: '/api/families/shenzhen-department/diff?a=2021', headers: local })).statusCode).toBe(400);
    expect((await srv.inject({ method: 'GET', url: '/api/families/shenzhen-department/diff?a=2021&b=2030', headers: local })).statusCode).toBe(404);
  });

  it('compares two documents given in the request (an unsaved draft)', async () => {
    const a = fx.readJson('shenzhen-department/2024.json') as Doc;
    const b = structuredClone(a);
    (find(b.indicators, 'satisfaction').rule as engine.TiersRule).tiers[0]!.score = 5;
    const r = await srv.inject({ method: 'POST', url: '/api/diff', headers: json, payload: { a, b } });
    const { changes } = r.json() as { changes: engine.SchemeChange[] };
    expect(changes.map((c) => [c.kind, c.indicator, c.before, c.after])).toEqual([['tier-score-changed', 'satisfaction', 6, 5]]);
    expect(changes[0]!.message).toContain('公众或服务对象满意度');
    expect((await srv.inject({ method: 'POST', url: '/api/diff', headers: json, payload: { a } })).statusCode).toBe(400);
  });
});

describe('POST …/impact', () => {
  interface Impact {
    cases: { id: string; name: string; before: { total: string; grade: string }; after: { total: string; grade: string }; change: string; gradeChanged: boolean }[];
    indicators: { id: string; averageBefore: string; averageAfter: string; averageChange: string; pointsBefore: string; pointsAfter: string }[];
    distribution: { chart: { categories: string[]; series: { name: string; data: number[] }[] } };
    summary: { cases: number; scored: number; averageChange: string };
    baselineYear: number;
    warnings: engine.Issue[];
  }
  const byId = <T extends { id: string }>(xs: T[], id: string) => xs.find((x) => x.id === id)!;

  async function impact(payload: unknown, year = '2025') {
    return srv.inject({ method: 'POST', url: `/api/schemes/shenzhen-department/${year}/impact`, headers: json, payload: JSON.stringify(payload) });
  }

  it('scores the family cases under the 2024 baseline and the saved 2025 draft: hand arithmetic per case and per indicator', async () => {
    await newYear();
    const { doc, etag } = await get('2025');
    await put('2025', edit2025(doc), etag);
    const r = await impact({});
    expect(r.statusCode).toBe(200);
    const body = r.json() as Impact;
    expect(body.baselineYear).toBe(2024);
    expect(body.warnings).toEqual([]);
    const ccpit = byId(body.cases, '2021/shenzhen-ccpit');
    const commerce = byId(body.cases, '2024/shenzhen-commerce');
    expect(commerce.name).toContain('深圳市商务局');
    expect([commerce.before.total, commerce.after.total, commerce.change, commerce.after.grade, commerce.gradeChanged]).toEqual(['94.56', '95.56', '1', '优', false]);
    expect([ccpit.before.total, ccpit.after.total, ccpit.change, ccpit.after.grade, ccpit.gradeChanged]).toEqual(['93.18', '93.18', '0', '优', false]);
    // 重点工作 8 → 9 for both: +1; 满意度 (6 + 2)/2 = 4 → (5 + 2)/2 = 3.5
    expect(byId(body.indicators, 'key-tasks')).toMatchObject({ pointsBefore: '8', pointsAfter: '9', averageBefore: '8', averageAfter: '9', averageChange: '1' });
    expect(byId(body.indicators, 'satisfaction')).toMatchObject({ pointsBefore: '6', pointsAfter: '5', averageBefore: '4', averageAfter: '3.5', averageChange: '-0.5' });
    // (93.18 + 94.56)/2 = 93.87 → (93.18 + 95.56)/2 = 94.37
    expect(body.summary).toMatchObject({ cases: 2, scored: 2, averageChange: '0.5' });
    expect(body.distribution.chart.series).toEqual([
      { name: '基准方案', data: [0, 0, 0, 0, 2] },
      { name: '草稿', data: [0, 0, 0, 0, 2] },
    ]);
  });

  it('uses an unsaved draft given in the request, and adds the cases the user gives', async () => {
    await newYear();
    const { doc } = await get('2025');
    // 商务局 with 满意度 96% instead of the reviewer's 2分: 94.56 − 2 + 6 = 98.56 before;
    // after: 第1档 now 5 (−1), 重点工作 +1 → 98.56
    const c = fx.readJson('shenzhen-department/cases/2024/shenzhen-commerce.json') as { facts: Record<string, unknown>; reviewer: Record<string, unknown>; name: string };
    delete c.reviewer['satisfaction'];
    c.facts['满意度'] = { value: '96%' };
    c.name = '商务局（假设满意度96%）';
    const r = await impact({ draft: edit2025(doc), cases: [c] });
    expect(r.statusCode).toBe(200);
    const body = r.json() as Impact;
    const added = byId(body.cases, 'added/1');
    expect([added.name, added.before.total, added.after.total, added.change]).toEqual(['商务局（假设满意度96%）', '98.56', '98.56', '0']);
    expect(body.summary.cases).toBe(3);
    // the file itself is still the unedited draft
    expect(byId((await impact({})).json<Impact>().cases, '2024/shenzhen-commerce').change).toBe('0');
  });

  it('needs a baseline, a draft that compiles and valid added cases', async () => {
    // 2021 records no basedOn
    const none = await impact({}, '2021');
    expect(none.statusCode).toBe(422);
    expect((none.json() as { error: string }).error).toBe('no-baseline');
    expect((await impact({ baselineYear: 2024 }, '2021')).statusCode).toBe(200);
    await newYear();
    const { doc } = await get('2025');
    const broken = edit2025(doc);
    find(broken.indicators, 'efficiency').points = 20; // children add up to 21
    const bad = await impact({ draft: broken });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as { error: string; issues: engine.Issue[] }).issues.length).toBeGreaterThan(0);
    const badCase = await impact({ cases: [{ facts: 'none' }] });
    expect(badCase.statusCode).toBe(422);
    expect((badCase.json() as { message: string }).message).toContain('第 1 个案例');
  });

  it('warns when the baseline changed since the draft was made from it', async () => {
    // a draft baseline may change (a published one may not: that is an error, see validateScheme)
    const { publishedAt: _at, contentHash: _hash, ...base } = fx.readJson('shenzhen-department/2021.json');
    fx.write('shenzhen-department/2021.json', { ...base, status: 'draft' });
    await reload();
    await newYear('2021', 2022);
    const d = await get('2021');
    expect((await put('2021', { ...d.doc, title: `${String(d.doc['title'])}（修改）` }, d.etag)).statusCode).toBe(200);
    const r = await impact({}, '2022');
    expect(r.statusCode).toBe(200);
    expect((r.json() as Impact).warnings.map((w) => w.code)).toContain('baseline-changed');
  });
  it('a published baseline cannot change under a draft: the store refuses the changed file, the preview has no warning', async () => {
    await newYear('2021', 2022);
    const d = fx.readJson('shenzhen-department/2021.json');
    const changed = JSON.stringify({ ...d, title: `${String(d['title'])}（手改）` }, null, 2);
    await expect(storeOf(srv).importDocument({ kind: 'scheme', family: 'shenzhen-department', year: 2021 }, changed)).rejects.toBeInstanceOf(StorePublishedError);
    const r = await impact({}, '2022');
    expect(r.statusCode).toBe(200);
    expect((r.json() as Impact).warnings).toEqual([]);
  });
});
