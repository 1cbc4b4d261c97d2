/**
 * End-to-end: unsaved case edits across tabs of ONE browser (one context, so the pages share localStorage), on
 * the real server in Debian's headless Chromium — the findings of a user review:
 * 1. tab A has unsaved edits of the 2024 深圳市商务局 case: tab B, opening the same case, is told so and does not
 *    take them;
 * 2. A is closed: B is offered what A left (打开这些修改) and gets it;
 * 3. a new case not saved yet is kept over a reload (the 新建案例 form's fields, then the facts typed into the
 *    case form), and, its tab closed, is offered back on 新建案例 (恢复), opened and created;
 * 4. B's edits (A's 备注) meet a server version another person changed meanwhile (备注 and 部门 changed): the save
 *    is refused, the differences are listed, B keeps its 备注 and takes the other person's 部门, and saves both.
 * 在编人数 88 is a made-up figure for the new case; the 2024 case's values are those of seed 002 as transcribed in
 * schemes/shenzhen-department/cases/2024/shenzhen-commerce.json.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { e2eSetup, noProblems, shot, shotSuite, storedText, watchedPage, type Problems } from './harness.ts';

shotSuite('case-tabs');

const e2e = e2eSetup();

/** The machine is shared with other test files: each wait allows this much. */
const WAIT = { timeout: 45_000 };

const FAMILY = 'shenzhen-department';
const CASE = 'shenzhen-commerce';
const NEW_ID = 'shenzhen-tabs-newdept';
const caseUrl = (id: string) => `${e2e.server.url}#/case/${FAMILY}/2024/${id}`;
const caseApi = (id: string) => `${e2e.server.url}api/families/${FAMILY}/cases/2024/${id}`;

/** A second page in the same context (same localStorage), recording problems as the harness's pages do. */
async function tabOf(first: Page): Promise<{ page: Page; problems: Problems }> {
  const page = await first.context().newPage();
  const allowed: { status: number; urlPart: string }[] = [];
  const problems: Problems = { list: [], allowHttpError: (status, urlPart) => allowed.push({ status, urlPart }) };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const at = msg.location().url;
    const i = allowed.findIndex((a) => msg.text().includes(`status of ${a.status}`) && at.includes(a.urlPart));
    if (i >= 0) allowed.splice(i, 1);
    else problems.list.push(`console error: ${msg.text()} (${at})`);
  });
  page.on('pageerror', (err) => problems.list.push(`page error: ${err.message}`));
  // leaving a page with unsaved edits asks first (beforeunload): the test's tab closes say yes
  page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()));
  return { page, problems };
}

/** The case page once its form is shown. */
async function openCase(page: Page, id: string): Promise<void> {
  await page.goto(caseUrl(id));
  await page.getByRole('textbox', { name: '备注' }).waitFor(WAIT);
}

/** How many tabs hold a stash of case `id` (read in `page`, which shares localStorage with the others). */
const stashes = (page: Page, id: string) => page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(key)).length, `jixiao:draft:case:${FAMILY}/2024/${id}#`);

/** The stashed texts of case `id`, all tabs' together. */
const stashText = (page: Page, id: string) => page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(key)).map((k) => (JSON.parse(localStorage.getItem(k) ?? '{}') as { text?: string }).text ?? '').join('\n'), `jixiao:draft:case:${FAMILY}/2024/${id}#`);

const notes = (page: Page) => page.getByRole('textbox', { name: '备注' });
const staffed = (page: Page) => page.locator('tr[data-fact="在编人数"] input');

