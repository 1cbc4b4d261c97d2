/**
 * The JSON API over a database filled from a temporary copy of schemes/, with the real engine:
 * listing, reading with ETags, saving (validation, published refusal, If-Match conflicts), cases,
 * validate and score. A save writes the database, never the files.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as engine from '@jixiao/engine';
import { local, serverPerTest, storedJson, storedText } from './helpers.ts';

const t = serverPerTest();
/** Turns the copied 2024 scheme into a draft (in the files, then a first start imports it) so it can be saved. */
async function make2024Draft(): Promise<Record<string, unknown>> {
  const doc = t.fx.readJson('shenzhen-department/2024.json');
  doc['status'] = 'draft';
  delete doc['publishedAt'];
  delete doc['contentHash'];
  t.fx.write('shenzhen-department/2024.json', doc);
  await t.reload();
  return doc;
}

async function get2024(): Promise<{ doc: Record<string, unknown>; etag: string }> {
  const r = await t.srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-department/2024', headers: local });
  expect(r.statusCode).toBe(200);
  const body = r.json() as { doc: Record<string, unknown>; etag: string };
  expect(r.headers['etag']).toBe(body.etag);
  return body;
}

function put(doc: unknown, headers: Record<string, string> = {}) {
  return t.srv.inject({ method: 'PUT', url: '/api/schemes/shenzhen-department/2024', headers: { ...local, 'content-type': 'application/json', ...headers }, payload: JSON.stringify(doc) });
}


describe('GET /api/schemes', () => {
  it('lists every scheme file with family, year, status, title and total points as the files state them', async () => {
    const r = await t.srv.inject({ method: 'GET', url: '/api/schemes', headers: local });
    expect(r.statusCode).toBe(200);
    const { schemes } = r.json() as { schemes: { family: string; year: number; status: string; title: string; totalPoints: unknown; path: string }[] };
    const onDisk = readdirSync(t.fx.schemes, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(join(t.fx.schemes, d.name)).filter((f) => /^\d{4}\.json$/.test(f)).map((f) => `${d.name}/${f}`));
    expect(schemes.map((s) => `${s.family}/${s.year}.json`).sort()).toEqual(onDisk.sort());
    for (const s of schemes) {
      const doc = t.fx.readJson(`${s.family}/${s.year}.json`);
      expect(s).toMatchObject({ status: doc['status'], title: doc['title'], totalPoints: doc['totalPoints'], path: `schemes/${s.family}/${s.year}.json` });
    }
  });
});

