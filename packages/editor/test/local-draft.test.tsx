/**
 * Unsaved work kept per tab (src/state/local-draft.ts, used by useDraft): two tabs of one browser share
 * localStorage but each keeps its own stash, restores its own on reload, and a save clears only its own;
 * a stash left by a tab that is gone is offered, never merged. One jsdom window plays the tabs: "opening a
 * tab" is a fresh sessionStorage (and page state), "reloading" fires pagehide and keeps sessionStorage.
 */
import './dom.ts';
import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import {
  adoptStash,
  caseDoc,
  familyCasesPrefix,
  stashesUnder,
  clearLocalDraft,
  concernsStashes,
  currentTabId,
  HEARTBEAT_STALE_MS,
  loadLocalDraft,
  liveTabs,
  loadStash,
  otherStashes,
  resetTabForTests,
  schemeDoc,
  storeLocalDraft,
  storeStash,
} from '../src/state/local-draft.ts';
import { useDraft } from '../src/state/useDraft.ts';
import { stubServer } from './fetch-stub.ts';
import { isolateTabs } from './tab-isolation.ts';

/** A new page of a tab: `id` null for a new tab (empty sessionStorage), else the id its sessionStorage kept. */
function openTab(id: string | null): string {
  resetTabForTests();
  sessionStorage.clear();
  if (id !== null) sessionStorage.setItem('jixiao:tab', id);
  return currentTabId();
}

/** Goes back to the open page of tab `id` (another tab was being played meanwhile). */
function switchTo(id: string): void {
  resetTabForTests(id);
  sessionStorage.clear();
  sessionStorage.setItem('jixiao:tab', id);
}

/** Reloads the current tab: its page goes away (pagehide) and the same tab loads again. */
function reloadTab(): string {
  const id = currentTabId();
  window.dispatchEvent(new Event('pagehide'));
  return openTab(id);
}

/** Closes the current tab: pagehide, and its sessionStorage is gone. */
function closeTab(): void {
  window.dispatchEvent(new Event('pagehide'));
  resetTabForTests();
  sessionStorage.clear();
}

const draft = (text: string, savedAt = '2026-12-07T10:00:00.000Z') => ({ text, baseEtag: '"v1"', savedAt });

isolateTabs();

