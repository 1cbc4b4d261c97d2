/**
 * 得分说明 (TracePanel) writes scores, units and labels as the CLI's `explain` does: a score directly
 * followed by 分 ("0.99（未取整）分", no space), and the engine's one table of status and origin names.
 * The node is built by hand after seed 002's 预算执行率 (a part 0.98755 of 1分, shown at 2 places half-up
 * 0.99 and marked 未取整, the indicator 5.73 of 6分).
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
    expect(text).toContain('分项 二季度（1分）：得 0.99（未取整）分');
    expect(text).not.toMatch(/\d） 分|\d 分/);
    expect(text).toContain('计算指标');
    expect(text).not.toContain('计算得出');
  });
});
