/**
 * Cases written through the store (issue 11 item 1, contract: `@jixiao/api` cases.ts): create with
 * `If-None-Match: *`, save with `If-Match` (one winner per version), the engine's check of the facts and
 * reviewer entries against the case's scheme (a wrong value refuses the save; what is not entered yet is
 * a warning), history and restore, and the status 填报中 → 已提交 → 已审核 (and 退回) that a PUT never
 * changes. Authors come from `req.actor`. On SQLite, and on PostgreSQL too when `JIXIAO_TEST_PG` is set.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Value } from '@sinclair/typebox/value';
import * as api from '@jixiao/api';
import { local, realEngine, repoRoot, serverPerTest, storedJson } from './helpers.ts';
import { buildApp } from '../src/app.ts';
import type { Actor } from '../src/security/actor.ts';
import { BACKENDS } from '../../store/test/db/backends.ts';
import { copyBundledSchemes } from '../../../test/bundled-schemes.ts';

const json = { ...local, 'content-type': 'application/json' };
const url = (caseId: string, year = 2024, family = 'shenzhen-department') => `/api/families/${family}/cases/${year}/${caseId}`;

/** A new department's case under the 2024 Shenzhen department scheme, facts still to be entered. */
function newCase(facts: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'shenzhen-test', name: '深圳市测试局2024年度部门整体支出绩效自评', department: '深圳市测试局', year: 2024, scheme: { id: 'shenzhen-department', year: 2024 }, facts };
}

/**
 * The new case with every fact and reviewer entry of 深圳市商务局's 2024 case (种子 002), `facts` over
 * them: it can be scored, so it can be submitted and reviewed (an incomplete case cannot).
 */
function fullCase(facts: Record<string, unknown> = {}): Record<string, unknown> {
  const seed = JSON.parse(readFileSync(join(repoRoot, 'schemes/shenzhen-department/cases/2024/shenzhen-commerce.json'), 'utf8')) as { facts: Record<string, unknown>; reviewer: unknown };
  return { ...newCase({ ...seed.facts, ...facts }), reviewer: seed.reviewer };
}

function put(srv: FastifyInstance, caseId: string, doc: unknown, headers: Record<string, string>) {
  return srv.inject({ method: 'PUT', url: url(caseId), headers: { ...json, ...headers }, payload: JSON.stringify(doc) });
}
function setStatus(srv: FastifyInstance, caseId: string, body: unknown, etag: string) {
  return srv.inject({ method: 'POST', url: `${url(caseId)}/status`, headers: { ...json, 'if-match': etag }, payload: JSON.stringify(body) });
}
async function history(srv: FastifyInstance, caseId: string) {
  const r = await srv.inject({ method: 'GET', url: `${url(caseId)}/history`, headers: local });
  expect(r.statusCode).toBe(200);
  return (r.json() as api.HistoryListResponse).entries;
}
function conforms(body: unknown, schema: Parameters<typeof Value.Errors>[0]): void {
  expect([...Value.Errors(schema, body)].map((e) => `${e.path}: ${e.message}`)).toEqual([]);
}