describe('per-tab stash', () => {
  it("keeps each tab's unsaved text apart, and a reloaded tab gets back its own, not the last writer's", () => {
    const a = openTab(null);
    storeLocalDraft('shenzhen-department', 2025, draft('A: 固定资产利用率 第2档 0.5'));
    const b = openTab(null);
    expect(b).not.toBe(a);
    expect(loadLocalDraft('shenzhen-department', 2025)).toBeNull(); // B starts with nothing of A's
    storeLocalDraft('shenzhen-department', 2025, draft('B: 编外人员控制率 第2档 0.6'));

    switchTo(a); // back in A (B stays open: its heartbeat is fresh)
    expect(reloadTab()).toBe(a);
    expect(loadLocalDraft('shenzhen-department', 2025)?.text).toBe('A: 固定资产利用率 第2档 0.5');
    // B's stash is seen as another live tab's, not taken
    expect(otherStashes(schemeDoc('shenzhen-department', 2025))).toEqual([{ tab: b, draft: draft('B: 编外人员控制率 第2档 0.6'), live: true }]);
  });

  it("clears only the saving tab's stash", () => {
    const a = openTab(null);
    storeLocalDraft('fam', 2025, draft('A'));
    openTab(null);
    storeLocalDraft('fam', 2025, draft('B'));
    clearLocalDraft('fam', 2025); // B saved
    expect(loadLocalDraft('fam', 2025)).toBeNull();
    switchTo(a);
    expect(loadLocalDraft('fam', 2025)?.text).toBe('A');
  });

  it('offers the stash of a closed tab as an orphan (not live), and does not restore it as the new tab’s own', () => {
    const a = openTab(null);
    storeLocalDraft('fam', 2025, draft('A', '2026-12-07T09:00:00.000Z'));
    closeTab();
    openTab(null);
    expect(loadLocalDraft('fam', 2025)).toBeNull();
    expect(otherStashes(schemeDoc('fam', 2025))).toEqual([{ tab: a, draft: draft('A', '2026-12-07T09:00:00.000Z'), live: false }]);
  });

  it('takes a crashed tab (heartbeat not renewed) as gone once its heartbeat is older than HEARTBEAT_STALE_MS', () => {
    const a = openTab(null);
    storeLocalDraft('fam', 2025, draft('A'));
    openTab(null); // A crashed: no pagehide, its heartbeat stays as it was
    const doc = schemeDoc('fam', 2025);
    expect(otherStashes(doc).map((o) => [o.tab, o.live])).toEqual([[a, true]]);
    expect(otherStashes(doc, Date.now() + HEARTBEAT_STALE_MS + 1).map((o) => [o.tab, o.live])).toEqual([[a, false]]);
  });

  it('gives a duplicated tab (sessionStorage copied from a live tab) an id of its own', () => {
    const a = openTab(null);
    expect(openTab(a)).not.toBe(a); // A's heartbeat is fresh: this page is not A reloaded
  });

  it('lists a stash written before stashes were per tab (one key per scheme) as an orphan, and other documents not at all', () => {
    openTab(null);
    localStorage.setItem('jixiao:draft:fam/2025', JSON.stringify(draft('old')));
    storeStash(caseDoc('fam', 2025, 'c1'), draft('case'));
    storeStash(schemeDoc('fam', 2024), draft('2024'));
    expect(otherStashes(schemeDoc('fam', 2025))).toEqual([{ tab: '', draft: draft('old'), live: false }]);
    expect(loadStash(caseDoc('fam', 2025, 'c1'))?.text).toBe('case');
  });

  it("judges liveness by the tabs' Web Locks where the browser has them: a tab whose lock is gone is gone, whatever its heartbeat", async () => {
    const requested: string[] = [];
    const locks = {
      request: (name: string) => {
        requested.push(name);
        return new Promise(() => undefined);
      },
      query: async () => ({ held: [{ name: `jixiao:tab:${b}` }, { name: 'something-else' }] }),
    };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    let b = '';
    try {
      const a = openTab(null);
      storeLocalDraft('fam', 2025, draft('A'));
      b = openTab(null);
      storeLocalDraft('fam', 2025, draft('B'));
      expect(requested).toEqual([`jixiao:tab:${a}`, `jixiao:tab:${b}`]);
      openTab(null);
      const live = await liveTabs();
      expect(live).toEqual(new Set([b]));
      // A's heartbeat is fresh (it crashed a moment ago) but its lock was released: an orphan
      expect(otherStashes(schemeDoc('fam', 2025), Date.now(), live).map((o) => [o.tab, o.live]).sort()).toEqual([[a, false], [b, true]].sort());
    } finally {
      delete (navigator as { locks?: unknown }).locks;
    }
    expect(await liveTabs()).toBeNull();
  });

  it("lists a family's case stashes of every tab with their tab's state, and adopts a closed tab's only where this tab has none", () => {
    const closed = openTab(null);
    storeStash(caseDoc('fam', 2024, 'a'), draft('closed: a'));
    storeStash(caseDoc('fam', 2024, 'b'), draft('closed: b', '2026-12-07T11:00:00.000Z'));
    closeTab();
    const live = openTab(null);
    storeStash(caseDoc('fam', 2024, 'a'), draft('live: a', '2026-12-07T09:00:00.000Z'));
    storeStash(caseDoc('other-fam', 2024, 'a'), draft('another family'));
    const me = openTab(null);
    storeStash(caseDoc('fam', 2024, 'a'), draft('mine: a', '2026-12-07T08:00:00.000Z'));
    const found = stashesUnder(familyCasesPrefix('fam'));
    expect(found.map((f) => [f.doc, f.tab, f.own, f.live, f.draft.text])).toEqual([
      ['case:fam/2024/b', closed, false, false, 'closed: b'],
      ['case:fam/2024/a', closed, false, false, 'closed: a'],
      ['case:fam/2024/a', live, false, true, 'live: a'],
      ['case:fam/2024/a', me, true, true, 'mine: a'],
    ]);
    // this tab keeps its own stash of a: the closed tab's is not written over it
    expect(adoptStash(caseDoc('fam', 2024, 'a'), closed)).toBe(false);
    expect(loadStash(caseDoc('fam', 2024, 'a'))?.text).toBe('mine: a');
    expect(adoptStash(caseDoc('fam', 2024, 'b'), closed)).toBe(true);
    expect(loadStash(caseDoc('fam', 2024, 'b'))?.text).toBe('closed: b');
    expect(otherStashes(caseDoc('fam', 2024, 'b'))).toEqual([]);
  });

  it('tells which storage events concern a document', () => {
    const a = openTab(null);
    const doc = schemeDoc('fam', 2025);
    expect(concernsStashes(`jixiao:draft:fam/2025#${a}`, doc)).toBe(true);
    expect(concernsStashes('jixiao:draft:fam/2025', doc)).toBe(true);
    expect(concernsStashes(`jixiao:tab-alive:${a}`, doc)).toBe(true);
    expect(concernsStashes(null, doc)).toBe(true);
    expect(concernsStashes(`jixiao:draft:fam/20250#${a}`, doc)).toBe(false);
    expect(concernsStashes('jixiao.author', doc)).toBe(false);
  });
});

