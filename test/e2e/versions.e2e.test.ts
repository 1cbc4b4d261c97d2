/**
 * End-to-end, versions per year (issue 5): the real server over a temporary copy of schemes/, in
 * Debian's headless Chromium. From the library a policy user starts the 2025 draft from the
 * published 2024 Shenzhen scheme, changes a tier and reweights two indicators, watches the impact on
 * the real departments, compares the versions, publishes, and is then refused when editing 2025.
 *
 * Hand arithmetic (from the seeds; the cases record each step in their `discrepancies`):
 * - 深圳市商务局 2024 (seed 002) reports 94.54; by the rules 预算执行率 is 5.75, not the printed 5.73,
 *   so under the 2024 scheme 94.54 + (5.75 − 5.73) = 94.56. Its 满意度 was not disclosed: the case
 *   carries the report's 2分 as a reviewer entry, which no tier change moves. 32项重点工作均已完成.
 * - 深圳市贸促委 2021 (seed 000) reports 93.48; four items differ by the rules:
 *   93.48 − (2.5 − 2) − (1 − 0) + (5.75 − 5.25) + (5.40 − 4.7) = 93.18 (2024 changed only wording,
 *   so the same under 2024). 满意度 100% (服务企业满意度) is 第1档; 重点工作 all completed.
 * The 2025 draft: 满意度 第1档 6 → 5 and its 分值 6 → 5 (公平性 9 → 8); 重点工作完成情况 8 → 9
 * (效率性 20 → 21); 部门绩效 stays 60, total 100.
 * - 贸促委: 满意度 6 → 5 (−1), 重点工作 8 → 9 (+1): 93.18 → 93.18, change 0, 优.
 * - 商务局: 满意度 2 → 2 (reviewer entry), 重点工作 8 → 9 (+1): 94.56 → 95.56, change +1, 优.
 * - averages over the 2 cases: 重点工作 8 → 9 (+1.00); 满意度 (6 + 2)/2 = 4 → (5 + 2)/2 = 3.5
 *   (−0.50); total (93.18 + 94.56)/2 = 93.87 → (93.18 + 95.56)/2 = 94.37 (+0.50).
 * - distribution: both totals ≥ 90 in both versions: the 90–100 band holds 2 and 2.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { checkPublication, contentHash, validateScheme } from '@jixiao/engine';
import { e2eSetup, noProblems, shot, shotSuite, storedText, watchedPage } from './harness.ts';

shotSuite('versions');

const AUTHOR = '绩效处 李明';

/** The saved text of a year's scheme (in the server's database); null when there is none. */
const savedText = (year: number) => storedText(e2e.schemes.dir, `shenzhen-department/${year}.json`);
const readDoc = async (year: number) => JSON.parse((await savedText(year)) ?? 'null') as Record<string, unknown> & { indicators: unknown[] };

