/**
 * Deleting a case (删除, contract: `@jixiao/api` cases.ts) on the local server (政策管理): If-Match is
 * required (a version, not `*`); the deletion is a history entry that keeps the text, the case leaves the
 * list and answers 404 saying when and by whom it was deleted, and restoring an entry brings it back —
 * nothing is lost. An 已审核 case is deleted by no one. Role rules: accounts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type * as api from '@jixiao/api';
import { local, repoRoot, serverPerTest, storedText } from './helpers.ts';

const t = serverPerTest();
/** The editor's user as named by the 署名 header (what the history records as the author). */
const ZHANG = { 'x-jixiao-author': encodeURIComponent('财政局绩效处 张三') };
const json = { ...local, 'content-type': 'application/json' };
const url = '/api/families/shenzhen-department/cases/2024/delete-test';

/** 深圳市商务局's 2024 case (种子 002) under another id: complete, so it can be submitted and reviewed. */
function fullCase(): Record<string, unknown> {
  const seed = JSON.parse(readFileSync(join(repoRoot, 'schemes/shenzhen-department/cases/2024/shenzhen-commerce.json'), 'utf8')) as Record<string, unknown>;
  return { ...seed, id: 'delete-test', name: '删除测试局2024年度部门整体支出绩效自评', department: '删除测试局' };
}

async function create(srv: FastifyInstance): Promise<string> {
  const r = await srv.inject({ method: 'PUT', url, headers: { ...json, 'if-none-match': '*' }, payload: JSON.stringify(fullCase()) });
  expect(r.statusCode, r.body).toBe(201);
  return r.headers['etag'] as string;
}
const del = (srv: FastifyInstance, headers: Record<string, string>) => srv.inject({ method: 'DELETE', url, headers: { ...local, ...ZHANG, ...headers } });

describe('DELETE a case', () => {
  it('needs the version it deletes (If-Match, not *), and refuses a stale one', async () => {
    const etag = await create(t.srv);
    expect((await del(t.srv, {})).statusCode).toBe(428);
    const star = await del(t.srv, { 'if-match': '*' });
    expect(star.statusCode).toBe(428);
    expect((star.json() as api.ErrorBody).message).toContain('删除须注明所基于的版本');
    const unknown = await del(t.srv, { 'if-match': '"not-a-version"' });
    expect(unknown.statusCode).toBe(412);
    expect((unknown.json() as api.ErrorBody).message).toContain('未删除');
    // saved since: the old version no longer deletes it
    const saved = await t.srv.inject({ method: 'PUT', url, headers: { ...json, 'if-match': etag }, payload: JSON.stringify({ ...fullCase(), notes: '补充' }) });
    expect(saved.statusCode).toBe(200);
    const stale = await del(t.srv, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect((await t.srv.inject({ method: 'GET', url, headers: local })).statusCode).toBe(200);
  });

  it('deletes as a history entry; the case leaves the list, answers 404 naming the deletion, and a restore brings it back', async () => {
    const etag = await create(t.srv);
    const text = await storedText(t.srv, 'shenzhen-department/cases/2024/delete-test.json');
    const r = await del(t.srv, { 'if-match': etag });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json() as api.DeleteCaseResponse;
    expect(body).toMatchObject({ deleted: true, history: { seq: 2, action: 'delete', author: '财政局绩效处 张三' } });

    const got = await t.srv.inject({ method: 'GET', url, headers: local });
    expect(got.statusCode).toBe(404);
    const missing = got.json() as api.ErrorBody;
    expect(missing.error).toBe('not-found');
    expect(missing.message).toMatch(/^案例 delete-test（shenzhen-department 2024 年度）已于 .+ 由 财政局绩效处 张三 删除；如需找回，可在修改历史中恢复。$/);
    expect(missing.messageEn).not.toMatch(/\p{Script=Han}/u);
    const list = (await t.srv.inject({ method: 'GET', url: '/api/families/shenzhen-department/cases', headers: local })).json() as api.ListCasesResponse;
    expect(list.cases.map((c) => c.id)).not.toContain('delete-test');
    // deleting again: it is not there
    expect((await del(t.srv, { 'if-match': body.history.etag })).statusCode).toBe(404);

    // nothing lost: the history lists the deletion, entry 2 holds the text it had
    const history = (await t.srv.inject({ method: 'GET', url: `${url}/history`, headers: local })).json() as api.HistoryListResponse;
    expect(history.entries.map((e) => [e.seq, e.action, e.actionZh])).toEqual([[1, 'create', '新建'], [2, 'delete', '删除']]);
    const entry = (await t.srv.inject({ method: 'GET', url: `${url}/history/2`, headers: local })).json() as api.HistoryEntryResponse;
    expect(entry.entry.text).toBe(text);

    const restored = await t.srv.inject({ method: 'POST', url: `${url}/restore`, headers: { ...json, 'if-match': body.history.etag }, payload: { seq: 1 } });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toMatchObject({ restored: true, text, history: { seq: 3, action: 'restore', restoredFrom: 1 } });
    expect(await storedText(t.srv, 'shenzhen-department/cases/2024/delete-test.json')).toBe(text);
  });

  it('a deleted case created again goes on with its history', async () => {
    await del(t.srv, { 'if-match': await create(t.srv) });
    await create(t.srv);
    const history = (await t.srv.inject({ method: 'GET', url: `${url}/history`, headers: local })).json() as api.HistoryListResponse;
    expect(history.entries.map((e) => e.action)).toEqual(['create', 'delete', 'create']);
  });

  it('never deletes an 已审核 case, for any role (return it to 填报中 first)', async () => {
    let etag = await create(t.srv);
    for (const status of ['submitted', 'reviewed']) {
      const r = await t.srv.inject({ method: 'POST', url: `${url}/status`, headers: { ...json, 'if-match': etag }, payload: { status } });
      expect(r.statusCode, r.body).toBe(200);
      etag = r.headers['etag'] as string;
    }
    const r = await del(t.srv, { 'if-match': etag });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: 'case-reviewed-undeletable', message: '案例 delete-test 已审核，不能删除；已审核的案例是评价结论的依据，须先退回至填报中。' });
    expect((await t.srv.inject({ method: 'GET', url, headers: local })).statusCode).toBe(200);
  });
});
