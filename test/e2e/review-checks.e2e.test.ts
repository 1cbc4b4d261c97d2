/**
 * End-to-end, in Debian's headless Chromium on the real server, four findings of a fresh-eyes review:
 *
 * 1. An indicator whose rule can never reach its 分值 (seed 002: 公众或服务对象满意度 is worth 6 分, 满意度≥95% 得6分;
 *    its best tier set to 5) is warned about in the rule's problem list and in the 发布 dialog (`points-unreachable`).
 * 2. 计分方式 switched from 分档计分 to 比率×分值 and back starts from the metric the rule read (满意度), not the
 *    scheme's first input (预算编制符合职责和政策, a yes/no); the 分档依据 picker offers numeric names only, and no
 *    English type name shows.
 * 3. 深圳市商务局 2024's case form: 满意度 is blank, but that indicator is scored from the reviewer's entry, so the
 *    form says every required fact is filled, as 提交 (which succeeds) does.
 * 4. "95." and ".5" typed into the case form are numbers (95%, 0.5%), not 应为数字.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSetup, noProblems, shot, shotSuite, watchedPage } from './harness.ts';

shotSuite('review-checks');

const FAMILY = 'shenzhen-department';
const e2e = e2eSetup({ newYear: { family: FAMILY, from: 2024, year: 2025 } });

async function openDraft(page: Page): Promise<void> {
  await page.goto(`${e2e.server.url}#/scheme/${FAMILY}/2025`);
  await page.getByTestId('case-total').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !document.querySelector('.total-box.pending'));
}

describe('review checks in Chromium', () => {
  it('a best tier below the 分值 is warned about in the problem list and in the 发布 dialog', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    await openDraft(page);
    const leaf = page.locator('tr.leaf-row[data-indicator="satisfaction"]');
    await leaf.getByRole('button', { name: '公众或服务对象满意度', exact: true }).click();
    await page.getByRole('textbox', { name: '第1档得分' }).fill('5');
    const message = '指标“公众或服务对象满意度”按规则最高只能得5分，低于分值6分';
    // the rule's own problem list (提醒, not an error: the draft still saves)
    await expect.poll(() => page.locator('.rule-editor .issue-list li.warning').allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
    expect(await page.locator('.tab-status .badge.error').count()).toBe(0);
    await shot(page, 'unreachable-in-rule');

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-result').textContent(), { timeout: 15_000 }).toContain('已保存');
    await page.getByRole('button', { name: '发布…' }).click();
    const dialog = page.getByRole('dialog', { name: '发布2025年方案' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('publish-warnings').textContent(), { timeout: 15_000 }).toContain(message);
    await shot(page, 'unreachable-in-publish');
    await dialog.getByRole('button', { name: '取消' }).click();
    noProblems(problems);
    await page.context().close();
  }, 180_000);

  it('分档计分 → 比率×分值 → 分档计分 reads 满意度 again; the picker offers numeric names only; no English type name', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    page.on('dialog', (d) => void (d.type() === 'confirm' ? d.accept() : d.dismiss()));
    await openDraft(page);
    const leaf = page.locator('tr.leaf-row[data-indicator="satisfaction"]');
    await leaf.getByRole('button', { name: '公众或服务对象满意度', exact: true }).click();
    const kind = page.getByRole('combobox', { name: '计分方式' });
    await kind.selectOption('ratio');
    expect(await page.getByRole('combobox', { name: '比率（事实或计算指标）' }).inputValue()).toBe('满意度');
    await kind.selectOption('tiers');
    const basis = page.getByRole('combobox', { name: '分档依据（事实或计算指标）' });
    expect(await basis.inputValue()).toBe('满意度');
    // the picker: no yes/no fact (the scheme's first input), and 满意度 among the numeric ones
    const offered = await basis.locator('option').allTextContents();
    expect(offered.some((o) => o.includes('（预算编制符合职责和政策）'))).toBe(false);
    expect(offered.some((o) => o.startsWith('社会公众或服务对象满意度'))).toBe(true);
    // the generated 评分标准 is about 满意度 (≥90%), not about the yes/no 部门预算编制…
    await expect.poll(() => leaf.getByTestId('criterion').textContent(), { timeout: 15_000 }).toContain('满意度≥90%');
    expect(await leaf.getByTestId('criterion').textContent()).not.toContain('部门预算编制');
    expect(await page.locator('body').innerText()).not.toMatch(/类型为 ?(boolean|number|percent|money|count|enum|text|rows)/);
    await shot(page, 'tiers-again');
    noProblems(problems);
    await page.context().close();
  }, 180_000);

  it('商务局 2024: 满意度 scored from the reviewer’s entry is not owed; 95. and .5 are numbers', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    await page.goto(`${e2e.server.url}#/case/${FAMILY}/2024/shenzhen-commerce`);
    const summary = page.getByTestId('facts-to-enter');
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain('必填项均已填写');
    expect(await summary.textContent()).not.toContain('尚有');
    const row = page.locator('tr[data-fact="满意度"]');
    expect(await row.textContent()).toContain('未填（提交不需要）');

    const box = page.getByRole('textbox', { name: '事实 社会公众或服务对象满意度' });
    for (const typed of ['95.', '.5']) {
      // text that is no number is told (so the engine has read the box), then the typed number is not
      await box.fill('abc');
      await expect.poll(() => row.textContent(), { timeout: 15_000 }).toContain('应为数字');
      await box.fill(typed);
      await expect.poll(() => row.textContent(), { timeout: 15_000 }).not.toContain('应为数字');
      expect(await box.inputValue()).toBe(typed);
    }
    await shot(page, 'point-at-an-end');
    noProblems(problems);
    await page.context().close();
  }, 180_000);
});