async function text(l: Locator): Promise<string> {
  return ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The impact table row of a case: [before, after, change, grade] as shown. */
async function impactRow(page: Page, caseId: string): Promise<string[]> {
  const row = page.locator(`.impact-table tr[data-case="${caseId}"]`);
  return Promise.all(['before', 'after', 'change', 'grade'].map((c) => text(row.locator(`[data-col="${c}"]`))));
}

async function indicatorRow(page: Page, id: string): Promise<string[]> {
  const row = page.locator(`.impact-table.indicators tr[data-indicator="${id}"]`);
  if (!(await row.count())) return [];
  return Promise.all(['before', 'after', 'change'].map((c) => text(row.locator(`[data-col="${c}"]`))));
}

const e2e = e2eSetup({ env: { JIXIAO_AUTHOR: AUTHOR } });

describe('versions per year in Chromium', () => {
  it('compares the real 2021 and 2024 Shenzhen schemes from the library, side by side', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url, { author: AUTHOR });
    await page.goto(e2e.server.url);
    await page.getByRole('link', { name: '版本对比（2021年 → 2024年）' }).click();
    const summary = page.getByTestId('compare-summary');
    await expect.poll(() => text(summary), { timeout: 20_000 }).toContain('2021年方案 → 2024年方案：共 3 处变更');
    // seed 000 → seed 002: "一般采用社会调查的方式" became "一般采取社会调查的方式"
    const sat = page.locator('.change-group[data-indicator="satisfaction"]');
    expect(await text(sat.locator('.change-sentences'))).toContain('“采用”→“采取”');
    expect(await text(sat.locator('.side-a del'))).toBe('采用');
    expect(await text(sat.locator('.side-b ins'))).toBe('采取');
    await shot(page, 'compare-2021-2024');
    noProblems(problems);
    await page.context().close();
  });

  it('creates 2025 from 2024, edits it, sees the impact and the diff, publishes, and is then refused', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url, { author: AUTHOR });
    await page.goto(e2e.server.url);
    const action = page.locator('.new-year[data-family="shenzhen-department"]');
    await action.waitFor();
    expect(await action.getByRole('combobox', { name: '基础方案年度' }).inputValue()).toBe('2024');
    expect(await action.getByRole('textbox', { name: '新草稿年度' }).inputValue()).toBe('2025');
    const create = action.getByRole('button', { name: '以2024年方案为基础新建2025年草稿' });
    await shot(page, 'library-new-year');
    expect(await savedText(2025)).toBeNull();
    await create.click();

    // The new draft opens: 草稿, based on 2024, same content.
    await page.waitForURL(/#\/scheme\/shenzhen-department\/2025$/);
    await page.getByTestId('case-total').waitFor();
    expect(await text(page.locator('.save-bar .status'))).toBe('草稿');
    const created = await readDoc(2025);
    expect(created).toMatchObject({ year: 2025, status: 'draft', basedOn: { id: 'shenzhen-department', year: 2024, hash: contentHash(await readDoc(2024)) } });
    await shot(page, 'draft-2025-opened');

    // The impact preview before any change: nothing moves; totals are the hand-computed ones.
    await page.getByRole('tab', { name: '影响预览' }).click();
    await expect.poll(() => impactRow(page, '2024/shenzhen-commerce'), { timeout: 20_000 }).toEqual(['94.56', '94.56', '无变化', '优']);
    expect(await impactRow(page, '2021/shenzhen-ccpit')).toEqual(['93.18', '93.18', '无变化', '优']);

    // Change a tier: 满意度 第1档 6 → 5, in the visual tier editor.
    const leaf = page.locator('tr.leaf-row[data-indicator="satisfaction"]');
    await leaf.getByRole('button', { name: '公众或服务对象满意度', exact: true }).click();
    await page.getByRole('textbox', { name: '第1档得分' }).fill('5');
    await expect.poll(() => text(leaf.getByTestId('criterion')), { timeout: 15_000 }).toContain('满意度≥95%的，得5分');
    // 贸促委 (第1档) loses a point at once; 商务局's reviewer entry does not move.
    await expect.poll(() => impactRow(page, '2021/shenzhen-ccpit'), { timeout: 15_000 }).toEqual(['93.18', '92.18', '-1.00', '优']);
    expect(await impactRow(page, '2024/shenzhen-commerce')).toEqual(['94.56', '94.56', '无变化', '优']);
    await shot(page, 'tier-6-to-5-impact');

    // Reweight two indicators so every sum holds: 满意度 6 → 5 (公平性 9 → 8), 重点工作 8 → 9 (效率性 20 → 21).
    await page.getByRole('tab', { name: '指标结构与分值' }).click();
    for (const [name, v] of [
      ['公众或服务对象满意度', '5'],
      ['公平性', '8'],
      ['重点工作完成情况', '9'],
      ['效率性', '21'],
    ] as const) {
      await page.getByRole('textbox', { name: `${name} 分值` }).fill(v);
    }
    await expect.poll(() => page.locator('.tab-status .badge.error').count(), { timeout: 15_000 }).toBe(0);
    expect(await page.getByRole('treeitem', { name: '部门绩效' }).getByRole('alert').count()).toBe(0);

    await expect.poll(() => impactRow(page, '2024/shenzhen-commerce'), { timeout: 15_000 }).toEqual(['94.56', '95.56', '+1.00', '优']);
    expect(await impactRow(page, '2021/shenzhen-ccpit')).toEqual(['93.18', '93.18', '无变化', '优']);
    // which indicators moved, per case (one way of showing a change: before → after（change）)
    expect(await text(page.locator('.impact-table tr[data-case="2021/shenzhen-ccpit"] + tr.case-detail'))).toBe('重点工作完成情况 8.00 → 9.00（+1.00）；公众或服务对象满意度 6.00 → 5.00（-1.00）');
    expect(await text(page.locator('.impact-table tr[data-case="2024/shenzhen-commerce"] + tr.case-detail'))).toBe('重点工作完成情况 8.00 → 9.00（+1.00）');
    // per indicator average change
    expect(await indicatorRow(page, 'key-tasks')).toEqual(['8.00', '9.00', '+1.00']);
    expect(await indicatorRow(page, 'satisfaction')).toEqual(['4.00', '3.50', '-0.50']);
    expect(await indicatorRow(page, 'performance')).toEqual([expect.any(String), expect.any(String), '+0.50']);
    expect(await indicatorRow(page, 'decision')).toEqual([]);
    const summary = await text(page.getByTestId('impact-summary'));
    expect(summary).toContain('上升 1，下降 0，不变 1，等级变化 0');
    expect(summary).toContain('平均总分 93.87 → 94.37（+0.50）');
    // the chart: five bands, both versions' two cases in 90–100
    const chart = page.getByTestId('distribution-chart');
    await chart.locator('svg').waitFor();
    const chartText = await text(chart.locator('svg'));
    for (const band of ['<60', '60–70', '70–80', '80–90', '90–100', '2024年方案（基准）', '2025年草稿']) expect(chartText).toContain(band);
    // the chart's description of its data (aria): per version, 2 cases in 90–100, none elsewhere
    const described = (await chart.getAttribute('aria-label')) ?? '';
    expect(described).toBe(
      '得分分布（案例数）。2024年方案（基准）：<60分 0个，60–70分 0个，70–80分 0个，80–90分 0个，90–100分 2个；2025年草稿：<60分 0个，60–70分 0个，70–80分 0个，80–90分 0个，90–100分 2个。',
    );
    await chart.scrollIntoViewIfNeeded();
    await shot(page, 'reweighted-impact-chart');

    // Save: recorded in the history with the author and the summary.
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => text(page.getByTestId('save-result'))).toContain('已保存');
    expect(validateScheme(await readDoc(2025)).filter((i) => i.severity === 'error')).toEqual([]);

    // The diff in the policy person's sentences, side by side.
    await page.getByRole('tab', { name: '版本对比' }).click();
    await expect.poll(() => text(page.getByTestId('compare-summary')), { timeout: 15_000 }).toContain('2024年方案 → 2025年方案：共 5 处变更');
    const sentences = await page.locator('.change-sentences .sentence').allTextContents();
    expect(sentences).toEqual(
      expect.arrayContaining(['效率性 20分 → 21分', '重点工作完成情况 8分 → 9分', '公平性 9分 → 8分', '公众或服务对象满意度 6分 → 5分', '公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分']),
    );
    const sat = page.locator('.change-group[data-indicator="satisfaction"]');
    expect(await text(sat.locator('.side-a .side-points'))).toBe('6分');
    expect(await text(sat.locator('.side-b .side-points'))).toBe('5分');
    expect(await text(sat.locator('.side-a'))).toContain('满意度≥95%的，得6分');
    expect(await text(sat.locator('.side-b'))).toContain('满意度≥95%的，得5分');
    await shot(page, 'compare-2024-2025');

    await page.getByRole('tab', { name: '修改历史' }).click();
    const rows = page.locator('.history-table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const newest = rows.nth(0);
    expect(await text(newest.locator('td').nth(2))).toBe(AUTHOR);
    expect(await text(newest.locator('td').nth(3))).toBe('保存');
    expect(await text(newest.locator('td').nth(4))).toContain('5处变更：');
    expect(await text(rows.nth(1).locator('td').nth(4))).toBe('以2024年方案为基础新建2025年草稿');
    await shot(page, 'history');

    // A second window has the draft open (it will try to save after publication).
    const other = await watchedPage(e2e.browser, e2e.server.url, { author: AUTHOR });
    await other.page.goto(`${e2e.server.url}#/scheme/shenzhen-department/2025`);
    await other.page.getByTestId('case-total').waitFor();

    // Publish, with confirmation.
    await page.getByRole('button', { name: '发布…' }).click();
    const dialog = page.getByRole('dialog', { name: '发布2025年方案' });
    await expect.poll(() => text(dialog)).toContain('与2024年方案相比共 5 处变更');
    expect(await text(dialog)).toContain('不可再修改');
    // the 满意度 tier changed while its stored 评分标准 still says 6分: the dialog lists the warning and asks
    expect(await text(dialog.getByTestId('publish-warnings'))).toContain('公众或服务对象满意度');
    expect(await dialog.getByRole('button', { name: '确认发布2025年方案' }).isDisabled()).toBe(true);
    await dialog.getByRole('checkbox').check();
    await shot(page, 'publish-confirm');
    await dialog.getByRole('button', { name: '确认发布2025年方案' }).click();
    await page.getByTestId('published-banner').waitFor();
    expect(await text(page.getByTestId('page-notice'))).toContain('已发布2025年方案');
    expect(await text(page.locator('.save-bar .status'))).toBe('已发布');
    const published = await readDoc(2025);
    expect(published['status']).toBe('published');
    expect(published['contentHash']).toBe(contentHash(published));
    expect(checkPublication(published)).toEqual([]);
    await shot(page, 'published');

    // Now read-only: no editing in this window…
    await page.getByRole('tab', { name: '评分表' }).click();
    expect(await page.getByRole('button', { name: '保存', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '发布…' }).count()).toBe(0);
    const tier = page.getByRole('textbox', { name: '第1档得分' });
    // the indicator's editor is still open from before publication; open it if not
    if (!(await tier.count())) await page.locator('tr.leaf-row[data-indicator="satisfaction"]').getByRole('button', { name: '公众或服务对象满意度', exact: true }).click();
    expect(await tier.isDisabled()).toBe(true);
    expect(await tier.inputValue()).toBe('5');
    // …and the window opened before publication is refused by the server.
    other.problems.allowHttpError(409, '/api/schemes/shenzhen-department/2025');
    await other.page.getByRole('tab', { name: '指标结构与分值' }).click();
    await other.page.getByRole('textbox', { name: '部门决策 名称' }).fill('部门决策（发布后修改）');
    await other.page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => text(other.page.getByTestId('save-result'))).toContain('未保存：该方案已发布');
    await shot(other.page, 'edit-after-publish-refused');
    expect(await savedText(2025)).toBe(JSON.stringify(published, null, 2) + '\n');
    noProblems(other.problems);
    await other.page.context().close();

    // The library shows 2025 as published, made from 2024.
    await page.goto(e2e.server.url);
    const row = page.locator('tr[data-family="shenzhen-department"][data-year="2025"]');
    await expect.poll(() => text(row)).toContain('已发布');
    expect(await text(row)).toContain('以2024年方案为基础');
    await shot(page, 'library-after-publish');
    noProblems(problems);
    await page.context().close();
  }, 180_000);

  it('restores an earlier state of a draft from its history, with confirmation, and records the restoration', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url, { author: AUTHOR });
    await page.goto(`${e2e.server.url}#/scheme/shenzhen-department/2025`);
    // the published 2025 page offers the next year
    const banner = page.getByTestId('published-banner');
    await banner.getByRole('button', { name: '以2025年方案为基础新建2026年草稿' }).click();
    await page.waitForURL(/#\/scheme\/shenzhen-department\/2026$/);
    await page.getByTestId('case-total').waitFor();

    await page.getByRole('tab', { name: '指标结构与分值' }).click();
    await page.getByRole('textbox', { name: '部门决策 名称' }).fill('决策');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => text(page.getByTestId('save-result'))).toContain('已保存');
    expect(((await readDoc(2026)).indicators[0] as { name: string }).name).toBe('决策');

    await page.getByRole('tab', { name: '修改历史' }).click();
    const rows = page.locator('.history-table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByRole('button', { name: '恢复到第 1 条记录' }).click();
    const dialog = page.getByRole('dialog', { name: '恢复到第 1 条记录？' });
    expect(await text(dialog)).toContain('当前状态不会丢失');
    await shot(page, 'restore-confirm');
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await text(rows.nth(0).locator('td').nth(3))).toBe('恢复');
    expect(await text(rows.nth(0).locator('td').nth(4))).toContain('恢复到第 1 条记录');
    expect(((await readDoc(2026)).indicators[0] as { name: string }).name).toBe('部门决策');
    await page.getByRole('tab', { name: '指标结构与分值' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: '部门决策 名称' }).count()).toBe(1);
    await page.getByRole('tab', { name: '修改历史' }).click();
    await shot(page, 'restored');
    noProblems(problems);
    await page.context().close();
  }, 60_000);
});
