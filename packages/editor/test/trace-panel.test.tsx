/**
 * 得分说明 (TracePanel) writes scores, units and labels as the CLI's `explain` does: a score directly
 * followed by 分 ("0.99（未取整）分", no space), and the engine's one table of status and origin names.
 * The node is built by hand after seed 002's 预算执行率 (a part 0.98755 of 1分, the indicator 5.73 of 6分): the
 * part's score is shown as the engine counts it (showCounted), unrounded and marked 未取整 — 0.98755, not
 * 0.99 (rounded half-up to the sheet's 2 places) with the mark.
 */
import './dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { SheetNode } from '@jixiao/engine';
import { TracePanel } from '../src/components/TracePanel.tsx';

afterEach(cleanup);

const node: SheetNode = {
  id: 'budget-execution',
  name: '预算执行率',
  level: 3,
  points: '6',
  score: '5.73',
  status: 'mixed',
  warnings: [],
  trace: {
    kind: 'sum',
    branch: '各分项之和',
    inputs: [],
    arithmetic: [],
    score: '5.73',
    parts: [
      {
        id: 'q2',
        name: '二季度',
        points: '1',
        kind: 'ratio',
        branch: '执行率 × 分值',
        inputs: [{ id: '二季度执行率', label: '二季度执行率', value: '0.98755', display: '98.755%', origin: 'metric' }],
        arithmetic: [],
        score: '0.98755',
      },
    ],
  },
};

describe('TracePanel', () => {
  it('writes 分 right after a score, the status and origin in the engine’s words', () => {
    render(<TracePanel node={node} places={2} onClose={() => {}} />);
    const panel = screen.getByRole('region', { name: '得分说明：预算执行率' });
    const text = panel.textContent ?? '';
    expect(text).toContain('得分 5.73 / 6分 · 部分按规则计算、部分酌情');
    // 二季度: 98.755% × 1分 = 0.98755分, 5 decimals (at most the engine's 6 written exactly), not rounded
    expect(text).toContain('分项 二季度（1分）：得 0.98755（未取整）分');
    expect(text).not.toContain('0.99');
    expect(text).not.toMatch(/\d） 分|\d 分/);
    expect(text).toContain('计算指标');
    expect(text).not.toContain('计算得出');
  });

  it('shows a row judged within a band as the score it counts: 7.9999 in 6–8分（不含8分）, not 8.00', () => {
    // a 10-point qualitative row, band 60%（含）–80%: 6 ≤ score < 8; the reviewer gave 7.9999
    const rows: SheetNode = {
      ...node,
      id: 'rows',
      name: '年度绩效指标',
      points: '10',
      score: '8',
      trace: {
        kind: 'targets',
        branch: '年度绩效指标逐行计分',
        inputs: [],
        arithmetic: [],
        score: '7.9999',
        rows: [{ id: 'r1', level1: '效益指标', level2: '社会效益指标', level3: '服务质量', target: '持续提升', actual: '有所提升', points: '10', ruleScore: null, selfScore: '8', score: '7.9999', outcome: 'qualitative', explanation: '评审给分 7.9999分', warnings: [] }],
      },
    };
    render(<TracePanel node={rows} places={2} onClose={() => {}} />);
    const table = screen.getByRole('table', { name: '指标行' });
    expect(table.textContent).toContain('7.9999（未取整）');
    expect(table.textContent).not.toContain('8.00');
  });
});
