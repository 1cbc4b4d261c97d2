/**
 * End-to-end, accounts (issue 12, item 4), in Debian's headless Chromium:
 * - the real server as `pnpm start` starts it (127.0.0.1): no login form, no signed-in bar — the quick
 *   start is unchanged;
 * - the real server started with `--host 0.0.0.0 --plain-http --database <file>`: the login form; a
 *   wrong password is refused in Chinese; a 部门填报 account signs in, sees its name and role with 退出,
 *   the library without 新建年度草稿; 退出 brings the form back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openAccounts } from '../../packages/store/src/index.ts';
import { launchBrowser, listening, repoRoot, shot, shotSuite, startServer, tempSchemes, watchedPage, type RunningServer } from './harness.ts';

shotSuite('accounts');

let schemes: { dir: string; remove: () => void };
let dbDir: string;
let browser: Browser;

beforeAll(async () => {
  schemes = tempSchemes();
  dbDir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-accounts-'));
  const accounts = await openAccounts({ dialect: 'sqlite', file: join(dbDir, 'jixiao.sqlite') });
  await accounts.addUser({ username: 'shangwu', displayName: '商务局填报员', role: 'department', department: '深圳市商务局', password: 'e2e-password-1' });
  await accounts.close();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  schemes?.remove();
  rmSync(dbDir, { recursive: true, force: true });
});

/** The server with accounts (the editor is built by the first, local start). */
function startWithAccounts(): Promise<RunningServer> {
  const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
  const args = ['packages/server/src/main.ts', '--port', '0', '--schemes', schemes.dir, '--no-open', '--no-build', '--host', '0.0.0.0', '--plain-http', '--database', join(dbDir, 'jixiao.sqlite')];
  const child: ChildProcess = spawn(tsx, args, { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return listening(child, 60_000);
}

describe('accounts in the editor', () => {
  it('on 127.0.0.1 there is no login: the library shows at once', async () => {
    const server = await startServer(schemes.dir);
    try {
      const { page, problems } = await watchedPage(browser, server.url);
      await page.goto(server.url);
      await page.getByRole('heading', { name: '绩效评价方案库' }).waitFor();
      expect(await page.locator('form.login-form').count()).toBe(0);
      expect(await page.getByTestId('session-bar').count()).toBe(0);
      expect(await page.locator('.new-year').count()).toBeGreaterThan(0);
      expect(problems.list).toEqual([]);
      await page.context().close();
    } finally {
      await server.stop();
    }
  }, 300_000);

  it('beyond localhost: login form, wrong password refused, a department signs in and out', async () => {
    const server = await startWithAccounts();
    try {
      const { page, problems } = await watchedPage(browser, server.url);
      await page.goto(server.url);
      const form = page.locator('form.login-form');
      await form.waitFor();
      await shot(page, 'login');

      problems.allowHttpError(401, '/api/session');
      await page.getByLabel('用户名').fill('shangwu');
      await page.getByLabel('密码').fill('wrong-password');
      await page.getByRole('button', { name: '登录' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('用户名或密码不正确。');

      await page.getByLabel('密码').fill('e2e-password-1');
      await page.getByRole('button', { name: '登录' }).click();
      const bar = page.getByTestId('session-bar');
      await bar.waitFor();
      expect(await bar.textContent()).toContain('商务局填报员（部门填报：深圳市商务局）');
      await page.getByRole('heading', { name: '绩效评价方案库' }).waitFor();
      // a department does not start new-year drafts: the action is hidden
      expect(await page.locator('.new-year').first().isVisible()).toBe(false);
      await shot(page, 'signed-in-department');
      // a published scheme tells a department whom to ask for next year's draft, not to use a button it does not have
      await page.goto(new URL('#/scheme/shenzhen-department/2021', server.url).href);
      const banner = page.getByTestId('published-banner');
      await banner.waitFor();
      expect(await banner.getByText('请联系政策管理人员新建下一年度的草稿').isVisible()).toBe(true);
      expect(await banner.getByText('请以它为基础新建下一年度的草稿').isVisible()).toBe(false);

      await bar.getByRole('button', { name: '退出' }).click();
      await form.waitFor();
      expect(await page.getByTestId('session-bar').count()).toBe(0);
      expect(problems.list).toEqual([]);
      await page.context().close();
    } finally {
      await server.stop();
    }
  }, 300_000);
});
