/**
 * End-to-end: two tabs of ONE browser (one context, so they share localStorage) editing the same scheme
 * keep their unsaved work apart (state/local-draft.ts). The steps of the new-user review: tab A lowers
 * 固定资产利用率 第2档得分 from 0.7 to 0.5, tab B raises 编外人员控制率 第2档得分 from 0.5 to 0.6 (the
 * committed 2024 scheme's tiers, carried into the 2025 draft: 固定 1 / 0.7 / 0.4 / 0, 编外 1 / 0.5 / 0),
 * neither saves; A is reloaded. A must get back its own change and not B's, hear that another window holds
 * unsaved changes, and saving in A stores A's change only. B, reloaded, still has its own; once B is
 * closed, a new tab is offered what B left (with its time) instead of taking it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSetup, noProblems, shot, shotSuite, storedText, watchedPage, type Problems } from './harness.ts';

shotSuite('tabs');

const e2e = e2eSetup({ newYear: { family: 'shenzhen-department', from: 2024, year: 2025 } });

const FIXED = { id: 'fixed-asset-utilization', name: '固定资产利用率' };
const CONTRACT = { id: 'contract-staff-control', name: '编外人员控制率' };

/** The page of the 2025 draft once its score sheet is computed. */
async function openDraft(page: Page): Promise<void> {
  await page.goto(`${e2e.server.url}#/scheme/shenzhen-department/2025`);
  await page.getByTestId('case-total').waitFor();
  await page.waitForFunction(() => !document.querySelector('.total-box.pending'));
}

/** Opens an indicator's rule and returns its 第2档得分 field. */
async function tier2(page: Page, leaf: { id: string; name: string }) {
  await page.locator(`tr.leaf-row[data-indicator="${leaf.id}"]`).getByRole('button', { name: leaf.name, exact: true }).click();
  await expect.poll(() => page.locator(`tr.leaf-row.selected[data-indicator="${leaf.id}"]`).count()).toBe(1);
  return page.getByRole('textbox', { name: '第2档得分' });
}

/** How many tabs hold a stash of the 2025 draft (read in `page`, which shares localStorage with the others). */
const stashes = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jixiao:draft:shenzhen-department/2025#')).length);

/** The 第2档 score of an indicator in a saved scheme text. */
function savedTier2(text: string, id: string): unknown {
  const find = (list: unknown[]): unknown => {
    for (const n of list as { id: string; children?: unknown[]; rule?: { tiers?: { score: unknown }[] } }[]) {
      if (n.id === id) return n.rule?.tiers?.[1]?.score;
      const hit = n.children && find(n.children);
      if (hit !== undefined) return hit;
    }
    return undefined;
  };
  return find((JSON.parse(text) as { indicators: unknown[] }).indicators);
}

/** A second page in the same context, recording its console and page errors as the harness's pages do. */
async function secondPage(first: Page): Promise<{ page: Page; problems: Problems }> {
  const page = await first.context().newPage();
  const problems: Problems = { list: [], allowHttpError: () => undefined };
  page.on('console', (msg) => msg.type() === 'error' && problems.list.push(`console error: ${msg.text()} (${msg.location().url})`));
  page.on('pageerror', (err) => problems.list.push(`page error: ${err.message}`));
  return { page, problems };
}

describe('two tabs of one browser', () => {
  it("each tab keeps and restores its own unsaved work; saving in A stores A's change only", async () => {
    const { page: a, problems: aProblems } = await watchedPage(e2e.browser, e2e.server.url);
    const { page: b, problems: bProblems } = await secondPage(a);

    await openDraft(a);
    const aFixed = await tier2(a, FIXED);
    expect(await aFixed.inputValue()).toBe('0.7');
    await aFixed.fill('0.5');
    await expect.poll(() => a.locator('.save-bar .dirty').textContent()).toContain('已在本机暂存');
    await expect.poll(() => stashes(a)).toBe(1);

    await openDraft(b);
    const bContract = await tier2(b, CONTRACT);
    expect(await bContract.inputValue()).toBe('0.5');
    await bContract.fill('0.6');
    await expect.poll(() => stashes(b)).toBe(2);
    await shot(b, 'b-unsaved');

    // A reloaded: its own change back, B's not taken, and B's unsaved work reported
    await a.reload();
    await a.getByTestId('case-total').waitFor();
    await expect.poll(() => a.getByRole('status').filter({ hasText: '已恢复您' }).count()).toBe(1);
    await expect.poll(() => a.getByTestId('other-tab').textContent()).toContain('另一个窗口有这个方案未保存的修改');
    expect(await (await tier2(a, FIXED)).inputValue()).toBe('0.5');
    expect(await (await tier2(a, CONTRACT)).inputValue()).toBe('0.5');
    await shot(a, 'a-reloaded-own-change');

    await a.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => a.getByTestId('save-result').textContent()).toContain('已保存');
    const saved = (await storedText(e2e.schemes.dir, 'shenzhen-department/2025.json')) ?? '';
    expect(savedTier2(saved, FIXED.id)).toBe(0.5);
    expect(savedTier2(saved, CONTRACT.id)).toBe(0.5);
    await expect.poll(() => stashes(a)).toBe(1); // A's own stash cleared, B's kept

    // B reloaded: still its own change (over the version it started from; the server changed since)
    await b.reload();
    await b.getByTestId('case-total').waitFor();
    await expect.poll(() => b.getByRole('status').filter({ hasText: '已恢复您' }).textContent()).toContain('服务器上的方案已被修改');
    expect(await (await tier2(b, CONTRACT)).inputValue()).toBe('0.6');
    expect(await (await tier2(b, FIXED)).inputValue()).toBe('0.7');

    // B closed: a new tab is offered what B left, and does not take it unasked
    await b.close({ runBeforeUnload: true });
    const { page: c, problems: cProblems } = await secondPage(a);
    await openDraft(c);
    await expect.poll(() => c.getByTestId('orphan-draft').textContent()).toContain('一个已关闭的窗口在');
    const cContract = await tier2(c, CONTRACT);
    expect(await cContract.inputValue()).toBe('0.5');
    await shot(c, 'c-offered-closed-tab');
    await c.getByTestId('orphan-draft').getByRole('button', { name: '打开这些修改' }).click();
    await expect.poll(() => c.getByRole('status').filter({ hasText: '已恢复您' }).count()).toBe(1);
    expect(await cContract.inputValue()).toBe('0.6');
    expect(await c.getByTestId('orphan-draft').count()).toBe(0);

    noProblems(aProblems);
    noProblems(bProblems);
    noProblems(cProblems);
    await a.context().close();
  }, 180_000);
});
