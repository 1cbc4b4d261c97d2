/**
 * End-to-end: 提交 (submit) of a case that cannot be scored yet, in Debian's headless Chromium on the real
 * server. The server answers 422 `case-incomplete` naming the first few things missing (the rest in its
 * issues); the user must see that Chinese message and the list of what is missing, and the case must stay
 * 填报中 — in the page, after a reload, and in the database.
 *
 * The case is 深圳市测试局's, created through the API with its identity only (no fact, no reviewer entry)
 * under the published 2024 Shenzhen department scheme, so everything the scheme asks for is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ErrorBody } from '../../packages/api/src/index.ts';
import { launchBrowser, shot, shotSuite, startServer, storedText, tempSchemes, watchedPage, type RunningServer } from './harness.ts';

shotSuite('case-incomplete');

const FAMILY = 'shenzhen-department';
const CASE_ID = 'e2e-incomplete';
const API = () => `${server.url}api/families/${FAMILY}/cases/2024/${CASE_ID}`;
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
    const doc = { id: CASE_ID, name: '深圳市测试局2024年度部门整体支出绩效自评', department: '深圳市测试局', year: 2024, scheme: { id: FAMILY, year: 2024 }, facts: {} };
    const created = await fetch(API(), { method: 'PUT', headers: { 'content-type': 'application/json', 'if-none-match': '*' }, body: JSON.stringify(doc, null, 2) + '\n' });
    expect(created.status).toBe(201);
    const etag = created.headers.get('etag')!;

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
