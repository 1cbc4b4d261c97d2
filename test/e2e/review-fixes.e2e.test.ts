/**
 * End-to-end, in Debian's headless Chromium on the real server, three findings of a user review:
 *
 * 1. 以2024年方案为基础新建2025年草稿 in local mode (no accounts) asks for the 署名 first, as every write does
 *    (state/author.ts `ensureAuthor`): the new draft's history entry names the user, not the server's own
 *    lookup (here JIXIAO_AUTHOR, standing in for the machine's git user name).
 * 2. A scheme page opens beside the first case the engine can score: a second 商务局 2024 case, just created
 *    with only a reported total (so it ranks with the real report, and its name sorts before 深圳市商务局…),
 *    is not the one shown with a column of 无法计分 errors. The picker says why; the user's own choice is
 *    remembered across a reload.
 * 3. A mistyped address with a double slash before the hash (`http://…//#/scheme/…`) opens the editor.
 */
import { describe, expect, it } from 'vitest';
import { e2eSetup, noProblems, shot, shotSuite, watchedPage } from './harness.ts';

shotSuite('review-fixes');

const FAMILY = 'shenzhen-department';
/** What the server records when the editor names nobody (the machine's name, in the review's words). */
const MACHINE = 'Seed maintainers';
const USER = '预算绩效科 赵六';

const e2e = e2eSetup({ env: { JIXIAO_AUTHOR: MACHINE } });

describe('review fixes in Chromium', () => {
  it('新建2025年草稿 asks for the 署名 first, and the history names the user', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url, { author: null });
    await page.goto(`${e2e.server.url}#/scheme/${FAMILY}/2024`);
    const create = page.getByTestId('published-banner').getByRole('button', { name: '以2024年方案为基础新建2025年草稿' });
    await create.click();
    const ask = page.getByRole('dialog', { name: '您的署名' });
    await ask.waitFor();
    await shot(page, 'new-year-asks-author');
    // nothing was created while the dialog is open
    expect((await fetch(`${e2e.server.url}api/schemes/${FAMILY}/2025`)).status).toBe(404);
    await ask.getByRole('textbox', { name: '署名' }).fill(USER);
    await ask.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash), { timeout: 20_000 }).toBe(`#/scheme/${FAMILY}/2025`);
    const history = (await (await fetch(`${e2e.server.url}api/schemes/${FAMILY}/2025/history`)).json()) as { entries: { author: string }[] };
    expect(history.entries.map((e) => e.author)).toEqual([USER]);
    noProblems(problems);
    await page.context().close();
  }, 120_000);

  it('opens beside the first case that can be scored, says so, and remembers the user’s own choice', async () => {
    const id = 'shangwu-second';
    const doc = { id, name: '商务局（第二稿）', department: '深圳市商务局', year: 2024, scheme: { id: FAMILY, year: 2024 }, facts: {}, reported: { total: 90 } };
    const r = await fetch(`${e2e.server.url}api/families/${FAMILY}/cases/2024/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-none-match': '*' },
      body: JSON.stringify(doc, null, 2) + '\n',
    });
    expect(r.status).toBe(201);
    // the server lists it first among the 2024 cases
    const listed = (await (await fetch(`${e2e.server.url}api/families/${FAMILY}/cases`)).json()) as { cases: { id: string }[] };
    expect(listed.cases[0]!.id).toBe(id);

    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    await page.goto(`${e2e.server.url}#/scheme/${FAMILY}/2024`);
    await page.getByTestId('case-total').waitFor({ timeout: 30_000 });
    const picker = page.getByRole('combobox', { name: '选择案例' });
    expect(await picker.locator('option:checked').textContent()).toContain('深圳市商务局2024年度');
    expect(await page.getByTestId('case-choice').textContent()).toContain('默认显示第一个可以计分的案例');
    await shot(page, 'scorable-case-by-default');

    // the user's own choice (even the empty case) stays, after a reload too
    await picker.selectOption(`2024/${id}`);
    await expect.poll(() => page.getByTestId('case-choice').textContent()).toContain('您选择的案例');
    await page.reload();
    await expect.poll(() => page.getByRole('combobox', { name: '选择案例' }).locator('option:checked').textContent(), { timeout: 30_000 }).toContain('商务局（第二稿）');
    expect(await page.getByTestId('case-choice').textContent()).toContain('您选择的案例');
    noProblems(problems);
    await page.context().close();
  }, 120_000);

  it('an address with a double slash before the hash opens the editor', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    // the server's url ends with a slash: one more makes the mistyped `//#/scheme/…`
    await page.goto(`${e2e.server.url}/#/scheme/${FAMILY}/2024`);
    await page.getByTestId('published-banner').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    expect(new URL(page.url()).hash).toBe(`#/scheme/${FAMILY}/2024`);
    noProblems(problems);
    await page.context().close();
  }, 120_000);
});
