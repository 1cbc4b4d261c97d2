/**
 * 引用共用分档表 (bands): one table, many leaves (issue 10 item 13). The table is this test's: shares of the
 * points by 完成率, in the manner of 财预〔2020〕10号's bands (100–80%（含）, 80–60%（含）, 60–0%).
 */
import { describe, expect, it } from 'vitest';
import { diffSchemes, renderCriterion, validateScheme, type Scheme } from '../../index.ts';
import { input, mustScore, node } from '../../../test/fixtures/build.ts';

const doc: Scheme = {
  id: 'test',
  family: 'test',
  title: '测试方案',
  jurisdiction: '测试',
  year: 2024,
  version: '1',
  status: 'draft',
  totalPoints: 7,
  rounding: { places: 2, mode: 'half-up', stages: [] },
  grades: [{ grade: '合格', min: 0, minInclusive: true }],
  inputs: [input.percent('数量完成率'), input.percent('质量完成率')],
  bandTables: [
    {
      id: '完成率分档',
      name: '完成率分档',
      bands: [
        { min: 1, minInclusive: true, share: 1 },
        { min: 0.8, minInclusive: true, max: 1, maxInclusive: false, share: '80%' },
        { min: 0.6, minInclusive: true, max: 0.8, maxInclusive: false, share: '60%' },
        { min: 0, minInclusive: true, max: 0.6, maxInclusive: false, share: 0 },
      ],
    },
  ],
  indicators: [
    {
      id: 'output',
      name: '产出',
      points: 7,
      children: [
        { id: 'quantity', name: '产出数量', points: 5, rule: { kind: 'bands', metric: '数量完成率', table: '完成率分档' } },
        { id: 'quality', name: '产出质量', points: 2, rule: { kind: 'bands', metric: '质量完成率', table: '完成率分档' } },
      ],
    },
  ],
};

describe('bands (引用共用分档表)', () => {
  it('two leaves of different points score by the one table', () => {
    const sheet = mustScore(doc, { 数量完成率: '85%', 质量完成率: '65%' });
    // 5 × 80% = 4; 2 × 60% = 1.2; total 5.2
    expect(node(sheet, 'quantity').score).toBe('4');
    expect(node(sheet, 'quality').score).toBe('1.2');
    expect(sheet.total).toBe('5.2');
    expect(node(sheet, 'quantity').trace!.arithmetic[0]).toBe('数量完成率 = 85%，落在“完成率分档”第2档（80%≤数量完成率<100%）→ 80% × 5分 = 4分');
  });

  it('changing the table once changes every leaf that uses it', () => {
    const next = structuredClone(doc);
    next.bandTables![0]!.bands[1]!.share = '90%';
    next.bandTables![0]!.bands[2]!.share = '70%';
    const sheet = mustScore(next, { 数量完成率: '85%', 质量完成率: '65%' });
    // 5 × 90% = 4.5; 2 × 70% = 1.4
    expect([node(sheet, 'quantity').score, node(sheet, 'quality').score]).toEqual(['4.5', '1.4']);
    expect(diffSchemes(doc, next).length).toBeGreaterThan(0);
  });

  it('renders the table for each leaf in its own subject', () => {
    expect(renderCriterion(doc, 'quality')).toBe('质量完成率≥100%的，得满分；80%≤质量完成率<100%的，得分值的80%；60%≤质量完成率<80%的，得分值的60%；0%≤质量完成率<60%的，不得分。');
  });

  it('validation: an unknown table, a gap in a table, a share written as 80', () => {
    const bad = structuredClone(doc);
    bad.bandTables![0]!.bands.splice(2, 1);
    bad.bandTables![0]!.bands[0]!.share = 80;
    (bad.indicators[0]!.children![1]!.rule as { table: string }).table = '完成率';
    const all = validateScheme(bad);
    const issues = all.filter((i) => i.severity === 'error');
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['band-table-unknown', '/indicators/0/children/1/rule/table'],
      ['band-table-share', '/bandTables/0/bands/0/share'],
      ['band-table-coverage', '/bandTables/0/bands'],
    ]);
    expect(issues[2]!.message).toBe('分档表“完成率分档”未覆盖：60%≤x<80% 时没有对应的档');
    // the leaf still on the broken table says so, once, at its own rule
    expect(all.filter((i) => i.severity === 'warning').map((i) => [i.code, i.path, i.indicator])).toEqual([['band-table-broken', '/indicators/0/children/0/rule/table', 'quantity']]);
  });

  it('a bad bound of a table two leaves use: the table’s problem once, at the table; each leaf only that its table is broken', () => {
    const bad = structuredClone(doc);
    // 100 on the percent metrics 数量完成率 and 质量完成率 is 10000%: 100% is written 1 (the bands still meet)
    bad.bandTables![0]!.bands[0]!.min = 100;
    bad.bandTables![0]!.bands[1]!.max = 100;
    const issues = validateScheme(bad);
    expect(issues.map((i) => [i.code, i.severity, i.path, i.indicator ?? ''])).toEqual([
      ['percent-scale', 'error', '/bandTables/0/bands/0/min', ''],
      ['percent-scale', 'error', '/bandTables/0/bands/1/max', ''],
      ['band-table-broken', 'warning', '/indicators/0/children/0/rule/table', 'quantity'],
      ['band-table-broken', 'warning', '/indicators/0/children/1/rule/table', 'quality'],
    ]);
    expect(issues[0]!.message).toContain('共用分档表“完成率分档”第1档的下限');
    expect(issues[2]!.message).toBe('“产出数量”引用的分档表“完成率分档”有误（问题见该分档表），修正分档表后本指标才能按它计分');
    // a table without problems: no notice on its leaves
    expect(validateScheme(doc)).toEqual([]);
  });
});
