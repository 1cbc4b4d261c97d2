/**
 * Whole sheets, exact numbers against decimal.js: every real case under schemes/<family>/cases/ and
 * 300 generated fact sets per department scheme (bench/facts-gen.ts) are scored twice — as the engine
 * scores them (Dec: exact rationals, small or in bigints) and inside withDecimalReference (every number
 * operation by decimal.js at precision 40, as the engine computed before Dec; the scheme compiled there
 * too) — and must agree:
 * - exactly on the total, the grade, every node's score and status, every trace's and every part's
 *   branch, and every target row's score and outcome; and on the score of every trace and part up to
 *   `long` below (`digest`);
 * - and on the whole sheet as JSON — every trace input, display and arithmetic line, every warning —
 *   up to `long` and the "未取整" mark of shown numbers (`normalised`).
 * `long`: a number of more than 30 significant digits is compared rounded to 25. Those are unrounded
 * quotients written with 40 digits (the score of a part that is not rounded, a metric's value), and
 * decimal.js's last digits are off where it rounded an intermediate step that the exact engine does
 * not round (a sum of quotients, a quotient times points). "（未取整）" marks a number shown rounded to
 * the scheme's places; decimal.js's 34/24 × 6 is 8.500…002 (40 digits), shown "8.50（未取整）", the
 * exact one is 8.5.
 * The reference sheet is made plain (plainSheet) inside the hook, since traces are written lazily.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import DecimalBase from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, formatIssue, plainSheet, type CaseDoc, type CompiledScheme, type Scheme, type ScoreSheet, type SheetNode, type Trace } from '../src/index.ts';
import { Dec } from '../src/decimal/dec.ts';
import { withDecimalReference } from './support/decimal-reference.ts';
import { generateCases, type GeneratedCase } from '../bench/facts-gen.ts';

const SCHEMES = fileURLToPath(new URL('../../../schemes/', import.meta.url));
const GENERATED = 300;

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Every case file of a family (schemes/<family>/cases/<year>/*.json). */
function casesOf(family: string): CaseDoc[] {
  const root = join(SCHEMES, family, 'cases');
  return readdirSync(root)
    .sort()
    .flatMap((year) =>
      readdirSync(join(root, year))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => readJson<CaseDoc>(join(root, year, f))),
    );
}

function compiled(scheme: Scheme): CompiledScheme {
  const c = compile(scheme);
  if (!c.ok) throw new Error(c.issues.map(formatIssue).join('\n'));
  return c.compiled;
}

/** The sheet, plain, or the issues (both ways must fail alike, too). */
function score(c: CompiledScheme, input: CaseDoc | GeneratedCase): ScoreSheet | string[] {
  const r = evaluate(c, input);
  return r.ok ? plainSheet(r.sheet) : r.issues.map(formatIssue);
}

interface TraceDigest {
  branch: string;
  score: string;
  parts?: TraceDigest[];
  rows?: string[];
}

const traceDigest = (t: Trace): TraceDigest => ({
  branch: t.branch,
  score: long(t.score),
  ...(t.parts ? { parts: t.parts.map(traceDigest) } : {}),
  ...(t.rows ? { rows: t.rows.map((r) => `${r.id}: ${r.score} ${r.outcome}`) } : {}),
});

/** Total, grade, every node's score and status, every branch: what must agree exactly. */
function digest(sheet: ScoreSheet | string[]): unknown {
  if (Array.isArray(sheet)) return sheet;
  const nodes: unknown[] = [];
  const walk = (ns: SheetNode[]) => {
    for (const n of ns) {
      nodes.push({ id: n.id, score: n.score, status: n.status, ...(n.trace ? { trace: traceDigest(n.trace) } : {}) });
      if (n.children) walk(n.children);
    }
  };
  walk(sheet.nodes);
  return { total: sheet.total, grade: sheet.grade, nodes };
}

const Decimal = DecimalBase.clone({ precision: 40 });