describe('cases on SQLite', () => {
  // the local user's name (before the server of each test starts)
  const savedAuthor = process.env['JIXIAO_AUTHOR'];
  beforeEach(() => {
    process.env['JIXIAO_AUTHOR'] = '财政局绩效处 张三';
  });
  afterEach(() => {
    if (savedAuthor === undefined) delete process.env['JIXIAO_AUTHOR'];
    else process.env['JIXIAO_AUTHOR'] = savedAuthor;
  });
  const t = serverPerTest();

  it('lists the bundled cases with their department and status (none recorded: 填报中)', async () => {
    const r = await t.srv.inject({ method: 'GET', url: '/api/families/shenzhen-department/cases', headers: local });
    const body = r.json() as api.ListCasesResponse;
    conforms(body, api.ListCasesResponse);
    const commerce = body.cases.find((c) => c.id === 'shenzhen-commerce')!;
    expect(commerce).toMatchObject({ year: 2024, department: '深圳市商务局', status: 'filling', path: 'schemes/shenzhen-department/cases/2024/shenzhen-commerce.json' });
  });

  it('creates a case only with If-None-Match: *, once; what is not entered yet comes back as warnings', async () => {
    expect((await put(t.srv, 'shenzhen-test', newCase(), {})).statusCode).toBe(428);
    const created = await put(t.srv, 'shenzhen-test', newCase(), { 'if-none-match': '*' });
    expect(created.statusCode).toBe(201);
    const body = created.json() as api.SaveCaseResponse;
    conforms(body, api.SaveCaseResponse);
    expect(created.headers['etag']).toBe(body.etag);
    // nothing entered: every fact of the scheme is missing, which does not stop a save
    expect(body.warnings.some((w) => w.code === 'fact-missing' && w.path === '/facts/在编人数')).toBe(true);
    expect('history' in body && body.history).toMatchObject({ seq: 1, action: 'create', author: '财政局绩效处 张三' });
    const again = await put(t.srv, 'shenzhen-test', newCase(), { 'if-none-match': '*' });
    expect(again.statusCode).toBe(412);
    expect((again.json() as api.ErrorBody).message).toContain('已存在');
    const one = await t.srv.inject({ method: 'GET', url: url('shenzhen-test'), headers: local });
    expect((one.json() as api.GetCaseResponse).doc).toEqual(newCase());
    const list = (await t.srv.inject({ method: 'GET', url: '/api/families/shenzhen-department/cases', headers: local })).json() as api.ListCasesResponse;
    expect(list.cases.find((c) => c.id === 'shenzhen-test')).toMatchObject({ department: '深圳市测试局', status: 'filling', name: '深圳市测试局2024年度部门整体支出绩效自评' });
  });

  it('saves facts with the version it was based on: of three saves on one version exactly one wins; a stale one is 412 in Chinese', async () => {
    const created = (await put(t.srv, 'shenzhen-test', newCase(), { 'if-none-match': '*' })).json() as { etag: string };
    const results = await Promise.all([90, 91, 92].map((n) => put(t.srv, 'shenzhen-test', newCase({ 在编人数: n }), { 'if-match': created.etag })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412, 412]);
    const winner = results.find((r) => r.statusCode === 200)!.json() as { etag: string };
    const loser = results.find((r) => r.statusCode === 412)!.json() as api.ErrorBody;
    expect(loser.message).toContain('已被其他窗口或他人修改');
    expect(loser.currentEtag).toBe(winner.etag);
    expect((await history(t.srv, 'shenzhen-test')).map((e) => e.action)).toEqual(['create', 'save']);
    // the same document again changes nothing
    const doc = (await storedJson(t.srv, 'shenzhen-department/cases/2024/shenzhen-test.json'));
    const same = await put(t.srv, 'shenzhen-test', doc, { 'if-match': winner.etag });
    expect(same.json()).toMatchObject({ saved: true, unchanged: true });
  });

  it('refuses a fact of the wrong kind, an unknown reviewer key and a reviewer score without reason (422, issues in Chinese); keeps the case as it was', async () => {
    const created = (await put(t.srv, 'shenzhen-test', newCase(), { 'if-none-match': '*' })).json() as { etag: string };
    const bad = await put(t.srv, 'shenzhen-test', newCase({ 在编人数: '很多' }), { 'if-match': created.etag });
    expect(bad.statusCode).toBe(422);
    const body = bad.json() as api.ErrorBody;
    expect(body.error).toBe('invalid-case');
    expect(body.message).toMatch(/^案例校验未通过/);
    expect(body.issues!.map((i) => [i.code, i.path])).toEqual([['fact-not-number', '/facts/在编人数']]);
    const reviewer = await put(t.srv, 'shenzhen-test', { ...newCase(), reviewer: { nowhere: { score: 1, reason: '无' } } }, { 'if-match': created.etag });
    expect((reviewer.json() as api.ErrorBody).issues!.map((i) => i.code)).toEqual(['reviewer-unknown-key']);
    const noReason = await put(t.srv, 'shenzhen-test', { ...newCase(), reviewer: { outcomes: { score: 8, reason: '' } } }, { 'if-match': created.etag });
    expect(noReason.statusCode).toBe(422);
    expect((noReason.json() as api.ErrorBody).issues!.map((i) => i.path)).toEqual(['/reviewer/outcomes/reason']);
    const format = await put(t.srv, 'shenzhen-test', { ...newCase(), name: '' }, { 'if-match': created.etag });
    expect(format.statusCode).toBe(422);
    expect((format.json() as api.ErrorBody).issues!.every((i) => /[\u4e00-\u9fff]/.test(i.message))).toBe(true);
    expect(await storedJson(t.srv, 'shenzhen-department/cases/2024/shenzhen-test.json')).toEqual(newCase());
  });

  it('refuses a case saved in another year than its own, or under a scheme the family does not have (400)', async () => {
    const wrongYear = await put(t.srv, 'shenzhen-test', { ...newCase(), year: 2021 }, { 'if-none-match': '*' });
    expect(wrongYear.statusCode).toBe(400);
    expect((wrongYear.json() as api.ErrorBody).error).toBe('location-mismatch');
    const noScheme = await put(t.srv, 'shenzhen-test', { ...newCase(), scheme: { id: 'shenzhen-department', year: 2023 } }, { 'if-none-match': '*' });
    expect(noScheme.statusCode).toBe(400);
    expect((noScheme.json() as api.ErrorBody).message).toContain('2023 年度）在方案族 shenzhen-department 中不存在');
  });

  it('moves the status 填报中 → 已提交 → 已审核 and back only through the status route, each recorded with its author', async () => {
    let etag = ((await put(t.srv, 'shenzhen-test', fullCase(), { 'if-none-match': '*' })).json() as { etag: string }).etag;
    // a PUT never changes the status
    const sneaky = await put(t.srv, 'shenzhen-test', { ...fullCase(), status: 'reviewed' }, { 'if-match': etag });
    expect(sneaky.statusCode).toBe(409);
    expect((sneaky.json() as api.ErrorBody).message).toContain('保存不能改变案例状态');
    expect((await setStatus(t.srv, 'shenzhen-test', { status: 'reviewed' }, etag)).statusCode).toBe(409);

    const submitted = await setStatus(t.srv, 'shenzhen-test', { status: 'submitted' }, etag);
    expect(submitted.statusCode).toBe(200);
    const s1 = submitted.json() as api.CaseStatusResponse;
    conforms(s1, api.CaseStatusResponse);
    expect(s1).toMatchObject({ status: 'submitted', history: { seq: 2, action: 'status', summary: '状态：填报中 → 已提交', author: '财政局绩效处 张三' } });
    // the old tag is stale now
    expect((await setStatus(t.srv, 'shenzhen-test', { status: 'reviewed' }, etag)).statusCode).toBe(412);
    etag = s1.etag;
    const stored = await storedJson(t.srv, 'shenzhen-department/cases/2024/shenzhen-test.json');
    expect(stored).toEqual({ ...fullCase(), status: 'submitted' });
    // a save of the submitted case (only its reviewer entries may change now) keeps its status (and must say it)
    const kept = await put(t.srv, 'shenzhen-test', { ...stored, reviewer: { ...(stored['reviewer'] as object), outcomes: { score: 24, reason: '复核后扣1分' } } }, { 'if-match': etag });
    expect(kept.statusCode).toBe(200);
    expect((await put(t.srv, 'shenzhen-test', { ...fullCase(), notes: '去掉状态' }, { 'if-match': (kept.json() as { etag: string }).etag })).statusCode).toBe(409);
    etag = (kept.json() as { etag: string }).etag;

    const returned = await setStatus(t.srv, 'shenzhen-test', { status: 'filling', reason: '缺少佐证材料' }, etag);
    expect((returned.json() as api.CaseStatusResponse).history.summary).toBe('状态：已提交 → 填报中（理由：缺少佐证材料）');
    etag = (returned.json() as { etag: string }).etag;
    etag = ((await setStatus(t.srv, 'shenzhen-test', { status: 'submitted' }, etag)).json() as { etag: string }).etag;
    const reviewed = await setStatus(t.srv, 'shenzhen-test', { status: 'reviewed' }, etag);
    expect((reviewed.json() as api.CaseStatusResponse).status).toBe('reviewed');
    const list = (await t.srv.inject({ method: 'GET', url: '/api/families/shenzhen-department/cases', headers: local })).json() as api.ListCasesResponse;
    expect(list.cases.find((c) => c.id === 'shenzhen-test')!.status).toBe('reviewed');
    expect((await history(t.srv, 'shenzhen-test')).map((e) => [e.action, e.actionZh])).toEqual([
      ['create', '新建'],
      ['status', '状态变更'],
      ['save', '保存'],
      ['status', '状态变更'],
      ['status', '状态变更'],
      ['status', '状态变更'],
    ]);
    expect((await setStatus(t.srv, 'shenzhen-test', { status: 'draft' }, (reviewed.json() as { etag: string }).etag)).statusCode).toBe(400);
  });

  it('gives every saved state and restores one as a new state, but never one that would change the status', async () => {
    const v1 = ((await put(t.srv, 'shenzhen-test', fullCase(), { 'if-none-match': '*' })).json() as { etag: string }).etag;
    const v2 = ((await put(t.srv, 'shenzhen-test', fullCase({ 在编人数: 90 }), { 'if-match': v1 })).json() as { etag: string }).etag;
    const one = await t.srv.inject({ method: 'GET', url: `${url('shenzhen-test')}/history/1`, headers: local });
    conforms(one.json(), api.HistoryEntryResponse);
    expect((one.json() as api.HistoryEntryResponse).entry.doc).toEqual(fullCase());
    expect((await t.srv.inject({ method: 'GET', url: `${url('shenzhen-test')}/history/9`, headers: local })).statusCode).toBe(404);
    const restoreUrl = `${url('shenzhen-test')}/restore`;
    expect((await t.srv.inject({ method: 'POST', url: restoreUrl, headers: json, payload: { seq: 1 } })).statusCode).toBe(428);
    expect((await t.srv.inject({ method: 'POST', url: restoreUrl, headers: { ...json, 'if-match': v1 }, payload: { seq: 1 } })).statusCode).toBe(412);
    const restored = await t.srv.inject({ method: 'POST', url: restoreUrl, headers: { ...json, 'if-match': v2 }, payload: { seq: 1 } });
    expect(restored.statusCode).toBe(200);
    conforms(restored.json(), api.RestoreResponse);
    expect((restored.json() as { doc: unknown }).doc).toEqual(fullCase());
    const v3 = (restored.json() as { etag: string }).etag;
    // submitted since: bringing back a 填报中 state would undo the submission
    const v4 = ((await setStatus(t.srv, 'shenzhen-test', { status: 'submitted' }, v3)).json() as { etag: string }).etag;
    const undo = await t.srv.inject({ method: 'POST', url: restoreUrl, headers: { ...json, 'if-match': v4 }, payload: { seq: 2 } });
    expect(undo.statusCode).toBe(409);
    expect((undo.json() as api.ErrorBody).message).toContain('恢复不能改变案例状态');
    expect((await history(t.srv, 'shenzhen-test')).map((e) => [e.seq, e.action, e.restoredFrom])).toEqual([
      [1, 'create', undefined],
      [2, 'save', undefined],
      [3, 'restore', 1],
      [4, 'status', undefined],
    ]);
  });

  it('takes the author of every write from req.actor (what a login layer sets)', async () => {
    const reviewer: Actor = { username: 'li', displayName: '评审专家 李四', role: 'reviewer' };
    // a later onRequest hook, as the accounts layer adds its own
    t.srv.addHook('onRequest', async (req: FastifyRequest) => {
      if (req.headers['x-test-user'] === 'li') req.actor = reviewer;
    });
    const etag = ((await put(t.srv, 'shenzhen-test', newCase(), { 'if-none-match': '*' })).json() as { etag: string }).etag;
    const r = await put(t.srv, 'shenzhen-test', { ...newCase(), reviewer: { outcomes: { score: 8, reason: '成效明显' } } }, { 'if-match': etag, 'x-test-user': 'li' });
    expect(r.statusCode).toBe(200);
    expect((await history(t.srv, 'shenzhen-test')).map((e) => e.author)).toEqual(['财政局绩效处 张三', '评审专家 李四']);
  });
});

