/**
 * Semantic checks beyond the JSON Schema, each naming the indicator and the JSON path:
 * unique ids; children's points add up to the parent's; the total is what the document declares;
 * leaves have rules and inner nodes children; every referenced fact/metric declared; formulas parse;
 * metrics do not depend on themselves; no rule can award more than its points, and every rule can award
 * them all (`points-unreachable`, a warning, per 分项 of a 分项合计 too); tiers and grade bands
 * cover their domain with no gap and no overlap.
 */
import { Dec, dec, plain } from '../decimal/dec.ts';
import { pointer, type Issue } from '../errors/issue.ts';
import { shared, type IdOwner } from '../errors/shared.ts';
import { semanticMessages as m } from './messages.ts';
import type { Indicator, Scheme } from '../format/scheme-types.ts';
import { parseFormula } from '../formula/formula.ts';
import { mixedTypeIssues } from '../formula/check.ts';
import { bounds, coverage, renderInterval } from '../rules/interval.ts';
import { checkRule, renderRule, ruleMax } from '../rules/registry.ts';
import { normalizeCriterion } from '../render/normalize.ts';
import type { Decls } from '../rules/kind.ts';
import { buildDecls } from '../compile/decls.ts';
import { policyIssues } from '../evaluate/policies.ts';

function checkIds(scheme: Scheme, out: Issue[]) {
  const seen = new Map<string, string>();
  const note = (id: string, path: string, owner: IdOwner) => {
    const prev = seen.get(id);
    if (prev) out.push(shared.issue('duplicate-id', { id, owner, firstAt: prev }, { path }));
    else seen.set(id, path);
  };
  scheme.inputs.forEach((i, n) => note(i.id, pointer('/inputs', n, 'id'), 'input'));
  (scheme.metrics ?? []).forEach((x, n) => note(x.id, pointer('/metrics', n, 'id'), 'metric'));
  const walk = (nodes: Indicator[], base: string) =>
    nodes.forEach((ind, n) => {
      const p = pointer(base, n);
      note(ind.id, pointer(p, 'id'), 'indicator');
      if (ind.children) walk(ind.children, pointer(p, 'children'));
    });
  walk(scheme.indicators, '/indicators');
}

function checkMetrics(scheme: Scheme, decls: Decls, out: Issue[]) {
  const deps = new Map<string, string[]>();
  (scheme.metrics ?? []).forEach((metric, n) => {
    const path = pointer('/metrics', n, 'formula');
    const p = parseFormula(metric.formula);
    const of = { metric: metric.label, metricId: metric.id };
    if (!p.ok) {
      out.push(shared.issue('formula-syntax', { reason: p.message, reasonEn: p.messageEn, ...of }, { path, fact: metric.id }));
      return;
    }
    deps.set(metric.id, p.formula.symbols);
    let typed = true;
    for (const s of p.formula.symbols) {
      const t = decls.typeOf(s);
      if (t === undefined) out.push(shared.issue('undeclared-fact', { at: 'metric-formula', ...of, fact: s }, { path, fact: s }));
      else if (!['number', 'percent', 'money', 'count'].includes(t)) {
        out.push(shared.issue('fact-type', { at: 'metric-formula', ...of, fact: s, type: t }, { path, fact: s }));
      } else continue;
      typed = false;
    }
    if (typed) out.push(...mixedTypeIssues(p.formula, decls, { path }, metric.label));
  });
  // cycles
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      const n = (scheme.metrics ?? []).findIndex((x) => x.id === id);
      out.push(m.issue('metric-cycle', { cycle: [...trail, id] }, { path: pointer('/metrics', n, 'formula'), fact: id }));
      return;
    }
    state.set(id, 1);
    for (const d of deps.get(id) ?? []) if (deps.has(d)) visit(d, [...trail, id]);
    state.set(id, 2);
  };
  for (const id of deps.keys()) visit(id, []);
}