describe('PUT /api/schemes/:family/:year', () => {
  it('saves a valid draft when If-Match names the current version, and returns the new ETag; the files are not written', async () => {
    await make2024Draft();
    const { doc, etag } = await get2024();
    const changed = { ...doc, title: `${String(doc['title'])}（修订稿）` };
    const r = await put(changed, { 'if-match': etag });
    expect(r.statusCode).toBe(200);
    const newEtag = (r.json() as { etag: string }).etag;
    expect(newEtag).not.toBe(etag);
    expect((await storedJson(t.srv, 'shenzhen-department/2024.json'))['title']).toBe(changed.title);
    expect((await get2024()).etag).toBe(newEtag);
    expect(t.fx.readJson('shenzhen-department/2024.json')['title']).not.toBe(changed.title);
  });

  it('refuses a number that JSON cannot keep (1e400, a 3,000-digit literal) with the field named, and keeps the document as it was', async () => {
    await make2024Draft();
    const { etag } = await get2024();
    const before = await storedText(t.srv, 'shenzhen-department/2024.json');
    const send = (text: string) =>
      t.srv.inject({ method: 'PUT', url: '/api/schemes/shenzhen-department/2024', headers: { ...local, 'content-type': 'application/json', 'if-match': etag }, payload: text });
    for (const literal of ['1e400', '9'.repeat(3000)]) {
      const text = before.replace(/"totalPoints": *[^,\n]+/, `"totalPoints": ${literal}`);
      expect(text).not.toBe(before);
      const r = await send(text);
      expect(r.statusCode).toBe(400);
      const body = r.json() as { error: string; message: string; issues: { code: string; path: string }[] };
      expect(body.error).toBe('bad-document');
      expect(body.issues[0]).toMatchObject({ code: 'doc-number-overflow', path: '/totalPoints' });
      expect(body.message).toContain('totalPoints');
    }
    expect(await storedText(t.srv, 'shenzhen-department/2024.json')).toBe(before);
  });

  it('refuses a body nested thousands deep with a message, not a 500', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const r = await t.srv.inject({ method: 'POST', url: '/api/validate', headers: { ...local, 'content-type': 'application/json' }, payload: deep });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'bad-document', issues: [{ code: 'doc-too-deep' }] });
  });

  it('refuses a save based on an older version (412) — two tabs never silently overwrite each other', async () => {
    await make2024Draft();
    const { doc, etag } = await get2024();
    const first = await put({ ...doc, version: 'tab-1' }, { 'if-match': etag });
    expect(first.statusCode).toBe(200);
    const second = await put({ ...doc, version: 'tab-2' }, { 'if-match': etag });
    expect(second.statusCode).toBe(412);
    expect((second.json() as { currentEtag: string }).currentEtag).toBe((first.json() as { etag: string }).etag);
    expect((await storedJson(t.srv, 'shenzhen-department/2024.json'))['version']).toBe('tab-1');
  });

  it('refuses an If-Match that names no version this server gave out (412), saying so — not "no version 0", which the user never named', async () => {
    await make2024Draft();
    const { doc } = await get2024();
    const r = await put({ ...doc, version: 'x' }, { 'if-match': '"x"' });
    expect(r.statusCode).toBe(412);
    const body = r.json() as { error: string; message: string; messageEn: string; currentEtag: string | null };
    expect(body.error).toBe('version-conflict');
    expect(body.message).toContain('不是本服务器为方案 shenzhen-department 2024年 给出的任何版本');
    expect(body.messageEn).toContain('not a version tag this server gave out for scheme shenzhen-department 2024');
    expect(`${body.message} ${body.messageEn}`).not.toMatch(/version 0|第 0 版/);
    expect(body.currentEtag).toBe((await get2024()).etag);
  });

  it('requires a precondition (428) and serialises concurrent saves of the same version: exactly one wins', async () => {
    await make2024Draft();
    const { doc, etag } = await get2024();
    expect((await put(doc)).statusCode).toBe(428);
    const results = await Promise.all(['a', 'b', 'c'].map((v) => put({ ...doc, version: v }, { 'if-match': etag })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412, 412]);
  });

  it('refuses an invalid document with the engine issues (422) and leaves the document untouched', async () => {
    await make2024Draft();
    const before = await storedText(t.srv, 'shenzhen-department/2024.json');
    const { doc, etag } = await get2024();
    const invalid = { ...doc, totalPoints: '一百分' };
    const r = await put(invalid, { 'if-match': etag });
    expect(r.statusCode).toBe(422);
    const body = r.json() as { message: string; issues: engine.Issue[] };
    expect(body.message).toContain('方案校验未通过');
    expect(body.issues).toEqual(engine.validateScheme(invalid));
    expect(body.issues.some((i) => i.severity === 'error' && i.path === '/totalPoints')).toBe(true);
    // issues cross the API as data: code and params, so the editor can render (or translate) them again
    const total = body.issues.find((i) => i.path === '/totalPoints')!;
    expect(total).toMatchObject({ code: 'schema-points', params: { path: '/totalPoints', label: '总分', value: '"一百分"' } });
    expect(engine.renderIssue(total)).toEqual({ zh: total.message, en: total.messageEn });
    expect(await storedText(t.srv, 'shenzhen-department/2024.json')).toBe(before);
  });

  it('never writes over a published scheme (409)', async () => {
    const before = await storedText(t.srv, 'shenzhen-department/2021.json');
    expect(JSON.parse(before).status).toBe('published');
    const g = await t.srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-department/2021', headers: local });
    const { doc, etag } = g.json() as { doc: Record<string, unknown>; etag: string };
    const r = await t.srv.inject({
      method: 'PUT',
      url: '/api/schemes/shenzhen-department/2021',
      headers: { ...local, 'content-type': 'application/json', 'if-match': etag },
      payload: JSON.stringify({ ...doc, status: 'draft' }),
    });
    expect(r.statusCode).toBe(409);
    expect((r.json() as { message: string }).message).toContain('已发布');
    expect(await storedText(t.srv, 'shenzhen-department/2021.json')).toBe(before);
  });

  it('refuses a document whose family/year differ from the URL, and a save that would publish', async () => {
    const doc = await make2024Draft();
    const { etag } = await get2024();
    expect((await put({ ...doc, year: 2025 }, { 'if-match': etag })).statusCode).toBe(400);
    expect((await put({ ...doc, status: 'published' }, { 'if-match': etag })).statusCode).toBe(409);
    // a body without family/year says what is missing, never "undefined"
    const bare = await put({ x: 1 }, { 'if-match': etag });
    expect(bare.statusCode).toBe(400);
    const msg = (bare.json() as { message: string }).message;
    expect(msg).toContain('缺少 family');
    expect(msg).not.toContain('undefined');
  });

  it('creates a new year only with If-None-Match: *', async () => {
    const doc = { ...(await make2024Draft()), year: 2025 };
    const url = '/api/schemes/shenzhen-department/2025';
    const h = { ...local, 'content-type': 'application/json' };
    expect((await t.srv.inject({ method: 'PUT', url, headers: h, payload: JSON.stringify(doc) })).statusCode).toBe(428);
    const created = await t.srv.inject({ method: 'PUT', url, headers: { ...h, 'if-none-match': '*' }, payload: JSON.stringify(doc) });
    expect(created.statusCode).toBe(201);
    expect((await storedJson(t.srv, 'shenzhen-department/2025.json'))['year']).toBe(2025);
    const again = await t.srv.inject({ method: 'PUT', url, headers: { ...h, 'if-none-match': '*' }, payload: JSON.stringify(doc) });
    expect(again.statusCode).toBe(412);
  });
});