describe.each(BACKENDS.filter((b) => b.name === 'postgres'))('cases on $name', (backend) => {
  it('create, a conflicting save, a status change and the history, through the server', async () => {
    const db = await backend.fresh();
    const root = mkdtempSync(join(tmpdir(), 'jixiao-server-pg-'));
    copyBundledSchemes(join(root, 'schemes'));
    const srv = await buildApp({ schemesDir: join(root, 'schemes'), database: (db.config as { url: string }).url, engine: realEngine, author: '测试' });
    try {
      const etag = ((await put(srv, 'shenzhen-test', fullCase(), { 'if-none-match': '*' })).json() as { etag: string }).etag;
      const results = await Promise.all([90, 91].map((n) => put(srv, 'shenzhen-test', fullCase({ 在编人数: n }), { 'if-match': etag })));
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
      const now = results.find((r) => r.statusCode === 200)!.json() as { etag: string };
      expect((await setStatus(srv, 'shenzhen-test', { status: 'submitted' }, now.etag)).statusCode).toBe(200);
      expect((await history(srv, 'shenzhen-test')).map((e) => e.action)).toEqual(['create', 'save', 'status']);
      const bundled = (await srv.inject({ method: 'GET', url: '/api/families/shenzhen-department/cases', headers: local })).json() as api.ListCasesResponse;
      expect(bundled.cases.map((c) => c.id).sort()).toEqual(['shenzhen-ccpit', 'shenzhen-commerce', 'shenzhen-test']);
    } finally {
      await srv.close();
      await db.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
