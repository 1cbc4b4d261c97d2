/**
 * The case actions of a scheme page (CaseActions): 上传 Excel sends the workbook's bytes to the office
 * import route and opens what it read in the case form (unsaved), listing the cells it could not read by
 * sheet and cell; 下载模板 refused by the server is said in Chinese (not a broken file).
 */
import './dom.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CaseActions } from '../src/components/CaseActions.tsx';
import { pendingCase } from '../src/state/pending-cases.ts';
import { stubServer } from './fetch-stub.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
  window.location.hash = '';
});

const read = (id: string, name: string) => ({ doc: { id, name, year: 2024, scheme: { id: 'shenzhen-department', year: 2024 }, facts: { 在编人数: 127 } }, issues: [] });

describe('CaseActions', () => {
  it('uploads a workbook, keeps each case read for the form, and lists the cells it could not read', async () => {
    const seen = stubServer((r) =>
      r.method === 'POST' && r.url === '/api/schemes/shenzhen-department/2024/import'
        ? { status: 200, body: { cases: [read('dept-a', '甲局'), read('dept-b', '乙局')], problems: [{ sheet: '事实表', cell: 'C12', message: '“一百”不是数字', messageEn: 'not a number' }] } }
        : undefined,
    );
    render(<CaseActions family="shenzhen-department" year={2024} caseKey={null} />);
    const file = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], '填报.xlsx');
    fireEvent.change(screen.getByLabelText('上传 Excel'), { target: { files: [file] } });
    await waitFor(() => expect(document.body.textContent).toContain('事实表!C12：“一百”不是数字'));
    expect(seen[0]?.method).toBe('POST');
    expect(screen.getByRole('link', { name: '甲局' }).getAttribute('href')).toBe('#/case/shenzhen-department/2024/dept-a');
    expect(pendingCase('shenzhen-department', 2024, 'dept-b')?.name).toBe('乙局');
    // with problems listed, the page stays so they can be read
    expect(window.location.hash).toBe('');
  });

  it('does not name the cell twice when the message already names it', async () => {
    stubServer((r) => (r.method === 'POST' ? { status: 200, body: { cases: [], problems: [{ sheet: '事实表', cell: 'C5', message: '事实表!C5：被评价部门不能为空，请填写', messageEn: 'empty' }] } } : undefined));
    render(<CaseActions family="shenzhen-department" year={2024} caseKey={null} />);
    fireEvent.change(screen.getByLabelText('上传 Excel'), { target: { files: [new File([new Uint8Array([1])], 'a.xlsx')] } });
    await waitFor(() => expect(document.body.textContent).toContain('事实表!C5：被评价部门不能为空'));
    expect(document.body.textContent).not.toContain('事实表!C5：事实表!C5');
  });

  it('opens a single case read without problems directly in the form', async () => {
    stubServer((r) => (r.method === 'POST' ? { status: 200, body: { cases: [read('dept-a', '甲局')], problems: [] } } : undefined));
    render(<CaseActions family="shenzhen-department" year={2024} caseKey={null} />);
    fireEvent.change(screen.getByLabelText('上传 Excel'), { target: { files: [new File([new Uint8Array([1])], 'a.xlsx')] } });
    await waitFor(() => expect(window.location.hash).toBe('#/case/shenzhen-department/2024/dept-a'));
  });

  it('lists reviewer items not scored yet as 待评审, apart from the errors, and opens the one case read', async () => {
    const pending = { sheet: '评审表', cell: 'I8', code: 'office-awaits-reviewer', severity: 'warning', message: '评审表!I8：待评审（由评审填写，不是填报错误）：“效果性”为酌情评分项', messageEn: 'awaits the reviewer' };
    stubServer((r) => (r.method === 'POST' ? { status: 200, body: { cases: [read('dept-a', '甲局')], problems: [pending] } } : undefined));
    render(<CaseActions family="shenzhen-department" year={2024} caseKey={null} />);
    fireEvent.change(screen.getByLabelText('上传 Excel'), { target: { files: [new File([new Uint8Array([1])], 'a.xlsx')] } });
    await waitFor(() => expect(window.location.hash).toBe('#/case/shenzhen-department/2024/dept-a'));
    expect(document.body.textContent).toContain('“待评审”项由评审在案例提交后录入');
    expect(document.body.textContent).toContain('评审表!I8：待评审');
    expect(document.body.textContent).not.toContain('请改正后重新上传');
  });

  it('says in Chinese when the template cannot be downloaded', async () => {
    stubServer(() => undefined);
    render(<CaseActions family="shenzhen-department" year={2024} caseKey="2024/shenzhen-commerce" />);
    expect(screen.getByRole('link', { name: '填报/审核此案例' }).getAttribute('href')).toBe('#/case/shenzhen-department/2024/shenzhen-commerce');
    fireEvent.click(screen.getByRole('button', { name: '下载模板' }));
    await waitFor(() => expect(screen.getByText(/下载未完成：没有这个接口/)).toBeTruthy());
  });
});
