/**
 * A case's unsaved facts are kept in this tab's stash (useCaseDoc with src/state/local-draft.ts): a reload of
 * the tab brings them back with a message, over the version they were based on; a save clears this tab's
 * stash only; 重新读取服务器版本 drops it. Another open tab's edits are reported, a closed tab's offered; a new
 * case not saved yet is stashed too (base ''); a save refused with 412 lists what differs from the server's
 * version and applies the user's edits over it only as the user chooses.
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

/** Another tab's stash of the case; `live`: that tab is open (its heartbeat is fresh; jsdom has no Web Locks). */
function otherTabStash(tab: string, doc: CaseDoc, live: boolean, baseEtag = '"v1"', savedAt = '2026-12-07T08:00:00.000Z') {
  localStorage.setItem(`jixiao:draft:${STASH}#${tab}`, JSON.stringify({ text: JSON.stringify(doc), baseEtag, savedAt }));
  if (live) localStorage.setItem(`jixiao:tab-alive:${tab}`, String(Date.now()));
}

describe('other tabs', () => {
  it("reports another open tab's unsaved edits of the case, and never takes them", async () => {
    server();
    otherTabStash('open-tab', withFact(saved, '在编人数', '140', ''), true);
    const { result } = await open();
    await waitFor(() => expect(result.current.otherTab).toBe(true));
    expect(result.current.orphans).toEqual([]);
    expect(result.current.doc?.facts['在编人数']).toBe(127);
  });

  it("offers a closed tab's edits; opening them restores them over the version they were based on, and removes that stash", async () => {
    server('"v9"');
    otherTabStash('closed-tab', withFact(saved, '在编人数', '141', ''), false);
    const { result } = await open();
    await waitFor(() => expect(result.current.orphans.map((o) => o.tab)).toEqual(['closed-tab']));
    expect(result.current.otherTab).toBe(false);
    act(() => result.current.adoptOrphan('closed-tab'));
    expect(result.current.doc?.facts['在编人数']).toBe('141');
    expect(result.current.etag).toBe('"v1"'); // its own base: the server's v9 came after, so saving it is a conflict
    expect(result.current.notice).toContain('已恢复一个已关闭的窗口');
    expect(result.current.notice).toContain('服务器上的案例已被修改');
    expect(otherStashes(STASH)).toEqual([]);
    await waitFor(() => expect(loadStash(STASH)?.text).toContain('141'));
  });

  it('deletes a closed tab\'s edits when asked, and drops the ones that hold nothing beyond the server\'s version', async () => {
    server();
    otherTabStash('closed-a', withFact(saved, '在编人数', '142', ''), false);
    otherTabStash('closed-b', saved, false);
    const { result } = await open();
    await waitFor(() => expect(result.current.orphans.map((o) => o.tab)).toEqual(['closed-a']));
    act(() => result.current.discardOrphan('closed-a'));
    expect(otherStashes(STASH)).toEqual([]);
  });
});

describe('a new case not saved yet', () => {
  const fresh: CaseDoc = { ...saved, facts: {} };

  it('is stashed as it is typed, and a reload of the tab brings the typing back', async () => {
    const first = renderHook(() => useCaseDoc('shenzhen-department', 2024, 'shenzhen-newdept', fresh));
    act(() => first.result.current.setDoc((d) => withFact(d, '在编人数', '90', '')));
    await waitFor(() => expect(loadStash(STASH)).toMatchObject({ baseEtag: '' }));
    first.unmount();
    // the reload hands the page the new case as it was created (sessionStorage), without the typing
    const again = renderHook(() => useCaseDoc('shenzhen-department', 2024, 'shenzhen-newdept', fresh));
    expect(again.result.current.isNew).toBe(true);
    expect(again.result.current.doc?.facts['在编人数']).toBe('90');
    expect(again.result.current.notice).toContain('新案例尚未保存到服务器');
  });

  it('is stashed at once when the page goes, even within the moment after a key', () => {
    const { result } = renderHook(() => useCaseDoc('shenzhen-department', 2024, 'shenzhen-newdept', fresh));
    act(() => result.current.setDoc((d) => withFact(d, '在编人数', '93', '')));
    window.dispatchEvent(new Event('pagehide'));
    expect(loadStash(STASH)?.text).toContain('"在编人数":"93"');
  });

  it('is restored from the stash when the page has no hand-over copy and the server has no such case', async () => {
    stubServer((r) => (r.url.endsWith('/cases') ? { status: 200, body: { cases: [] } } : undefined)); // the case itself: 404
    storeStash(STASH, { text: JSON.stringify(withFact(fresh, '在编人数', '91', '')), baseEtag: '', savedAt: '' });
    const { result } = await open();
    expect(result.current.isNew).toBe(true);
    expect(result.current.loadError).toBeNull();
    expect(result.current.doc?.facts['在编人数']).toBe('91');
  });

  it("left by a closed tab is offered on its page even though the server has no such case; opened, it is a new case", async () => {
    stubServer((r) => (r.url.endsWith('/cases') ? { status: 200, body: { cases: [] } } : undefined));
    otherTabStash('closed-tab', withFact(fresh, '在编人数', '92', ''), false, '');
    const { result } = renderHook(() => useCaseDoc('shenzhen-department', 2024, 'shenzhen-newdept', null));
    await waitFor(() => expect(result.current.loadError).not.toBeNull());
    await waitFor(() => expect(result.current.orphans).toHaveLength(1));
    act(() => result.current.adoptOrphan('closed-tab'));
    expect(result.current.loadError).toBeNull();
    expect(result.current.isNew).toBe(true);
    expect(result.current.etag).toBeNull();
    expect(result.current.doc?.facts['在编人数']).toBe('92');
  });
});

