/**
 * A closed tab's stashed edits are offered as 打开这些修改 / 丢弃这些修改 — never a bare 删除, which on the case
 * page is the red button that deletes the case itself. The same banner serves the scheme page (方案) and the
 * case page (案例).
 */
import './dom.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { OtherTabsBanners } from '../src/components/OtherTabsBanners.tsx';
import type { OtherDraft } from '../src/state/local-draft.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const orphan: OtherDraft = { tab: 'closed-a', draft: { text: '{}', baseEtag: '"e1"', savedAt: '2026-12-06T08:00:00.000Z' }, live: false };

describe('OtherTabsBanners', () => {
  for (const what of ['方案', '案例'] as const) {
    it(`offers a closed tab's ${what} edits as 打开这些修改 / 丢弃这些修改, with no button named 删除`, () => {
      const onDiscard = vi.fn();
      const onAdopt = vi.fn();
      vi.spyOn(window, 'confirm').mockReturnValue(true);
      render(<OtherTabsBanners what={what} otherTab={false} orphans={[orphan]} dirty={false} onAdopt={onAdopt} onDiscard={onDiscard} />);
      const names = screen.getAllByRole('button').map((b) => b.textContent);
      expect(names).toEqual(['打开这些修改', '丢弃这些修改']);
      expect(screen.getByTestId('orphan-draft').textContent).toContain(`留下了这个${what}未保存的修改`);
      fireEvent.click(screen.getByRole('button', { name: '丢弃这些修改' }));
      expect(window.confirm).toHaveBeenCalledWith('丢弃那个窗口留下的未保存修改？此操作不能撤销。');
      expect(onDiscard).toHaveBeenCalledWith('closed-a');
      expect(onAdopt).not.toHaveBeenCalled();
    });
  }

  it('keeps the stash when the confirmation is declined', () => {
    const onDiscard = vi.fn();
    vi.spyOn(window, 'confirm').mockReturnValue(false);
    render(<OtherTabsBanners what="案例" otherTab={false} orphans={[orphan]} dirty={false} onAdopt={vi.fn()} onDiscard={onDiscard} />);
    fireEvent.click(screen.getByRole('button', { name: '丢弃这些修改' }));
    expect(onDiscard).not.toHaveBeenCalled();
  });
});
