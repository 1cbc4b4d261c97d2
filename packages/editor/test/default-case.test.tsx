/**
 * The case a scheme page opens with (state/default-case.ts): the user's remembered choice, else the first
 * case the engine can score, in a stable order — a new, mostly empty 商务局 2024 case (which sorts before
 * 深圳市商务局… by name) no longer takes the place of the real department's sheet with a column of
 * 无法计分 errors. Scored here by the real engine on the shipped shenzhen-department 2024 scheme and case.
 */
import './dom.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, cleanup, render, renderHook, screen, waitFor } from '@testing-library/react';
import { compile, evaluate, type CaseInput } from '@jixiao/engine';
import type { CaseSummary } from '../src/api/types.ts';
import { chooseCase, rankCases, rememberCase, rememberedCase, MAX_TRIED } from '../src/state/default-case.ts';
import { useCaseWorkbench, type CaseScorer } from '../src/state/useCaseWorkbench.ts';
import { CasePanel, choiceNote } from '../src/components/CasePanel.tsx';
import { stubServer } from './fetch-stub.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const read = (rel: string) => JSON.parse(readFileSync(join(repoRoot, 'schemes', rel), 'utf8')) as Record<string, unknown>;
const scheme = read('shenzhen-department/2024.json');
const commerce = read('shenzhen-department/cases/2024/shenzhen-commerce.json');
const ccpit = read('shenzhen-department/cases/2021/shenzhen-ccpit.json');
/** A second 商务局 2024 case, just created: a name and nothing entered yet. */
const empty = { id: 'shangwu-2', name: '商务局（第二稿）', department: '深圳市商务局', year: 2024, scheme: { id: 'shenzhen-department', year: 2024 }, facts: {} };

/** The real engine as the page's worker does it (worker/score-case.ts): null when the scheme does not compile. */
const engineScores: CaseScorer = async (s, doc) => {
  const c = compile(s);
  if (!c.ok) return null;
  return evaluate(c.compiled, doc as CaseInput).ok;
};

const summary = (d: Record<string, unknown>, extra: Partial<CaseSummary> = {}): CaseSummary => ({
  id: d['id'] as string,
  year: d['year'] as number,
  name: d['name'] as string,
  scheme: d['scheme'] as CaseSummary['scheme'],
  reportedTotal: ((d['reported'] as { total?: number } | undefined)?.total ?? null) as CaseSummary['reportedTotal'],
  status: 'filling',
  path: `schemes/shenzhen-department/cases/${String(d['year'])}/${String(d['id'])}.json`,
  ...extra,
});
// the server's order: year (newest first), then name — 商务局 (shāng) before 深圳市 (shēn)
const list = [summary(empty), summary(commerce), summary(ccpit)];
const docs: Record<string, unknown> = { '2024/shangwu-2': empty, '2024/shenzhen-commerce': commerce, '2021/shenzhen-ccpit': ccpit };
const probeWith = (s: unknown) => async (c: CaseSummary) => engineScores(s, docs[`${c.year}/${c.id}`]);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe('rankCases', () => {
  it("tries this year's cases first, the likely complete ones (reviewed, submitted, reported) before the rest, else the server's order", () => {
    const a = summary(empty, { id: 'a', name: '甲' });
    const b = summary(empty, { id: 'b', name: '乙', status: 'submitted' });
    const c = summary(empty, { id: 'c', name: '丙', reportedTotal: 88 });
    const d = summary(empty, { id: 'd', name: '丁', status: 'reviewed' });
    const old = summary(ccpit, { status: 'reviewed' });
    const broken = { ...summary(empty, { id: 'x', name: '坏' }), error: '不是合法的 JSON' };
    expect(rankCases([old, a, broken, b, c, d], 2024).map((x) => x.id)).toEqual(['d', 'b', 'c', 'a', 'shenzhen-ccpit']);
    // stable: the same list, the same order
    expect(rankCases([old, a, broken, b, c, d], 2024)).toEqual(rankCases([old, a, broken, b, c, d], '2024'));
  });
});

