/**
 * End-to-end, in Debian's headless Chromium on the real server: 提交 of an incomplete case, and 删除.
 *
 * 提交 (submit) of a case that cannot be scored yet. The server answers 422 `case-incomplete` naming the first few things missing (the rest in its
 * issues); the user must see that Chinese message and the list of what is missing, and the case must stay
 * 填报中 — in the page, after a reload, and in the database.
 *
 * The case is 深圳市测试局's, created through the API with its identity only (no fact, no reviewer entry)
 * under the published 2024 Shenzhen department scheme, so everything the scheme asks for is missing.
 *
 * 删除 (delete) asks for a confirmation: dismissed, nothing happens; confirmed, the case is deleted on the
 * server (a history entry; 404 afterwards) and the page goes back to the scheme, whose case list no longer has it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ErrorBody } from '../../packages/api/src/index.ts';
import { E2E_AUTHOR, launchBrowser, shot, shotSuite, startServer, storedText, tempSchemes, watchedPage, type RunningServer } from './harness.ts';

shotSuite('case-submit-delete');

const FAMILY = 'shenzhen-department';
const CASE_ID = 'e2e-incomplete';
const API = (id = CASE_ID) => `${server.url}api/families/${FAMILY}/cases/2024/${id}`;

/** Creates a case with its identity only (填报中) through the API; resolves its ETag. */
async function createCase(id: string, name: string): Promise<string> {
  const doc = { id, name, department: '深圳市测试局', year: 2024, scheme: { id: FAMILY, year: 2024 }, facts: {} };
  const r = await fetch(API(id), { method: 'PUT', headers: { 'content-type': 'application/json', 'if-none-match': '*' }, body: JSON.stringify(doc, null, 2) + '\n' });
  expect(r.status).toBe(201);
  return r.headers.get('etag')!;
}
/** How many of the missing items the refusal names in its sentence (routes/cases.ts `NAMED`). */
const NAMED = 3;

let schemes: { dir: string; remove: () => void };
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  schemes = tempSchemes();
  server = await startServer(schemes.dir);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  schemes?.remove();
});

describe('submitting an incomplete case in Chromium', () => {
  it('shows the Chinese refusal listing what is missing, and the case stays 填报中', async () => {
    const etag = await createCase(CASE_ID, '深圳市测试局2024年度部门整体支出绩效自评');

    // what the server says is missing (asked once directly; a refused submission changes nothing)
    const direct = await fetch(`${API()}/status`, { method: 'POST', headers: { 'content-type': 'application/json', 'if-match': etag }, body: JSON.stringify({ status: 'submitted' }) });
    expect(direct.status).toBe(422);
    const refusal = (await direct.json()) as ErrorBody;
    expect(refusal.error).toBe('case-incomplete');
    const missing = refusal.issues ?? [];
    // an empty case lacks more than the sentence names: the rest is in the list
    expect(missing.length).toBeGreaterThan(NAMED);

    const { page, problems } = await watchedPage(browser, server.url);
    problems.allowHttpError(422, `/cases/2024/${CASE_ID}/status`);
    await page.goto(`${server.url}#/case/${FAMILY}/2024/${CASE_ID}`);
    await expect.poll(() => page.getByTestId('case-status').textContent(), { timeout: 20_000 }).toBe('填报中');
    await page.getByRole('button', { name: '提交', exact: true }).click();

    const banner = page.getByTestId('case-problem');
    await banner.waitFor({ timeout: 15_000 });
    const text = (await banner.textContent()) ?? '';
    // the sentence: why, the first few missing items by name, how many in all, what to do
    expect(text).toContain('状态变更未完成：案例尚不能评分，不能提交：');
    for (const i of missing.slice(0, NAMED)) expect(text).toContain(i.message.replace(/[。；]+$/, ''));
    expect(text).toContain(`等共 ${missing.length} 处`);
    expect(text).toContain('请补全或改正后再提交');
    // and every missing item listed under it, in Chinese
    const items = banner.locator('.issue-list li');
    await expect.poll(() => items.count()).toBe(missing.length);
    // each as an error (it blocks the submission), in Chinese
    for (const li of await items.allTextContents()) expect(li).toMatch(/^错误.*[\u4e00-\u9fff]/);
    await shot(page, 'submit-refused');

    // still 填报中: the badge, the facts still editable, after a reload, and in the database
    expect(await page.getByTestId('case-status').textContent()).toBe('填报中');
    expect(await page.getByRole('button', { name: '提交', exact: true }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByTestId('case-status').textContent(), { timeout: 20_000 }).toBe('填报中');
    const stored = await storedText(schemes.dir, `${FAMILY}/cases/2024/${CASE_ID}.json`);
    expect(stored).not.toBeNull();
    expect(JSON.parse(stored!)).not.toHaveProperty('status');
    expect(problems.list).toEqual([]);
    await page.context().close();
  }, 240_000);
});

describe('deleting a case in Chromium', () => {
  it('asks first; confirmed, deletes it on the server and goes back to the scheme, whose list no longer has it', async () => {
    const id = 'e2e-delete';
    const name = '深圳市待删局2024年度部门整体支出绩效自评';
    await createCase(id, name);
    const listed = async () => ((await (await fetch(`${server.url}api/families/${FAMILY}/cases`)).json()) as { cases: { id: string }[] }).cases.map((c) => c.id);
    expect(await listed()).toContain(id);
    const { page, problems } = await watchedPage(browser, server.url);
    await page.goto(`${server.url}#/case/${FAMILY}/2024/${id}`);
    await expect.poll(() => page.getByTestId('case-status').textContent(), { timeout: 20_000 }).toBe('填报中');

    // dismissed: nothing happens
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain(`确定删除案例“${name}”？`);
    expect(asked[0]).toContain('可由政策管理从修改历史中恢复');
    expect((await fetch(API(id))).status).toBe(200);

    // confirmed: deleted, and back on the scheme page
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 15_000 }).toBe(`#/scheme/${FAMILY}/2024`);
    const gone = await fetch(API(id));
    expect(await listed()).not.toContain(id);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as ErrorBody).message).toContain('删除；如需找回，可在修改历史中恢复');
    const history = (await (await fetch(`${API(id)}/history`)).json()) as { entries: { action: string; author: string }[] };
    expect(history.entries.map((e) => e.action)).toEqual(['create', 'delete']);
    expect(history.entries[1]!.author).toBe(E2E_AUTHOR);
    // the scheme page's case picker (read after the deletion) lists the bundled 深圳市商务局 case, not the deleted one
    await page.reload();
    const options = page.getByLabel('选择案例').locator('option');
    await expect.poll(async () => (await options.allTextContents()).join('\n'), { timeout: 20_000 }).toContain('深圳市商务局');
    expect((await options.allTextContents()).join('\n')).not.toContain('深圳市待删局');
    await shot(page, 'deleted-back-on-scheme');
    expect(problems.list).toEqual([]);
    await page.context().close();
  }, 240_000);
});
