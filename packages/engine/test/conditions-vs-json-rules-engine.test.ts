/**
 * json-rules-engine is the reference semantics of conditions. jixiao reads json-rules-engine's condition
 * JSON and compiles it itself (conditions/condition.ts); this differential property test runs random
 * WELL-TYPED conditions — nested all / any / not, every operator on every fact type it applies to, literal
 * values in every way the format allows them to be written, lists for in / notIn, and fact-to-fact
 * comparisons — over random facts, through jixiao's compiled conditions (a veto on a one-leaf scheme:
 * the leaf scores 0 exactly when the condition holds) and through json-rules-engine, and requires the
 * same answer.
 *
 * json-rules-engine's own operators compare with JavaScript's `===`, `<`, `>` (0.1 + 0.2 > 0.3 there), so
 * decimal-exact operators under the same names are registered with `engine.addOperator`: written here,
 * independently of jixiao's registry, with decimal.js. Numeric facts reach json-rules-engine as decimal.js
 * numbers read from the case's text by the format's rules (a percent "95%" is 0.95), yes/no as booleans,
 * enum and text as strings; metrics as computed here with decimal.js.
 */
import fc from 'fast-check';
import DecimalBase from 'decimal.js';
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, validateScheme, type Condition, type Input, type Metric, type Scheme } from '../src/index.ts';
import { OPERATORS, operatorsFor, type OperatorDef } from '../src/conditions/operators.ts';
import { incomparable } from '../src/conditions/fact-types.ts';
import { leafScheme, node } from './fixtures/build.ts';

/** ~500 runs per property (a run takes about 5 ms); JIXIAO_PROPERTY_RUNS=5000 for a deeper search. */
const RUNS = { numRuns: Number(process.env.JIXIAO_PROPERTY_RUNS ?? 500) };

const Decimal = DecimalBase.clone({ precision: 40 });
type Decimal = InstanceType<typeof Decimal>;

const OPTIONS = ['按要求公开', '公开但不符合要求', '未公开'];
const INPUTS: Input[] = [
  { id: 'n1', label: '数值一', type: 'number' },
  { id: 'n2', label: '数值二', type: 'number' },
  { id: 'c1', label: '计数一', type: 'count' },
  { id: 'c2', label: '计数二', type: 'count' },
  { id: 'p1', label: '比率一', type: 'percent' },
  { id: 'p2', label: '比率二', type: 'percent' },
  { id: 'm1', label: '金额一', type: 'money', unit: '万元', min: -1000 },
  { id: 'm2', label: '金额二', type: 'money', unit: '万元', min: -1000 },
  { id: 'y1', label: '是否一', type: 'boolean' },
  { id: 'y2', label: '是否二', type: 'boolean' },
  { id: 'e1', label: '公开情况', type: 'enum', options: OPTIONS.map((v) => ({ value: v, label: v })) },
  { id: 'e2', label: '上年公开情况', type: 'enum', options: OPTIONS.map((v) => ({ value: v, label: v })) },
  { id: 't1', label: '说明', type: 'text' },
  { id: 'n', label: '不符合项数', type: 'count', default: 0 },
];
/** A metric, so that conditions on computed values are compared too: n1 + n2 (a number). */
const METRICS: Metric[] = [{ id: 's', label: '合计', type: 'number', formula: 'n1 + n2' }];
const TYPES = new Map<string, string>([...INPUTS.map((i) => [i.id, i.type] as const), ['s', 'number']]);
const DECLS = { typeOf: (id: string) => TYPES.get(id), inputs: new Map(INPUTS.map((i) => [i.id, i])) };
/** The facts conditions compare (not `n`, the deduction's count, which stays 0). */
const CONDITION_FACTS = [...TYPES.keys()].filter((id) => id !== 'n');

// --- values, written every way the format allows ------------------------------------------------------------

/** A decimal k / scale (k small, so that generated values meet often and equalities are tried). */
const small = (scales: number[], min = -6, max = 6) =>
  fc.tuple(fc.integer({ min, max }), fc.constantFrom(...scales)).map(([k, scale]) => new Decimal(k).div(scale));

/** A decimal as a JSON number, as decimal text with trailing zeros ("0.30"), or — for a percent — as "30%". */
function written(d: Decimal, percent: boolean): fc.Arbitrary<number | string> {
  const forms: fc.Arbitrary<number | string>[] = [fc.constant(d.toNumber()), fc.constant(d.toFixed(3))];
  if (percent) forms.push(fc.constant(`${d.times(100).toFixed()}%`));
  return fc.oneof(...forms);
}

