/**
 * The header names the scheme and its year once, even when the title already says the year; a refused
 * save names the indicators (not JSON paths) and goes away once the draft no longer has its problems.
 */
import './dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { SaveBar, type SaveBarProps } from '../src/components/SaveBar.tsx';
import type { Issue } from '../src/model/types.ts';

afterEach(cleanup);

const noop = () => {};
const props = (title: string, year: string): SaveBarProps => ({
  family: 'shenzhen-project',
  year,
  title,
  published: false,
  dirty: false,
  saveState: null,
  errorsCount: 0,
  pending: false,
  onSave: noop,
  onDiscard: noop,
  onOverwrite: noop,
  onReloadServer: noop,
  onIssueClick: noop,
  publishBlocker: null,
  onPublish: noop,
  doc: null,
  liveIssues: null,
});

const titleText = (c: HTMLElement) => c.querySelector('.title')?.textContent ?? '';

describe('SaveBar title', () => {
  it('does not repeat a year the title already has', () => {
    const { container } = render(<SaveBar {...props('深圳市项目支出绩效自评表（2020年度）', '2020')} />);
    expect(titleText(container)).toBe('深圳市项目支出绩效自评表（2020年度）');
  });

  it('adds the year to a title without it', () => {
    const { container } = render(<SaveBar {...props('深圳市部门整体支出绩效评价', '2024')} />);
    expect(titleText(container)).toBe('深圳市部门整体支出绩效评价 （2024年度）');
  });
});

describe('SaveBar refusal', () => {
  // the issue's scenario: 公平性 has 9 分 while its children add up to 10
  const doc = { indicators: [{ id: 'output', name: '产出', points: 20, children: [{ id: 'fair', name: '公平性', points: 9, children: [] }] }] };
  const mismatch: Issue = {
    code: 'points-mismatch',
    severity: 'error',
    message: '“公平性”的分值 9 与下级指标分值之和 10 不等',
    messageEn: 'points mismatch',
    path: '/indicators/0/children/0/points',
  };
  const refused = (liveIssues: Issue[] | null): SaveBarProps => ({
    ...props('深圳市部门整体支出绩效评价', '2025'),
    dirty: true,
    doc,
    saveState: { kind: 'invalid', message: '方案有错误', issues: [mismatch] },
    liveIssues,
  });

  it('names the indicator and field, not the JSON path, while the problem remains', () => {
    const { getByTestId } = render(<SaveBar {...refused([mismatch])} />);
    const text = getByTestId('save-result').textContent ?? '';
    expect(text).toContain('产出 › 公平性 › 分值');
    expect(text).not.toContain('/indicators/');
  });

  it('keeps the refusal while the draft is being checked', () => {
    const { queryByTestId } = render(<SaveBar {...refused(null)} />);
    expect(queryByTestId('save-result')).not.toBeNull();
  });

  it('clears the refusal once the draft no longer has the problem', () => {
    const { queryByTestId } = render(<SaveBar {...refused([])} />);
    expect(queryByTestId('save-result')).toBeNull();
  });
});
