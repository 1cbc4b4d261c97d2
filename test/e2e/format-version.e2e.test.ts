/**
 * End-to-end, in Chromium: a scheme or a case written by a newer jixiao (formatVersion 2) is not opened as if
 * this program could read it — the page says why, with the engine's one message (此文档由较新版本的 jixiao
 * 写成…请升级 jixiao), where a page that cannot be loaded says so; not a blank page, not a list of schema errors.
 * The documents are copies of the bundled 深圳 2024 scheme and 商务局 case with `formatVersion: 2` written in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eSetup, noProblems, repoRoot, shot, shotSuite, watchedPage } from './harness.ts';

shotSuite('format-version');

const bundled = (rel: string) => JSON.parse(readFileSync(join(repoRoot, 'schemes', rel), 'utf8')) as Record<string, unknown>;
const { publishedAt: _at, contentHash: _hash, ...scheme2024 } = bundled('shenzhen-department/2024.json');
const newerScheme = { ...scheme2024, formatVersion: 2, year: 2030, status: 'draft' };
const newerCase = { ...bundled('shenzhen-department/cases/2024/shenzhen-commerce.json'), formatVersion: 2, id: 'shenzhen-newer' };

const e2e = e2eSetup({ files: { 'shenzhen-department/2030.json': newerScheme, 'shenzhen-department/cases/2024/shenzhen-newer.json': newerCase } });

describe('a document of a newer format version', () => {
  it('the scheme page and the case page say it cannot be read, and what to do', async () => {
    const { page, problems } = await watchedPage(e2e.browser, e2e.server.url);
    await page.goto(`${e2e.server.url}#/scheme/shenzhen-department/2030`);
    const schemeMessage = page.locator('.page-message.error');
    await schemeMessage.waitFor();
    expect(await schemeMessage.innerText()).toBe('无法读取方案：此评价方案文档由较新版本的 jixiao 写成（格式版本 formatVersion 为 2），当前程序只能读取格式版本 1，请升级 jixiao');
    await shot(page, 'newer-scheme');

    await page.goto(`${e2e.server.url}#/case/shenzhen-department/2024/shenzhen-newer`);
    const caseMessage = page.locator('.page-message.error');
    await expect.poll(() => caseMessage.innerText()).toBe('无法读取案例：此案例文档由较新版本的 jixiao 写成（格式版本 formatVersion 为 2），当前程序只能读取格式版本 1，请升级 jixiao');
    await shot(page, 'newer-case');
    noProblems(problems);
  });
});
