/**
 * The case API's checks found wanting in review (cases.ts routes, contract `@jixiao/api` cases.ts):
 * an entered value out of range refuses the save (only what is not entered yet is a warning, and a
 * warning never has severity error); a case that cannot be scored is not submitted or reviewed; a
 * reviewed case is read-only until returned; the document's id must be the URL's; If-Match names a
 * version; a return names its reason; a family without schemes answers 404; a published scheme's
 * save says it is published. Facts are the 2024 Shenzhen department scheme's (种子 002).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import * as api from '@jixiao/api';
import { local, repoRoot, serverPerTest, storedJson } from './helpers.ts';

const json = { ...local, 'content-type': 'application/json' };
const FAMILY = 'shenzhen-department';
const url = (caseId: string, year = 2024) => `/api/families/${FAMILY}/cases/${year}/${caseId}`;
const CASE_FILE = `${FAMILY}/cases/2024/shenzhen-test.json`;

/** A new department's case under the 2024 Shenzhen department scheme. */
function newCase(facts: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'shenzhen-test', name: '深圳市测试局2024年度部门整体支出绩效自评', department: '深圳市测试局', year: 2024, scheme: { id: FAMILY, year: 2024 }, facts, ...extra };
}

/** The new case with every fact and reviewer entry of 深圳市商务局's 2024 case (种子 002): it can be scored. */
function fullCase(): Record<string, unknown> {
  const seed = JSON.parse(readFileSync(join(repoRoot, 'schemes', FAMILY, 'cases/2024/shenzhen-commerce.json'), 'utf8')) as { facts: Record<string, unknown>; reviewer: unknown };
  return newCase(seed.facts, { reviewer: seed.reviewer });
}

function setStatus(srv: FastifyInstance, caseId: string, body: unknown, etag: string) {
  return srv.inject({ method: 'POST', url: `${url(caseId)}/status`, headers: { ...json, 'if-match': etag }, payload: JSON.stringify(body) });
}
const etagOf = (r: { json: () => unknown }) => (r.json() as { etag: string }).etag;

function put(srv: FastifyInstance, caseId: string, doc: unknown, headers: Record<string, string>) {
  return srv.inject({ method: 'PUT', url: url(caseId), headers: { ...json, ...headers }, payload: JSON.stringify(doc) });
}
async function create(srv: FastifyInstance, doc: Record<string, unknown> = newCase()): Promise<string> {
  const r = await put(srv, String(doc['id']), doc, { 'if-none-match': '*' });
  expect(r.statusCode, r.body).toBe(201);
  return (r.json() as { etag: string }).etag;
}
const hasChinese = (s: string | undefined) => /[\u4e00-\u9fff]/.test(s ?? '');

