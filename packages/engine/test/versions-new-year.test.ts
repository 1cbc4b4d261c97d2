import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentHash, diffSchemes, newYear, publish, type Scheme } from '../src/index.ts';

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
