/**
 * Only 政策管理 may restore a case (the server's access table: `POST …/cases/…/restore` is POLICY only), so
 * the case history's 恢复到此状态 is hidden from a reviewer and a department account by the same mechanism as
 * the scheme history: session.css hides it under body[data-role] (set by SessionGate). The stylesheet is
 * the editor's own file, read as text and put in the page, so the test checks the real rule.
 */
import './dom.ts';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { CaseHistory } from '../src/components/CaseHistory.tsx';
import { stubServer } from './fetch-stub.ts';

const css = readFileSync(new URL('../src/session/session.css', import.meta.url), 'utf8');
let style: HTMLStyleElement;
beforeAll(() => {
  style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
});
afterAll(() => style.remove());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete document.body.dataset['role'];
});

const entry = (seq: number, action: 'create' | 'save', actionZh: string) => ({ seq, time: `2026-12-0${seq}T08:00:00.000Z`, author: '张三', action, summary: '', etag: `"e${seq}"`, actionZh });

async function renderHistory() {
  stubServer((r) => (r.method === 'GET' && r.url.endsWith('/history') ? { status: 200, body: { entries: [entry(1, 'create', '新建'), entry(2, 'save', '保存')] } } : undefined));
  render(<CaseHistory family="shenzhen-project" year={2020} caseId="c1" etag={'"e2"'} dirty={false} refreshKey={0} onRestored={() => {}} />);
  // the newest entry is the current version; the older one is offered for restoring
  return screen.findByText('恢复到此状态', { selector: 'button' });
}

describe('case history 恢复到此状态 by role', () => {
  for (const role of ['reviewer', 'department']) {
    it(`is hidden for ${role === 'reviewer' ? '评审' : '部门填报'} (${role})`, async () => {
      document.body.dataset['role'] = role;
      const button = await renderHistory();
      expect(window.getComputedStyle(button).display).toBe('none');
    });
  }

  it('is shown for 政策管理 (policy) and when there are no accounts (no role)', async () => {
    document.body.dataset['role'] = 'policy';
    const button = await renderHistory();
    expect(window.getComputedStyle(button).display).not.toBe('none');
    cleanup();
    delete document.body.dataset['role'];
    expect(window.getComputedStyle(await renderHistory()).display).not.toBe('none');
  });
});
