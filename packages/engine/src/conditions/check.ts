/**
 * The semantic check of a condition (条件校验), run by `validateScheme` for every condition of a scheme
 * (rule `veto.when`, `exempt.when`, ratio `zeroWhen.when`). A condition that passes is well typed: its
 * facts are declared, its operator exists and applies to the fact's type (operators.ts), and its value is
 * what the operator takes — a literal of the fact's type, a list of them for `in`/`notIn`, or another fact
 * of a comparable type. Anything else would compile into a condition that silently never fires (a
 * `greaterThan 95` on a yes/no fact, `"九成"` for a percent, 95 written for 95%), so it is refused, with
 * one sentence per condition.
 */
import { plain, toDec } from '../decimal/dec.ts';
import { looksPercentPoints } from '../rules/percent-bounds.ts';
import { pointer, type Issue } from '../errors/issue.ts';
import type { Condition, Input } from '../format/scheme-types.ts';
import { incomparable, readLiteral } from './fact-types.ts';
import { conditionMessages as m } from './messages.ts';
import { operatorDef, operatorsFor } from './operators.ts';

/** Where a condition sits, as the check needs it (a rule's `RuleSite` is one). */
export interface ConditionSite {
  /** JSON pointer of the rule holding the condition. */
  path: string;
  /** Id of the indicator the rule scores. */
  indicator: string;
  /** Name of the indicator (or part of a sum) the rule scores. */
  name: string;
  /** Reviewer key: the indicator id, or `indicator/part` for a part of a sum (then `name` is the part's). */
  key?: string;
  decls: {
    typeOf(id: string): string | undefined;
    label(id: string): string;
    inputs: ReadonlyMap<string, Pick<Input, 'unit' | 'options' | 'max'>>;
  };
}

type Leaf = Extract<Condition, { fact: string }>;

/** The condition as written, for messages: `存在违规支出 greaterThan 95`. */
function written(c: Leaf): string {
  return `${c.fact} ${c.operator} ${JSON.stringify(c.value)}`;
}

function isFactRef(v: Leaf['value']): v is { fact: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Issues of a condition: at most one per comparison `{ fact, operator, value }` (the first thing wrong
 * with it), each with the JSON path of the offending property.
 * @param field the rule property holding the condition, e.g. `veto/when`, `zeroWhen/when`.
 */
export function checkCondition(c: Condition, site: ConditionSite, field: string): Issue[] {
  const out: Issue[] = [];
  const clause = field.split('/')[0] ?? '';
  const walk = (x: Condition, path: string): void => {
    if ('all' in x) x.all.forEach((s, i) => walk(s, pointer(path, 'all', i)));
    else if ('any' in x) x.any.forEach((s, i) => walk(s, pointer(path, 'any', i)));
    else if ('not' in x) walk(x.not, pointer(path, 'not'));
    else {
      const i = checkLeaf(x, site, clause, path);
      if (i) out.push(i);
    }
  };
  walk(c, pointer(site.path, ...field.split('/')));
  return out;
}

function checkLeaf(c: Leaf, site: ConditionSite, clause: string, path: string): Issue | null {
  const { decls } = site;
  const at = { name: site.name, part: site.key?.includes('/') ?? false, clause, condition: written(c) };
  const where = (p: string, fact = c.fact) => ({ path: p, indicator: site.indicator, fact });
  const type = decls.typeOf(c.fact);
  if (type === undefined) return m.issue('condition-undeclared-fact', { ...at, fact: c.fact }, where(pointer(path, 'fact')));
  const on = { ...at, fact: c.fact, factLabel: decls.label(c.fact), type };
  const allowed = operatorsFor(type).map((o) => o.name);
  const op = operatorDef(c.operator);
  if (allowed.length === 0) return m.issue('condition-operator-type', { ...on, operator: c.operator, allowed }, where(pointer(path, 'fact')));
  if (!op) return m.issue('condition-operator-unknown', { ...on, operator: c.operator, allowed }, where(pointer(path, 'operator')));
  if (!allowed.includes(op.name)) return m.issue('condition-operator-type', { ...on, operator: c.operator, allowed }, where(pointer(path, 'operator')));

  const v = c.value;
  const valuePath = pointer(path, 'value');
  if (op.takes === 'list') {
    if (!Array.isArray(v)) return m.issue('condition-value-not-list', { ...on, operator: op.name, value: JSON.stringify(v) }, where(valuePath));
    if (v.length === 0) return m.issue('condition-value-empty-list', { ...on, operator: op.name }, where(valuePath));
    for (let i = 0; i < v.length; i++) {
      const bad = literalIssue(v[i], on, site, where(pointer(valuePath, i)));
      if (bad) return bad;
    }
    return null;
  }
  if (Array.isArray(v)) return m.issue('condition-value-list-unexpected', { ...on, operator: op.name, value: JSON.stringify(v) }, where(valuePath));
  if (isFactRef(v)) {
    const otherType = decls.typeOf(v.fact);
    if (otherType === undefined) return m.issue('condition-undeclared-fact', { ...at, fact: v.fact }, where(pointer(valuePath, 'fact'), v.fact));
    const why = incomparable(c.fact, v.fact, decls);
    if (why === null) return null;
    const units = why === 'unit' ? { unit: decls.inputs.get(c.fact)?.unit, otherUnit: decls.inputs.get(v.fact)?.unit } : {};
    return m.issue('condition-facts-incomparable', { ...on, other: v.fact, otherLabel: decls.label(v.fact), otherType, ...units }, where(pointer(valuePath, 'fact'), v.fact));
  }
  return literalIssue(v, on, site, where(valuePath));
}

/** The issue of one literal value for the fact (wrong type, not an option, a percent written 95), or null. */
function literalIssue(
  v: unknown,
  on: { name: string; part: boolean; clause: string; condition: string; fact: string; factLabel: string; type: string },
  site: ConditionSite,
  where: { path: string; indicator: string; fact: string },
): Issue | null {
  const input = site.decls.inputs.get(on.fact);
  const value = JSON.stringify(v);
  if (on.type === 'enum') {
    const options = (input?.options ?? []).map((o) => o.value);
    return typeof v === 'string' && options.includes(v) ? null : m.issue('condition-value-option', { ...on, value, options }, where);
  }
  const read = readLiteral(on.type, v);
  if (read === null) return m.issue('condition-value-type', { ...on, value }, where);
  if (on.type === 'percent' && typeof read === 'object' && !(typeof v === 'string' && v.trim().endsWith('%')) && looksPercentPoints(read, input?.max !== undefined ? toDec(input.max) : null)) {
    return m.issue('condition-percent-scale', { ...on, value: plain(read), percent: plain(read.times(100)), fraction: plain(read.div(100)) }, where);
  }
  return null;
}

