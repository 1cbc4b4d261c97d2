/**
 * Property-based tests (fast-check): random schemes and fact sets, well-formed and not. Whatever comes
 * in, validateScheme / compile / evaluate never throw, never answer with an internal error, never put
 * NaN, Infinity or undefined into their output; every score lies between 0 and its points (every node,
 * every part); the total is the sum of the top-level scores under the scheme's rounding, and every
 * subtotal the sum of its children's.
 */
import fc from 'fast-check';
import DecimalBase from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, validateScheme, type Issue, type Scheme, type ScoreSheet, type SheetNode, type Trace } from '../src/index.ts';
import { brokenScheme, facts, garbage, reviewerFor, wellFormedScheme } from './fixtures/arbitraries.ts';

/** ~200 runs per property; JIXIAO_PROPERTY_RUNS=5000 for a deeper search. */
const RUNS = { numRuns: Number(process.env.JIXIAO_PROPERTY_RUNS ?? 200) };
const BAD_TEXT = /\bNaN\b|Infinity|undefined/;

/** Every place in a value where NaN, ±Infinity or undefined hides (as a value or as text). */
function badSpots(v: unknown, path = ''): string[] {
  if (v === undefined) return [path || '(root)'];
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [path];
  if (typeof v === 'string') return BAD_TEXT.test(v) ? [`${path} = ${JSON.stringify(v)}`] : [];
  if (typeof v === 'function') return [path + ' (function)'];
  if (Array.isArray(v)) return v.flatMap((x, i) => badSpots(x, `${path}/${i}`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => badSpots(x, `${path}/${k}`));
  return [];
}

/**
 * Issue texts with the user's own values (quoted “…” or "…") taken out: those may say anything.
 * `unknown-rule-kind` is left to validate-schema.test.ts, which pins its "kind: undefined" wording.
 */
function ownWords(issues: Issue[], userText: readonly string[] = []): string[] {
  return issues
    .filter((i) => i.code !== 'unknown-rule-kind')
    .flatMap((i) => [i.message, i.messageEn])
    .map((t) => userText.reduce((a, u) => a.split(u).join('«value»'), t.replace(/“[^”]*”|"(?:[^"\\]|\\.)*"/g, '«value»')));
}

/**
 * The strings of a (mutated) document that themselves say NaN, Infinity or undefined, longest first: its own
 * text, which a message may echo unquoted (an enum option "NaN"). Only those are masked, so our own words
 * are still checked everywhere else.
 */
function badStringsOf(doc: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (BAD_TEXT.test(v)) out.add(v);
    } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(doc);
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * An issue's params less what echoes the document: `value` is the user's value as written, and any
 * string param holding one of the document's own strings that say NaN/undefined is masked like a message.
 */
function ownParams(i: Issue, userText: readonly string[]): Issue['params'] {
  if (!i.params) return {};
  const mask = (v: unknown): unknown =>
    typeof v === 'string' ? userText.reduce((a, u) => a.split(u).join('«value»'), v) : Array.isArray(v) ? v.map(mask) : v;
  return Object.fromEntries(Object.entries(i.params).filter(([k]) => k !== 'value').map(([k, v]) => [k, mask(v)])) as Issue['params'];
}

function wellFormedIssues(issues: Issue[], userText: readonly string[] = []) {
  expect(issues.length).toBeGreaterThan(0);
  for (const i of issues) {
    expect(typeof i.code).toBe('string');
    expect(i.code, i.messageEn).not.toBe('internal');
    expect(i.message.length).toBeGreaterThan(0);
    expect(i.messageEn.length).toBeGreaterThan(0);
    expect(typeof i.path).toBe('string');
  }
  // messages are checked in our own words below; indicator, fact and path echo the scheme's own ids,
  // which a mutated scheme may well spell "NaN"
  expect(badSpots(issues.map((i) => ({ ...i, message: '', messageEn: '', indicator: '', fact: '', path: '', params: ownParams(i, userText) })))).toEqual([]);
  expect(badSpots(ownWords(issues, userText))).toEqual([]);
}

/**
 * Sums checked with decimal.js at 40 significant digits (its default of 20 would not do). The engine sums
 * exactly; an unrounded quotient (e.g. 2/3 of a point) is written at 40 significant digits, so the sum of
 * the written scores may differ from the written subtotal in the last digits — `close` allows 10^-30.
 */
const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
type Decimal = InstanceType<typeof Decimal>;
const ROUND: Record<NonNullable<Scheme['rounding']['mode']>, DecimalBase.Rounding> = { 'half-up': Decimal.ROUND_HALF_UP, 'half-even': Decimal.ROUND_HALF_EVEN, down: Decimal.ROUND_DOWN, up: Decimal.ROUND_UP };

const DECIMAL_TEXT = /^-?[0-9]+(\.[0-9]+)?$/;
const close = (a: Decimal, b: Decimal) => a.minus(b).abs().lte(new Decimal('1e-30').times(Decimal.max(1, b.abs())));

/**
 * Checks the sheet's arithmetic invariants against the scheme it came from. `userText`: the scheme's
 * own texts may be garbage (mutated schemes), so only the numbers are checked for NaN/Infinity there.
 */
function checkSheet(scheme: Scheme, sheet: ScoreSheet, userText = false) {
  if (!userText) expect(badSpots(sheet)).toEqual([]);
  const { places, mode = 'half-up', stages } = scheme.rounding;
  const roundAt = (stage: string, d: Decimal) => (stages.includes(stage as never) ? d.toDecimalPlaces(places, ROUND[mode]) : d);
  const within = (what: string, score: string, points: string) => {
    expect(score, `${what}: score`).toMatch(DECIMAL_TEXT);
    expect(points, `${what}: points`).toMatch(DECIMAL_TEXT);
    const s = new Decimal(score);
    expect(s.gte(0) && s.lte(points), `${what}: score ${score} outside 0–${points}`).toBe(true);
  };
  const parts = (t: Trace, where: string) => {
    for (const p of t.parts ?? []) {
      within(`${where}/${p.id}`, p.score, p.points);
      parts(p, `${where}/${p.id}`);
    }
  };
  const walk = (n: SheetNode) => {
    within(n.id, n.score, n.points);
    if (n.children) {
      n.children.forEach(walk);
      const sum = n.children.reduce((a, c) => a.plus(c.score), new Decimal(0));
      expect(close(new Decimal(n.score), roundAt('subtotal', sum)), `${n.id}: subtotal ${n.score} vs children ${sum.toFixed()}`).toBe(true);
    } else if (n.trace) parts(n.trace, n.id);
  };
  sheet.nodes.forEach(walk);
  const top = sheet.nodes.reduce((a, n) => a.plus(n.score), new Decimal(0));
  expect(close(new Decimal(sheet.total), roundAt('total', top)), `total ${sheet.total} vs top-level ${top.toFixed()}`).toBe(true);
  within('total', sheet.total, sheet.totalPoints);
}

describe('property: well-formed schemes', () => {
  it('validate with no errors and compile', () => {
    fc.assert(
      fc.property(wellFormedScheme, (scheme) => {
        const errors = validateScheme(scheme).filter((i) => i.severity === 'error');
        expect(errors).toEqual([]);
        expect(compile(scheme).ok).toBe(true);
      }),
      RUNS,
    );
  });

  it('evaluate any fact set into a sheet within bounds, or clear issues; never throws', () => {
    fc.assert(
      fc.property(
        wellFormedScheme.chain((s) => fc.tuple(fc.constant(s), facts, reviewerFor(s))),
        ([scheme, f, reviewer]) => {
          const c = compile(scheme);
          if (!c.ok) throw new Error(JSON.stringify(c.issues));
          const r = evaluate(c.compiled, { facts: f, reviewer: reviewer as never });
          if (r.ok) checkSheet(scheme, r.sheet);
          else wellFormedIssues(r.issues);
        },
      ),
      RUNS,
    );
  });
});

describe('property: broken schemes and garbage', () => {
  it('a mutated scheme: validate/compile never throw; errors are data; if it still compiles, evaluation keeps the invariants', () => {
    fc.assert(
      fc.property(brokenScheme, facts, (doc, f) => {
        // the mutated document's own strings may be "NaN" or "undefined"; messages may echo them
        const own = badStringsOf(doc);
        const issues = validateScheme(doc);
        if (issues.length) wellFormedIssues(issues, own);
        const c = compile(doc);
        if (!c.ok) {
          wellFormedIssues(c.issues, own);
          return;
        }
        const r = evaluate(c.compiled, { facts: f });
        if (r.ok) checkSheet(doc as Scheme, r.sheet, true);
        else wellFormedIssues(r.issues, own);
      }),
      RUNS,
    );
  });

  it('any JSON value at all is refused with issues, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.anything({ maxDepth: 3 }), garbage), (doc) => {
        wellFormedIssues(validateScheme(doc));
        const c = compile(doc);
        expect(c.ok).toBe(false);
      }),
      RUNS,
    );
  });

  it('evaluate survives any input object in place of a case', () => {
    fc.assert(
      fc.property(wellFormedScheme, fc.anything({ maxDepth: 3 }), (scheme, input) => {
        const c = compile(scheme);
        if (!c.ok) throw new Error('well-formed scheme did not compile');
        const r = evaluate(c.compiled, input as never);
        if (r.ok) checkSheet(scheme, r.sheet);
        else wellFormedIssues(r.issues);
      }),
      RUNS,
    );
  });
});
