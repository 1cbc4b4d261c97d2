/**
 * The annual case workflow as the README tells it (案例的流程): 填报中 → 已提交 by the department, then
 * the reviewer scores the 已提交 case → 已审核.
 *
 * - A case's id is fixed when it enters the store: the bundled project cases (file
 *   04-party-hr-training.json, id shenzhen-project-2020-04-party-hr-training) are saved and submitted
 *   keeping their id; a new case's id must be its location; no save changes a stored case's id.
 * - 提交 needs what the department enters (the facts), not the reviewer's entries, which a department
 *   cannot make; 审核通过 needs everything, and its refusal names the reviewer items still missing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, HTTPMethods, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAccounts, type AccountStore } from '@jixiao/store';
import type { ErrorBody } from '@jixiao/api';
import { buildApp } from '../src/app.ts';
import { databaseOf, fixture, local, realEngine, repoRoot, serverPerTest, storedText, type Fixture } from './helpers.ts';

const json = { ...local, 'content-type': 'application/json' };
const PROJECT = '/api/families/shenzhen-project/cases/2020';
const BUNDLED = 'shenzhen-project/cases/2020/04-party-hr-training.json';

describe('a bundled project case keeps the id its file gives', () => {
  const t = serverPerTest();
  const get = async (caseId: string) => {
    const r = await t.srv.inject({ method: 'GET', url: `${PROJECT}/${caseId}`, headers: local });
    expect(r.statusCode, r.body).toBe(200);
    return { etag: r.headers['etag'] as string, doc: (r.json() as { doc: Record<string, unknown> }).doc };
  };

  it('saves a changed 全年执行数 of 04-party-hr-training and reads back exactly the text sent, then submits it', async () => {
    const { etag, doc } = await get('04-party-hr-training');
    expect(doc['id']).toBe('shenzhen-project-2020-04-party-hr-training');
    const before = await storedText(t.srv, BUNDLED);
    // seed 001 表 4: 全年执行数 148,620.00 元; the user corrects it to 150,000.00 元
    const old = '"全年执行数": {\n      "value": "148620.00"';
    expect(before).toContain(old);
    const text = before.replace(old, '"全年执行数": {\n      "value": "150000.00"');
    const saved = await t.srv.inject({ method: 'PUT', url: `${PROJECT}/04-party-hr-training`, headers: { ...json, 'if-match': etag }, payload: text });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await storedText(t.srv, BUNDLED)).toBe(text);
    const back = await get('04-party-hr-training');
    expect((back.doc['facts'] as Record<string, { value: string }>)['全年执行数']!.value).toBe('150000.00');
    // and it goes through the workflow: a project case has no reviewer entries, so it is submitted and approved as it is
    const submitted = await t.srv.inject({ method: 'POST', url: `${PROJECT}/04-party-hr-training/status`, headers: { ...json, 'if-match': back.etag }, payload: { status: 'submitted' } });
    expect(submitted.statusCode, submitted.body).toBe(200);
  });

  it('refuses a save that changes the stored id, also to the location', async () => {
    const { etag, doc } = await get('04-party-hr-training');
    for (const id of ['shenzhen-project-2020-other', 'party-hr-training']) {
      const r = await t.srv.inject({ method: 'PUT', url: `${PROJECT}/04-party-hr-training`, headers: { ...json, 'if-match': etag }, payload: { ...doc, id } });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json()).toMatchObject({
        error: 'location-mismatch',
        message: `案例的标识不能更改：保存位置 04-party-hr-training 的案例标识为 "shenzhen-project-2020-04-party-hr-training"，而本次提交的文档为 "${id}"。请保留原标识。`,
      });
    }
  });

  it('refuses a new case whose id is not its location', async () => {
    const doc = JSON.parse(readFileSync(join(repoRoot, 'schemes', BUNDLED), 'utf8')) as Record<string, unknown>;
    const r = await t.srv.inject({ method: 'PUT', url: `${PROJECT}/new-training`, headers: { ...json, 'if-none-match': '*' }, payload: { ...doc, id: 'shenzhen-project-2020-new-training' } });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json()).toMatchObject({ error: 'location-mismatch', message: '案例文档的标识（"shenzhen-project-2020-new-training"）与保存位置（new-training）不一致。' });
    const ok = await t.srv.inject({ method: 'PUT', url: `${PROJECT}/new-training`, headers: { ...json, 'if-none-match': '*' }, payload: { ...doc, id: 'new-training' } });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

/** Cheap scrypt parameters for tests (the real default is N=2^15). */
const CHEAP = { N: 1024, r: 8, p: 1 };
const HOST = { host: 'jixiao.bureau.example:5178' };
const PASSWORD = 'test-password-1';
const NEW = '/api/families/shenzhen-department/cases/2024/commerce-new';