describe('cases, validate, score', () => {
  it('lists the cases of a family and reads one', async () => {
    const r = await t.srv.inject({ method: 'GET', url: '/api/families/shenzhen-department/cases', headers: local });
    const { cases } = r.json() as { cases: { id: string; year: number; name: string }[] };
    const onDisk = readdirSync(join(t.fx.schemes, 'shenzhen-department', 'cases'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.json'));
    expect(cases.map((c) => `${c.year}/${c.id}.json`).sort()).toEqual(onDisk.map((f) => f.replace(/\\/g, '/')).sort());
    const first = cases[0]!;
    const one = await t.srv.inject({ method: 'GET', url: `/api/families/shenzhen-department/cases/${first.year}/${first.id}`, headers: local });
    expect((one.json() as { doc: { name: string } }).doc.name).toBe(first.name);
  });

  it('scores a scheme and case with the engine (same sheet as calling the engine directly)', async () => {
    const scheme = t.fx.readJson('shenzhen-department/2024.json');
    const caseDoc = t.fx.readJson('shenzhen-department/cases/2024/shenzhen-commerce.json');
    const r = await t.srv.inject({ method: 'POST', url: '/api/score', headers: { ...local, 'content-type': 'application/json' }, payload: { scheme, case: caseDoc } });
    expect(r.statusCode).toBe(200);
    const compiled = engine.compile(scheme);
    if (!compiled.ok) throw new Error('the committed scheme must compile');
    const direct = engine.evaluate(compiled.compiled, caseDoc as never);
    if (!direct.ok) throw new Error('the committed case must evaluate');
    // the API's sheet is JSON: compare with the engine's sheet written out the same way
    expect((r.json() as { sheet: unknown }).sheet).toEqual(engine.plainSheet(direct.sheet));
    expect((r.json() as { sheet: { nodes: { children?: { children?: { trace?: { arithmetic: string[] } }[] }[] }[] } }).sheet.nodes[0]!.children![0]!.children![0]!.trace!.arithmetic.length).toBeGreaterThan(0);
  });

  it('validates a document and returns the issues; refuses to score an invalid scheme (422)', async () => {
    const scheme = { ...t.fx.readJson('shenzhen-department/2024.json'), totalPoints: 'x' };
    const v = await t.srv.inject({ method: 'POST', url: '/api/validate', headers: { ...local, 'content-type': 'application/json' }, payload: scheme });
    expect((v.json() as { issues: engine.Issue[] }).issues).toEqual(engine.validateScheme(scheme));
    const s = await t.srv.inject({ method: 'POST', url: '/api/score', headers: { ...local, 'content-type': 'application/json' }, payload: { scheme, facts: {} } });
    expect(s.statusCode).toBe(422);
  });
});
