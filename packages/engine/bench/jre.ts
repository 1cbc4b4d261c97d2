/**
 * The comparison for `pnpm bench`: the same scheme's conditions as a json-rules-engine Engine — every
 * tier interval, option, zero rule (zeroWhen), veto and exemption becomes a rule whose event names the
 * branch — with decimal-exact operators added via `engine.addOperator` (the engine's Decimal), and
 * each metric as a dynamic fact computed by the same mathjs BigNumber formula jixiao uses.
 */
import { Engine, type NestedCondition, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { Dec, toDec } from '../src/decimal/dec.ts';
import { parseFormula, type Condition, type Indicator, type Rule, type Scheme } from '../src/index.ts';

const NUMERIC = new Set(['number', 'percent', 'money', 'count']);
const DEC_OPS: Record<string, (a: Dec, b: Dec) => boolean> = {
  decEqual: (a, b) => a.eq(b),
  decNotEqual: (a, b) => !a.eq(b),
  decLessThan: (a, b) => a.lt(b),
  decLessThanInclusive: (a, b) => a.lte(b),
  decGreaterThan: (a, b) => a.gt(b),
  decGreaterThanInclusive: (a, b) => a.gte(b),
};
const TO_DEC_OP: Record<string, string> = {
  equal: 'decEqual',
  notEqual: 'decNotEqual',
  lessThan: 'decLessThan',
  lessThanInclusive: 'decLessThanInclusive',
  greaterThan: 'decGreaterThan',
  greaterThanInclusive: 'decGreaterThanInclusive',
};

/** A fact value as a Decimal: numbers, "0.95", "95%", "1,511.77". */
function num(v: unknown): Dec {
  if (v instanceof Dec) return v;
  const d = toDec(typeof v === 'string' ? v.replace(/,/g, '') : v);
  if (d === null) throw new Error(`not a number: ${JSON.stringify(v)}`);
  return d;
}

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
    switch (rule.kind) {
      case 'tiers':
        rule.tiers.forEach((t, i) => {
          const all: NestedCondition[] = [];
          if (t.min !== undefined) all.push({ fact: rule.metric, operator: t.minInclusive ? 'decGreaterThanInclusive' : 'decGreaterThan', value: String(t.min) });
          if (t.max !== undefined) all.push({ fact: rule.metric, operator: t.maxInclusive ? 'decLessThanInclusive' : 'decLessThan', value: String(t.max) });
          add(key, `tier${i + 1}`, { all });
        });
        break;
      case 'options':
        rule.options.forEach((o, i) => add(key, `option${i + 1}`, { all: [{ fact: rule.fact, operator: 'equal', value: o.value }] }));
        break;
      case 'ratio':
        if (rule.zeroWhen) add(key, 'zero', top(translate(rule.zeroWhen.when, typeOf)));
        break;
      case 'sum':
        for (const p of rule.parts) visit(p.rule, `${key}/${p.id}`);
        break;
      default:
        break;
    }
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

/** The Engine: the scheme's rules, decimal operators, and metrics as dynamic facts. */
export function buildEngine(scheme: Scheme): { engine: Engine; ruleCount: number } {
  const rules = schemeRules(scheme);
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  for (const [name, cmp] of Object.entries(DEC_OPS)) engine.addOperator<unknown, unknown>(name, (a, b) => a !== undefined && a !== null && cmp(num(a), num(b)));
  for (const m of scheme.metrics ?? []) {
    const p = parseFormula(m.formula);
    if (!p.ok) throw new Error(p.messageEn);
    const f = p.formula;
    engine.addFact(m.id, async (_params, almanac) => {
      const scope = new Map<string, Dec>();
      for (const s of f.symbols) scope.set(s, num(await almanac.factValue(s)));
      return f.run(scope);
    });
  }
  return { engine, ruleCount: rules.length };
}