describe('提交 by the department, 审核通过 by the reviewer', () => {
  let fx: Fixture;
  let dbDir: string;
  let accounts: AccountStore;
  let srv: FastifyInstance;
  beforeAll(async () => {
    dbDir = mkdtempSync(join(tmpdir(), 'jixiao-workflow-'));
    accounts = await openAccounts({ dialect: 'sqlite', file: join(dbDir, 'jixiao.sqlite') }, { scrypt: CHEAP });
    await accounts.addUser({ username: 'li', displayName: '李四', role: 'reviewer', password: PASSWORD });
    await accounts.addUser({ username: 'commerce', displayName: '商务局填报员', role: 'department', department: '深圳市商务局', password: PASSWORD });
  });
  afterAll(async () => {
    await accounts.close();
    rmSync(dbDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    fx = fixture();
    srv = await buildApp({ schemesDir: fx.schemes, database: databaseOf(fx.schemes), engine: realEngine, security: { mode: 'accounts', accounts } });
    await srv.ready();
  });
  afterEach(async () => {
    await srv.close();
    fx.cleanup();
  });

  async function login(username: string): Promise<string> {
    const r = await srv.inject({ method: 'POST', url: '/api/session', headers: HOST, payload: { username, password: PASSWORD } });
    expect(r.statusCode, r.body).toBe(200);
    const c = r.cookies[0]!;
    return `${c.name}=${c.value}`;
  }
  function call(method: string, url: string, cookie: string, payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return srv.inject({ method: method as HTTPMethods, url, headers: { ...HOST, ...headers, cookie }, payload: payload as object });
  }

  it('the department submits its case without the reviewer entries; the reviewer cannot approve it until they are entered', async () => {
    const seed = fx.readJson('shenzhen-department/cases/2024/shenzhen-commerce.json') as { facts: Record<string, unknown>; reviewer: Record<string, unknown> };
    const dept = await login('commerce');
    const doc = { id: 'commerce-new', name: '深圳市商务局2024年度部门整体支出绩效自评', department: '深圳市商务局', year: 2024, scheme: { id: 'shenzhen-department', year: 2024 }, facts: seed.facts };
    const created = await call('PUT', NEW, dept, doc, { 'if-none-match': '*' });
    expect(created.statusCode, created.body).toBe(201);

    // the department's own fact 满意度 is missing (the seed's case has it only as the reviewer's 未披露 entry): not submitted
    const early = await call('POST', `${NEW}/status`, dept, { status: 'submitted' }, { 'if-match': created.headers['etag'] as string });
    expect(early.statusCode, early.body).toBe(422);
    const earlyIssues = (early.json() as ErrorBody & { issues: { code: string; path: string }[] }).issues;
    expect(earlyIssues.map((i) => `${i.code} ${i.path}`)).toEqual(['fact-missing /facts/满意度']);

    // with every fact entered it is submitted, though the reviewer's judgement items are still empty
    const filled = await call('PUT', NEW, dept, { ...doc, facts: { ...seed.facts, 满意度: '0.85' } }, { 'if-match': created.headers['etag'] as string });
    expect(filled.statusCode, filled.body).toBe(200);
    const submitted = await call('POST', `${NEW}/status`, dept, { status: 'submitted' }, { 'if-match': filled.headers['etag'] as string });
    expect(submitted.statusCode, submitted.body).toBe(200);

    // the reviewer approving it without the entries: 422 naming them
    const reviewer = await login('li');
    const approve = await call('POST', `${NEW}/status`, reviewer, { status: 'reviewed' }, { 'if-match': submitted.headers['etag'] as string });
    expect(approve.statusCode, approve.body).toBe(422);
    const body = approve.json() as ErrorBody & { issues: { code: string; path: string }[] };
    expect(body.error).toBe('case-incomplete');
    expect(body.message).toMatch(/^案例尚不能评分，不能审核通过：/);
    expect(body.message).toContain('“政府采购政策功能的执行和落实情况”为酌情评分项，案例缺少该项的评审录入（得分与理由）');
    // 深圳 2024 scheme: the judgement items 政府采购执行情况, 财务合规性 (支出), 效果性 (outcomes) need the reviewer
    expect(body.issues.map((i) => `${i.code} ${i.path}`).sort()).toEqual(
      ['judgement-missing /reviewer/procurement~1policy', 'judgement-missing /reviewer/financial-compliance~1spending', 'judgement-missing /reviewer/outcomes'].sort(),
    );

    // the reviewer enters them (the seed's entries but 满意度's, which the department entered) and approves
    const { satisfaction: _, ...entries } = seed.reviewer;
    const scored = await call('PUT', NEW, reviewer, { ...doc, facts: { ...seed.facts, 满意度: '0.85' }, status: 'submitted', reviewer: entries }, { 'if-match': submitted.headers['etag'] as string });
    expect(scored.statusCode, scored.body).toBe(200);
    const approved = await call('POST', `${NEW}/status`, reviewer, { status: 'reviewed' }, { 'if-match': scored.headers['etag'] as string });
    expect(approved.statusCode, approved.body).toBe(200);
  });
});