/** A literal of a fact type in a condition (percents kept within ±10, as the check requires). */
function literal(type: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'percent':
      return small([10, 100]).chain((d) => written(d, true));
    case 'number':
    case 'count':
    case 'money':
      return small([1, 10, 100]).chain((d) => written(d, false));
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...OPTIONS);
    default:
      return fc.constantFrom(...OPTIONS, '其他');
  }
}

/** A fact's value in a case, of its declared type, in any of its written forms. */
function factValue(input: Input): fc.Arbitrary<unknown> {
  switch (input.type) {
    case 'count':
      return fc.integer({ min: 0, max: 6 }).chain((k) => fc.constantFrom<unknown>(k, String(k), `${k}.0`));
    case 'boolean':
      return fc.constantFrom<unknown>(true, false, '是', '否');
    default:
      return literal(input.type);
  }
}

// --- well-typed conditions ----------------------------------------------------------------------------------

/** The facts a fact may be compared with (comparable types, same money unit); itself included. */
const partners = (fact: string) => CONDITION_FACTS.filter((f) => incomparable(fact, f, DECLS) === null);

function valueFor(fact: string, op: OperatorDef): fc.Arbitrary<unknown> {
  const type = TYPES.get(fact)!;
  if (op.takes === 'list') return fc.array(literal(type), { minLength: 1, maxLength: 4 });
  return fc.oneof({ weight: 3, arbitrary: literal(type) }, { weight: 1, arbitrary: fc.constantFrom(...partners(fact)).map((f) => ({ fact: f })) });
}

const comparison: fc.Arbitrary<Condition> = fc
  .constantFrom(...CONDITION_FACTS)
  .chain((fact) => fc.constantFrom(...operatorsFor(TYPES.get(fact))).chain((op) => valueFor(fact, op).map((value) => ({ fact, operator: op.name, value }) as Condition)));

const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'condition' },
    { weight: 4, arbitrary: comparison },
    { weight: 1, arbitrary: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })) },
    { weight: 1, arbitrary: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })) },
    { weight: 1, arbitrary: tie('condition').map((not) => ({ not })) },
  ),
}));

const factSet = fc.record(Object.fromEntries(INPUTS.filter((i) => i.id !== 'n').map((i) => [i.id, factValue(i)])) as Record<string, fc.Arbitrary<unknown>>);

// --- jixiao -------------------------------------------------------------------------------------------------

function schemeWith(when: Condition): Scheme {
  return leafScheme({ points: 1, inputs: INPUTS, metrics: METRICS, rule: { kind: 'deduction', countFact: 'n', perItem: 1, veto: { when, text: '条件成立的，本项得0分' } } });
}

/** jixiao's answers for each fact set: the vetoed leaf scores 0 exactly when the condition holds. */
function jixiao(when: Condition, cases: Record<string, unknown>[]): boolean[] {
  const doc = schemeWith(when);
  const c = compile(doc);
  if (!c.ok) throw new Error(`a well-typed condition was refused: ${c.issues.map((i) => i.message).join('; ')}`);
  return cases.map((facts) => {
    const r = evaluate(c.compiled, { facts });
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
    const score = node(r.sheet, 'leaf').score;
    if (!/^[01](\.0+)?$/.test(score)) throw new Error(`unexpected score ${score}`);
    return score.startsWith('0');
  });
}

// --- json-rules-engine with decimal-exact operators ---------------------------------------------------------

/** A number as the format writes it: a JSON number, decimal text, or (for percents) "95%" = 0.95. */
function dec(v: unknown): Decimal {
  if (v instanceof Decimal) return v;
  if (typeof v === 'number') return new Decimal(v);
  const s = String(v).trim();
  return s.endsWith('%') ? new Decimal(s.slice(0, -1)).div(100) : new Decimal(s);
}
/** Equality by value: numbers (decimal.js) exactly, everything else with json-rules-engine's `===`. */
const same = (a: unknown, b: unknown) => (a instanceof Decimal ? a.eq(dec(b)) : a === b);
/** Order of two numbers, false for anything else (json-rules-engine's number operators refuse non-numbers). */
const ordered = (holds: (c: number) => boolean) => (a: unknown, b: unknown) => a instanceof Decimal && holds(a.cmp(dec(b)));