function checkTree(nodes: Indicator[], base: string, decls: Decls, out: Issue[]) {
  nodes.forEach((ind, n) => {
    const p = pointer(base, n);
    const points = dec(ind.points);
    const where = { indicator: ind.id };
    const named = { name: ind.name, indicator: ind.id };
    if (points.lt(0)) out.push(m.issue('points-negative', named, { ...where, path: pointer(p, 'points') }));
    if (ind.children && ind.rule) out.push(m.issue('rule-on-parent', named, { ...where, path: pointer(p, 'rule') }));
    if (ind.children) {
      const sum = ind.children.reduce((a, c) => a.plus(dec(c.points)), new Dec(0));
      if (!sum.eq(points)) {
        out.push(shared.issue('points-mismatch', { at: 'children', ...named, points: plain(points), sum: plain(sum) }, { ...where, path: pointer(p, 'points') }));
      }
      checkTree(ind.children, pointer(p, 'children'), decls, out);
    } else if (!ind.rule) {
      out.push(m.issue('leaf-without-rule', named, { ...where, path: p }));
    } else {
      const site = { path: pointer(p, 'rule'), indicator: ind.id, points, key: ind.id, name: ind.name, decls, depth: 0 };
      out.push(...checkRule(ind.rule, site));
      // the stored official text must still say what the rule computes
      if (ind.criterion !== undefined && normalizeCriterion(renderRule(ind.rule, site)) !== normalizeCriterion(ind.criterion)) {
        out.push(m.issue('criterion-stale', named, { ...where, path: pointer(p, 'criterion') }));
      }
      const max = ruleMax(ind.rule, site);
      if (max !== null && max.gt(points) && ind.rule.kind !== 'tiers' && ind.rule.kind !== 'options') {
        out.push(shared.issue('score-exceeds-points', { at: 'rule', ...named, max: plain(max), points: plain(points) }, { ...where, path: pointer(p, 'rule') }));
      }
      // null: the most is not known before evaluation (a formula), so nothing to say
      if (max !== null && max.lt(points)) {
        out.push(shared.issue('points-unreachable', { at: 'rule', ...named, max: plain(max), points: plain(points) }, { ...where, path: pointer(p, 'rule') }));
      }
    }
  });
}

/**
 * Grade bands cover 0 to the total once each (gaps and overlaps are errors); no bands at all is a scheme that
 * gives no grade (an excerpt of a 100-point table). A band that starts above the total can never be given: bands
 * meant for 100 points on a scheme of fewer (`grade-beyond-total`, a warning).
 */
function checkGrades(scheme: Scheme, out: Issue[]) {
  if (!scheme.grades.length) return;
  const total = dec(scheme.totalPoints);
  const bs = scheme.grades.map(bounds);
  scheme.grades.forEach((g, k) => {
    const b = bs[k]!;
    if (b.min !== null && (b.min.gt(total) || (b.min.eq(total) && !b.minInclusive))) {
      out.push(m.issue('grade-beyond-total', { grade: g.grade, region: renderInterval(b, '总分', (d) => plain(d)), total: plain(total) }, { path: `/grades/${k}` }));
    }
  });
  const domain = { min: new Dec(0), minInclusive: true, max: total, maxInclusive: true };
  for (const p of coverage(bs, domain)) {
    const region = renderInterval(p.region, '总分', (d) => plain(d));
    out.push(m.issue(p.type === 'gap' ? 'grade-gap' : 'grade-overlap', { region }, { path: '/grades' }));
  }
}

/**
 * Keeps one of each issue at a shared band table (path under /bandTables/, same code and path): every leaf
 * that uses a table checks the table's bounds against its own metric, and the table's problem is one problem.
 */
function oncePerTablePlace(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    if (!i.path.startsWith('/bandTables/')) return true;
    const key = `${i.code}\u0000${i.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Semantic issues of a scheme that already conforms to the JSON Schema. */
/**
 * The calendar's dates (节点日期): each a real day (the schema checks only the YYYY-MM-DD shape), and in the
 * year it is given for (a warning otherwise). Dates not of that shape are the schema's to report.
 */
function checkCalendar(scheme: Scheme, out: Issue[]) {
  (scheme.calendar ?? []).forEach((c, n) => {
    for (const [year, date] of Object.entries(c.dates)) {
      const ymd = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(date);
      if (!ymd) continue;
      const p = { label: c.label, node: c.id, year, date };
      const where = { path: pointer('/calendar', n, 'dates', year) };
      const [y, mo, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
      const day = new Date(Date.UTC(y, mo - 1, d));
      if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) out.push(m.issue('calendar-date-invalid', p, where));
      else if (ymd[1] !== year) out.push(m.issue('calendar-date-year', p, where));
    }
  });
}

export function semanticIssues(scheme: Scheme): Issue[] {
  const out: Issue[] = [];
  const decls = buildDecls(scheme);
  checkIds(scheme, out);
  checkMetrics(scheme, decls, out);
  const total = scheme.indicators.reduce((a, c) => a.plus(dec(c.points)), new Dec(0));
  if (!total.eq(dec(scheme.totalPoints))) {
    out.push(m.issue('total-mismatch', { sum: plain(total), total: plain(dec(scheme.totalPoints)) }, { path: '/totalPoints' }));
  }
  checkTree(scheme.indicators, '/indicators', decls, out);
  checkGrades(scheme, out);
  out.push(...policyIssues(scheme, decls));
  scheme.inputs.forEach((i, n) => {
    if (i.type === 'enum' && !i.options?.length) out.push(m.issue('enum-without-options', { label: i.label, fact: i.id }, { path: pointer('/inputs', n), fact: i.id }));
  });
  checkCalendar(scheme, out);
  return oncePerTablePlace(out);
}
