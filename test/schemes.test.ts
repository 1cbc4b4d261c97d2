/** Every bundled scheme and case is valid: JSON Schema, semantic checks, and the case schema. */
import { describe, expect, it } from 'vitest';
import { compile, validateCase, formatIssue } from '@jixiao/engine';
import { allSchemes, casesOf } from './load.ts';

describe('bundled schemes', () => {
  const schemes = allSchemes();
  it('holds the Shenzhen 2021/2024, Futian 2020 and Shenzhen project 2020 schemes', () => {
    const names = schemes.map((s) => `${s.doc.family}/${s.doc.year}`).sort();
    expect(names).toEqual(expect.arrayContaining(['futian-department/2020', 'shenzhen-department/2021', 'shenzhen-department/2024', 'shenzhen-project/2020']));
  });
  for (const s of schemes) {
    it(`${s.doc.family}/${s.doc.year} compiles without errors`, () => {
      const r = compile(s.doc);
      expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([]);
    });
  }
  for (const family of ['shenzhen-department', 'futian-department', 'shenzhen-project', 'caiyu-2020-project']) {
    it(`every ${family} case conforms to the case schema`, () => {
      const cases = casesOf(family);
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) expect(validateCase(c.doc).map(formatIssue), c.file).toEqual([]);
    });
  }
});
