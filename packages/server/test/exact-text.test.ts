/**
 * A saved scheme or case is stored exactly as sent (the quality bar: "never a save stored differently
 * than sent"): `1.10`, `1E2`, `-0` and the sender's layout stay as written, the ETag is the digest of the
 * sent text, and history and restore give that text back byte for byte — while the engine still checks
 * the parsed value. A member name written twice (`{"points": 5, "points": 6}`, which JSON.parse reads as 6)
 * is refused with its JSON path. On SQLite, and on PostgreSQL too when `JIXIAO_TEST_PG` is set.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as api from '@jixiao/api';
import { etagOf } from '@jixiao/store';
import { local, realEngine, repoRoot, storedText } from './helpers.ts';
import { buildApp } from '../src/app.ts';
import { BACKENDS, type TestDatabase } from '../../store/test/db/backends.ts';
import { copyBundledSchemes } from '../../../test/bundled-schemes.ts';

const json = { ...local, 'content-type': 'application/json' };
const caseUrl = (caseId: string) => `/api/families/shenzhen-department/cases/2024/${caseId}`;

/** The text of 深圳市商务局's 2024 case (种子 002) as a new case `exact-test`, with `edit` applied to its text. */
function caseText(edit: (t: string) => string = (t) => t): string {
  const seed = readFileSync(join(repoRoot, 'schemes/shenzhen-department/cases/2024/shenzhen-commerce.json'), 'utf8');
  return edit(seed.replace('"id": "shenzhen-commerce"', '"id": "exact-test"').replace(/深圳市商务局/g, '深圳市精确局'));
}

/** Numbers spelt otherwise, each the same value: 7341.03 as 7341.030, 6837.22 as 683722E-2, the first 0 as -0. */
const respelt = (t: string) => t.replace('"value": 7341.03,', '"value": 7341.030,').replace('"value": 6837.22,', '"value": 683722E-2,').replace('"value": 0,', '"value": -0,');

function putText(srv: FastifyInstance, url: string, text: string, headers: Record<string, string>) {
  return srv.inject({ method: 'PUT', url, headers: { ...json, ...headers }, payload: text });
}

