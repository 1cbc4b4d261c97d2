/**
 * End-to-end: 评分档次 (bands) in the case form, on the bundled 财预〔2020〕10号 project scheme
 * (schemes/caiyu-2020-project/2020.json, qualitative rows by bands: 100-80%（含）、80-60%（含）、60-0%), on the
 * real server in Debian's headless Chromium.
 *
 * A new project case is created; a 定性 row (年度指标值 良好, 实际完成值 良好, 分值 10) gets the band choice;
 * 部分达成年度指标并具有一定效果 on 10分 is 10 × 60% = 6 (included) up to 10 × 80% = 8 (not included), so a
 * self-score of 9 is refused inline and 7 is taken; saved, the row keeps its band and score after a reload.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eSetup, shot, shotSuite, watchedPage, type Problems } from './harness.ts';

shotSuite('bands');

let page: Page;
let problems: Problems;

const TEST_TIMEOUT = 240_000;
const FAMILY = 'caiyu-2020-project';
const CASE_ID = 'bands-training';
const PART = '部分达成年度指标并具有一定效果';

const e2e = e2eSetup({ env: (dir) => ({ JIXIAO_DATABASE: join(dir, '..', 'jixiao.sqlite') }) });

describe('a 定性 row scored by bands in Chromium', () => {
  it('creates a project case, picks a band, is refused a score outside it, saves one inside, and keeps it after a reload', async () => {
    ({ page, problems } = await watchedPage(e2e.browser, e2e.server.url));
    await page.goto(`${e2e.server.url}#/new-case/${FAMILY}/2020`);
    await page.getByRole('textbox', { name: '主管部门' }).fill('某市人力资源局');
    await page.getByRole('textbox', { name: '项目名称' }).fill('职业技能培训补贴项目2020年度绩效自评');
    await page.getByRole('textbox', { name: '案例标识' }).fill(CASE_ID);
    await page.getByRole('button', { name: '创建并开始填报' }).click();
    await expect.poll(() => page.getByTestId('case-status').textContent(), { timeout: 20_000 }).toBe('未保存的新案例');

    // the funds block (万元), so that the sheet is scored: 460 ÷ 500 = 92% executed
    for (const [label, value] of [['年初预算数', '500'], ['全年预算数', '500'], ['全年执行数', '460']] as const) {
      await page.getByRole('textbox', { name: `事实 ${label}` }).fill(value);
    }
    await page.getByRole('button', { name: '＋ 添加指标行' }).click();
    await page.getByRole('textbox', { name: '一级指标 第1行' }).fill('满意度指标');
    await page.getByRole('textbox', { name: '二级指标 第1行' }).fill('服务对象满意度指标');
    await page.getByRole('textbox', { name: '三级指标 第1行' }).fill('培训效果');
    await page.getByRole('textbox', { name: '年度指标值 第1行' }).fill('良好');
    await page.getByRole('textbox', { name: '实际完成值 第1行' }).fill('良好');
    await page.getByRole('textbox', { name: '分值 第1行' }).fill('10');

    const band = page.getByRole('combobox', { name: '档次 第1行' });
    await expect.poll(() => band.count(), { timeout: 15_000 }).toBe(1);
    // the choice names each band with its range in 分: 10 × 60% = 6 to 10 × 80% = 8 (not included)
    expect(await band.locator('option').allTextContents()).toContain(`${PART}（分值的60%（含）–80%，即 6–8分（不含8分））`);
    await band.selectOption(PART);
    await page.getByRole('textbox', { name: '自评得分 第1行' }).fill('9');
    const row = page.locator('table[aria-label="年度绩效指标"] tbody tr').first();
    await expect.poll(() => row.locator('.cell-issue').allTextContents(), { timeout: 15_000 }).toContain(`⚠ 给分 9 分不在所选档次“${PART}”的范围内（分值的60%（含）–80%，即 6–8分（不含8分））`);
    await page.getByRole('textbox', { name: '自评得分 第1行' }).fill('7');
    await page.getByRole('textbox', { name: '偏差原因 第1行' }).fill('个别学员反馈课程偏理论');
    await expect.poll(() => row.locator('.cell-issue').count(), { timeout: 15_000 }).toBe(0);
    // the engine scores the row within the band: 自评选择“…”档, 给分 7分
    await expect.poll(() => row.locator('.row-reading').textContent(), { timeout: 20_000 }).toContain(`自评选择“${PART}”档`);
    await shot(page, 'band-chosen');

    await page.getByRole('button', { name: '创建并保存' }).click();
    await expect.poll(() => page.getByTestId('case-notice').textContent(), { timeout: 15_000 }).toContain('案例已创建并保存');

    await page.goto(`${e2e.server.url}#/case/${FAMILY}/2020/${CASE_ID}`);
    await page.reload();
    const kept = page.getByRole('combobox', { name: '档次 第1行' });
    await expect.poll(() => kept.count(), { timeout: 20_000 }).toBe(1);
    expect(await kept.inputValue()).toBe(PART);
    expect(await page.getByRole('textbox', { name: '自评得分 第1行' }).inputValue()).toBe('7');
    expect(await page.getByRole('textbox', { name: '偏差原因 第1行' }).inputValue()).toBe('个别学员反馈课程偏理论');
    expect(problems.list).toEqual([]);
  }, TEST_TIMEOUT);
});
