/**
 * The comparison for `pnpm bench`: the same scheme's conditions run by json-rules-engine, built the way
 * the project's stack would do it without jixiao's compiled engine — every tier interval, option, zero
 * rule (zeroWhen), veto and exemption becomes a rule whose event names the branch (each kind's
 * `branches`, rules/<kind>/index.ts); decimal-exact operators are added with `engine.addOperator`,
 * comparing decimal.js Decimals (precision 40, as the engine used before its own exact number type);
 * each metric is a dynamic fact evaluated by mathjs with BigNumber (decimal.js) from the scheme's
 * formula text, compiled once.
 *
 * `numbers: 'jixiao'` swaps in jixiao's own number type (Dec) and compiled formulas instead, so the
 * bench can also show what json-rules-engine costs with jixiao's arithmetic.
 */
import DecimalBase from 'decimal.js';
import { Engine, type NestedCondition, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { Dec, toDec } from '../src/decimal/dec.ts';
import { all, create } from 'mathjs';
import { allowChineseIdentifiers } from '../src/formula/formula.ts';
import { parseFormula, type Condition, type Indicator, type Rule, type Scheme } from '../src/index.ts';
import { RULES } from '../src/rules/registry.ts';

/** decimal.js as the engine configured it before it had its own number type. */
const Big = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
type Big = InstanceType<typeof Big>;

// the whole of mathjs, as a stack without jixiao would evaluate formulas: BigNumber (decimal.js) at the
// engine's old 40 digits, with the Chinese identifiers jixiao's parser takes
const math = create(all as NonNullable<typeof all>, { number: 'BigNumber', precision: 40 });
allowChineseIdentifiers(math.parse);

/** A comparison of two fact values, for the engine's custom operators. */
type Cmp = (a: unknown, b: unknown) => number;

/** Reads a fact value as a decimal.js Decimal: numbers, "0.95", "95%", "1,511.77", mathjs BigNumbers. */
function big(v: unknown): Big {
  if (typeof v === 'number') return new Big(v);
  // a mathjs BigNumber (decimal.js inside, possibly another copy of it)
  if (v instanceof DecimalBase || (typeof v === 'object' && v !== null && (v as { isBigNumber?: boolean }).isBigNumber)) return new Big(String(v));
  if (typeof v === 'string') {
    const s = v.replace(/,/g, '').trim();
    return s.endsWith('%') ? new Big(s.slice(0, -1)).div(100) : new Big(s);
  }
  throw new Error(`not a number: ${JSON.stringify(v)}`);
}

/** Reads a fact value as jixiao's Dec. */
function num(v: unknown): Dec {
  if (v instanceof Dec) return v;
  const d = toDec(typeof v === 'string' ? v.replace(/,/g, '') : v);
  if (d === null) throw new Error(`not a number: ${JSON.stringify(v)}`);
  return d;
}

const COMPARE: Record<'decimal.js' | 'jixiao', Cmp> = {
  'decimal.js': (a, b) => big(a).cmp(big(b)),
  jixiao: (a, b) => num(a).cmp(num(b)),
};
const DEC_OPS: Record<string, (c: number) => boolean> = {
  decEqual: (c) => c === 0,
  decNotEqual: (c) => c !== 0,
  decLessThan: (c) => c < 0,
  decLessThanInclusive: (c) => c <= 0,
  decGreaterThan: (c) => c > 0,
  decGreaterThanInclusive: (c) => c >= 0,
};
const NUMERIC = new Set(['number', 'percent', 'money', 'count']);
const TO_DEC_OP: Record<string, string> = {
  equal: 'decEqual',
  notEqual: 'decNotEqual',
  lessThan: 'decLessThan',
  lessThanInclusive: 'decLessThanInclusive',
  greaterThan: 'decGreaterThan',
  greaterThanInclusive: 'decGreaterThanInclusive',
};

function translate(c: Condition, typeOf: (id: string) => string | undefined): NestedCondition {
  if ('all' in c) return { all: c.all.map((x) => translate(x, typeOf)) };
  if ('any' in c) return { any: c.any.map((x) => translate(x, typeOf)) };
  if ('not' in c) return { not: translate(c.not, typeOf) };
  const numeric = NUMERIC.has(typeOf(c.fact) ?? '');
  const op = numeric ? (TO_DEC_OP[c.operator] ?? c.operator) : c.operator;
  return { fact: c.fact, operator: op, value: c.value };
}
const top = (c: NestedCondition): TopLevelCondition => ('all' in c || 'any' in c || 'not' in c ? (c as TopLevelCondition) : { all: [c] });

/** One json-rules-engine rule per branch condition of the scheme. */
export function schemeRules(scheme: Scheme): RuleProperties[] {
  const types = new Map<string, string>([...scheme.inputs.map((i) => [i.id, i.type] as const), ...(scheme.metrics ?? []).map((m) => [m.id, m.type] as const)]);
  const typeOf = (id: string) => types.get(id);
  const rules: RuleProperties[] = [];
  const add = (key: string, branch: string, conditions: TopLevelCondition) => rules.push({ name: `${key}:${branch}`, conditions, event: { type: 'branch', params: { key, branch } } });
  const visit = (rule: Rule, key: string) => {
    if (rule.veto) add(key, 'veto', top(translate(rule.veto.when, typeOf)));
    if (rule.exempt) add(key, 'exempt', top(translate(rule.exempt.when, typeOf)));
    for (const b of RULES.get(rule.kind)?.branches?.(rule) ?? []) add(key, b.branch, top(translate(b.when, typeOf)));
    // a rule nested in a scheme's rule (a part of 分项合计) is a scheme rule too
    for (const p of RULES.parts(rule)) visit(p.rule as Rule, `${key}/${p.id}`);
  };
  const walk = (nodes: Indicator[]) => {
    for (const n of nodes) {
      if (n.children) walk(n.children);
      else if (n.rule) visit(n.rule, n.id);
    }
  };
  walk(scheme.indicators);
  return rules;
}

/**
 * The Engine: the scheme's rules, decimal operators, and metrics as dynamic facts.
 * @param numbers `decimal.js` (default: decimal.js operators, mathjs BigNumber formulas) or `jixiao`
 *   (jixiao's Dec and compiled formulas).
 */
export function buildEngine(scheme: Scheme, numbers: 'decimal.js' | 'jixiao' = 'decimal.js'): { engine: Engine; ruleCount: number } {
  const rules = schemeRules(scheme);
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  const compare = COMPARE[numbers];
  for (const [name, test] of Object.entries(DEC_OPS)) engine.addOperator<unknown, unknown>(name, (a, b) => a !== undefined && a !== null && test(compare(a, b)));
  for (const m of scheme.metrics ?? []) {
    const p = parseFormula(m.formula);
    if (!p.ok) throw new Error(p.messageEn);
    const f = p.formula;
    if (numbers === 'jixiao') {
      engine.addFact(m.id, async (_params, almanac) => {
        const scope = new Map<string, Dec>();
        for (const s of f.symbols) scope.set(s, num(await almanac.factValue(s)));
        return f.run(scope);
      });
    } else {
      const code = math.compile(m.formula);
      engine.addFact(m.id, async (_params, almanac) => {
        const scope = new Map<string, unknown>();
        for (const s of f.symbols) scope.set(s, math.bignumber(big(await almanac.factValue(s)).toString()));
        return code.evaluate(scope) as unknown;
      });
    }
  }
  return { engine, ruleCount: rules.length };
}