describe('a save refused because the case changed on the server', () => {
  it('lists what differs, and applies the user\'s edits over the server\'s version only as the user chooses', async () => {
    // v1 (the form's base): 在编人数 127; v3 (someone else): 在编人数 127 → 126 and a 备注
    const v3 = { ...saved, facts: { 在编人数: 126 }, notes: '已与财务科核对' } as CaseDoc;
    let current = { etag: '"v1"', doc: saved as CaseDoc };
    const seen = stubServer((r) => {
      if (r.method === 'GET' && r.url === URL_) return { status: 200, body: current };
      if (r.method === 'GET' && r.url.endsWith('/cases')) return { status: 200, body: list };
      if (r.method === 'GET' && r.url === `${URL_}/history`) return { status: 200, body: { entries: [{ ...history, seq: 1, etag: '"v1"', actionZh: '保存' }, { ...history, seq: 3, etag: '"v3"', actionZh: '保存' }] } };
      if (r.method === 'GET' && r.url === `${URL_}/history/1`) return { status: 200, body: { entry: { ...history, seq: 1, etag: '"v1"', actionZh: '保存', doc: saved } } };
      if (r.method === 'PUT' && r.url === URL_)
        return r.headers['If-Match'] === current.etag
          ? { status: 200, body: { saved: true, etag: '"v4"', warnings: [], history } }
          : { status: 412, body: { error: 'version-conflict', message: '案例已被他人修改，未保存。', messageEn: 'changed meanwhile', currentEtag: current.etag } };
      return undefined;
    });
    const { result } = await open();
    current = { etag: '"v3"', doc: v3 };
    act(() => result.current.setDoc((d) => ({ ...withFact(d, '在编人数', '128', ''), department: '深圳市新设局（筹）' })));
    await act(async () => void (await result.current.save()));
    expect(result.current.problem?.kind).toBe('conflict');
    expect(result.current.problem?.message).toContain('可在服务器最新版本上保留您的修改');
    const c = result.current.conflict;
    expect(c?.baseKnown).toBe(true);
    expect(c?.items.map((i) => [i.key, i.kind])).toEqual([
      ['facts/在编人数', 'conflict'],
      ['field/department', 'mine'],
      ['field/notes', 'server'],
    ]);
    expect(result.current.doc?.facts['在编人数']).toBe('128'); // nothing changed in the form yet

    // an edit made while the differences are shown counts too: it is listed and kept, not lost to the older snapshot
    act(() => result.current.setDoc((d) => ({ ...d, name: '深圳市新设局2024年度自评（修订）' })));
    expect(result.current.conflict?.items.find((i) => i.key === 'field/name')?.kind).toBe('mine');
    act(() => result.current.resolveConflict({ 'facts/在编人数': 'mine' }));
    expect(result.current.doc?.name).toBe('深圳市新设局2024年度自评（修订）');
    expect(result.current.conflict).toBeNull();
    expect(result.current.etag).toBe('"v3"');
    expect(result.current.dirty).toBe(true);
    expect(result.current.doc?.facts['在编人数']).toBe('128');
    expect(result.current.doc?.department).toBe('深圳市新设局（筹）');
    expect(result.current.doc?.notes).toBe('已与财务科核对');
    expect(result.current.notice).toContain('保留您的 3 项，采用服务器的 1 项');
    await waitFor(() => expect(loadStash(STASH)?.baseEtag).toBe('"v3"'));

    await act(async () => void (await result.current.save()));
    const put = seen.filter((s) => s.method === 'PUT').at(-1);
    expect(put?.headers['If-Match']).toBe('"v3"');
    expect((put?.body as CaseDoc).notes).toBe('已与财务科核对');
    expect(result.current.notice).toBe('已保存。');
  });
});
