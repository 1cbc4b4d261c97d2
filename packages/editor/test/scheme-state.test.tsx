/**
 * The scheme page's state, one hook per concern (src/state/): the case tried with its what-if values,
 * saving and publishing, and where the user is. The page composes them; these tests pin what each does.
 */
import './dom.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { useCaseWorkbench } from '../src/state/useCaseWorkbench.ts';
import { useSaveFlow } from '../src/state/useSaveFlow.ts';
import { useSchemeNavigation } from '../src/state/useSchemeNavigation.ts';
import { WHAT_IF_SOURCE } from '../src/model/facts.ts';
import type { Draft, SaveOutcome } from '../src/state/useDraft.ts';
import { stubServer } from './fetch-stub.ts';
import { loadAuthor, setAuthorAsker, storeAuthor } from '../src/state/author.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useCaseWorkbench', () => {
  const cases = [
    { id: 'old', year: 2023, name: '乙局', scheme: { id: 'fam', year: 2023 }, reportedTotal: 90, path: 'schemes/fam/cases/2023/old.json' },
    { id: 'new', year: 2024, name: '甲局', scheme: { id: 'fam', year: 2024 }, reportedTotal: 95, path: 'schemes/fam/cases/2024/new.json' },
  ];
  const docs: Record<string, unknown> = {
    '/api/families/fam/cases/2023/old': { name: '乙局', facts: { 执行率: 0.9 } },
    '/api/families/fam/cases/2024/new': { name: '甲局', facts: { 执行率: 0.95 }, reviewer: { satisfaction: { score: 2, reason: '问卷' } } },
  };

  it("opens the case scored with this year's scheme, tries values on it, and clears them when another case is chosen", async () => {
    stubServer((r) => (r.url === '/api/families/fam/cases' ? { status: 200, body: { cases } } : r.url in docs ? { status: 200, body: { etag: '"e"', doc: docs[r.url] } } : undefined));
    const { result } = renderHook(() => useCaseWorkbench('fam', '2024'));
    await waitFor(() => expect(result.current.caseDoc).not.toBeNull());
    expect(result.current.caseKey).toBe('2024/new');
    expect(result.current.input).toEqual({ facts: { 执行率: 0.95 }, reviewer: { satisfaction: { score: 2, reason: '问卷' } } });
    expect(result.current.whatIf?.name).toBe('甲局');

    act(() => result.current.setOverride('执行率', 0.8));
    act(() => result.current.setTraceId('budget-execution'));
    expect(result.current.input?.facts).toEqual({ 执行率: { value: 0.8, source: WHAT_IF_SOURCE } });
    expect(result.current.whatIf?.name).toBe('甲局（含假设值）');
    // undefined takes a tried value back
    act(() => result.current.setOverride('执行率', undefined));
    expect(result.current.overrides).toEqual({});
    act(() => result.current.setReviewerOverride('satisfaction', null));
    expect(result.current.reviewerOverrides).toEqual({ satisfaction: null });

    act(() => result.current.setCaseKey('2023/old'));
    await waitFor(() => expect(result.current.caseDoc).toEqual(docs['/api/families/fam/cases/2023/old']));
    expect(result.current.reviewerOverrides).toEqual({});
    expect(result.current.traceId).toBeNull();
    expect(result.current.input).toEqual({ facts: { 执行率: 0.9 } });
  });
});

/** A draft whose save answers `outcome`; records discards. */
function fakeDraft(outcome: SaveOutcome): Draft & { discards: number } {
  const d = {
    discards: 0,
    save: vi.fn(async () => outcome),
    discard: vi.fn(async () => {
      d.discards++;
    }),
    rebaseOnServer: vi.fn(async () => undefined),
  };
  return d as unknown as Draft & { discards: number };
}

