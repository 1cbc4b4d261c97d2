/**
 * End-to-end, in Chromium: a policy user edits two of the issue-10 rule kinds of the bundled 岳阳 部门整体支出
 * 2020 draft (schemes/yueyang-whole-expenditure/2020.json) visually, sees the 评分标准 and the case total
 * follow, saves, and the file on disk is the edited, valid scheme.
 *
 * Expected numbers, by hand from the scheme and its sample case (示例单位, cases/2020/yueyang-sample.json):
 * 支付进度 (3分) deducts 0.5 per 专项 not on time; the case has 1 late at 春节前 and 0 at 6月底前, so 3 − 0.5 = 2.5;
 * with 0.25 per 专项 it is 3 − 0.25 = 2.75 (+0.25 on the total). 资金结余: 本年结余 20 > 0 and ≤ 上年结转 35 is the
 * second case, 2分; lowered to 1.5分 it gives −0.5. Together −0.25 on the total the page first shows.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { validateScheme } from '@jixiao/engine';
import { e2eSetup, shot, shotSuite, storedText, watchedPage } from './harness.ts';

shotSuite('kind-editors');

/** A scheme as the server's database holds it after a save. */
const stored = async (rel: string) => JSON.parse((await storedText(e2e.schemes.dir, rel)) ?? 'null') as { indicators: unknown[] };

/** "94.56" → 9456 (hundredths), for exact hand arithmetic on totals shown with two decimals. */
const cents = (s: string): number => {
  const m = /^(-?\d+)(?:\.(\d{1,2}))?$/.exec(s.trim());
  if (!m) throw new Error(`not a score: ${s}`);
  return Number(m[1]) * 100 + Math.sign(Number(m[1]) || 1) * Number((m[2] ?? '').padEnd(2, '0'));
};

async function total(page: Page): Promise<number> {
  return cents((await page.getByTestId('case-total').textContent()) ?? '');
}

function ruleOf(doc: { indicators: unknown[] }, id: string): Record<string, unknown> {
  const find = (list: unknown[]): unknown => {
    for (const n of list as { id: string; children?: unknown[]; rule?: unknown }[]) {
      if (n.id === id) return n.rule;
      const hit = n.children && find(n.children);
      if (hit) return hit;
    }
    return undefined;
  };
  return find(doc.indicators) as Record<string, unknown>;
}

const e2e = e2eSetup();

describe('new rule kinds in Chromium', () => {
  it('edits 时间节点 and 条件计分 of the 岳阳 draft visually, sees the 评分标准 and total follow, and saves a valid scheme', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    await page.goto(`${e2e.server.url}#/scheme/yueyang-whole-expenditure/2020`);
    await page.getByTestId('case-total').waitFor();
    await page.waitForFunction(() => !document.querySelector('.total-box.pending'));
    const t0 = await total(page);

    // 时间节点: the 节点 come from the scheme's calendar, with this year's dates.
    const progress = page.locator('tr.leaf-row[data-indicator="payment-progress"]');
    await progress.getByRole('button', { name: '支付进度', exact: true }).click();
    const due = page.getByRole('combobox', { name: '节点1截止节点' });
    expect(await due.locator('option').allTextContents()).toEqual(['春节前（2020-01-24）', '6月底前（2020-06-30）']);
    await page.getByRole('textbox', { name: '每项未按进度扣分' }).fill('0.25');
    await expect.poll(() => progress.getByTestId('criterion').textContent(), { timeout: 15_000 }).toContain('每出现一个专项未按进度完成资金下达扣0.25分');
    await expect.poll(() => total(page), { timeout: 15_000 }).toBe(t0 + 25);
    await shot(page, 'milestones-0.25');

    // 条件计分: the second case compares 本年结余 with the fact 上年结转; its score is lowered to 1.5.
    const balance = page.locator('tr.leaf-row[data-indicator="balance"]');
    await balance.getByRole('button', { name: '资金结余', exact: true }).click();
    expect(await page.getByRole('combobox', { name: '情形2条件第2个条件：比较的事实或指标' }).inputValue()).toBe('上年结转');
    await page.getByRole('textbox', { name: '情形2得分' }).fill('1.5');
    await expect.poll(() => balance.getByTestId('criterion').textContent(), { timeout: 15_000 }).toContain('有结余,但不超过上年结转，1.5分');
    await expect.poll(() => total(page), { timeout: 15_000 }).toBe(t0 + 25 - 50);
    await shot(page, 'cases-1.5');

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-result').textContent()).toContain('已保存');
    const onDisk = await stored('yueyang-whole-expenditure/2020.json');
    expect(ruleOf(onDisk, 'payment-progress')['perMiss']).toBe(0.25);
    expect((ruleOf(onDisk, 'balance')['cases'] as { score: unknown }[]).map((c) => c.score)).toEqual([3, 1.5]);
    expect(validateScheme(onDisk).filter((i) => i.severity === 'error')).toEqual([]);
    expect(problems.list, problems.list.join('\n')).toEqual([]);
    await page.context().close();
  });

  it('sets 财预〔2020〕10号 年度绩效指标’s 指标偏离 to 减2分 from 30%及以上, and the 评分标准 says so', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    await page.goto(`${e2e.server.url}#/scheme/caiyu-2020-project/2020`);
    // a scheme with 自评表 rows opens on the 自评表; its rules are under 评分规则
    await page.getByRole('tab', { name: '评分规则' }).click();
    const leaf = page.locator('tr.leaf-row[data-indicator="performance"]');
    await leaf.getByRole('button', { name: '年度绩效指标', exact: true }).click();
    expect(await page.getByRole('combobox', { name: '定性目标' }).inputValue()).toBe('bands');
    expect(await page.getByRole('textbox', { name: '第1档下限' }).inputValue()).toBe('80');
    await page.getByRole('combobox', { name: '超额偏离处理' }).selectOption('deduct');
    expect(await page.getByRole('textbox', { name: '偏离度界限' }).inputValue()).toBe('30');
    await expect.poll(() => leaf.getByTestId('criterion').textContent(), { timeout: 15_000 }).toContain('完成值超过年初设置指标值30%及以上的指标，定义为指标偏离并减2分');
    await shot(page, 'targets-overshoot');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-result').textContent()).toContain('已保存');
    const onDisk = await stored('caiyu-2020-project/2020.json');
    expect((ruleOf(onDisk, 'performance')['policy'] as Record<string, unknown>)['overshoot']).toEqual({ then: 'deduct', deduct: 2, over: 0.3, inclusive: true });
    expect(validateScheme(onDisk).filter((i) => i.severity === 'error')).toEqual([]);
    expect(problems.list, problems.list.join('\n')).toEqual([]);
    await page.context().close();
  });
});
