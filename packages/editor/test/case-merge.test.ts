/**
 * A refused case save applied again over the server's version (src/state/case-merge.ts): the items only the
 * user changed keep the user's value, those only the server changed keep the server's (another person's work
 * is not lost), those both changed differently wait for the user's choice. The figures are made up for the
 * test: 在编人数 127 → the user's 128; 实有人数 120 → the server's 118 and the user's 119 (a conflict); 备注 added
 * on the server.
 */
import { describe, expect, it } from 'vitest';
import { caseMergeItems, mergeCase, mergeValueText } from '../src/state/case-merge.ts';
import type { CaseDoc } from '../src/model/types.ts';

const base: CaseDoc = {
  id: 'shenzhen-newdept',
  name: '深圳市新设局',
  department: '深圳市新设局',
  year: 2024,
  scheme: { id: 'shenzhen-department', year: 2024 },
  facts: { 在编人数: 127, 实有人数: 120 },
};
// another person: 实有人数 118, a 备注, and the case submitted (a status the save must not change)
const server = { ...base, status: 'submitted', notes: '已与财务科核对', facts: { 实有人数: 118, 在编人数: 127 } } as CaseDoc;
// the user: 在编人数 128 (with its 来源), 实有人数 119, and a reviewer entry
const mine = {
  ...base,
  facts: { 在编人数: { value: '128', source: '人事处2024年报表' }, 实有人数: 119 },
  reviewer: { outcomes: { score: '25', reason: '目标均已实现' } },
} as CaseDoc;

describe('caseMergeItems', () => {
  it('classifies each differing item against the version the user started from', () => {
    const items = caseMergeItems(base, server, mine);
    expect(items.map((i) => [i.key, i.kind])).toEqual([
      ['facts/在编人数', 'mine'],
      ['facts/实有人数', 'conflict'],
      ['reviewer/outcomes', 'mine'],
      ['field/notes', 'server'],
    ]);
    const conflict = items.find((i) => i.key === 'facts/实有人数');
    expect([conflict?.base, conflict?.server, conflict?.mine]).toEqual([120, 118, 119]);
    // member order does not make a difference: the server's facts were written in another order
    expect(items.some((i) => i.key === 'field/facts')).toBe(false);
  });

  it('without the starting version every difference is the user\'s choice', () => {
    const items = caseMergeItems(null, server, mine);
    expect(items.every((i) => i.kind === 'conflict')).toBe(true);
    expect(items.map((i) => i.key)).toEqual(['facts/在编人数', 'facts/实有人数', 'reviewer/outcomes', 'field/notes']);
  });
});

describe('mergeCase', () => {
  it("keeps the user's changes and the server's, and the side chosen for a conflict", () => {
    const items = caseMergeItems(base, server, mine);
    const mineWins = mergeCase(server, items, { 'facts/实有人数': 'mine' });
    expect(mineWins.facts).toEqual({ 在编人数: { value: '128', source: '人事处2024年报表' }, 实有人数: 119 });
    expect(mineWins.notes).toBe('已与财务科核对');
    expect(mineWins.reviewer).toEqual({ outcomes: { score: '25', reason: '目标均已实现' } });
    expect((mineWins as { status?: string }).status).toBe('submitted');
    const serverWins = mergeCase(server, items, { 'facts/实有人数': 'server' });
    expect(serverWins.facts['实有人数']).toBe(118);
    expect(serverWins.facts['在编人数']).toEqual({ value: '128', source: '人事处2024年报表' });
  });

  it('refuses to choose for the user', () => {
    expect(() => mergeCase(server, caseMergeItems(base, server, mine), {})).toThrow('未选择“实有人数”');
  });

  it('removes what the user removed, and an empty reviewer record', () => {
    const withReviewer = { ...base, reviewer: { outcomes: { score: '20', reason: '部分实现' } } } as CaseDoc;
    const removed = { ...base } as CaseDoc;
    const items = caseMergeItems(withReviewer, withReviewer, removed);
    expect(items.map((i) => [i.key, i.kind])).toEqual([['reviewer/outcomes', 'mine']]);
    expect('reviewer' in mergeCase(withReviewer, items, {})).toBe(false);
  });
});

describe('mergeValueText', () => {
  it('shows empty, a value with its 来源, and a reviewer entry in words', () => {
    expect(mergeValueText(undefined)).toBe('（空）');
    expect(mergeValueText({ value: '128', source: '人事处2024年报表' })).toBe('128（来源：人事处2024年报表）');
    expect(mergeValueText({ score: '25', reason: '目标均已实现' })).toBe('25分（理由：目标均已实现）');
  });
});
