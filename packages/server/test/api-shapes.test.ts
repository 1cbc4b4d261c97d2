/**
 * The replies are what `@jixiao/api` declares (the types the editor reads): every route of a working
 * session — library, scheme, save, new year, history, restore, publish, diff, impact, cases, validate,
 * score — and the error bodies, checked against the route's response schema with TypeBox's `Value`.
 * (Replies are not filtered through the schema, so an undeclared field would show here.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as api from '@jixiao/api';
import { app, fixture, local, type Fixture } from './helpers.ts';

let fx: Fixture;
let srv: FastifyInstance;
beforeEach(async () => {
  fx = fixture();
  process.env['JIXIAO_AUTHOR'] = '测试';
  srv = await app(fx.schemes);
});
afterEach(async () => {
  await srv.close();
  fx.cleanup();
  delete process.env['JIXIAO_AUTHOR'];
});

const json = { ...local, 'content-type': 'application/json' };
const base = '/api/schemes/shenzhen-department';

/** Checks a reply's status and its body against `schema`; returns the body. */
function conforms<T>(r: LightMyRequestResponse, status: number, schema: TSchema): T {
  expect(r.statusCode, r.body.slice(0, 300)).toBe(status);
  const body: unknown = r.json();
  const errors = [...Value.Errors(schema, body)].map((e) => `${e.path}: ${e.message}`);
  expect(errors).toEqual([]);
  return body as T;
}

describe('replies as @jixiao/api declares them', () => {
  it('a session from the library to publication', async () => {
    const list = conforms<api.ListSchemesResponse>(await srv.inject({ method: 'GET', url: '/api/schemes', headers: local }), 200, api.ListSchemesResponse);
    expect(list.schemes.length).toBeGreaterThan(0);
    conforms(await srv.inject({ method: 'GET', url: `${base}/2024`, headers: local }), 200, api.GetSchemeResponse);

    const made = conforms<api.NewYearResponse>(await srv.inject({ method: 'POST', url: `${base}/2024/new-year`, headers: json, payload: { year: 2025 } }), 201, api.NewYearResponse);
    const doc = { ...(made.doc as Record<string, unknown>), title: '2025 修订稿' };
    const saved = conforms<api.SaveSchemeResponse>(
      await srv.inject({ method: 'PUT', url: `${base}/2025`, headers: { ...json, 'if-match': made.etag }, payload: JSON.stringify(doc) }),
      200,
      api.SaveSchemeResponse,
    );
    const same = conforms<api.SaveSchemeResponse>(
      await srv.inject({ method: 'PUT', url: `${base}/2025`, headers: { ...json, 'if-match': saved.etag }, payload: JSON.stringify(doc) }),
      200,
      api.SaveSchemeResponse,
    );
    expect('unchanged' in same && same.unchanged).toBe(true);

    const history = conforms<api.HistoryListResponse>(await srv.inject({ method: 'GET', url: `${base}/2025/history`, headers: local }), 200, api.HistoryListResponse);
    expect(history.entries.map((e) => e.action)).toEqual(['create', 'save']);
    conforms(await srv.inject({ method: 'GET', url: `${base}/2025/history/1`, headers: local }), 200, api.HistoryEntryResponse);
    const restored = conforms<api.RestoreResponse>(
      await srv.inject({ method: 'POST', url: `${base}/2025/restore`, headers: { ...json, 'if-match': saved.etag }, payload: { seq: 1 } }),
      200,
      api.RestoreResponse,
    );
    const again = conforms<api.RestoreResponse>(
      await srv.inject({ method: 'POST', url: `${base}/2025/restore`, headers: { ...json, 'if-match': restored.etag }, payload: { seq: 1 } }),
      200,
      api.RestoreResponse,
    );
    expect(again.restored).toBe(false);

    conforms(await srv.inject({ method: 'GET', url: '/api/families/shenzhen-department/diff?a=2024&b=2025', headers: local }), 200, api.DiffResponse);
    conforms(await srv.inject({ method: 'POST', url: `${base}/2025/impact`, headers: json, payload: {} }), 200, api.ImpactResponse);
    conforms(await srv.inject({ method: 'POST', url: `${base}/2025/publish`, headers: { ...local, 'if-match': again.etag } }), 200, api.PublishResponse);
  });

  it('cases, validate, score and diff of two documents', async () => {
    const cases = conforms<api.ListCasesResponse>(await srv.inject({ method: 'GET', url: '/api/families/shenzhen-department/cases', headers: local }), 200, api.ListCasesResponse);
    const one = cases.cases.find((c) => c.id === 'shenzhen-commerce' && c.year === 2024)!;
    const kase = conforms<api.GetCaseResponse>(await srv.inject({ method: 'GET', url: `/api/families/shenzhen-department/cases/${one.year}/${one.id}`, headers: local }), 200, api.GetCaseResponse);
    const scheme = fx.readJson('shenzhen-department/2024.json');
    conforms(await srv.inject({ method: 'POST', url: '/api/validate', headers: json, payload: { ...scheme, totalPoints: 'x' } }), 200, api.ValidateResponse);
    conforms(await srv.inject({ method: 'POST', url: '/api/score', headers: json, payload: { scheme, case: kase.doc } }), 200, api.ScoreResponse);
    conforms(await srv.inject({ method: 'POST', url: '/api/diff', headers: json, payload: { a: scheme, b: fx.readJson('shenzhen-department/2021.json') } }), 200, api.DiffResponse);
  });

  it('error bodies: not found, conflict, invalid document, refused request', async () => {
    conforms(await srv.inject({ method: 'GET', url: `${base}/1999`, headers: local }), 404, api.ErrorBody);
    const made = conforms<api.NewYearResponse>(await srv.inject({ method: 'POST', url: `${base}/2024/new-year`, headers: json, payload: { year: 2025 } }), 201, api.NewYearResponse);
    const doc = made.doc as Record<string, unknown>;
    const stale = conforms<api.ErrorBody>(await srv.inject({ method: 'PUT', url: `${base}/2025`, headers: { ...json, 'if-match': '"old"' }, payload: JSON.stringify(doc) }), 412, api.ErrorBody);
    expect(typeof stale.currentEtag).toBe('string');
    const bad = conforms<api.ErrorBody>(await srv.inject({ method: 'POST', url: '/api/score', headers: json, payload: { scheme: { ...doc, totalPoints: 'x' }, facts: {} } }), 422, api.ErrorBody);
    expect(bad.issues!.length).toBeGreaterThan(0);
    conforms(await srv.inject({ method: 'POST', url: `${base}/2024/new-year`, headers: json, payload: {} }), 400, api.ErrorBody);
  });
});