describe('useSaveFlow', () => {
  // a name was given once in this browser (the first-save question is tested below)
  beforeEach(() => storeAuthor('预算绩效科 李四'));
  afterEach(() => storeAuthor(''));

  it('asks for the author before the first save, then saves; cancelling saves nothing', async () => {
    storeAuthor('');
    // the page's 署名 dialog (AuthorGate) answers: first cancelled, then a name
    const answers: (string | null)[] = [null, '预算绩效科 李四'];
    const asked: string[] = [];
    const unregister = setAuthorAsker(async (why) => {
      asked.push(why);
      const name = answers.shift() ?? null;
      if (name) storeAuthor(name);
      return name;
    });
    try {
      const draft = fakeDraft({ kind: 'saved', warnings: 0 });
      const { result } = renderHook(() => useSaveFlow(draft, '2025', () => undefined));
      await act(() => result.current.save());
      expect(asked).toEqual(['write']);
      expect(draft.save).not.toHaveBeenCalled();
      expect(result.current.saveState).toBeNull();
      await act(() => result.current.save());
      expect(asked).toEqual(['write', 'write']);
      expect(loadAuthor()).toBe('预算绩效科 李四');
      await waitFor(() => expect(result.current.saveState).toEqual({ kind: 'saved', warnings: 0 }));
      expect(draft.save).toHaveBeenCalledTimes(1);
      // once given, the name is not asked again
      await act(() => result.current.save());
      expect(asked).toHaveLength(2);
    } finally {
      unregister();
    }
  });

  it('asks for the author before the publish dialog opens', async () => {
    storeAuthor('');
    let answer: (name: string | null) => void = () => undefined;
    const unregister = setAuthorAsker(() => new Promise((resolve) => (answer = resolve)));
    try {
      const { result } = renderHook(() => useSaveFlow(fakeDraft({ kind: 'saved', warnings: 0 }), '2025', () => undefined));
      act(() => result.current.openPublish());
      expect(result.current.publishing).toBe(false);
      storeAuthor('预算绩效科 李四');
      await act(async () => answer('预算绩效科 李四'));
      expect(result.current.publishing).toBe(true);
    } finally {
      unregister();
    }
  });

  it('counts a save that was written, not one the server refused', async () => {
    const saved = renderHook(() => useSaveFlow(fakeDraft({ kind: 'saved', warnings: 0 }), '2025', () => undefined));
    await act(() => saved.result.current.save());
    expect(saved.result.current.saveState).toEqual({ kind: 'saved', warnings: 0 });
    expect(saved.result.current.writes).toBe(1);

    const refused = renderHook(() => useSaveFlow(fakeDraft({ kind: 'conflict', message: '已被修改' }), '2025', () => undefined));
    await act(() => refused.result.current.save());
    expect(refused.result.current.saveState).toEqual({ kind: 'conflict', message: '已被修改' });
    expect(refused.result.current.writes).toBe(0);
  });

  it('after publication: closes the dialog, says so, reloads the versions and the draft from the server', async () => {
    const draft = fakeDraft({ kind: 'saved', warnings: 0 });
    const onPublished = vi.fn();
    const { result } = renderHook(() => useSaveFlow(draft, '2025', onPublished));
    act(() => result.current.openPublish());
    expect(result.current.publishing).toBe(true);
    act(() => result.current.published());
    expect(result.current.publishing).toBe(false);
    expect(result.current.notice).toBe('已发布2025年方案：现在它是只读的正式版本。');
    expect(result.current.writes).toBe(1);
    expect(onPublished).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(draft.discards).toBe(1));
  });

  it('overwrite after a conflict re-bases on the server version, then saves', async () => {
    const draft = fakeDraft({ kind: 'saved', warnings: 0 });
    const { result } = renderHook(() => useSaveFlow(draft, '2025', () => undefined));
    await act(() => result.current.overwrite());
    expect(vi.mocked(draft.rebaseOnServer).mock.invocationCallOrder[0]!).toBeLessThan(vi.mocked(draft.save).mock.invocationCallOrder[0]!);
    expect(result.current.saveState).toEqual({ kind: 'saved', warnings: 0 });
  });
});

describe('useSchemeNavigation', () => {
  it('opens the JSON view at an issue, and the table at an indicator', () => {
    const { result } = renderHook(() => useSchemeNavigation());
    expect([result.current.view, result.current.side]).toEqual(['table', 'case']);
    act(() => result.current.revealInJson('/indicators/0/points'));
    expect([result.current.view, result.current.reveal]).toEqual(['json', '/indicators/0/points']);
    act(() => result.current.openInTable('/indicators/1'));
    expect([result.current.view, result.current.selected]).toEqual(['table', '/indicators/1']);
  });
});