const DECIMAL_OPERATORS: Record<string, (a: unknown, b: unknown) => boolean> = {
  equal: same,
  notEqual: (a, b) => !same(a, b),
  lessThan: ordered((c) => c < 0),
  lessThanInclusive: ordered((c) => c <= 0),
  greaterThan: ordered((c) => c > 0),
  greaterThanInclusive: ordered((c) => c >= 0),
  in: (a, list) => (list as unknown[]).some((b) => same(a, b)),
  notIn: (a, list) => !(list as unknown[]).some((b) => same(a, b)),
};

/** The case's facts as json-rules-engine gets them: numbers read exactly, yes/no as booleans, the metric computed. */
function referenceFacts(facts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const i of INPUTS) {
    const v = facts[i.id];
    if (v === undefined) continue;
    out[i.id] = ['number', 'count', 'percent', 'money'].includes(i.type) ? dec(v) : i.type === 'boolean' ? v === true || v === '是' : v;
  }
  out['s'] = dec(facts['n1']).plus(dec(facts['n2']));
  return out;
}

async function reference(when: Condition, cases: Record<string, unknown>[]): Promise<boolean[]> {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const [name, cb] of Object.entries(DECIMAL_OPERATORS)) engine.addOperator(name, cb);
  const top: TopLevelCondition = 'all' in when || 'any' in when || 'not' in when ? (when as TopLevelCondition) : { all: [when as NestedCondition] };
  engine.addRule({ conditions: top, event: { type: 'holds' } });
  const out: boolean[] = [];
  for (const facts of cases) {
    const { events } = await engine.run(referenceFacts(facts));
    out.push(events.length > 0);
  }
  return out;
}

// --- the tests ----------------------------------------------------------------------------------------------

describe('conditions: jixiao agrees with json-rules-engine (decimal-exact operators)', () => {
  it('every operator of the registry has a decimal-exact json-rules-engine counterpart here', () => {
    expect(Object.keys(DECIMAL_OPERATORS).sort()).toEqual(OPERATORS.map((o) => o.name).sort());
  });

  it('the harness itself: 0.1 + 0.2 = 0.3 on both sides, where json-rules-engine’s own operators say otherwise', async () => {
    const when: Condition = { fact: 's', operator: 'equal', value: 0.3 };
    const facts = { n1: 0.1, n2: 0.2, c1: 0, c2: 0, p1: 0, p2: 0, m1: 0, m2: 0, y1: true, y2: false, e1: '未公开', e2: '未公开', t1: '' };
    expect(jixiao(when, [facts])).toEqual([true]);
    expect(await reference(when, [facts])).toEqual([true]);
    // json-rules-engine as it ships, on JavaScript numbers
    const plain = new Engine([{ conditions: { all: [{ fact: 's', operator: 'equal', value: 0.3 }] }, event: { type: 'holds' } }]);
    expect((await plain.run({ s: 0.1 + 0.2 })).events).toHaveLength(0);
  });

  it('single comparisons (every operator on every fact type it applies to) give the same answer', async () => {
    await fc.assert(
      fc.asyncProperty(comparison, fc.array(factSet, { minLength: 3, maxLength: 6 }), async (when, cases) => {
        expect(jixiao(when, cases)).toEqual(await reference(when, cases));
      }),
      RUNS,
    );
  });

  it('random well-typed conditions, nested all / any / not, over random facts give the same answer', async () => {
    await fc.assert(
      fc.asyncProperty(condition, fc.array(factSet, { minLength: 1, maxLength: 4 }), async (when, cases) => {
        // well-typed by construction, so the scheme check accepts it
        expect(validateScheme(schemeWith(when)).filter((i) => i.severity === 'error')).toEqual([]);
        expect(jixiao(when, cases)).toEqual(await reference(when, cases));
      }),
      RUNS,
    );
  });

  it('both answers vary: the generated conditions hold for some fact sets and not for others', async () => {
    // guards the property above against a generator that only ever makes conditions that are always false
    const answers = new Set<boolean>();
    await fc.assert(
      fc.asyncProperty(condition, factSet, async (when, facts) => {
        const [a] = jixiao(when, [facts]);
        answers.add(a!);
      }),
      { numRuns: 100, seed: 9 },
    );
    expect(answers).toEqual(new Set([true, false]));
  });
});
