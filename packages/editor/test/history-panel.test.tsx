/**
 * 修改历史: the recorded saves newest first with time, author, action and summary; restoring an
 * earlier state asks for confirmation, sends the version the user saw (If-Match), and is refused
 * while the page has unsaved changes.
 */
import './dom.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { HistoryPanel } from '../src/versions/HistoryPanel.tsx';
import type { HistoryListEntry } from '../src/api/types.ts';
import { stubServer } from './fetch-stub.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const entries: HistoryListEntry[] = [
  { seq: 1, time: '2025-01-06T02:00:00.000Z', author: '绩效处 李明', action: 'create', actionZh: '新建', summary: '以2024年方案为基础新建2025年草稿', etag: '"a"' },
  { seq: 2, time: '2025-01-07T03:30:00.000Z', author: '绩效处 王芳', action: 'save', actionZh: '保存', summary: '1处变更：公众或服务对象满意度：第1档 ≥95% 得分 6分 → 5分', etag: '"b"' },
];

function setup(dirty = false) {
  const seen = stubServer((r) => {
    if (r.method === 'GET' && r.url.endsWith('/history')) return { status: 200, body: { entries } };
    if (r.method === 'POST' && r.url.endsWith('/restore')) return { status: 200, body: { restored: true, etag: '"c"', doc: {}, issues: [] } };
    return undefined;
  });
  const onRestored = vi.fn();
  render(<HistoryPanel family="shenzhen-department" year={2025} published={false} etag={'"b"'} dirty={dirty} refreshKey={0} onRestored={onRestored} />);
  return { seen, onRestored };
}

describe('HistoryPanel', () => {
  it('lists the records newest first; only earlier states can be restored', async () => {
    setup();
    const table = await screen.findByRole('table', { name: '修改历史记录' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-seq'))).toEqual(['2', '1']);
    expect(rows[0]!.textContent).toContain('绩效处 王芳');
    expect(rows[0]!.textContent).toContain('第1档 ≥95% 得分 6分 → 5分');
    expect(rows[0]!.textContent).toContain('（当前状态）');
    expect(within(rows[0]!).queryByRole('button')).toBeNull();
    expect(within(rows[1]!).getByRole('button', { name: '恢复到第 1 条记录' })).toBeTruthy();
  });

  it('restores after confirmation, naming the version the user saw', async () => {
    const { seen, onRestored } = setup();
    fireEvent.click(await screen.findByRole('button', { name: '恢复到第 1 条记录' }));
    const dialog = screen.getByRole('dialog', { name: '恢复到第 1 条记录？' });
    expect(dialog.textContent).toContain('以2024年方案为基础新建2025年草稿');
    expect(dialog.textContent).toContain('当前状态不会丢失');
    expect(seen.filter((r) => r.method === 'POST')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: '确认恢复' }));
    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
    const post = seen.find((r) => r.method === 'POST')!;
    expect([post.url, post.body, post.headers['If-Match']]).toEqual(['/api/schemes/shenzhen-department/2025/restore', { seq: 1 }, '"b"']);
    expect(screen.getByRole('status').textContent).toContain('已恢复到第 1 条记录的状态');
  });

  it('does not restore over unsaved changes, and cancelling does nothing', async () => {
    const { seen, onRestored } = setup(true);
    fireEvent.click(await screen.findByRole('button', { name: '恢复到第 1 条记录' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('请先保存或放弃这些修改');
    expect((within(dialog).getByRole('button', { name: '确认恢复' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(seen.filter((r) => r.method === 'POST')).toEqual([]);
    expect(onRestored).not.toHaveBeenCalled();
  });
});