describe('useDraft with two tabs', () => {
  const serverDoc = { id: 'fam', year: 2025, status: 'draft', n: 1 };
  const text = (doc: unknown) => JSON.stringify(doc, null, 2);

  function server(): ReturnType<typeof stubServer> {
    return stubServer((r) => {
      if (r.url === '/api/schemes/fam/2025' && r.method === 'GET') return { status: 200, body: { family: 'fam', year: 2025, etag: '"v1"', doc: serverDoc, publication: [] } };
      if (r.url === '/api/schemes/fam/2025' && r.method === 'PUT') return { status: 200, body: { saved: true, unchanged: true, etag: '"v2"', warnings: [] } };
      return undefined;
    });
  }

  it("restores this tab's own stash, reports the other live tab, saves only its own change and keeps the other tab's stash", async () => {
    const seen = server();
    const a = openTab(null);
    storeLocalDraft('fam', 2025, draft(text({ ...serverDoc, n: 5 })));
    const b = openTab(null);
    storeLocalDraft('fam', 2025, draft(text({ ...serverDoc, n: 6 })));
    switchTo(a);
    reloadTab();

    const { result } = renderHook(() => useDraft('fam', '2025'));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.doc).toEqual({ ...serverDoc, n: 5 });
    expect(result.current.restored).toEqual({ savedAt: '2026-12-07T10:00:00.000Z', serverChanged: false });
    expect(result.current.otherTab).toBe(true);
    expect(result.current.orphans).toEqual([]);

    await act(async () => {
      expect((await result.current.save()).kind).toBe('saved');
    });
    expect(seen.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ ...serverDoc, n: 5 }]);
    expect(loadLocalDraft('fam', 2025)).toBeNull();
    switchTo(b);
    expect(loadLocalDraft('fam', 2025)?.text).toBe(text({ ...serverDoc, n: 6 }));
  });

  it("offers a closed tab's stash with its time and takes it only when asked", async () => {
    server();
    const a = openTab(null);
    storeLocalDraft('fam', 2025, draft(text({ ...serverDoc, n: 7 }), '2026-12-06T08:00:00.000Z'));
    closeTab();
    openTab(null);

    const { result } = renderHook(() => useDraft('fam', '2025'));
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.doc).toEqual(serverDoc); // not merged
    expect(result.current.restored).toBeNull();
    expect(result.current.otherTab).toBe(false);
    expect(result.current.orphans.map((o) => [o.tab, o.draft.savedAt])).toEqual([[a, '2026-12-06T08:00:00.000Z']]);

    act(() => result.current.adoptOrphan(a));
    expect(result.current.doc).toEqual({ ...serverDoc, n: 7 });
    expect(result.current.restored).toEqual({ savedAt: '2026-12-06T08:00:00.000Z', serverChanged: false });
    expect(result.current.orphans).toEqual([]);
    expect(otherStashes(schemeDoc('fam', 2025))).toEqual([]);
  });

  it("deletes a closed tab's stash when the user discards it", async () => {
    server();
    const a = openTab(null);
    storeLocalDraft('fam', 2025, draft(text({ ...serverDoc, n: 7 })));
    closeTab();
    openTab(null);
    const { result } = renderHook(() => useDraft('fam', '2025'));
    await waitFor(() => expect(result.current.orphans.length).toBe(1));
    act(() => result.current.discardOrphan(a));
    expect(result.current.orphans).toEqual([]);
    expect(result.current.doc).toEqual(serverDoc);
    expect(otherStashes(schemeDoc('fam', 2025))).toEqual([]);
  });
});
