/**
 * 总分调整 under the total (sheet.adjustments): the case panel and the print view's official table show why the
 * total is not the indicators' sum. A hand-made sheet after a 100-point scheme with 总分封顶 on 预算执行率
 * ("执行率为70%至80%的，绩效自评不超过89分"): 资金执行率 75% × 10 = 7.5, 产出 100% × 60 = 60, 政府采购 (酌情) 28 →
 * 7.5 + 60 + 28 = 95.5; 75% lies in 70%–80% → 不超过89分: 95.5 − 89 = 6.5 taken off, the total is 89.
 */
import './dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { Indicator, ScoreSheet, SheetNode } from '@jixiao/engine';
import { CasePanel } from '../src/components/CasePanel.tsx';
import { OfficialSheet } from '../src/components/OfficialSheet.tsx';

afterEach(cleanup);

const leaf = (id: string, name: string, points: string, score: string): SheetNode => ({ id, name, level: 2, points, score, status: 'computed', warnings: [] });
const nodes: SheetNode[] = [
  { id: 'all', name: '项目', level: 1, points: '100', score: '95.5', status: 'mixed', warnings: [], children: [leaf('funds', '资金执行率', '10', '7.5'), leaf('output', '产出', '60', '60'), leaf('procurement', '政府采购', '30', '28')] },
];
const CAP_TEXT = '预算执行率 75%，落在第1档：总分不超过89分；95.5分超出部分 6.5分予以减分 → 89分';
const sheet = (adjustments: ScoreSheet['adjustments']): ScoreSheet => ({
  scheme: { id: 'capped', year: 2024, version: '1', title: '测试用封顶方案' },
  total: '89',
  totalPoints: '100',
  places: 2,
  grade: '良',
  nodes,
  warnings: [],
  ...(adjustments ? { adjustments } : {}),
});
const CAPPED = sheet([{ kind: 'cap', before: '95.5', after: '89', text: CAP_TEXT }]);

function panel(s: ScoreSheet) {
  const noop = () => {};
  return render(
    <CasePanel
      cases={[{ id: 'a', year: 2024, name: '甲单位', scheme: { id: 'capped', year: 2024 }, reportedTotal: 95.5, path: 'cases/2024/a.json' }]}
      caseKey="2024/a"
      onPickCase={noop}
      caseDoc={null}
      sheet={s}
      scoreIssues={[]}
      pending={false}
      traceId={null}
      onTrace={noop}
      overrides={{}}
      onOverride={noop}
      reviewerOverrides={{}}
      onReviewerOverride={noop}
      onResetOverrides={noop}
      schemeYear={2024}
    />,
  );
}

describe('the case panel shows 总分封顶 under the total', () => {
  it('89.00 with the step 95.50 → 89.00（-6.50） and the engine’s reason', () => {
    panel(CAPPED);
    expect(screen.getByTestId('case-total').textContent).toBe('89.00');
    const list = screen.getByRole('list', { name: '总分调整' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    // before 95.5 and after 89 at 2 places, the change 89 − 95.5 = −6.5
    expect(items).toEqual([`总分封顶：95.50 → 89.00（-6.50）；${CAP_TEXT}`]);
    // the list sits in the total's box, under 总分
    expect(screen.getByTestId('case-total').closest('.total-box')!.contains(list)).toBe(true);
  });

  it('a sheet without steps shows no list', () => {
    panel({ ...sheet(undefined), total: '95.5', grade: '优' });
    expect(screen.getByTestId('case-total').textContent).toBe('95.50');
    expect(screen.queryByRole('list', { name: '总分调整' })).toBeNull();
  });
});

describe('the print view’s official table explains its 合计', () => {
  const indicators = [
    {
      id: 'all',
      name: '项目',
      points: 100,
      children: [
        { id: 'funds', name: '资金执行率', points: 10 },
        { id: 'output', name: '产出', points: 60 },
        { id: 'procurement', name: '政府采购', points: 30 },
      ],
    },
  ] as unknown as Indicator[];

  it('a row after 合计 89.00 reads 95.50 → 89.00 with the reason, spanning the table', () => {
    const { container } = render(<OfficialSheet indicators={indicators} sheet={CAPPED} rendered={{}} />);
    expect(screen.getByTestId('print-total').textContent).toBe('89.00');
    const rows = [...container.querySelectorAll('tbody tr')];
    const total = rows.findIndex((r) => r.classList.contains('total-row'));
    const note = rows[total + 1]!;
    expect(note.getAttribute('data-testid')).toBe('print-adjustment');
    expect(note.textContent).toBe(`总分封顶：95.50 → 89.00（-6.50）；${CAP_TEXT}`);
    // 2 levels + 分值, 指标说明, 评分标准, 得分
    expect(note.querySelector('td')!.getAttribute('colspan')).toBe('6');
  });
});
