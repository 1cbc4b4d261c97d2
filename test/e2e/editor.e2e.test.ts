/**
 * End-to-end: the real server (`pnpm start`'s entry, production build of the editor) over a
 * temporary copy of schemes/, driven in Debian's headless Chromium.
 *
 * The committed Shenzhen 2024 scheme is published (read-only); the editing scenario works, as a
 * user would, on the 2025 draft made from it (以2024年方案为基础新建2025年草稿, through the server's
 * new-year route; the versions e2e does the same from the library page) — same rules, same numbers.
 * Expected numbers: the seed (002, 深圳市商务局 2024) reports 公众或服务对象满意度 得分 2 of 6, and
 * the official tiers give 6 for 满意度≥95%; so with a "what if" 满意度 of 96% (and the reviewer's
 * recorded 2 not used) the item scores 6 (+4 on the total), and with the top tier lowered from 6
 * to 5 it scores 5 (+3 on the total) — hand arithmetic on the total the page first shows.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { validateScheme } from '@jixiao/engine';
import { e2eSetup, noProblems, shot, shotSuite, storedText, watchedPage } from './harness.ts';

shotSuite('editor');

/** The saved 2025 draft (in the server's database). */
const stored2025 = async () => (await storedText(e2e.schemes.dir, 'shenzhen-department/2025.json')) ?? '';

/** "94.56" → 9456 (hundredths), for exact hand arithmetic on totals shown with two decimals. */
const cents = (s: string): number => {
  const m = /^(-?\d+)(?:\.(\d{1,2}))?$/.exec(s.trim());
  if (!m) throw new Error(`not a score: ${s}`);
  return Number(m[1]) * 100 + Math.sign(Number(m[1]) || 1) * Number((m[2] ?? '').padEnd(2, '0'));
};

async function total(page: Page): Promise<string> {
  return (await page.getByTestId('case-total').textContent()) ?? '';
}

async function expectTotal(page: Page, hundredths: number): Promise<void> {
  await expect.poll(async () => cents(await total(page)), { timeout: 15_000 }).toBe(hundredths);
}

/**
 * Opens the JSON view, focuses Monaco and finds `text` with its find widget (Ctrl+F), which must count exactly one
 * match; returns the view and the open find widget.
 */
async function findInJson(page: Page, text: string): Promise<{ view: Locator; find: Locator }> {
  await page.getByRole('tab', { name: 'JSON' }).click();
  const view = page.getByTestId('json-view');
  await view.locator('.view-line').first().waitFor();
  await view.locator('.view-lines').click();
  await view.locator('.monaco-editor.focused').waitFor();
  await page.keyboard.press('Control+F');
  const find = view.locator('.find-widget.visible');
  await find.waitFor();
  await page.keyboard.type(text);
  await expect.poll(() => find.locator('.matchesCount').textContent()).toMatch(/共 1 项/);
  return { view, find };
}

function satisfactionRule(doc: { indicators: unknown[] }): { tiers: { score: unknown }[] } {
  const find = (list: unknown[]): unknown => {
    for (const n of list as { id: string; children?: unknown[]; rule?: unknown }[]) {
      if (n.id === 'satisfaction') return n.rule;
      const hit = n.children && find(n.children);
      if (hit) return hit;
    }
    return undefined;
  };
  return find(doc.indicators) as { tiers: { score: unknown }[] };
}

const e2e = e2eSetup({ newYear: { family: 'shenzhen-department', from: 2024, year: 2025 } });

