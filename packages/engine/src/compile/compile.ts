/**
 * `compile(doc)`: validate a scheme document once (JSON Schema, then semantic checks) and turn it into
 * an evaluator — metric formulas parsed, every rule compiled into a function. Compile and run are
 * separate phases, as in ajv: compile once, evaluate many fact sets.
 */
import { Dec, dec, plain } from '../decimal/dec.ts';
import type { Issue } from '../errors/issue.ts';
import { pointer } from '../errors/issue.ts';
import { internalIssue } from '../errors/shared.ts';
import type { Indicator, Metric, Rule, Scheme } from '../format/scheme-types.ts';
import { factReader, type FactReader } from '../facts/facts.ts';
import { parseFormula, type Formula } from '../formula/formula.ts';
import { bounds, type Bounds } from '../rules/interval.ts';
import { RULES, compileRule } from '../rules/registry.ts';
import type { CompiledRule, Decls } from '../rules/kind.ts';
import { schemaIssues } from '../validate/schema.ts';
import { formatVersionIssues } from '../format/version.ts';
import { semanticIssues } from '../validate/semantic.ts';
import { buildDecls } from './decls.ts';
import { checkPublication } from '../versions/check-publication.ts';
import { compilePolicies, type CompiledPolicies } from '../evaluate/policies.ts';

export interface CompiledNode {
  id: string;
  name: string;
  level: number;
  points: Dec;
  /** 分值 as written on the sheet. */
  pointsText: string;
  path: string;
  criterion?: string;
  /** Rule kind of a leaf. */
  kind?: string;
  run?: CompiledRule;
  children?: CompiledNode[];
}

/** A declared input as evaluation reads it: id, slot, compiled reader. */
export interface InputReader {
  id: string;
  slot: number;
  read: FactReader;
}

export interface CompiledMetric {
  metric: Metric;
  formula: Formula;
}

/** A scheme ready to evaluate. Treat as opaque; `scheme` is the validated document. */
export interface CompiledScheme {
  scheme: Scheme;
  decls: Decls;
  metrics: ReadonlyMap<string, CompiledMetric>;
  nodes: CompiledNode[];
  totalPoints: Dec;
  grades: { bounds: Bounds; grade: string }[];
  /** Per declared input: its slot and its compiled reader. */
  readers: ReadonlyMap<string, InputReader>;
  /** The same readers in declaration order. */
  inputs: readonly InputReader[];
  /** Slot number of every declared input and metric (inputs first): an evaluation keeps values in arrays. */
  slots: ReadonlyMap<string, number>;
  /** By slot: a metric's formula symbols (undefined for inputs). */
  slotSymbols: readonly (readonly string[] | undefined)[];
  /** Every key a reviewer entry may use: leaf ids and `indicator/part` paths of sum rules. */
  reviewerKeys: ReadonlySet<string>;
  /** Prefixes `<key>/` under which a case's rows bring their own reviewer keys (部门绩效目标行). */
  reviewerPrefixes: ReadonlySet<string>;
  /** Scheme-level policies: 不适用 conditions and renormalisation, the cap on the total (evaluate/policies.ts). */
  policies: CompiledPolicies;
}

function reviewerKeys(nodes: Indicator[], prefixes: Set<string>): Set<string> {
  const out = new Set<string>();
  const parts = (rule: Rule, key: string) => {
    out.add(key);
    if (RULES.get(rule.kind)?.rowKeys) prefixes.add(`${key}/`);
    // a rule nested in a scheme's rule (a part of 分项合计) is a scheme rule too
    for (const p of RULES.parts(rule)) parts(p.rule as Rule, `${key}/${p.id}`);
  };
  const walk = (ns: Indicator[]) => ns.forEach((n) => (n.children ? walk(n.children) : n.rule && parts(n.rule, n.id)));
  walk(nodes);
  return out;
}

export type CompileResult = { ok: true; compiled: CompiledScheme; warnings: Issue[] } | { ok: false; issues: Issue[] };

/**
 * All problems of a scheme document (as upgraded by `upgradeScheme`): a format version this program cannot
 * read alone (format/version.ts), else JSON Schema errors first (if any, semantic checks are skipped,
 * since they need a well-formed document), then a published document changed after publication
 * (its content hash no longer matches), then semantic errors and warnings. Never throws.
 */
export function validateScheme(doc: unknown): Issue[] {
  // a document of a newer (or a broken) format version: that alone, not the fields this program does not know
  const version = formatVersionIssues(doc, 'scheme');
  if (version.length) return version;
  const schema = schemaIssues(doc);
  if (schema.length) return schema;
  // a published scheme changed after publication is not the scheme that was published
  const tampered = checkPublication(doc).filter((i) => i.severity === 'error');
  return [...tampered, ...semanticIssues(doc as Scheme)];
}

function compileNodes(nodes: Indicator[], base: string, level: number, decls: Decls): CompiledNode[] {
  return nodes.map((ind, n) => {
    const path = pointer(base, n);
    const points = dec(ind.points);
    const node: CompiledNode = { id: ind.id, name: ind.name, level, points, pointsText: plain(points), path };
    if (ind.criterion !== undefined) node.criterion = ind.criterion;
    if (ind.children) node.children = compileNodes(ind.children, pointer(path, 'children'), level + 1, decls);
    else if (ind.rule) {
      node.kind = ind.rule.kind;
      node.run = compileRule(ind.rule, { path: pointer(path, 'rule'), indicator: ind.id, points, key: ind.id, name: ind.name, decls, depth: 0 });
    }
    return node;
  });
}

/**
 * Validates and compiles a scheme document.
 * @returns `{ ok: true, compiled, warnings }`, or `{ ok: false, issues }` listing every error
 *   (Chinese message, English beside it, JSON path, indicator/fact). Never throws for bad input.
 */
export function compile(doc: unknown): CompileResult {
  let all: Issue[];
  try {
    all = validateScheme(doc);
  } catch (e) {
    // any: a defect of ours, not the user's; reported as data all the same
    return { ok: false, issues: [internalIssue(e)] };
  }
  const errors = all.filter((i) => i.severity === 'error');
  if (errors.length) return { ok: false, issues: all };
  const scheme = doc as Scheme;
  const decls = buildDecls(scheme);
  const reviewerPrefixes = new Set<string>();
  const inputs: InputReader[] = scheme.inputs.map((i, slot) => ({ id: i.id, slot, read: factReader(i) }));
  const metrics = new Map<string, CompiledMetric>();
  for (const m of scheme.metrics ?? []) {
    const p = parseFormula(m.formula);
    if (p.ok) metrics.set(m.id, { metric: m, formula: p.formula });
  }
  return {
    ok: true,
    warnings: all,
    compiled: {
      scheme,
      decls,
      metrics,
      nodes: compileNodes(scheme.indicators, '/indicators', 1, decls),
      totalPoints: dec(scheme.totalPoints),
      grades: scheme.grades.map((g) => ({ bounds: bounds(g), grade: g.grade })),
      readers: new Map(inputs.map((r) => [r.id, r])),
      inputs,
      slots: new Map([...scheme.inputs.map((i) => i.id), ...(scheme.metrics ?? []).map((m) => m.id)].map((id, i) => [id, i])),
      slotSymbols: [...scheme.inputs.map(() => undefined), ...(scheme.metrics ?? []).map((m) => metrics.get(m.id)?.formula.symbols)],
      reviewerKeys: reviewerKeys(scheme.indicators, reviewerPrefixes),
      reviewerPrefixes,
      policies: compilePolicies(scheme, decls),
    },
  };
}

