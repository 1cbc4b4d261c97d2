/**
 * The server reads every scheme and case through the engine's format upgrade (src/format-version.ts): a document
 * of a newer format version is refused with 4xx and its one message (此文档由较新版本的 jixiao 写成…), never a
 * 500 or a schema error soup; a document is stored exactly as sent (no formatVersion added on save); a new year's
 * draft, which the product creates, carries formatVersion 1.
 */
import { describe, expect, it } from 'vitest';
import type * as api from '@jixiao/api';
import { local, serverPerTest, storedJson } from './helpers.ts';

const t = serverPerTest();
const json = { ...local, 'content-type': 'application/json' };
const NEWER_SCHEME = '此评价方案文档由较新版本的 jixiao 写成（格式版本 formatVersion 为 2），当前程序只能读取格式版本 1，请升级 jixiao';
const NEWER_CASE = '此案例文档由较新版本的 jixiao 写成（格式版本 formatVersion 为 2），当前程序只能读取格式版本 1，请升级 jixiao';

const newCase = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'shenzhen-test',
  name: '深圳市测试局2024年度部门整体支出绩效自评',
  department: '深圳市测试局',
  year: 2024,
  scheme: { id: 'shenzhen-department', year: 2024 },
  facts: {},
  ...extra,
});
const caseUrl = '/api/families/shenzhen-department/cases/2024/shenzhen-test';

describe('format version over HTTP', () => {
  it('POST /api/score refuses a scheme or a case of a newer format version: 422 with the message, path /formatVersion', async () => {
    const scheme = t.fx.readJson('shenzhen-department/2024.json');
    const caseDoc = t.fx.readJson('shenzhen-department/cases/2024/shenzhen-commerce.json');
    const newerScheme = await t.srv.inject({ method: 'POST', url: '/api/score', headers: json, payload: { scheme: { ...scheme, formatVersion: 2 }, case: caseDoc } });
    expect(newerScheme.statusCode).toBe(422);
    const body = newerScheme.json() as api.ErrorBody;
    expect(body).toMatchObject({ error: 'unreadable-format-version', message: NEWER_SCHEME });
    expect(body.messageEn).toMatch(/newer jixiao/);
    expect(body.issues!.map((i) => [i.code, i.path])).toEqual([['format-version-newer', '/formatVersion']]);
    const newerCase = await t.srv.inject({ method: 'POST', url: '/api/score', headers: json, payload: { scheme, case: { ...caseDoc, formatVersion: 2 } } });
    expect(newerCase.statusCode).toBe(422);
    expect((newerCase.json() as api.ErrorBody).message).toBe(NEWER_CASE);
    // format 1, written or not, scores the same
    const plain = await t.srv.inject({ method: 'POST', url: '/api/score', headers: json, payload: { scheme, case: caseDoc } });
    const written = await t.srv.inject({ method: 'POST', url: '/api/score', headers: json, payload: { scheme: { ...scheme, formatVersion: 1 }, case: { ...caseDoc, formatVersion: 1 } } });
    expect(plain.statusCode).toBe(200);
    expect(written.statusCode).toBe(200);
    expect((written.json() as { sheet: { total: string } }).sheet.total).toBe((plain.json() as { sheet: { total: string } }).sheet.total);
  });

  it('POST /api/validate answers the refusal as the one issue', async () => {
    const scheme = t.fx.readJson('shenzhen-department/2024.json');
    const r = await t.srv.inject({ method: 'POST', url: '/api/validate', headers: json, payload: { ...scheme, formatVersion: 2, fieldOfFormat2: {} } });
    expect(r.statusCode).toBe(200);
    const { issues } = r.json() as { issues: api.ErrorBody['issues'] };
    expect(issues!.map((i) => [i.code, i.path, i.message])).toEqual([['format-version-newer', '/formatVersion', NEWER_SCHEME]]);
  });

  it('PUT of a scheme of a newer format version is refused with 422 and the message; nothing is stored', async () => {
    const doc = t.fx.readJson('shenzhen-department/2024.json');
    doc['status'] = 'draft';
    delete doc['publishedAt'];
    delete doc['contentHash'];
    t.fx.write('shenzhen-department/2024.json', doc);
    await t.reload();
    const got = (await t.srv.inject({ method: 'GET', url: '/api/schemes/shenzhen-department/2024', headers: local })).json() as { etag: string };
    const r = await t.srv.inject({ method: 'PUT', url: '/api/schemes/shenzhen-department/2024', headers: { ...json, 'if-match': got.etag }, payload: JSON.stringify({ ...doc, formatVersion: 2 }) });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ error: 'unreadable-format-version', message: NEWER_SCHEME });
    expect(await storedJson(t.srv, 'shenzhen-department/2024.json')).toEqual(doc);
  });

  it('PUT of a case of a newer format version is refused with 422 naming it; a case is stored exactly as sent', async () => {
    const newer = await t.srv.inject({ method: 'PUT', url: caseUrl, headers: { ...json, 'if-none-match': '*' }, payload: JSON.stringify(newCase({ formatVersion: 2 })) });
    expect(newer.statusCode).toBe(422);
    const body = newer.json() as api.ErrorBody;
    expect(body.message).toContain(NEWER_CASE);
    expect(body.issues!.map((i) => [i.code, i.path])).toEqual([['format-version-newer', '/formatVersion']]);
    // without the field: stored without it (a save never adds it); with formatVersion 1: stored with it
    const created = await t.srv.inject({ method: 'PUT', url: caseUrl, headers: { ...json, 'if-none-match': '*' }, payload: JSON.stringify(newCase()) });
    expect(created.statusCode).toBe(201);
    expect(await storedJson(t.srv, 'shenzhen-department/cases/2024/shenzhen-test.json')).toEqual(newCase());
    const saved = await t.srv.inject({ method: 'PUT', url: caseUrl, headers: { ...json, 'if-match': (created.json() as { etag: string }).etag }, payload: JSON.stringify(newCase({ formatVersion: 1 })) });
    expect(saved.statusCode).toBe(200);
    expect(await storedJson(t.srv, 'shenzhen-department/cases/2024/shenzhen-test.json')).toEqual(newCase({ formatVersion: 1 }));
  });

  it('a new year’s draft (a document the product creates) carries formatVersion 1', async () => {
    const r = await t.srv.inject({ method: 'POST', url: '/api/schemes/shenzhen-department/2024/new-year', headers: json, payload: { year: 2025 } });
    expect(r.statusCode).toBe(201);
    expect((r.json() as { doc: Record<string, unknown> }).doc['formatVersion']).toBe(1);
    expect((await storedJson(t.srv, 'shenzhen-department/2025.json'))['formatVersion']).toBe(1);
  });
});
