/**
 * A case's unsaved facts are kept in this tab's stash (useCaseDoc with src/state/local-draft.ts): a reload of
 * the tab brings them back with a message, over the version they were based on; a save clears this tab's
 * stash only; 重新读取服务器版本 drops it.
 */
import './dom.ts';
import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useCaseDoc } from '../src/state/useCaseDoc.ts';
import { withFact } from '../src/model/case-form.ts';
import { caseDoc, currentTabId, loadStash, otherStashes, storeStash } from '../src/state/local-draft.ts';
import type { CaseDoc } from '../src/model/types.ts';
import { stubServer } from './fetch-stub.ts';
import { isolateTabs } from './tab-isolation.ts';

const URL_ = '/api/families/shenzhen-department/cases/2024/shenzhen-newdept';
const saved: CaseDoc = { id: 'shenzhen-newdept', name: '深圳市新设局', department: '深圳市新设局', year: 2024, scheme: { id: 'shenzhen-department', year: 2024 }, facts: { 在编人数: 127 } };
const list = { cases: [{ id: 'shenzhen-newdept', year: 2024, name: '深圳市新设局', scheme: { id: 'shenzhen-department', year: 2024 }, reportedTotal: null, status: 'filling', path: 'x' }] };
const history = { seq: 2, time: '2026-12-07T06:00:00Z', author: '张三', action: 'save', summary: '修改事实', etag: '"v2"' };
const STASH = caseDoc('shenzhen-department', 2024, 'shenzhen-newdept');

/** The server: the case at version `etag`; a save answers v2. */
function server(etag = '"v1"') {
  return stubServer((r) => {
    if (r.method === 'GET' && r.url === URL_) return { status: 200, body: { etag, doc: saved } };
    if (r.method === 'GET' && r.url.endsWith('/cases')) return { status: 200, body: list };
    if (r.method === 'PUT' && r.url === URL_) return { status: 200, body: { saved: true, etag: '"v2"', warnings: [], history } };
    return undefined;
  });
}

const open = async () => {
  const hook = renderHook(() => useCaseDoc('shenzhen-department', 2024, 'shenzhen-newdept', null));
  await waitFor(() => expect(hook.result.current.doc).not.toBeNull());
  return hook;
};

isolateTabs();

describe('case stash', () => {
  it('keeps unsaved facts over a reload, says so, and saves them over the version they were based on', async () => {
    const seen = server();
    const first = await open();
    act(() => first.result.current.setDoc((d) => withFact(d, '在编人数', '128', '')));
    await waitFor(() => expect(loadStash(STASH)?.baseEtag).toBe('"v1"'));
    first.unmount(); // the tab reloads: same tab id (sessionStorage), a new page

    const again = await open();
    expect(again.result.current.doc?.facts['在编人数']).toBe('128');
    expect(again.result.current.dirty).toBe(true);
    expect(again.result.current.notice).toMatch(/^已恢复您.*未保存的修改。$/);

    await act(async () => void (await again.result.current.save()));
    expect(seen.find((s) => s.method === 'PUT')?.headers['If-Match']).toBe('"v1"');
    await waitFor(() => expect(loadStash(STASH)).toBeNull());
  });

  it('warns when the server changed since, and keeps the old version so the save is a conflict, not an overwrite', async () => {
    server('"v9"');
    storeStash(STASH, { text: JSON.stringify(withFact(saved, '在编人数', '130', '')), baseEtag: '"v1"', savedAt: '2026-12-07T09:00:00.000Z' });
    const { result } = await open();
    expect(result.current.doc?.facts['在编人数']).toBe('130');
    expect(result.current.etag).toBe('"v1"');
    expect(result.current.notice).toContain('服务器上的案例已被修改');
  });

  it("does not take another tab's stash, and 重新读取 drops only this tab's", async () => {
    server();
    const other = 'other-tab';
    localStorage.setItem(`jixiao:draft:${STASH}#${other}`, JSON.stringify({ text: JSON.stringify(withFact(saved, '在编人数', '200', '')), baseEtag: '"v1"', savedAt: '' }));
    currentTabId();
    storeStash(STASH, { text: JSON.stringify(withFact(saved, '在编人数', '131', '')), baseEtag: '"v1"', savedAt: '' });
    const { result } = await open();
    expect(result.current.doc?.facts['在编人数']).toBe('131');
    await act(() => result.current.reload());
    expect(result.current.doc?.facts['在编人数']).toBe(127);
    expect(loadStash(STASH)).toBeNull();
    expect(otherStashes(STASH).map((o) => o.tab)).toEqual([other]);
  });
});