describe('unsaved case edits across two tabs of one browser', () => {
  it('reports, offers and keeps them, a new case too, and keeps them over a changed server version', async () => {
    const { page: a, problems: aProblems } = await watchedPage(e2e.browser, e2e.server.url);
    a.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()));
    const { page: b, problems: bProblems } = await tabOf(a);

    // 1. A edits the 备注 and does not save; B opening the case is told, and shows the server's 备注
    await openCase(a, CASE);
    const serverNotes = await notes(a).inputValue();
    expect(serverNotes).toContain('财务合规性');
    await notes(a).fill('A窗口：已核对财务科提供的调剂明细');
    await expect.poll(() => stashText(a, CASE), WAIT).toContain('A窗口：已核对财务科提供的调剂明细');
    await openCase(b, CASE);
    await expect.poll(() => b.getByTestId('other-tab').textContent(), WAIT).toContain('另一个窗口有这个案例未保存的修改');
    expect(await notes(b).inputValue()).toBe(serverNotes);
    expect(await b.getByTestId('orphan-draft').count()).toBe(0);
    await shot(b, 'b-told-of-a');

    // 2. A closed: B is offered what A left, with its time, and opens it
    await a.close({ runBeforeUnload: true });
    await expect.poll(() => b.getByTestId('orphan-draft').textContent(), WAIT).toContain('一个已关闭的窗口在');
    await expect.poll(() => b.getByTestId('other-tab').count(), WAIT).toBe(0);
    await shot(b, 'b-offered-closed-a');
    await b.getByTestId('orphan-draft').getByRole('button', { name: '打开这些修改' }).click();
    await expect.poll(() => b.getByTestId('case-notice').textContent(), WAIT).toContain('已恢复一个已关闭的窗口');
    expect(await notes(b).inputValue()).toBe('A窗口：已核对财务科提供的调剂明细');
    expect(await b.getByTestId('orphan-draft').count()).toBe(0);
    await expect.poll(() => stashes(b, CASE), WAIT).toBe(1); // now B's own

    // 3. a new case in tab C: the form's fields and the typed facts survive reloads
    const { page: c, problems: cProblems } = await tabOf(b);
    await c.goto(`${e2e.server.url}#/new-case/${FAMILY}/2024`);
    await c.getByRole('textbox', { name: '部门（单位）名称' }).fill('深圳市标签局');
    await c.getByRole('textbox', { name: '案例名称' }).fill('深圳市标签局2024年度部门整体支出绩效自评');
    await c.getByRole('textbox', { name: '案例标识' }).fill(NEW_ID);
    const formStash = () => c.evaluate((doc) => localStorage.getItem(`jixiao:draft:${doc}#${sessionStorage.getItem('jixiao:tab') ?? ''}`) ?? '', `new-case:${FAMILY}/2024`);
    await expect.poll(formStash, WAIT).toContain(NEW_ID);
    await c.reload();
    await expect.poll(() => c.getByTestId('new-case-restored').count(), WAIT).toBe(1);
    expect(await c.getByRole('textbox', { name: '案例标识' }).inputValue()).toBe(NEW_ID);
    await c.getByRole('button', { name: '创建并开始填报' }).click();
    await expect.poll(() => c.getByTestId('case-status').textContent(), WAIT).toBe('未保存的新案例');
    await staffed(c).fill('88');
    await expect.poll(() => stashText(c, NEW_ID), WAIT).toContain('"在编人数":88');
    await c.reload();
    await expect.poll(() => c.getByTestId('case-notice').textContent(), WAIT).toContain('新案例尚未保存到服务器');
    expect(await staffed(c).inputValue()).toBe('88');

    // … and, C closed, is offered back on 新建案例 in tab D (恢复), opened as the new case it was, and created
    await c.close({ runBeforeUnload: true });
    const { page: d, problems: dProblems } = await tabOf(b);
    await d.goto(`${e2e.server.url}#/new-case/${FAMILY}/2024`);
    const offer = d.getByTestId('unsaved-new-cases').locator(`li[data-case="${NEW_ID}"]`);
    await expect.poll(() => offer.textContent(), WAIT).toContain('一个已关闭的窗口');
    expect(await offer.textContent()).toContain('深圳市标签局2024年度部门整体支出绩效自评');
    await shot(d, 'd-offered-new-case');
    dProblems.allowHttpError(404, `/cases/2024/${NEW_ID}`); // the case page asks the server first: it has no such case yet
    await offer.getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => d.getByTestId('case-notice').textContent(), WAIT).toContain('新案例尚未保存到服务器');
    expect(await d.getByTestId('case-status').textContent()).toBe('未保存的新案例');
    expect(await staffed(d).inputValue()).toBe('88');
    await d.getByRole('button', { name: '创建并保存' }).click();
    await expect.poll(() => d.getByTestId('case-notice').textContent(), WAIT).toContain('案例已创建并保存');
    const created = JSON.parse((await storedText(e2e.schemes.dir, `${FAMILY}/cases/2024/${NEW_ID}.json`)) ?? '{}') as { facts?: Record<string, unknown> };
    expect(created.facts?.['在编人数']).toBe(88);
    await expect.poll(() => stashes(d, NEW_ID), WAIT).toBe(0);

    // 4. another person saves the case meanwhile (备注 and 部门 changed); B's save is refused and the differences listed
    const current = (await (await fetch(caseApi(CASE))).json()) as { etag: string; doc: Record<string, unknown> };
    const theirs = { ...current.doc, department: '深圳市商务局（财务科）', notes: '财务科：调剂明细待补' };
    const put = await fetch(caseApi(CASE), { method: 'PUT', headers: { 'Content-Type': 'application/json', 'If-Match': current.etag }, body: JSON.stringify(theirs) });
    expect(put.status).toBe(200);
    bProblems.allowHttpError(412, `/cases/2024/${CASE}`);
    await b.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => b.getByTestId('case-problem').textContent(), WAIT).toContain('没有被覆盖');
    const panel = b.getByTestId('case-conflict');
    await expect.poll(() => panel.locator('tbody tr').count(), WAIT).toBe(2);
    const notesRow = panel.locator('tr[data-merge="field/notes"]');
    expect(await notesRow.textContent()).toContain('财务科：调剂明细待补');
    expect(await notesRow.textContent()).toContain('A窗口：已核对财务科提供的调剂明细');
    expect(await panel.locator('tr[data-merge="field/department"]').textContent()).toContain('采用服务器的');
    expect(await notes(b).inputValue()).toBe('A窗口：已核对财务科提供的调剂明细'); // nothing changed in the form yet
    const apply = panel.getByRole('button', { name: '在服务器最新版本上保留我的修改' });
    expect(await apply.isDisabled()).toBe(true); // the 备注 both changed: the user chooses
    await shot(b, 'b-conflict-listed');
    await notesRow.getByRole('radio', { name: '您的' }).check();
    await apply.click();
    await expect.poll(() => b.getByTestId('case-notice').textContent(), WAIT).toContain('保留您的 1 项，采用服务器的 1 项');
    expect(await b.getByRole('textbox', { name: '部门（单位）名称' }).inputValue()).toBe('深圳市商务局（财务科）');
    expect(await notes(b).inputValue()).toBe('A窗口：已核对财务科提供的调剂明细');
    await b.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => b.getByTestId('case-notice').textContent(), WAIT).toContain('已保存');
    const saved = JSON.parse((await storedText(e2e.schemes.dir, `${FAMILY}/cases/2024/${CASE}.json`)) ?? '{}') as { department?: string; notes?: string };
    expect(saved.department).toBe('深圳市商务局（财务科）');
    expect(saved.notes).toBe('A窗口：已核对财务科提供的调剂明细');
    await expect.poll(() => stashes(b, CASE), WAIT).toBe(0);

    noProblems(aProblems);
    noProblems(bProblems);
    noProblems(cProblems);
    noProblems(dProblems);
    await b.context().close();
  }, 480_000);
});
