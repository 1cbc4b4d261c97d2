/**
 * Reweighting in the indicator structure (指标结构与分值) of the Shenzhen 2024 scheme (seed 002:
 * 部门决策 20 = 预算编制 10 + 目标设置 10; 部门管理 20; 部门绩效 60; total 100).
 */
import './dom.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { StructureTree } from '../src/components/StructureTree.tsx';
import type { Indicator, Scheme } from '../src/model/types.ts';
import { DocHarness, loadScheme, type Probe } from './harness.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function setup() {
  const doc = loadScheme();
  const probe: Probe = { doc, issues: [] };
  render(
    <DocHarness initial={doc} probe={probe}>
      {(d, setDoc, issues) => (
        <StructureTree
          doc={d}
          issues={issues}
          onChange={(indicators: Indicator[]) => setDoc({ ...d, indicators })}
          onTotalChange={(v) => setDoc({ ...d, totalPoints: v } as Scheme)}
        />
      )}
    </DocHarness>,
  );
  return { probe };
}

const item = (name: string) => screen.getByRole('treeitem', { name });
const points = (name: string) => screen.getByRole('textbox', { name: `${name} 分值` }) as HTMLInputElement;
/** The warning rows directly under a tree item (not those of its descendants). */
const ownAlerts = (name: string) => within(item(name)).queryAllByRole('alert').filter((a) => a.closest('[role=treeitem]') === item(name));

describe('StructureTree reweighting', () => {
  it('starts with the seed weights and no warnings', () => {
    const { probe } = setup();
    expect([points('部门决策').value, points('部门管理').value, points('部门绩效').value]).toEqual(['20', '20', '60']);
    expect([points('预算编制').value, points('目标设置').value]).toEqual(['10', '10']);
    expect(probe.issues.filter((i) => i.code === 'points-mismatch')).toEqual([]);
    expect(screen.queryAllByRole('alert')).toEqual([]);
  });

  it('warns on the parent when a child is reweighted and the children no longer add up (10 + 12 ≠ 20)', () => {
    const { probe } = setup();
    fireEvent.change(points('目标设置'), { target: { value: '12' } });
    const mismatch = probe.issues.filter((i) => i.code === 'points-mismatch');
    // 部门决策: 10 + 12 = 22 ≠ 20; 目标设置 itself: its children still add up to 3 + 7 = 10 ≠ 12.
    const parent = mismatch.filter((i) => i.path === '/indicators/0/points');
    const self = mismatch.filter((i) => i.path === '/indicators/0/children/1/points');
    expect(mismatch).toHaveLength(2);
    expect(parent[0]!.message).toContain('22');
    expect(self[0]!.message).toContain('10');
    expect(ownAlerts('部门决策').map((a) => a.textContent)).toEqual([expect.stringContaining(parent[0]!.message)]);
    expect(ownAlerts('目标设置').map((a) => a.textContent)).toEqual([expect.stringContaining(self[0]!.message)]);
  });

  it('clears the warning once the weights add up again (目标设置 10 → 12, then back to 10)', () => {
    const { probe } = setup();
    fireEvent.change(points('目标设置'), { target: { value: '12' } });
    expect(ownAlerts('部门决策')).toHaveLength(1);
    fireEvent.change(points('目标设置'), { target: { value: '10' } });
    expect(ownAlerts('部门决策')).toEqual([]);
    expect(probe.issues.filter((i) => i.code === 'points-mismatch')).toEqual([]);
  });

  it('renames an indicator in place', () => {
    const { probe } = setup();
    fireEvent.change(screen.getByRole('textbox', { name: '部门决策 名称' }), { target: { value: '决策' } });
    expect(probe.doc.indicators[0]!.name).toBe('决策');
    expect(probe.doc.indicators[0]!.id).toBe(loadScheme().indicators[0]!.id);
  });

  it('adds, reorders and removes indicators', () => {
    const { probe } = setup();
    const names = () => probe.doc.indicators.map((n) => n.name);
    fireEvent.click(screen.getByRole('button', { name: '添加一级指标' }));
    expect(names()).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: '部门管理 上移' }));
    expect(names().slice(0, 2)).toEqual(['部门管理', '部门决策']);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: `删除 ${names()[3]}` }));
    expect(names()).toEqual(['部门管理', '部门决策', '部门绩效']);
  });

  it('moves a leaf rule to its first child when a child is added, keeping the points', () => {
    const { probe } = setup();
    const leafName = '预算编制合理性';
    fireEvent.click(screen.getByRole('button', { name: `给 ${leafName} 添加下级指标` }));
    const parent = probe.doc.indicators[0]!.children![0]!.children![0]!;
    expect(parent.rule).toBeUndefined();
    expect(parent.children).toHaveLength(1);
    expect(parent.children![0]!.points).toBe(parent.points);
    expect(parent.children![0]!.rule?.kind).toBe('checklist');
    expect(probe.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.message}`)).toEqual([]);
  });
});
