import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentHash, diffSchemes, newYear, publish, validateScheme, type Scheme } from '../src/index.ts';
import { carriedDate } from '../src/versions/new-year.ts';

const root = new URL('../../../', import.meta.url);
const load = (p: string) => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as Scheme;

describe('newYear: 以2024年方案为基础新建2025年草稿', () => {
  it('makes a draft of the new year based on the old one, with the same content', () => {
    const base = load('schemes/shenzhen-department/2024.json');
    const before = JSON.stringify(base);
    const r = newYear(base, 2025);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const d = r.doc;
    expect(d.year).toBe(2025);
    expect(d.status).toBe('draft');
    expect(d.version).toBe('1');
    expect(d.basedOn).toEqual({ id: 'shenzhen-department', year: 2024, hash: contentHash(base) });
    expect(d.publishedAt).toBeUndefined();
    expect(d.contentHash).toBeUndefined();
    expect(d.id).toBe(base.id);
    expect(d.family).toBe(base.family);
    // nothing of the policy changed
    expect(diffSchemes(base, d)).toEqual([]);
    expect(d.indicators).toEqual(base.indicators);
    // the base is not modified, and the copy shares nothing with it
    expect(JSON.stringify(base)).toBe(before);
    d.indicators[0]!.name = 'x';
    expect(base.indicators[0]!.name).toBe('部门决策');
    // the bundled 2024 scheme carries its publication stamps, and they still match: nothing to say
    expect(r.warnings).toEqual([]);
  });

  it('keeps the key order of the base file (basedOn replaced in place)', () => {
    const base = load('schemes/shenzhen-department/2024.json');
    const r = newYear(base, 2025);
    // the publication stamps go; every other key keeps its place; the draft says its format version, after $schema
    const kept = Object.keys(base).filter((k) => k !== 'publishedAt' && k !== 'contentHash');
    expect(kept[0]).toBe('$schema');
    expect(r.ok && Object.keys(r.doc)).toEqual(['$schema', 'formatVersion', ...kept.slice(1)]);
    expect(r.ok && r.doc.formatVersion).toBe(1);
  });

  it('records the published hash of a properly published base and drops its stamps', () => {
    const first = newYear(load('schemes/shenzhen-department/2024.json'), 2025);
    if (!first.ok) throw new Error('newYear failed');
    const pub = publish(first.doc, '2025-03-01T00:00:00Z');
    if (!pub.ok) throw new Error('publish failed');
    const next = newYear(pub.doc, 2026);
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    expect(next.doc.basedOn).toEqual({ id: 'shenzhen-department', year: 2025, hash: pub.doc.contentHash });
    expect(next.doc.publishedAt).toBeUndefined();
    expect(next.doc.contentHash).toBeUndefined();
    expect(next.doc.status).toBe('draft');
    expect(next.warnings).toEqual([]);
  });

  it('warns when the base is a draft, refuses the same year and impossible years', () => {
    const first = newYear(load('schemes/shenzhen-department/2024.json'), 2025);
    if (!first.ok) throw new Error('newYear failed');
    const fromDraft = newYear(first.doc, 2026);
    expect(fromDraft.ok && fromDraft.warnings.map((w) => w.code)).toEqual(['based-on-draft']);
    for (const [year, code] of [
      [2024, 'same-year'],
      [1999, 'bad-year'],
      [2025.5, 'bad-year'],
    ] as const) {
      const r = newYear(load('schemes/shenzhen-department/2024.json'), year);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]!.code).toBe(code);
    }
  });
});

describe('newYear: the title follows the year', () => {
  it('"深圳市项目支出绩效自评表（2020年度）" becomes "…（2021年度）" in the 2021 draft', () => {
    const r = newYear(load('schemes/shenzhen-project/2020.json'), 2021);
    expect(r.ok && r.doc.title).toBe('深圳市项目支出绩效自评表（2021年度）');
  });
});

describe('newYear: the 节点日期 (calendar) of a scheme with 时间节点 (岳阳 2020 → 2021)', () => {
  const base = load('schemes/yueyang-whole-expenditure/2020.json');

  it('names each date the new year needs, and carries only a label that names a fixed day', () => {
    // the 岳阳 calendar: 春节前 2020-01-24 (a lunar holiday), 6月底前 2020-06-30
    expect(base.calendar).toEqual([
      { id: '春节前', label: '春节前', dates: { '2020': '2020-01-24' } },
      { id: '六月底前', label: '6月底前', dates: { '2020': '2020-06-30' } },
    ]);
    const r = newYear(base, 2021);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 春节 2021 is 02-11, not 2021-01-24: nothing is made up for it
    expect(r.doc.calendar![0]!.dates).toEqual({ '2020': '2020-01-24' });
    // 6月底前 is June 30 in every year
    expect(r.doc.calendar![1]!.dates).toEqual({ '2020': '2020-06-30', '2021': '2021-06-30' });
    const needed = r.warnings.filter((i) => i.code === 'calendar-date-needed');
    expect(needed).toHaveLength(1);
    expect(needed[0]).toMatchObject({ severity: 'warning', path: '/calendar/0/dates' });
    expect(needed[0]!.message).toBe('新年度须补充节点日期：节点“春节前”没有2021年的日期，请在编辑器“事实、计算指标与节点日期”页的节点日期表中填写（2020年为 2020-01-24，每年不同，未沿用）');
    const carried = r.warnings.filter((i) => i.code === 'calendar-date-carried');
    expect(carried.map((i) => i.message)).toEqual(['节点“6月底前”按其写法沿用为 2021-06-30（2021年），请核对']);
    // the base is not modified
    expect(base.calendar![1]!.dates).toEqual({ '2020': '2020-06-30' });
  });

  it('the draft validates once the one date it needs is added; before, only that date is missing', () => {
    const r = newYear(base, 2021);
    if (!r.ok) throw new Error('newYear refused');
    const errors = validateScheme(r.doc).filter((i) => i.severity === 'error');
    expect(errors.map((i) => i.code)).toEqual(['milestone-no-date']);
    expect(errors[0]!.message).toContain('节点“春节前”');
    // 春节 2021: 2021-02-12, so 春节前 is 2021-02-11
    const filled = { ...r.doc, calendar: r.doc.calendar!.map((c) => (c.id === '春节前' ? { ...c, dates: { ...c.dates, '2021': '2021-02-11' } } : c)) };
    expect(validateScheme(filled).filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('carriedDate: a fixed day of the year only, and only when the base date is that day', () => {
    expect(carriedDate('6月底前', 2020, '2020-06-30', 2021)).toBe('2021-06-30');
    expect(carriedDate('2月底前', 2020, '2020-02-29', 2021)).toBe('2021-02-28'); // 2020 a leap year, 2021 not
    expect(carriedDate('12月31日前', 2020, '2020-12-31', 2021)).toBe('2021-12-31');
    expect(carriedDate('3月15日', 2020, '2020-03-15', 2021)).toBe('2021-03-15');
    // the base chose another day than the label says: not carried
    expect(carriedDate('6月底前', 2020, '2020-06-28', 2021)).toBeNull();
    // holidays and words move from year to year
    expect(carriedDate('春节前', 2020, '2020-01-24', 2021)).toBeNull();
    expect(carriedDate('国庆节前', 2020, '2020-09-30', 2021)).toBeNull();
    // 2月29日 has no day in 2021
    expect(carriedDate('2月29日前', 2020, '2020-02-29', 2021)).toBeNull();
  });
});