/** Text with every number of more than 30 significant digits rounded to 25. */
function long(text: string): string {
  return text.replace(/\d+(\.\d+)?/g, (s) => {
    const significant = s.replace('.', '').replace(/^0+/, '').length;
    return significant > 30 ? new Decimal(s).toSignificantDigits(25).toFixed() : s;
  });
}

/**
 * The sheet as JSON, long numbers rounded (`long`), and a number shown at the scheme's places as
 * unrounded ("9.50（未取整）") written as the short decimal it reads as ("9.5"): decimal.js's 9.500…002
 * is shown so where the exact 9.5 is written as it is.
 */
function normalised(sheet: ScoreSheet | string[]): string {
  return long(JSON.stringify(sheet)).replace(/(\d+(?:\.\d+)?)（未取整）/g, (_, x: string) => (x.includes('.') ? x.replace(/\.?0+$/, '') : x));
}

function crossCheck(scheme: Scheme, inputs: (CaseDoc | GeneratedCase)[]): number {
  const exact = compiled(scheme);
  const reference = withDecimalReference(() => compiled(scheme));
  let sheets = 0;
  for (const input of inputs) {
    const ours = score(exact, input);
    const theirs = withDecimalReference(() => score(reference, input));
    expect(digest(ours)).toEqual(digest(theirs));
    expect(normalised(ours)).toBe(normalised(theirs));
    if (!Array.isArray(ours)) sheets++;
  }
  return sheets;
}

const DEPARTMENT: [string, string][] = [
  ['shenzhen-department', '2021'],
  ['shenzhen-department', '2024'],
  ['futian-department', '2020'],
];
const PROJECT: [string, string][] = [['shenzhen-project', '2020']];

describe('reference mode', () => {
  it('does the arithmetic by decimal.js through the seam, only while it runs, without touching Dec.prototype', () => {
    const before = Object.getOwnPropertyNames(Dec.prototype).map((k) => Object.getOwnPropertyDescriptor(Dec.prototype, k));
    const third = new Dec(1).div(3);
    // exact: (1/3)·3 is 1; decimal.js: forty nines
    expect(third.times(3).toString()).toBe('1');
    expect(withDecimalReference(() => third.times(3).toString())).toBe('0.9999999999999999999999999999999999999999');
    expect(withDecimalReference(() => new Dec(1).div(3).times(3).eq(1))).toBe(false);
    expect(third.times(3).eq(1)).toBe(true);
    expect(withDecimalReference(() => Dec.max(1, '2.5').toString())).toBe('2.5');
    // decimal.js rounds a sum to 40 digits: 10^40 + 0.5 is 10^40 (half-up on the 41st digit would be 1e40 + 1)
    expect(withDecimalReference(() => new Dec('1e39').plus('0.5').toFixed())).toBe('1000000000000000000000000000000000000001');
    expect(new Dec('1e39').plus('0.5').toFixed()).toBe('1000000000000000000000000000000000000000.5');
    expect(() => withDecimalReference(() => new Dec(1).div(0))).toThrow('division by zero');
    expect(new Dec(1).div(3).times(3).toString()).toBe('1');
    const after = Object.getOwnPropertyNames(Dec.prototype).map((k) => Object.getOwnPropertyDescriptor(Dec.prototype, k));
    expect(after).toEqual(before);
  });
});

describe('whole sheets: exact Dec and decimal.js (precision 40) agree', () => {
  for (const [family, year] of [...DEPARTMENT, ...PROJECT]) {
    const scheme = readJson<Scheme>(join(SCHEMES, family, `${year}.json`));
    const real = casesOf(family).filter((c) => c.scheme.id === scheme.id && c.scheme.year === scheme.year);

    it(`${family} ${year}: its ${real.length} real case(s)`, () => {
      expect(real.length).toBeGreaterThan(0);
      expect(crossCheck(scheme, real)).toBe(real.length);
    });

    if (DEPARTMENT.some(([f, y]) => f === family && y === year)) {
      it(`${family} ${year}: ${GENERATED} generated fact sets`, () => {
        expect(crossCheck(scheme, generateCases(scheme, GENERATED, 2024))).toBeGreaterThan(GENERATED * 0.9);
      });
    }
  }
});
