/**
 * A refused case save applied again over the server's version (src/state/case-merge.ts): the items only the
 * user changed keep the user's value, those only the server changed keep the server's (another person's work
 * is not lost), those both changed differently wait for the user's choice. The figures are made up for the
 * test: 在编人数 127 → the user's 128; 实有人数 120 → the server's 118 and the user's 119 (a conflict); 备注 added
 * on the server.
 */
import { describe, expect, it } from 'vitest';
import { caseMergeItems, mergeCase, mergeItemText, mergeValueText } from '../src/state/case-merge.ts';
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

/**
 * The 年度绩效指标 table of a project case, merged row by row. The first three rows of
 * schemes/shenzhen-project/cases/2020/08-single-window-ops.json (seed 001 表 8); the changed 实际完成值 and
 * 自评得分 are made up for the test.
 */
describe('a list of rows, merged row by row', () => {
  const row = (id: string, level3: string, target: string, actual: string) => ({ id, level1: '产出指标', level2: '数量指标', level3, target, actual, points: 4, selfScore: 4 });
  const r01 = row('r01', '主要业务申报量', '≥4500万单', '5268万单');
  const r02 = row('r02', '线下培训推广次数', '≥10次', '28次');
  const r03 = row('r03', '线上培训推广次数', '≥20次', '25次');
  const projectCase = (rows: unknown[]): CaseDoc =>
    ({ id: 'shenzhen-project-2020-08-single-window-ops', name: '内外贸事务管理-国际贸易（单一窗口）运行保障', department: '深圳市商务局', year: 2020, scheme: { id: 'shenzhen-project', year: 2020 }, facts: { 年初预算数: '27000000.00', rows } }) as CaseDoc;
  const rowsBase = projectCase([r01, r02, r03]);
  const rowsOfCase = (d: CaseDoc) => d.facts['rows'] as unknown[];

  it('keeps both tabs\' edits to different rows without asking (tab A saved row 1, tab B row 2)', () => {
    const tabA = projectCase([{ ...r01, actual: '5300万单' }, r02, r03]); // saved first: the server's version
    const tabB = projectCase([r01, { ...r02, actual: '30次' }, r03]);
    const items = caseMergeItems(rowsBase, tabA, tabB);
    expect(items.map((i) => [i.key, i.kind])).toEqual([
      ['facts/rows/r01', 'server'],
      ['facts/rows/r02', 'mine'],
    ]);
    expect(mergeCase(tabA, items, {}).facts['rows']).toEqual([{ ...r01, actual: '5300万单' }, { ...r02, actual: '30次' }, r03]);
  });

  it('asks once for a row both changed in the same field, showing its label and the three values', () => {
    const server = projectCase([r01, { ...r02, actual: '29次' }, r03]);
    const mine = projectCase([r01, { ...r02, actual: '30次' }, r03]);
    const items = caseMergeItems(rowsBase, server, mine);
    expect(items.map((i) => [i.key, i.kind])).toEqual([['facts/rows/r02', 'conflict']]);
    const [it] = items;
    if (!it) throw new Error('no item');
    expect(it.row?.label).toBe('第2行“线下培训推广次数”');
    expect([mergeItemText(it, 'base'), mergeItemText(it, 'server'), mergeItemText(it, 'mine')]).toEqual(['实际完成值：28次', '实际完成值：29次', '实际完成值：30次']);
    expect(() => mergeCase(server, items, {})).toThrow('未选择“rows 第2行“线下培训推广次数””');
    expect(rowsOfCase(mergeCase(server, items, { 'facts/rows/r02': 'mine' }))[1]).toEqual({ ...r02, actual: '30次' });
    expect(rowsOfCase(mergeCase(server, items, { 'facts/rows/r02': 'server' }))[1]).toEqual({ ...r02, actual: '29次' });
  });

  it('merges a row field by field when the two sides changed different fields of it', () => {
    const server = projectCase([r01, { ...r02, selfScore: 3 }, r03]);
    const mine = projectCase([r01, { ...r02, actual: '30次' }, r03]);
    const items = caseMergeItems(rowsBase, server, mine);
    expect(items.map((i) => [i.key, i.kind, i.row?.merged])).toEqual([['facts/rows/r02', 'mine', true]]);
    expect(rowsOfCase(mergeCase(server, items, {}))).toEqual([r01, { ...r02, actual: '30次', selfScore: 3 }, r03]);
  });

  it('keeps a row added in this tab where it was, and a row removed on the server removed, in the server\'s order', () => {
    const r04 = row('r04', '平台用户培训人次', '≥500人次', '620人次');
    const server = projectCase([r03, r02]); // another person removed r01 and moved r03 first
    const mine = projectCase([r01, r02, r04, r03]); // this tab added r04 after r02
    const items = caseMergeItems(rowsBase, server, mine);
    expect(items.map((i) => [i.key, i.kind])).toEqual([
      ['facts/rows/r01', 'server'],
      ['facts/rows/r04', 'mine'],
    ]);
    expect(items.find((i) => i.key === 'facts/rows/r01')?.row?.label).toBe('第1行“主要业务申报量”');
    expect(items.map((i) => mergeItemText(i, 'server'))).toEqual(['（无此行）', '（无此行）']);
    expect(rowsOfCase(mergeCase(server, items, {}))).toEqual([r03, r02, r04]);
  });

  it('removes a row removed in this tab, and asks when the other side changed it meanwhile', () => {
    const mine = projectCase([r01, r03]);
    const untouched = caseMergeItems(rowsBase, rowsBase, mine);
    expect(untouched.map((i) => [i.key, i.kind])).toEqual([['facts/rows/r02', 'mine']]);
    expect(rowsOfCase(mergeCase(rowsBase, untouched, {}))).toEqual([r01, r03]);
    const server = projectCase([r01, { ...r02, actual: '29次' }, r03]);
    const changed = caseMergeItems(rowsBase, server, mine);
    expect(changed.map((i) => [i.key, i.kind])).toEqual([['facts/rows/r02', 'conflict']]);
    expect(rowsOfCase(mergeCase(server, changed, { 'facts/rows/r02': 'mine' }))).toEqual([r01, r03]);
    expect(rowsOfCase(mergeCase(server, changed, { 'facts/rows/r02': 'server' }))).toEqual([r01, { ...r02, actual: '29次' }, r03]);
  });

  it('without the starting version asks for each row that differs', () => {
    const server = projectCase([{ ...r01, actual: '5300万单' }, r02, r03]);
    const mine = projectCase([r01, { ...r02, actual: '30次' }, r03]);
    const items = caseMergeItems(null, server, mine);
    expect(items.map((i) => [i.key, i.kind])).toEqual([
      ['facts/rows/r01', 'conflict'],
      ['facts/rows/r02', 'conflict'],
    ]);
  });
});
