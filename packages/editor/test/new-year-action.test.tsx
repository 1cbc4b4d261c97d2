/**
 * “以2024年方案为基础新建2025年草稿”: the button says what it does, the year defaults to the one
 * after the base, an existing year is refused before asking the server, and the server's refusal
 * is shown.
 */
import './dom.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NewYearAction } from '../src/versions/NewYearAction.tsx';
import { stubServer } from './fetch-stub.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const yearBox = () => screen.getByRole('textbox', { name: '新草稿年度' }) as HTMLInputElement;

describe('NewYearAction', () => {
  it('defaults to the next year and creates it through the server, then hands over the new year', async () => {
    const seen = stubServer((r) => (r.method === 'POST' ? { status: 201, body: { family: 'shenzhen-department', year: 2025, etag: '"x"', doc: {}, warnings: [] } } : undefined));
    const onCreated = vi.fn();
    render(<NewYearAction family="shenzhen-department" baseYears={[2024, 2021]} baseYear={2024} existingYears={[2024, 2021]} onCreated={onCreated} />);
    expect(yearBox().value).toBe('2025');
    fireEvent.click(screen.getByRole('button', { name: '以2024年方案为基础新建2025年草稿' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(2025));
    expect(seen.map((r) => [r.method, r.url, r.body])).toEqual([['POST', '/api/schemes/shenzhen-department/2024/new-year', { year: 2025 }]]);
  });

  it('a base with 节点日期 the new year lacks: says which dates are needed and which were carried before opening the draft', async () => {
    // the server's warnings for 岳阳 2020 → 2021 (engine newYear): 春节前 needed, 6月底前 carried
    const warnings = [
      { code: 'calendar-date-needed', severity: 'warning', path: '/calendar/0/dates', message: '新年度须补充节点日期：节点“春节前”没有2021年的日期', messageEn: 'needs its date' },
      { code: 'calendar-date-carried', severity: 'warning', path: '/calendar/1/dates', message: '节点“6月底前”按其写法沿用为 2021-06-30（2021年），请核对', messageEn: 'carried' },
      { code: 'milestone-no-date', severity: 'error', path: '/indicators/0/rule/items/0/due', message: '没有2021年度的日期', messageEn: 'no date' },
    ];
    stubServer((r) => (r.method === 'POST' ? { status: 201, body: { family: 'yueyang', year: 2021, etag: '"x"', doc: {}, warnings } } : undefined));
    const onCreated = vi.fn();
    render(<NewYearAction family="yueyang" baseYears={[2020]} baseYear={2020} existingYears={[2020]} onCreated={onCreated} />);
    fireEvent.click(screen.getByRole('button', { name: '以2020年方案为基础新建2021年草稿' }));
    const notes = await screen.findByRole('status', { name: '新年度的节点日期' });
    expect(notes.textContent).toContain('2021年还须补充 1 个节点日期');
    expect(notes.textContent).toContain('节点“春节前”没有2021年的日期');
    expect(notes.textContent).toContain('沿用为 2021-06-30');
    // the draft's own errors are not listed as calendar notes
    expect(notes.textContent).not.toContain('没有2021年度的日期');
    expect(onCreated).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '打开2021年草稿，补充节点日期' }));
    expect(onCreated).toHaveBeenCalledWith(2021);
  });

  it('lets the user choose the base and the year; an existing year is not offered', () => {
    const seen = stubServer(() => undefined);
    render(<NewYearAction family="shenzhen-department" baseYears={[2024, 2021]} baseYear={2024} existingYears={[2024, 2021]} chooseBase />);
    fireEvent.change(screen.getByRole('combobox', { name: '基础方案年度' }), { target: { value: '2021' } });
    expect(yearBox().value).toBe('2022');
    fireEvent.change(yearBox(), { target: { value: '2024' } });
    const button = screen.getByRole('button', { name: '以2021年方案为基础新建2024年草稿' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByText(/2024年方案已存在/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '打开2024年方案' }).getAttribute('href')).toBe('#/scheme/shenzhen-department/2024');
    fireEvent.change(yearBox(), { target: { value: '20x6' } });
    expect((screen.getByRole('button', { name: /新建____年草稿/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(seen).toEqual([]);
  });

  it("shows the server's refusal", async () => {
    stubServer(() => ({ status: 409, body: { error: 'exists', message: '2025年方案已存在（方案族 shenzhen-department），不能重复新建；请直接打开它。', messageEn: 'exists' } }));
    render(<NewYearAction family="shenzhen-department" baseYears={[2024]} baseYear={2024} existingYears={[2024]} onCreated={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: '以2024年方案为基础新建2025年草稿' }));
    expect((await screen.findByRole('alert')).textContent).toContain('不能重复新建');
  });
});
