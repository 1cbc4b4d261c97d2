/**
 * Every bundled scheme and case is valid: JSON Schema, semantic checks, and the case schema (whose only
 * warning is a case without a department, which no 部门填报 account could see). A project case's department
 * is the one its seed table prints.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, validateCase, formatIssue } from '@jixiao/engine';
import { allSchemes, casesOf } from './load.ts';

const SEED_001 = fileURLToPath(new URL('../../shared/seeds/001_d496ccbf7d5c702a.txt', import.meta.url));

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
  for (const family of ['shenzhen-department', 'futian-department', 'shenzhen-project', 'caiyu-2020-project', 'yueyang-whole-expenditure']) {
    it(`every ${family} case conforms to the case schema and names its department`, () => {
      const cases = casesOf(family);
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) expect(validateCase(c.doc).map(formatIssue), c.file).toEqual([]);
    });
  }
});

describe('the departments of the 57 project cases of seed 001', () => {
  const cases = casesOf('shenzhen-project');
  it('every one names a department', () => {
    expect(cases).toHaveLength(57);
    expect(cases.filter((c) => !c.doc.department?.trim()).map((c) => c.file)).toEqual([]);
  });

  // Each of the seed's 57 tables has one header line "主管部门 … 实施单位 …", in table order. The case's
  // department is the 实施单位 as printed; where that cell is blank (表31, 表39) or cut off at the page's
  // right edge (表49 prints only “深圳市”), the table's 主管部门.
  it.skipIf(!existsSync(SEED_001))('is the seed table’s 实施单位, or its 主管部门 where the 实施单位 is blank or cut', () => {
    const heads = readFileSync(SEED_001, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.startsWith('主管部门\t'))
      .map((l) => l.split('\t').map((c) => c.trim()).filter(Boolean));
    expect(heads).toHaveLength(57);
    const CUT: Record<number, string> = { 49: '深圳市' };
    const fromParent: number[] = [];
    for (const c of cases) {
      const n = Number(/^seed 001 表 (\d+)$/.exec(c.doc.source ?? '')?.[1]);
      const [, competent, , implementer] = heads[n - 1]!;
      const whole = implementer !== undefined && implementer !== CUT[n];
      if (!whole) fromParent.push(n);
      expect(c.doc.department, c.file).toBe(whole ? implementer : competent);
    }
    expect(fromParent.sort((a, b) => a - b)).toEqual([31, 39, 49]);
  });
});
