/**
 * End-to-end, the 节点日期 (calendar) of a scheme with 时间节点 (the 岳阳 scheme, 2020): its 2021 draft used to open
 * with two errors "节点“春节前”没有2021年度的日期（calendar 中补上 "2021"）" that only the JSON view could fix, and
 * 影响预览 showed nothing. Now the new-year dialog says which date 2021 needs (春节前: a lunar holiday, not
 * carried) and which it carried (6月底前 → 2021-06-30), the draft opens with the one error, whose
 * “补充2021年日期” leads to the 节点日期 table, where the date is typed; the draft then validates and saves.
 *
 * Dates by hand: 春节 2021 was 12 February, so 春节前 is 2021-02-11 (the 2020 scheme: 春节 25 January 2020,
 * 春节前 2020-01-24); 6月底前 is 30 June in every year.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { e2eSetup, noProblems, shot, shotSuite, storedText, watchedPage } from './harness.ts';

shotSuite('calendar');

const AUTHOR = '绩效处 李明';
const FAMILY = 'yueyang-whole-expenditure';
const e2e = e2eSetup({ env: { JIXIAO_AUTHOR: AUTHOR } });

async function text(l: Locator): Promise<string> {
  return ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

const readDoc = async (year: number) => JSON.parse((await storedText(e2e.schemes.dir, `${FAMILY}/${year}.json`)) ?? 'null') as { calendar?: { id: string; dates: Record<string, string> }[] } | null;

describe('节点日期 of a new year in Chromium', () => {
  it('the 2021 draft of 岳阳 says which date it needs, and the date is added in the calendar editor', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url, { author: AUTHOR });
    await page.goto(e2e.server.url);
    const action = page.locator(`.new-year[data-family="${FAMILY}"]`);
    await action.waitFor();
    await action.getByRole('button', { name: '以2020年方案为基础新建2021年草稿' }).click();

    // the dialog names the date 2021 needs, and the one it carried
    const notes = action.getByRole('status', { name: '新年度的节点日期' });
    await notes.waitFor();
    const said = await text(notes);
    expect(said).toContain('已新建2021年草稿。2021年还须补充 1 个节点日期');
    expect(said).toContain('节点“春节前”没有2021年的日期');
    expect(said).toContain('2020年为 2020-01-24，每年不同，未沿用');
    expect(said).toContain('节点“6月底前”按其写法沿用为 2021-06-30（2021年），请核对');
    const created = await readDoc(2021);
    expect(created?.calendar?.map((c) => c.dates)).toEqual([{ '2020': '2020-01-24' }, { '2020': '2020-06-30', '2021': '2021-06-30' }]);
    await shot(page, 'new-year-calendar-notes');

    await notes.getByRole('button', { name: '打开2021年草稿，补充节点日期' }).click();
    await page.waitForURL(new RegExp(`#/scheme/${FAMILY}/2021$`));
    await shot(page, 'draft-2021-opened');
    await expect.poll(() => text(page.locator('.tab-status')), { timeout: 20_000 }).toContain('1 个错误');

    // the error leads to the calendar, at 2021, with its empty date focused
    const fix = page.getByRole('button', { name: '补充2021年日期' }).first();
    await fix.click();
    const calendar = page.getByRole('region', { name: '节点日期' });
    await calendar.waitFor();
    expect(await page.getByRole('tab', { name: '事实、计算指标与节点日期' }).getAttribute('aria-selected')).toBe('true');
    const spring = calendar.getByLabel('节点“春节前”的2021年日期');
    await expect.poll(() => spring.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await calendar.getByLabel('节点“6月底前”的2021年日期').inputValue()).toBe('2021-06-30');
    expect(await calendar.getByLabel('节点“春节前”的2020年日期').inputValue()).toBe('2020-01-24');
    await shot(page, 'calendar-editor-missing');

    await spring.fill('2021-02-11');
    await expect.poll(() => text(page.locator('.tab-status')), { timeout: 15_000 }).toContain('校验通过');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => text(page.getByTestId('save-result')), { timeout: 15_000 }).toContain('已保存');
    const saved = await readDoc(2021);
    expect(saved?.calendar?.find((c) => c.id === '春节前')?.dates).toEqual({ '2020': '2020-01-24', '2021': '2021-02-11' });
    await shot(page, 'calendar-editor-filled');
    noProblems(problems);
    await page.context().close();
  }, 120_000);
});
