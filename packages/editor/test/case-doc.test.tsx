/**
 * useCaseDoc (src/state/useCaseDoc.ts) against a stand-in server speaking the cases API contract
 * (packages/api/src/cases.ts): a save quotes the version it was based on, a new case is created with
 * If-None-Match: *, a conflict keeps the user's edits and is said in Chinese, the status route moves
 * the case on and a later save states the status the case has (a PUT never changes it).
 */
import './dom.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { useCaseDoc } from '../src/state/useCaseDoc.ts';
import { withFact } from '../src/model/case-form.ts';
import type { CaseDoc } from '../src/model/types.ts';
import { stubServer } from './fetch-stub.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const URL_ = '/api/families/shenzhen-department/cases/2024/shenzhen-newdept';
const saved: CaseDoc = { id: 'shenzhen-newdept', name: '深圳市新设局', department: '深圳市新设局', year: 2024, scheme: { id: 'shenzhen-department', year: 2024 }, facts: { 在编人数: 127 } };
const list = { cases: [{ id: 'shenzhen-newdept', year: 2024, name: '深圳市新设局', scheme: { id: 'shenzhen-department', year: 2024 }, reportedTotal: null, status: 'filling', path: 'x' }] };
const history = { seq: 2, time: '2026-12-07T06:00:00Z', author: '张三', action: 'save', summary: '修改事实', etag: '"v2"' };

describe('useCaseDoc', () => {
  it('saves over the version it was based on; a 412 keeps the edits and says so in Chinese', async () => {
    let answer412 = false;
    const seen = stubServer((r) => {
      if (r.method === 'GET' && r.url === URL_) return { status: 200, body: { etag: '"v1"', doc: saved } };
      if (r.method === 'GET' && r.url.endsWith('/cases')) return { status: 200, body: list };
      if (r.method === 'PUT' && r.url === URL_)
        return answer412
          ? { status: 412, body: { error: 'version-conflict', message: '案例已被他人修改，未保存', messageEn: 'changed meanwhile', currentEtag: '"v3"' } }
          : { status: 200, body: { saved: true, etag: '"v2"', warnings: [], history } };
      return undefined;
    });
    const { result } = renderHook(() => useCaseDoc('shenzhen-department', 2024, 'shenzhen-newdept', null));
    await waitFor(() => expect(result.current.doc).not.toBeNull());
    expect(result.current.etag).toBe('"v1"');
    expect(result.current.status).toBe('filling');
    expect(result.current.dirty).toBe(false);

    act(() => result.current.setDoc((d) => withFact(d, '在编人数', '128', '')));
    expect(result.current.dirty).toBe(true);
    await act(async () => void (await result.current.save()));
    const put = seen.find((s) => s.method === 'PUT');
    expect(put?.headers['If-Match']).toBe('"v1"');
    expect((put?.body as CaseDoc).facts['在编人数']).toBe('128');
    expect(result.current.etag).toBe('"v2"');
    expect(result.current.dirty).toBe(false);

    answer412 = true;
    act(() => result.current.setDoc((d) => withFact(d, '在编人数', '129', '')));
    await act(async () => void (await result.current.save()));
    expect(result.current.problem?.kind).toBe('conflict');
    expect(result.current.problem?.message).toContain('案例已被他人修改');
    expect(result.current.problem?.message).toContain('没有被覆盖');
    // the edit is still in the form, and the version is still the one it was based on
    expect(result.current.doc?.facts['在编人数']).toBe('129');
    expect(result.current.etag).toBe('"v2"');
    expect(seen.filter((s) => s.method === 'PUT').at(-1)?.headers['If-Match']).toBe('"v2"');
  });

  it('creates a new case with If-None-Match: *, then moves it on with the status route and keeps its status in later saves', async () => {
    const seen = stubServer((r) => {
      if (r.method === 'PUT' && r.url === URL_) return { status: r.headers['If-None-Match'] ? 201 : 200, body: { saved: true, etag: r.headers['If-None-Match'] ? '"v1"' : '"v3"', warnings: [], history } };
      if (r.method === 'POST' && r.url === `${URL_}/status`) return { status: 200, body: { status: 'submitted', etag: '"v2"', history } };
      return undefined;
    });
    const { result } = renderHook(() => useCaseDoc('shenzhen-department', 2024, 'shenzhen-newdept', saved));
    expect(result.current.isNew).toBe(true);
    expect(result.current.dirty).toBe(true);
    await act(async () => void (await result.current.save()));
    expect(seen[0]?.headers['If-None-Match']).toBe('*');
    expect(seen[0]?.headers['If-Match']).toBeUndefined();
    expect(result.current.isNew).toBe(false);
    expect(result.current.notice).toContain('案例已创建并保存');

    await act(async () => void (await result.current.setStatus('submitted')));
    const post = seen.find((s) => s.method === 'POST');
    expect(post?.headers['If-Match']).toBe('"v1"');
    expect(post?.body).toEqual({ status: 'submitted' });
    expect(result.current.status).toBe('submitted');
    expect(result.current.notice).toContain('已提交');

    // a reviewer's save of a submitted case states its status
    act(() => result.current.setDoc((d) => ({ ...d, reviewer: { outcomes: { score: '25', reason: '目标均已实现' } } })));
    await act(async () => void (await result.current.save()));
    const last = seen.filter((s) => s.method === 'PUT').at(-1);
    expect(last?.headers['If-Match']).toBe('"v2"');
    expect((last?.body as { status?: string }).status).toBe('submitted');
  });

  it('refuses a status change while there are unsaved edits', async () => {
    const seen = stubServer((r) => (r.method === 'GET' && r.url === URL_ ? { status: 200, body: { etag: '"v1"', doc: saved } } : r.url.endsWith('/cases') ? { status: 200, body: list } : undefined));
    const { result } = renderHook(() => useCaseDoc('shenzhen-department', 2024, 'shenzhen-newdept', null));
    await waitFor(() => expect(result.current.doc).not.toBeNull());
    act(() => result.current.setDoc((d) => withFact(d, '在编人数', '130', '')));
    await act(async () => void (await result.current.setStatus('submitted')));
    expect(result.current.problem?.message).toBe('请先保存修改，再变更状态。');
    expect(seen.some((s) => s.method === 'POST')).toBe(false);
  });
});
