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
    const seen = stubServer((r) => (r.method === 'POST' ? { status: 201, body: { family: 'shenzhen-department', year: 2025, etag: '"x"', doc: {} } } : undefined));
    const onCreated = vi.fn();
    render(<NewYearAction family="shenzhen-department" baseYears={[2024, 2021]} baseYear={2024} existingYears={[2024, 2021]} onCreated={onCreated} />);
    expect(yearBox().value).toBe('2025');
    fireEvent.click(screen.getByRole('button', { name: '以2024年方案为基础新建2025年草稿' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(2025));
    expect(seen.map((r) => [r.method, r.url, r.body])).toEqual([['POST', '/api/schemes/shenzhen-department/2024/new-year', { year: 2025 }]]);
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
