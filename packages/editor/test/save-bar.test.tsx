/** The header names the scheme and its year once, even when the title already says the year. */
import './dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { SaveBar, type SaveBarProps } from '../src/components/SaveBar.tsx';

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
