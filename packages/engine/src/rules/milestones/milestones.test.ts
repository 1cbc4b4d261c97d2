/**
 * 时间节点 (milestones) with the scheme's calendar. Source (issue 10 item 12, quoting a 部门整体 评分表): "6月底前…
 * 全部下达", "春节前下达…50%", "每出现一个专项未按进度完成扣0.5分，扣完为止". The dates are the calendar's data:
 * 春节 2024 fell on 10 February (so 春节前 = by 2024-02-09), 2025 on 29 January (by 2025-01-28).
 */
import { describe, expect, it } from 'vitest';
import { diffSchemes, renderCriterion, validateScheme, type Scheme } from '../../index.ts';
import { input, leafScheme, leafScore, mustScore, node } from '../../../test/fixtures/build.ts';

const doc: Scheme = {
  ...leafScheme({
    id: 'timely',
    name: '资金下达及时性',
    points: 1,
    inputs: [input.number('下达半数日期', { type: 'text', required: false }), input.number('全部下达日期', { type: 'text', required: false })],
    rule: {
      kind: 'milestones',
      items: [
        { id: 'half', due: '春节前', what: '下达50%', done: '下达半数日期' },
        { id: 'all', due: '年中', what: '全部下达', done: '全部下达日期' },
      ],
      perMiss: 0.5,
      render: { subject: '专项' },
    },
  }),
  year: 2024,
  calendar: [
    { id: '春节前', label: '春节前', dates: { '2024': '2024-02-09', '2025': '2025-01-28' } },
    { id: '年中', label: '6月底前', dates: { '2024': '2024-06-30', '2025': '2025-06-30' } },
  ],
};

describe('milestones (时间节点)', () => {
  it('renders the steps from the calendar and the official deduction sentence', () => {
    const text = renderCriterion(doc, 'timely')!;
    expect(text).toBe('春节前下达50%；6月底前全部下达。每出现一个专项未按进度完成扣0.5分，扣完为止。');
    expect(text).toContain('每出现一个专项未按进度完成扣0.5分，扣完为止');
  });

  it('each late or missing step deducts 0.5, 扣完为止', () => {
    expect(leafScore(doc, { '下达半数日期': '2024-02-08', 全部下达日期: '2024-06-30' })).toBe('1');
    // 全部下达 on 5 July: 1 − 0.5 = 0.5
    expect(leafScore(doc, { '下达半数日期': '2024年2月8日', 全部下达日期: '2024-07-05' })).toBe('0.5');
    // neither: 1 − 2 × 0.5 = 0
    expect(leafScore(doc, {})).toBe('0');
  });

  it('explains each step against its date', () => {
    const leaf = node(mustScore(doc, { '下达半数日期': '2024-02-08', 全部下达日期: '2024-07-05' }), 'timely');
    expect(leaf.trace!.branch).toBe('1项未按进度完成');
    expect(leaf.trace!.arithmetic).toEqual([
      '春节前下达50%（截止 2024-02-09）：2024-02-08 完成 → 按进度',
      '6月底前全部下达（截止 2024-06-30）：2024-07-05 完成 → 未按进度，扣0.5分',
      '1分 − 1 × 0.5分 = 0.5分',
    ]);
  });

  it('next year changes a date in the calendar, not the rule: 2025-02-05 is after 春节 2025', () => {
    const y2025 = { ...structuredClone(doc), year: 2025 };
    expect(leafScore(y2025, { '下达半数日期': '2025-02-05', 全部下达日期: '2025-06-20' })).toBe('0.5');
  });

  it('validation: a step due at a 节点 without a date for the scheme’s year', () => {
    const y2026 = { ...structuredClone(doc), year: 2026 };
    const issues = validateScheme(y2026).filter((i) => i.severity === 'error');
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['milestone-no-date', '/indicators/0/children/0/rule/items/0/due'],
      ['milestone-no-date', '/indicators/0/children/0/rule/items/1/due'],
    ]);
    expect(issues[0]!.message).toBe('“资金下达及时性”：节点“春节前”（春节前）没有2026年度的日期：请在节点日期表中补上2026年的截止日期（JSON 中为 calendar 该节点 dates 的 "2026"）');
  });

  it('diff: the deduction per miss', () => {
    const next = structuredClone(doc);
    (next.indicators[0]!.children![0]!.rule as { perMiss: number }).perMiss = 0.25;
    expect(diffSchemes(doc, next).map((c) => c.message)).toEqual(['资金下达及时性：每项未按进度扣分 0.5分 → 0.25分']);
  });
});