describe('case checks', () => {
  const t = serverPerTest();

  it('refuses an out-of-range value (满意度 95 for a percent, 26 points on a 25-point item) with 422; warnings never carry severity error', async () => {
    const etag = await create(t.srv);
    // 满意度 is a percent fact written as a fraction (0.95 = 95 %): 95 is out of its range (max 1)
    const percent = await put(t.srv, 'shenzhen-test', newCase({ 满意度: { value: 95 } }), { 'if-match': etag });
    expect(percent.statusCode, percent.body).toBe(422);
    const p = percent.json() as api.ErrorBody;
    expect(p.error).toBe('invalid-case');
    expect(p.issues!.map((i) => i.code)).toEqual(['percent-scale']);
    expect(hasChinese(p.message)).toBe(true);
    // 社会效益、经济效益、生态效益等 (outcomes) has 25 points: a reviewer score of 26 is out of range
    const over = await put(t.srv, 'shenzhen-test', newCase({}, { reviewer: { outcomes: { score: 26, reason: '成效明显' } } }), { 'if-match': etag });
    expect(over.statusCode, over.body).toBe(422);
    expect((over.json() as api.ErrorBody).issues!.map((i) => i.code)).toEqual(['judgement-range']);
    expect(await storedJson(t.srv, CASE_FILE)).toEqual(newCase());
    // in range (0.95 and 25 of 25), the save goes through; what is missing stays a warning
    const ok = await put(t.srv, 'shenzhen-test', newCase({ 满意度: { value: 0.95 } }, { reviewer: { outcomes: { score: 25, reason: '成效明显' } } }), { 'if-match': etag });
    expect(ok.statusCode, ok.body).toBe(200);
    const body = ok.json() as api.SaveCaseResponse;
    expect(body.warnings.some((w) => w.code === 'fact-missing')).toBe(true);
    expect(body.warnings.filter((w) => w.severity === 'error')).toEqual([]);
  });

  it('refuses to submit or approve a case that cannot be scored, naming the first things missing (422 in Chinese)', async () => {
    const etag = await create(t.srv);
    const r = await setStatus(t.srv, 'shenzhen-test', { status: 'submitted' }, etag);
    expect(r.statusCode, r.body).toBe(422);
    const body = r.json() as api.ErrorBody;
    expect(body.error).toBe('case-incomplete');
    expect(body.message).toMatch(/^案例尚不能评分，不能提交：/);
    // the message names the first missing facts (as the engine words them) and how many there are in all
    const missing = body.issues!.filter((i) => i.code === 'fact-missing');
    expect(missing.length).toBeGreaterThan(3);
    expect(body.message).toContain(missing[0]!.message.replace(/[。；]+$/, ''));
    expect(body.message).toContain(`等共 ${body.issues!.length} 处`);
    // what blocks the submission is listed as an error (a save keeps it a warning)
    expect(body.issues!.filter((i) => i.severity !== 'error')).toEqual([]);
    expect((await storedJson(t.srv, CASE_FILE))['status']).toBeUndefined();

    // complete, it is submitted; a reviewer's entry taken away again, it cannot be approved
    const full = await put(t.srv, 'shenzhen-test', fullCase(), { 'if-match': etag });
    expect(full.statusCode, full.body).toBe(200);
    expect((full.json() as api.SaveCaseResponse).warnings).toEqual([]);
    const submitted = await setStatus(t.srv, 'shenzhen-test', { status: 'submitted' }, etagOf(full));
    expect(submitted.statusCode, submitted.body).toBe(200);
    const doc = await storedJson(t.srv, CASE_FILE);
    const reviewer = { ...(doc['reviewer'] as Record<string, unknown>) };
    delete reviewer['outcomes'];
    const partial = await put(t.srv, 'shenzhen-test', { ...doc, reviewer }, { 'if-match': etagOf(submitted) });
    expect(partial.statusCode, partial.body).toBe(200);
    const approve = await setStatus(t.srv, 'shenzhen-test', { status: 'reviewed' }, etagOf(partial));
    expect(approve.statusCode).toBe(422);
    // the indicator by its name in the Chinese; its reviewer key in the issue's path
    expect((approve.json() as api.ErrorBody).message).toMatch(/^案例尚不能评分，不能审核通过：.*“社会效益、经济效益、生态效益等”为酌情评分项，案例缺少该项的评审录入/);
    expect((approve.json() as api.ErrorBody).issues!.map((i) => [i.code, i.path])).toEqual([['judgement-missing', '/reviewer/outcomes']]);
  });

  it('changes an 已审核 case by no save (not even 政策管理) until it is returned; an 已提交 case only in its reviewer entries', async () => {
    const created = await create(t.srv, fullCase());
    const submitted = await setStatus(t.srv, 'shenzhen-test', { status: 'submitted' }, created);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const doc = await storedJson(t.srv, CASE_FILE);
    // submitted: facts and notes are not changed any more (the local user is 政策管理)
    const facts = await put(t.srv, 'shenzhen-test', { ...doc, facts: { ...(doc['facts'] as object), 在编人数: 1 }, notes: '改' }, { 'if-match': etagOf(submitted) });
    expect(facts.statusCode).toBe(409);
    expect(facts.json()).toMatchObject({ error: 'case-submitted-readonly', message: '案例已提交，只能修改评审录入（reviewer），不能修改 facts、notes；如需修改，请先退回至填报中。' });
    const reviewer = { ...(doc['reviewer'] as object), outcomes: { score: 24, reason: '复核后扣1分' } };
    const entry = await put(t.srv, 'shenzhen-test', { ...doc, reviewer }, { 'if-match': etagOf(submitted) });
    expect(entry.statusCode, entry.body).toBe(200);
    const reviewed = await setStatus(t.srv, 'shenzhen-test', { status: 'reviewed' }, etagOf(entry));
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const after = await storedJson(t.srv, CASE_FILE);
    for (const change of [{ notes: '审核后补充' }, { reviewer: { ...reviewer, outcomes: { score: 23, reason: '再扣1分' } } }]) {
      const r = await put(t.srv, 'shenzhen-test', { ...after, ...change }, { 'if-match': etagOf(reviewed) });
      expect(r.statusCode).toBe(409);
      expect(r.json()).toMatchObject({ error: 'case-reviewed-readonly', message: '案例已审核，不能修改；如需修改，请先退回至填报中。' });
    }
    expect(await storedJson(t.srv, CASE_FILE)).toEqual(after);
    // returned (with a reason), it is changed again
    const returned = await setStatus(t.srv, 'shenzhen-test', { status: 'filling', reason: '满意度数据来源需补充' }, etagOf(reviewed));
    expect(returned.statusCode, returned.body).toBe(200);
    const again = await put(t.srv, 'shenzhen-test', { ...after, status: 'filling', notes: '补充满意度调查来源' }, { 'if-match': etagOf(returned) });
    expect(again.statusCode, again.body).toBe(200);
  });

  it('refuses a document whose id is not the URL\'s (400, as another year is)', async () => {
    const r = await put(t.srv, 'shenzhen-other', newCase(), { 'if-none-match': '*' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'location-mismatch', message: '案例文档的标识（"shenzhen-test"）与保存位置（shenzhen-other）不一致。' });
    const etag = await create(t.srv);
    const save = await put(t.srv, 'shenzhen-test', newCase({}, { id: 'shenzhen-renamed' }), { 'if-match': etag });
    expect(save.statusCode).toBe(400);
    expect(await storedJson(t.srv, CASE_FILE)).toEqual(newCase());
  });

  it('refuses If-Match: * (428) and an If-Match that is no version tag (400) in Chinese; a tag of no saved version is 412 without "version 0"', async () => {
    await create(t.srv);
    const star = await put(t.srv, 'shenzhen-test', newCase({ 在编人数: 90 }), { 'if-match': '*' });
    expect(star.statusCode).toBe(428);
    expect((star.json() as api.ErrorBody).message).toMatch(/^保存须注明所基于的版本/);
    const garbage = await put(t.srv, 'shenzhen-test', newCase({ 在编人数: 90 }), { 'if-match': 'garbage' });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toMatchObject({ error: 'bad-if-match' });
    expect((garbage.json() as api.ErrorBody).message).toMatch(/^If-Match 不是有效的版本标记/);
    const unknown = await put(t.srv, 'shenzhen-test', newCase({ 在编人数: 90 }), { 'if-match': '"nope"' });
    expect(unknown.statusCode).toBe(412);
    const body = unknown.json() as api.ErrorBody;
    expect(body.message).toContain('不是案例 shenzhen-test 保存过的任何版本');
    expect(`${body.message} ${body.messageEn}`).not.toContain('version 0');
    expect(await storedJson(t.srv, CASE_FILE)).toEqual(newCase());
    // the status route alike
    expect((await setStatus(t.srv, 'shenzhen-test', { status: 'submitted' }, '*')).statusCode).toBe(428);
  });

  it('returns a case to 填报中 only with a reason (400), and refuses a change to the status it has (409), recording neither', async () => {
    const created = await create(t.srv, fullCase());
    const same = await setStatus(t.srv, 'shenzhen-test', { status: 'filling' }, created);
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ error: 'status-unchanged', message: '案例已是填报中，状态未改变。' });
    const submitted = await setStatus(t.srv, 'shenzhen-test', { status: 'submitted' }, created);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await setStatus(t.srv, 'shenzhen-test', { status: 'submitted' }, etagOf(submitted))).json()).toMatchObject({ message: '案例已是已提交，状态未改变。' });
    for (const body of [{ status: 'filling' }, { status: 'filling', reason: '  ' }]) {
      const r = await setStatus(t.srv, 'shenzhen-test', body, etagOf(submitted));
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ error: 'reason-required', message: '退回至填报中须写明退回理由（reason），以便填报人知道要改什么。' });
    }
    const returned = await setStatus(t.srv, 'shenzhen-test', { status: 'filling', reason: '缺少佐证材料' }, etagOf(submitted));
    expect(returned.statusCode, returned.body).toBe(200);
    const h = await t.srv.inject({ method: 'GET', url: `${url('shenzhen-test')}/history`, headers: local });
    expect((h.json() as api.HistoryListResponse).entries.map((e) => e.summary)).toEqual([expect.any(String), '状态：填报中 → 已提交', '状态：已提交 → 填报中（理由：缺少佐证材料）']);
  });

  it('answers 404 in Chinese for the cases of a family that has no scheme', async () => {
    const r = await t.srv.inject({ method: 'GET', url: '/api/families/nowhere/cases', headers: local });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ error: 'not-found', message: '没有找到方案族 nowhere（它没有任何年度的方案）。' });
    // a family with schemes answers its list
    const known = await t.srv.inject({ method: 'GET', url: `/api/families/${FAMILY}/cases`, headers: local });
    expect(known.statusCode).toBe(200);
  });

  it('says a published scheme cannot be changed when it is saved back, before "a save cannot publish"', async () => {
    const stored = await t.srv.inject({ method: 'GET', url: `/api/schemes/${FAMILY}/2024`, headers: local });
    const { doc, etag } = stored.json() as { doc: Record<string, unknown>; etag: string };
    expect(doc['status']).toBe('published');
    const r = await t.srv.inject({ method: 'PUT', url: `/api/schemes/${FAMILY}/2024`, headers: { ...json, 'if-match': etag }, payload: JSON.stringify({ ...doc, title: '改标题' }) });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ error: 'published-readonly', message: '已发布的方案不能修改，请以它为基础新建下一年度草稿' });
  });

  it('names a reviewer entry without a reason by its indicator\'s name and key (user review: it named only "outcomes")', async () => {
    const etag = await create(t.srv);
    const r = await put(t.srv, 'shenzhen-test', newCase({}, { reviewer: { outcomes: { score: 20, reason: '' } } }), { 'if-match': etag });
    expect(r.statusCode, r.body).toBe(422);
    const body = r.json() as api.ErrorBody;
    expect(body.issues!.map((i) => i.message)).toEqual(['评审录入“社会效益、经济效益、生态效益等”（outcomes）的给分理由不能为空，请填写']);
    const none = await put(t.srv, 'shenzhen-test', newCase({}, { reviewer: { outcomes: { score: 20 } } }), { 'if-match': etag });
    expect((none.json() as api.ErrorBody).issues!.map((i) => i.message)).toEqual(['评审录入“社会效益、经济效益、生态效益等”（outcomes）缺少“给分理由”（reason），请补上']);
  });
});