describe('chooseCase', () => {
  it('opens the 商务局 2024 report, not the new empty case listed before it', async () => {
    // the empty case cannot be scored by the engine; the report can
    expect(await engineScores(scheme, empty)).toBe(false);
    expect(await engineScores(scheme, commerce)).toBe(true);
    expect(await chooseCase(list, 2024, null, probeWith(scheme))).toEqual({ by: 'default', key: '2024/shenzhen-commerce', scorable: true });
  });

  it('even when the empty case is ranked first (no reported total on either): the first one the engine scores', async () => {
    const bare = [summary(empty), summary({ ...commerce, reported: undefined })];
    expect(rankCases(bare, 2024)[0]!.id).toBe('shangwu-2');
    expect(await chooseCase(bare, 2024, null, probeWith(scheme))).toMatchObject({ key: '2024/shenzhen-commerce', scorable: true });
  });

  it("keeps the user's remembered choice, even an unscorable case or 不选案例, and forgets one no longer listed", async () => {
    const probe = vi.fn(probeWith(scheme));
    expect(await chooseCase(list, 2024, '2024/shangwu-2', probe)).toEqual({ by: 'user', key: '2024/shangwu-2' });
    expect(await chooseCase(list, 2024, '', probe)).toEqual({ by: 'user', key: null });
    expect(probe).not.toHaveBeenCalled();
    expect(await chooseCase(list, 2024, '2024/deleted', probe)).toMatchObject({ by: 'default', key: '2024/shenzhen-commerce' });
  });

  it('a scheme that scores nothing (it does not compile) opens the first ranked case, saying it could not be scored', async () => {
    const broken = { ...scheme, indicators: 'none' };
    const probe = vi.fn(probeWith(broken));
    expect(await chooseCase(list, 2024, null, probe)).toEqual({ by: 'default', key: '2024/shenzhen-commerce', scorable: false });
    // no case can be told under such a scheme: one try is enough
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it(`tries at most ${MAX_TRIED} cases`, async () => {
    const many = Array.from({ length: MAX_TRIED + 3 }, (_, i) => summary(empty, { id: `e${i}`, name: `空${i}` }));
    const probe = vi.fn(async () => false);
    expect(await chooseCase(many, 2024, null, probe)).toEqual({ by: 'default', key: '2024/e0', scorable: false });
    expect(probe).toHaveBeenCalledTimes(MAX_TRIED);
  });
});

describe('the scheme page’s case (useCaseWorkbench)', () => {
  const serve = () =>
    stubServer((r) => {
      if (r.url === '/api/families/shenzhen-department/cases') return { status: 200, body: { cases: list } };
      const m = /^\/api\/families\/shenzhen-department\/cases\/([0-9]+)\/([^/]+)$/.exec(r.url);
      const d = m ? docs[`${m[1]}/${m[2]}`] : undefined;
      return d ? { status: 200, body: { etag: '"e"', doc: d } } : undefined;
    });

  it('waits for the scheme, opens the first scorable case, and remembers the case the user picks instead', async () => {
    serve();
    const hook = renderHook(({ s }: { s: unknown }) => useCaseWorkbench('shenzhen-department', '2024', s, engineScores), { initialProps: { s: null as unknown } });
    await waitFor(() => expect(hook.result.current.cases).toHaveLength(3));
    expect(hook.result.current.choice).toBeNull();
    hook.rerender({ s: scheme });
    await waitFor(() => expect(hook.result.current.caseKey).toBe('2024/shenzhen-commerce'));
    expect(hook.result.current.choice).toEqual({ by: 'default', key: '2024/shenzhen-commerce', scorable: true });
    await waitFor(() => expect(hook.result.current.caseDoc).toEqual(commerce));

    act(() => hook.result.current.setCaseKey('2021/shenzhen-ccpit'));
    expect(rememberedCase('shenzhen-department', '2024')).toBe('2021/shenzhen-ccpit');
    hook.unmount();

    // the page opened again: the user's case, without scoring anything
    const seen = serve();
    const again = renderHook(() => useCaseWorkbench('shenzhen-department', '2024', scheme, engineScores));
    await waitFor(() => expect(again.result.current.caseDoc).toEqual(ccpit));
    expect(again.result.current.choice).toEqual({ by: 'user', key: '2021/shenzhen-ccpit' });
    expect(seen.map((r) => r.url)).toEqual(['/api/families/shenzhen-department/cases', '/api/families/shenzhen-department/cases/2021/shenzhen-ccpit']);
  });

  it('the remembered choice is per scheme (family and year)', () => {
    rememberCase('shenzhen-department', 2024, '2024/shangwu-2');
    expect(rememberedCase('shenzhen-department', '2024')).toBe('2024/shangwu-2');
    expect(rememberedCase('shenzhen-department', 2021)).toBeNull();
  });
});

describe('the choice is said under the case picker', () => {
  it('names why the case is shown', () => {
    expect(choiceNote({ by: 'default', key: '2024/shenzhen-commerce', scorable: true })).toContain('默认显示第一个可以计分的案例');
    expect(choiceNote({ by: 'default', key: '2024/shangwu-2', scorable: false })).toContain('没有找到可以按本方案计分的案例');
    expect(choiceNote({ by: 'user', key: '2024/shangwu-2' })).toContain('您选择的案例');
    expect(choiceNote(null)).toContain('正在选择');
  });

  it('the picker shows the chosen case and the note', () => {
    render(
      <CasePanel
        cases={list}
        caseKey="2024/shenzhen-commerce"
        onPickCase={() => undefined}
        choice={{ by: 'default', key: '2024/shenzhen-commerce', scorable: true }}
        caseDoc={null}
        sheet={null}
        scoreIssues={[]}
        pending={false}
        traceId={null}
        onTrace={() => undefined}
        overrides={{}}
        onOverride={() => undefined}
        reviewerOverrides={{}}
        onReviewerOverride={() => undefined}
        onResetOverrides={() => undefined}
        schemeYear={2024}
      />,
    );
    expect((screen.getByRole('combobox', { name: '选择案例' }) as HTMLSelectElement).value).toBe('2024/shenzhen-commerce');
    expect(screen.getByTestId('case-choice').textContent).toContain('您的选择会被记住');
  });
});
