/**
 * 节点日期 (calendar) in the editor: a `milestone-no-date` error offers “补充2021年日期”, which opens the calendar
 * (EditorContext.showCalendar); the calendar table shows 节点 × 年度 with the scheme's year marked 须填写 where a
 * date is missing, and a date typed there is written into the scheme's `calendar` (no JSON view needed).
 * Dates of the 岳阳 2020 scheme: 春节前 2020-01-24, 6月底前 2020-06-30; 春节 2021 was 12 February, so 春节前 2021-02-11.
 */
import './dom.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CalendarEditor, calendarYears } from '../src/components/CalendarEditor.tsx';
import { IssueList } from '../src/components/fields.tsx';
import { EditorContext } from '../src/components/editor-context.tsx';
import type { Issue, Scheme } from '../src/model/types.ts';

afterEach(cleanup);

const noDate: Issue = {
  code: 'milestone-no-date',
  severity: 'error',
  path: '/indicators/0/rule/items/0/due',
  params: { name: '支付进度', due: '春节前', label: '春节前', year: 2021 },
  message: '“支付进度”：节点“春节前”（春节前）没有2021年度的日期',
  messageEn: 'no date',
};

const draft2021 = {
  year: 2021,
  calendar: [
    { id: '春节前', label: '春节前', dates: { '2020': '2020-01-24' } },
    { id: '六月底前', label: '6月底前', dates: { '2020': '2020-06-30', '2021': '2021-06-30' } },
  ],
} as unknown as Scheme;

describe('节点日期', () => {
  it('the error offers “补充2021年日期”, which asks for the calendar at 2021', () => {
    const showCalendar = vi.fn();
    render(
      <EditorContext.Provider value={{ readOnly: false, names: [], showCalendar }}>
        <IssueList issues={[noDate]} />
      </EditorContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '补充2021年日期' }));
    expect(showCalendar).toHaveBeenCalledWith(2021);
  });

  it('no link where no calendar editor is at hand, or the scheme is read-only', () => {
    render(<IssueList issues={[noDate]} />);
    expect(screen.queryByRole('button', { name: '补充2021年日期' })).toBeNull();
    cleanup();
    render(
      <EditorContext.Provider value={{ readOnly: true, names: [], showCalendar: vi.fn() }}>
        <IssueList issues={[noDate]} />
      </EditorContext.Provider>,
    );
    expect(screen.queryByRole('button', { name: '补充2021年日期' })).toBeNull();
  });

  it('shows 节点 × 年度, marks the missing date of the scheme year, and writes a typed date into calendar', () => {
    expect(calendarYears(draft2021)).toEqual([2020, 2021]);
    let doc = draft2021;
    const onChange = (update: (prev: Scheme) => Scheme) => (doc = update(doc));
    render(<CalendarEditor doc={draft2021} issues={[noDate]} onChange={onChange} focus={null} />);
    const spring = screen.getByLabelText('节点“春节前”的2021年日期') as HTMLInputElement;
    expect(spring.value).toBe('');
    expect(spring.closest('td')!.textContent).toContain('须填写');
    expect((screen.getByLabelText('节点“6月底前”的2021年日期') as HTMLInputElement).value).toBe('2021-06-30');
    fireEvent.change(spring, { target: { value: '2021-02-11' } });
    expect(doc.calendar![0]!.dates).toEqual({ '2020': '2020-01-24', '2021': '2021-02-11' });
    // clearing a date removes it rather than storing an empty text the format refuses
    fireEvent.change(screen.getByLabelText('节点“6月底前”的2021年日期'), { target: { value: '' } });
    expect(doc.calendar![1]!.dates).toEqual({ '2020': '2020-06-30' });
  });
});
