/**
 * Every write asks for the 署名 first, through one path (state/author.ts `ensureAuthor`, awaited by the API
 * client before any request but a GET), shown by the page's one dialog (AuthorGate): 以2024年方案为基础新建
 * 2025年草稿 (which once went out unsigned, and the history credited the machine's git user), a scheme's
 * restore, a case's status change and deletion. Cancelled, nothing is sent; given, the request carries it.
 */
import './dom.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AuthorGate } from '../src/components/AuthorDialog.tsx';
import { NewYearAction } from '../src/versions/NewYearAction.tsx';
import { api, ApiError, AUTHOR_DECLINED } from '../src/api/client.ts';
import { loadAuthor, storeAuthor } from '../src/state/author.ts';
import { stubServer } from './fetch-stub.ts';

const NAME = '预算绩效科 李四';

beforeEach(() => storeAuthor(''));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  storeAuthor('');
});

const dialog = () => screen.queryByRole('dialog', { name: '您的署名' });

describe('the 署名 before a write', () => {
  it('以2024年方案为基础新建2025年草稿 asks first; cancelled, nothing is created; given, the request is signed', async () => {
    const seen = stubServer((r) => (r.method === 'POST' ? { status: 201, body: { family: 'shenzhen-department', year: 2025, etag: '"x"', doc: {}, warnings: [] } } : undefined));
    const onCreated = vi.fn();
    render(
      <>
        <AuthorGate />
        <NewYearAction family="shenzhen-department" baseYears={[2024]} baseYear={2024} existingYears={[2024]} onCreated={onCreated} />
      </>,
    );
    const button = screen.getByRole('button', { name: '以2024年方案为基础新建2025年草稿' });
    fireEvent.click(button);
    await waitFor(() => expect(dialog()).not.toBeNull());
    expect(seen).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect((await screen.findByRole('alert')).textContent).toContain('未填写署名');
    expect(seen).toEqual([]);
    expect(onCreated).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '以2024年方案为基础新建2025年草稿' }));
    await waitFor(() => expect(dialog()).not.toBeNull());
    fireEvent.change(screen.getByRole('textbox', { name: '署名' }), { target: { value: NAME } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(2025));
    expect(dialog()).toBeNull();
    expect(loadAuthor()).toBe(NAME);
    expect(seen.map((r) => [r.method, r.url, r.headers['X-Jixiao-Author']])).toEqual([['POST', '/api/schemes/shenzhen-department/2024/new-year', encodeURIComponent(NAME)]]);
  });

  it('restore, case status and case deletion ask the same way, once: the name given is sent with each', async () => {
    const seen = stubServer((r) => (r.method === 'GET' ? undefined : { status: 200, body: { etag: '"y"', restored: true, status: 'submitted' } }));
    render(<AuthorGate />);
    let restore: Promise<unknown> = Promise.resolve();
    let status: Promise<unknown> = Promise.resolve();
    await act(async () => {
      restore = api.restore('shenzhen-department', 2025, 1, '"e"');
      // a second write started meanwhile waits for the same answer: one dialog
      status = api.setCaseStatus('shenzhen-department', 2024, 'c1', 'submitted', '"e"');
    });
    expect(dialog()).not.toBeNull();
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(seen).toEqual([]);
    fireEvent.change(screen.getByRole('textbox', { name: '署名' }), { target: { value: NAME } });
    fireEvent.click(screen.getByRole('button', { name: '确定' }));
    await Promise.all([restore, status]);
    await api.deleteCase('shenzhen-department', 2024, 'c1', '"y"');
    expect(dialog()).toBeNull();
    expect(seen.map((r) => [r.method, r.url.replace('/api/', ''), r.headers['X-Jixiao-Author']])).toEqual([
      ['POST', 'schemes/shenzhen-department/2025/restore', encodeURIComponent(NAME)],
      ['POST', 'families/shenzhen-department/cases/2024/c1/status', encodeURIComponent(NAME)],
      ['DELETE', 'families/shenzhen-department/cases/2024/c1', encodeURIComponent(NAME)],
    ]);
  });

  it('a cancelled 署名 refuses the write with a Chinese message and sends nothing', async () => {
    const seen = stubServer(() => ({ status: 200, body: {} }));
    render(<AuthorGate />);
    let save: Promise<unknown> = Promise.resolve();
    await act(async () => {
      save = api.saveCase('shenzhen-department', 2024, 'c1', { id: 'c1' }, null).catch((e: unknown) => e);
    });
    expect(dialog()).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    const e = await save;
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).body.error).toBe(AUTHOR_DECLINED);
    expect((e as ApiError).message).toMatch(/未填写署名，未做任何修改/);
    expect(seen).toEqual([]);
  });

  it('reading asks nothing', async () => {
    const seen = stubServer(() => ({ status: 200, body: { schemes: [] } }));
    render(<AuthorGate />);
    expect(await api.listSchemes()).toEqual([]);
    expect(dialog()).toBeNull();
    expect(seen).toHaveLength(1);
  });

  it('without the gate (accounts: the signed-in account is recorded) a write goes out at once', async () => {
    const seen = stubServer(() => ({ status: 201, body: { family: 'f', year: 2025, etag: '"x"', doc: {} } }));
    await api.newYear('f', 2024, 2025);
    expect(seen.map((r) => r.method)).toEqual(['POST']);
  });
});
