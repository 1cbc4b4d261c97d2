/**
 * 影响预览's cases (ImpactPanel): each saved case of the family once — even one the server lists twice,
 * and one just created — and the case open in 案例得分 with "what if" values in place of its saved
 * version rather than beside it (a second copy used to show 无法计分). The job sent to the versions
 * worker is captured; the scoring itself is the engine's (tested in impact-view.test.tsx).
 */
import './dom.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/react';
import type { ImpactJob } from '../src/worker/versions-protocol.ts';
import { stubServer } from './fetch-stub.ts';

const jobs: (ImpactJob | null)[] = [];
vi.mock('../src/worker/useVersionsJob.ts', () => ({
  useVersionsJob: (job: ImpactJob | null) => {
    jobs.push(job);
    return { outcome: null, forJob: null, pending: true, crash: null };
  },
}));

const { ImpactPanel } = await import('../src/versions/ImpactPanel.tsx');

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  jobs.length = 0;
});

const summary = (id: string, name: string) => ({ id, year: 2024, name, scheme: { id: 'fam', year: 2024 }, reportedTotal: null, path: `${id}` });

function serve(): void {
  stubServer((r) => {
    if (r.url === '/api/schemes/fam/2023') return { status: 200, body: { etag: '"b"', doc: { id: 'fam', year: 2023 }, publication: [] } };
    // the server lists 甲局 twice (e.g. a file and its database row): it is simulated once
    if (r.url === '/api/families/fam/cases') return { status: 200, body: { cases: [summary('jia', '甲局'), summary('jia', '甲局'), summary('newdept', '新设局')] } };
    if (r.url === '/api/families/fam/cases/2024/jia') return { status: 200, body: { etag: '"1"', doc: { name: '甲局', facts: { 满意度: '80%' } } } };
    if (r.url === '/api/families/fam/cases/2024/newdept') return { status: 200, body: { etag: '"1"', doc: { name: '新设局', facts: { 满意度: '90%' } } } };
    return undefined;
  });
}

const versions = [
  { family: 'fam', year: 2023, status: 'published', title: '', path: '', totalPoints: 100 },
  { family: 'fam', year: 2024, status: 'draft', title: '', path: '', totalPoints: 100 },
] as never;

describe('ImpactPanel cases', () => {
  it('simulates each saved case once, the new one included', async () => {
    serve();
    render(<ImpactPanel family="fam" year={2024} doc={{ id: 'fam', year: 2024 }} versions={versions} whatIf={{ name: '甲局', input: { facts: { 满意度: '80%' } }, changed: false }} whatIfKey="2024/jia" />);
    await waitFor(() => expect(jobs.at(-1)).not.toBeNull());
    expect(jobs.at(-1)?.cases.map((c) => [c.id, c.name])).toEqual([
      ['2024/jia', '甲局'],
      ['2024/newdept', '新设局'],
    ]);
  });

  it("puts the open case's what-if values in place of its saved version, not beside it", async () => {
    serve();
    render(<ImpactPanel family="fam" year={2024} doc={{ id: 'fam', year: 2024 }} versions={versions} whatIf={{ name: '甲局（含假设值）', input: { facts: { 满意度: '96%' } }, changed: true }} whatIfKey="2024/jia" />);
    await waitFor(() => expect(jobs.at(-1)).not.toBeNull());
    const cases = jobs.at(-1)?.cases ?? [];
    expect(cases.map((c) => [c.id, c.name, c.input.facts['满意度']])).toEqual([
      ['2024/jia', '甲局（含假设值）', '96%'],
      ['2024/newdept', '新设局', '90%'],
    ]);
  });
});