describe('editor in Chromium', () => {
  it('changes the top tier of 公众或服务对象满意度 visually, sees the text and the case total change, saves, and it persists', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    await page.goto(e2e.server.url);
    const row = page.locator('tr[data-family="shenzhen-department"][data-year="2025"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('草稿');
    expect(await row.textContent()).toContain('100');
    await shot(page, 'library');

    await row.getByRole('link', { name: /打开/ }).click();
    await page.getByTestId('case-total').waitFor();
    await page.waitForFunction(() => !document.querySelector('.total-box.pending'));
    const caseName = await page.getByRole('combobox', { name: '选择案例' }).locator('option:checked').textContent();
    expect(caseName).toContain('深圳市商务局');
    const t0 = cents(await total(page));
    await shot(page, 'draft-2025');

    // What if 满意度 were 96% (the report withheld it; the reviewer's 2 is not used).
    await page.getByText('假设分析：修改案例事实').click();
    await page.getByRole('textbox', { name: '事实 社会公众或服务对象满意度' }).fill('96%');
    await page.getByRole('checkbox', { name: '采用评审录入 公众或服务对象满意度' }).uncheck();
    await expectTotal(page, t0 + 400);
    await shot(page, 'what-if-satisfaction-96');

    // Open the indicator and lower the top tier from 6 to 5 in the tier table.
    const leaf = page.locator('tr.leaf-row[data-indicator="satisfaction"]');
    await leaf.getByRole('button', { name: '公众或服务对象满意度', exact: true }).click();
    const topScore = page.getByRole('textbox', { name: '第1档得分' });
    expect(await topScore.inputValue()).toBe('6');
    const criterion = leaf.getByTestId('criterion');
    await expect.poll(() => criterion.textContent()).toContain('满意度≥95%的，得6分');
    await topScore.fill('5');
    await expect.poll(() => criterion.textContent(), { timeout: 15_000 }).toContain('满意度≥95%的，得5分');
    await expectTotal(page, t0 + 300);
    await expect.poll(() => page.locator('.save-bar .dirty').count()).toBe(1);
    await shot(page, 'tier-6-to-5');

    // Clicking the score explains it: the branch taken and the input read.
    await leaf.getByRole('button', { name: /查看得分说明/ }).click();
    const trace = page.getByRole('region', { name: '得分说明：公众或服务对象满意度' });
    await expect.poll(() => trace.textContent()).toContain('第1档');
    expect(await trace.textContent()).toContain('得5分');
    expect(await trace.textContent()).toContain('96%');
    await shot(page, 'trace');

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-result').textContent()).toContain('已保存');
    await shot(page, 'saved');
    const onDisk = JSON.parse((await stored2025())) as { indicators: unknown[] };
    expect(Number(satisfactionRule(onDisk).tiers[0]?.score)).toBe(5);
    expect(validateScheme(onDisk).filter((i) => i.severity === 'error')).toEqual([]);

    await page.reload();
    const leafAgain = page.locator('tr.leaf-row[data-indicator="satisfaction"]');
    await expect.poll(() => leafAgain.getByTestId('criterion').textContent(), { timeout: 15_000 }).toContain('满意度≥95%的，得5分');
    expect(await page.locator('.save-bar .dirty').count()).toBe(0);
    await shot(page, 'reloaded-persisted');
    noProblems(problems);
    await page.context().close();
  });

  it('shows an invalid value typed in Monaco as a marker, and the server refuses to save it with the message', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    const before = (await stored2025());
    await page.goto(`${e2e.server.url}#/scheme/shenzhen-department/2025`);
    await page.getByTestId('case-total').waitFor();
    const { view } = await findInJson(page, '"totalPoints": 100');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => view.locator('.find-widget.visible').count()).toBe(0);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    for (let n = 0; n < 3; n++) await page.keyboard.press('Backspace');
    await page.keyboard.type('"一百分"');
    await shot(page, 'monaco-typed');
    await expect.poll(() => view.locator('.view-line', { hasText: /"totalPoints":\s"一百分"/ }).count()).toBe(1);

    // The engine's issue (and the schema's) as a marker under the value.
    const squiggle = view.locator('.squiggly-error').first();
    await squiggle.waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('.tab-status .badge.error').count()).toBe(1);
    // The hover shows the engine's Chinese issue, the JSON worker's schema diagnostic and the
    // schema's Chinese description of the field (language features running in their worker).
    const hover = page.locator('.monaco-hover:visible');
    await expect
      .poll(
        async () => {
          await page.mouse.move(0, 0);
          await squiggle.hover({ force: true });
          return (await hover.textContent().catch(() => '')) ?? '';
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toMatch(/绩效引擎[\s\S]*Incorrect type|Incorrect type[\s\S]*绩效引擎/);
    expect(await hover.textContent()).toContain('总分应为数字（以“分”计），如 6、4.5');
    expect(await hover.textContent()).toContain('分值/得分（分）：JSON 数字或十进制字符串');
    await shot(page, 'monaco-marker');

    problems.allowHttpError(422, '/api/schemes/shenzhen-department/2025');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    const result = page.getByTestId('save-result');
    await expect.poll(() => result.textContent()).toContain('保存被拒绝');
    expect(await result.textContent()).toContain('方案校验未通过');
    await shot(page, 'save-refused');
    expect((await stored2025())).toBe(before);
    noProblems(problems);
    await page.context().close();
  });

  it('keeps the visual and JSON views in step both ways', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    await page.goto(`${e2e.server.url}#/scheme/shenzhen-department/2025`);
    await page.getByTestId('case-total').waitFor();

    // Visual → JSON: rename 部门决策 in the structure view; the JSON holds the new name.
    await page.getByRole('tab', { name: '指标结构与分值' }).click();
    await page.getByRole('textbox', { name: '部门决策 名称' }).fill('部门决策（修订）');
    const { view } = await findInJson(page, '"name": "部门决策（修订）"');
    await shot(page, 'visual-to-json');

    // JSON → visual: replace the name in Monaco; the table shows it.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => view.locator('.find-widget.visible').count()).toBe(0);
    await page.keyboard.press('Delete');
    await page.keyboard.type('"name": "决策"');
    await expect.poll(() => view.locator('.view-line', { hasText: /"name":\s"决策"/ }).count()).toBe(1);
    await page.getByRole('tab', { name: '评分表' }).click();
    await expect.poll(() => page.locator('.scheme-table .group-name').first().textContent()).toBe('决策');
    await shot(page, 'json-to-visual');

    // Unsaved work survives a reload (kept in the browser until saved).
    await page.waitForTimeout(600);
    await page.reload();
    await page.getByText(/已恢复您.*未保存的修改/).waitFor();
    await expect.poll(() => page.locator('.scheme-table .group-name').first().textContent()).toBe('决策');
    await shot(page, 'restored-after-reload');
    noProblems(problems);
    await page.context().close();
  });

  it('never lets two tabs silently overwrite each other: the second save reports the conflict', async () => {
    const { page: a, problems } = await watchedPage(e2e.browser, e2e.server.url);
    const b = await a.context().newPage();
    b.on('console', (m) => m.type() === 'error' && !/status of 412/.test(m.text()) && problems.list.push(`tab B console error: ${m.text()}`));
    for (const p of [a, b]) {
      await p.goto(`${e2e.server.url}#/scheme/shenzhen-department/2025`);
      await p.getByTestId('case-total').waitFor();
      await p.getByRole('tab', { name: '指标结构与分值' }).click();
    }
    await a.getByRole('textbox', { name: '部门管理 名称' }).fill('部门管理（A）');
    // while A holds unsaved changes, B is told (each tab keeps its own: state/local-draft.ts)
    await b.getByText('另一个窗口有这个方案未保存的修改').waitFor();
    await a.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => a.getByTestId('save-result').textContent()).toContain('已保存');

    await b.bringToFront();
    await b.getByRole('textbox', { name: '部门绩效 名称' }).fill('部门绩效（B）');
    await b.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => b.getByTestId('save-result').textContent()).toContain('已被其他窗口或他人修改');
    await shot(b, 'conflict');
    const onDisk = JSON.parse((await stored2025())) as { indicators: { name: string }[] };
    expect(onDisk.indicators.map((n) => n.name)).toContain('部门管理（A）');
    expect(onDisk.indicators.map((n) => n.name)).not.toContain('部门绩效（B）');

    // B decides to take the latest version: A's change appears, B's is dropped on purpose.
    await b.getByRole('button', { name: '放弃我的修改，载入最新版本' }).click();
    await expect.poll(() => b.getByRole('textbox', { name: '部门管理（A） 名称' }).count()).toBe(1);
    expect(await b.getByRole('textbox', { name: '部门绩效 名称' }).count()).toBe(1);
    await shot(b, 'conflict-resolved');
    noProblems(problems);
    await a.context().close();
  });

  it('completes fact and metric names in the formula editor', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    await page.goto(`${e2e.server.url}#/scheme/shenzhen-department/2025`);
    await page.getByTestId('case-total').waitFor();
    await page.getByRole('button', { name: '项目完成及时性', exact: true }).click();
    const field = page.locator('.formula-field');
    await field.locator('.view-lines').click();
    await page.keyboard.press('End');
    await page.keyboard.type('+计划');
    await page.keyboard.press('Control+Space');
    const suggest = field.locator('.suggest-widget.visible');
    await suggest.waitFor();
    await expect.poll(() => suggest.textContent()).toContain('计划完成项目总数');
    await shot(page, 'formula-completion');
    await page.keyboard.press('Escape');
    noProblems(problems);
    await page.context().close();
  });

  it('keeps a published scheme read-only', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    await page.goto(`${e2e.server.url}#/scheme/shenzhen-department/2021`);
    await page.getByText('该方案已发布，只读').waitFor();
    // the banner points to the way forward: a new year's draft made from it
    expect(await page.getByTestId('published-banner').getByRole('button', { name: '以2021年方案为基础新建2022年草稿' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: '保存', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '公众或服务对象满意度', exact: true }).click();
    expect(await page.getByRole('textbox', { name: '第1档得分' }).isDisabled()).toBe(true);
    problems.allowHttpError(409, '/api/schemes/shenzhen-department/2021');
    const status = await page.evaluate(async () => {
      const r = await fetch('/api/schemes/shenzhen-department/2021');
      const body = (await r.json()) as { doc: Record<string, unknown>; etag: string };
      const put = await fetch('/api/schemes/shenzhen-department/2021', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': body.etag },
        body: JSON.stringify({ ...body.doc, status: 'draft' }),
      });
      return put.status;
    });
    expect(status).toBe(409);
    await shot(page, 'published-readonly');
    noProblems(problems);
    await page.context().close();
  });
});