describe.each(BACKENDS)('texts kept as sent on $name', (backend) => {
  let db: TestDatabase;
  let root: string;
  let srv: FastifyInstance;
  beforeEach(async () => {
    db = await backend.fresh();
    root = mkdtempSync(join(tmpdir(), 'jixiao-exact-'));
    copyBundledSchemes(join(root, 'schemes'));
    const database = db.config.dialect === 'postgres' ? db.config.url : db.config.file;
    srv = await buildApp({ schemesDir: join(root, 'schemes'), database, engine: realEngine, author: '测试' });
  });
  afterEach(async () => {
    await srv.close();
    await db.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('stores a case with 7341.030, 683722E-2 and -0 as sent; the ETag, history and restore are that text', async () => {
    const sent = caseText(respelt);
    expect(sent).toContain('683722E-2'); // the edit found its places
    expect(sent).toContain('"value": -0,');
    const created = await putText(srv, caseUrl('exact-test'), sent, { 'if-none-match': '*' });
    expect(created.statusCode).toBe(201);
    const v1 = (created.json() as { etag: string }).etag;
    expect(await storedText(srv, 'shenzhen-department/cases/2024/exact-test.json')).toBe(sent);
    expect(v1).toBe(etagOf(sent));
    const got = await srv.inject({ method: 'GET', url: caseUrl('exact-test'), headers: local });
    expect(got.headers['etag']).toBe(v1);

    // the same value written plainly is another text: a new state, stored as sent (not "unchanged")
    const plain = caseText();
    const saved = await putText(srv, caseUrl('exact-test'), plain, { 'if-match': v1 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).not.toHaveProperty('unchanged');
    const v2 = (saved.json() as { etag: string }).etag;
    expect(v2).toBe(etagOf(plain));
    expect(await storedText(srv, 'shenzhen-department/cases/2024/exact-test.json')).toBe(plain);
    // the very text stored again: nothing written
    const again = await putText(srv, caseUrl('exact-test'), plain, { 'if-match': v2 });
    expect(again.json()).toMatchObject({ unchanged: true, etag: v2 });

    const entry = (await srv.inject({ method: 'GET', url: `${caseUrl('exact-test')}/history/1`, headers: local })).json() as api.HistoryEntryResponse;
    expect(entry.entry.text).toBe(sent);
    expect(entry.entry.etag).toBe(v1);
    const restored = await srv.inject({ method: 'POST', url: `${caseUrl('exact-test')}/restore`, headers: { ...json, 'if-match': v2 }, payload: { seq: 1 } });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ restored: true, text: sent, etag: v1 });
    expect(await storedText(srv, 'shenzhen-department/cases/2024/exact-test.json')).toBe(sent);
  });

  it('stores a scheme draft with 1E2 and 20.0 as sent, and the engine still checks the value', async () => {
    const draft = await srv.inject({ method: 'POST', url: '/api/schemes/shenzhen-department/2024/new-year', headers: json, payload: { year: 2025 } });
    expect(draft.statusCode).toBe(201);
    const url = '/api/schemes/shenzhen-department/2025';
    const current = (await srv.inject({ method: 'GET', url, headers: local })).json() as api.GetSchemeResponse;
    const base = JSON.stringify(current.doc, null, 2) + '\n';
    const sent = base.replace('"totalPoints": 100,', '"totalPoints": 1E2,').replace('"points": 20,', '"points": 20.0,');
    expect(sent).toContain('1E2');
    expect(sent).toContain('20.0');
    const r = await putText(srv, url, sent, { 'if-match': current.etag });
    expect(r.statusCode).toBe(200);
    expect((r.json() as { etag: string }).etag).toBe(etagOf(sent));
    expect(await storedText(srv, 'shenzhen-department/2025.json')).toBe(sent);

    // validation reads the value: 1E3 total points no longer add up, refused as before
    const wrong = sent.replace('"totalPoints": 1E2,', '"totalPoints": 1E3,');
    const refused = await putText(srv, url, wrong, { 'if-match': etagOf(sent) });
    expect(refused.statusCode).toBe(422);
    expect(await storedText(srv, 'shenzhen-department/2025.json')).toBe(sent);
  });

  it('refuses a member name written twice, naming its JSON path, and stores nothing', async () => {
    const dup = caseText((t) => t.replace('"department": "深圳市精确局",', '"department": "深圳市精确局",\n  "department": "深圳市其他局",'));
    const r = await putText(srv, caseUrl('exact-test'), dup, { 'if-none-match': '*' });
    expect(r.statusCode).toBe(400);
    const body = r.json() as api.ErrorBody;
    expect(body.error).toBe('bad-document');
    expect(body.message).toContain('属性名“department”在同一对象中重复出现');
    expect(body.message).toContain('JSON 路径 /department');
    expect(body.messageEn).toContain('duplicate member name "department" at /department');
    expect(body.issues?.[0]).toMatchObject({ code: 'doc-duplicate-key', path: '/department' });
    expect((await srv.inject({ method: 'GET', url: caseUrl('exact-test'), headers: local })).statusCode).toBe(404);

    // in a scheme, deep in the indicator tree
    const scheme = await srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-department/2024', headers: local });
    const text = JSON.stringify((scheme.json() as api.GetSchemeResponse).doc, null, 2).replace('"points": 20,', '"points": 20, "points": 25,');
    const s = await srv.inject({ method: 'POST', url: '/api/schemes/shenzhen-department/2024/new-year', headers: json, payload: { year: 2026 } });
    expect(s.statusCode).toBe(201);
    const dupScheme = text.replace('"year": 2024', '"year": 2026').replace('"status": "published"', '"status": "draft"');
    const p = await putText(srv, '/api/schemes/shenzhen-department/2026', dupScheme, { 'if-match': (s.json() as { etag: string }).etag });
    expect(p.statusCode).toBe(400);
    const pb = p.json() as api.ErrorBody;
    expect(pb.issues?.[0]?.path).toMatch(/^\/indicators\/\d+\/points$/);
    expect(pb.message).toContain('属性名“points”在同一对象中重复出现');
  });
});
