/**
 * Semantic checks beyond the JSON Schema, each naming the indicator and the JSON path:
 * unique ids; children's points add up to the parent's; the total is what the document declares;
 * leaves have rules and inner nodes children; every referenced fact/metric declared; formulas parse;
 * metrics do not depend on themselves; no rule can award more than its points; tiers and grade bands
 * cover their domain with no gap and no overlap.
 */
import { Dec, dec, plain } from '../decimal/dec.ts';
import { issue, pointer, type Issue } from '../errors/issue.ts';
import type { Indicator, Scheme } from '../format/scheme-types.ts';
import { parseFormula } from '../formula/formula.ts';
import { bounds, coverage, renderInterval } from '../rules/interval.ts';
import { checkRule, renderRule, ruleMax } from '../rules/registry.ts';
import { normalizeCriterion } from '../render/normalize.ts';
import type { Decls } from '../rules/kind.ts';
import { buildDecls } from '../compile/decls.ts';

function checkIds(scheme: Scheme, out: Issue[]) {
  const seen = new Map<string, string>();
  const note = (id: string, path: string, what: string) => {
    const prev = seen.get(id);
    if (prev) out.push(issue('duplicate-id', `标识“${id}”重复（${what}；此前见于 ${prev}）`, `duplicate id "${id}" (first at ${prev})`, { path }));
    else seen.set(id, path);
  };
  scheme.inputs.forEach((i, n) => note(i.id, pointer('/inputs', n, 'id'), '输入事实'));
  (scheme.metrics ?? []).forEach((m, n) => note(m.id, pointer('/metrics', n, 'id'), '计算指标'));
  const walk = (nodes: Indicator[], base: string) =>
    nodes.forEach((ind, n) => {
      const p = pointer(base, n);
      note(ind.id, pointer(p, 'id'), '指标');
      if (ind.children) walk(ind.children, pointer(p, 'children'));
    });
  walk(scheme.indicators, '/indicators');
}

function checkMetrics(scheme: Scheme, decls: Decls, out: Issue[]) {
  const deps = new Map<string, string[]>();
  (scheme.metrics ?? []).forEach((m, n) => {
    const path = pointer('/metrics', n, 'formula');
    const p = parseFormula(m.formula);
    if (!p.ok) {
      out.push(issue('formula-syntax', `计算指标“${m.label}”：${p.message}`, `metric ${m.id}: ${p.messageEn}`, { path, fact: m.id }));
      return;
    }
    deps.set(m.id, p.formula.symbols);
    for (const s of p.formula.symbols) {
      const t = decls.typeOf(s);
      if (t === undefined) out.push(issue('undeclared-fact', `计算指标“${m.label}”的公式引用了未声明的“${s}”`, `metric ${m.id} references undeclared "${s}"`, { path, fact: s }));
      else if (!['number', 'percent', 'money', 'count'].includes(t)) {
        out.push(issue('fact-type', `计算指标“${m.label}”的公式引用了非数值的“${s}”（${t}）`, `metric ${m.id} uses non-numeric "${s}" (${t})`, { path, fact: s }));
      }
    }
  });
  // cycles
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      const n = (scheme.metrics ?? []).findIndex((m) => m.id === id);
      out.push(issue('metric-cycle', `计算指标循环引用：${[...trail, id].join(' → ')}`, `metric cycle: ${[...trail, id].join(' -> ')}`, { path: pointer('/metrics', n, 'formula'), fact: id }));
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
    if (points.lt(0)) out.push(issue('points-negative', `指标“${ind.name}”的分值为负数`, `indicator ${ind.id} has negative points`, { ...where, path: pointer(p, 'points') }));
    if (ind.children && ind.rule) {
      out.push(issue('rule-on-parent', `指标“${ind.name}”既有下级指标又有计分规则；规则只能放在末级指标上`, `indicator ${ind.id} has both children and a rule`, { ...where, path: pointer(p, 'rule') }));
    }
    if (ind.children) {
      const sum = ind.children.reduce((a, c) => a.plus(dec(c.points)), new Dec(0));
      if (!sum.eq(points)) {
        out.push(
          issue('points-mismatch', `指标“${ind.name}”分值 ${plain(points)} 分，下级指标分值合计 ${plain(sum)} 分，两者不符`, `indicator ${ind.id}: points ${plain(points)} but children add up to ${plain(sum)}`, {
            ...where,
            path: pointer(p, 'points'),
          }),
        );
      }
      checkTree(ind.children, pointer(p, 'children'), decls, out);
    } else if (!ind.rule) {
      out.push(issue('leaf-without-rule', `末级指标“${ind.name}”没有计分规则`, `leaf indicator ${ind.id} has no rule`, { ...where, path: p }));
    } else {
      const site = { path: pointer(p, 'rule'), indicator: ind.id, points, key: ind.id, name: ind.name, decls, depth: 0 };
      out.push(...checkRule(ind.rule, site));
      // the stored official text must still say what the rule computes
      if (ind.criterion !== undefined && normalizeCriterion(renderRule(ind.rule, site)) !== normalizeCriterion(ind.criterion)) {
        out.push(
          issue('criterion-stale', `指标“${ind.name}”的评分标准原文与规则不一致（规则已改而原文未改？）；请按规则生成的文字核对并更新原文`, `indicator ${ind.id}: the stored criterion text no longer matches its rule`, {
            ...where,
            path: pointer(p, 'criterion'),
            severity: 'warning',
          }),
        );
      }
      const max = ruleMax(ind.rule, site);
      if (max !== null && max.gt(points) && ind.rule.kind !== 'tiers' && ind.rule.kind !== 'options') {
        out.push(issue('score-exceeds-points', `指标“${ind.name}”的规则最多可得 ${plain(max)} 分，超过分值 ${plain(points)} 分`, `rule of ${ind.id} can award ${plain(max)}, more than its ${plain(points)} points`, { ...where, path: pointer(p, 'rule') }));
      }
    }
  });
}

function checkGrades(scheme: Scheme, out: Issue[]) {
  const total = dec(scheme.totalPoints);
  const bs = scheme.grades.map(bounds);
  const domain = { min: new Dec(0), minInclusive: true, max: total, maxInclusive: true };
  for (const p of coverage(bs, domain)) {
    const text = renderInterval(p.region, '总分', (d) => plain(d));
    out.push(
      p.type === 'gap'
        ? issue('grade-gap', `等级区间未覆盖：${text} 时没有等级`, `grade bands leave a gap: ${text}`, { path: '/grades' })
        : issue('grade-overlap', `等级区间重叠：${text}`, `grade bands overlap: ${text}`, { path: '/grades' }),
    );
  }
}

/** Semantic issues of a scheme that already conforms to the JSON Schema. */
export function semanticIssues(scheme: Scheme): Issue[] {
  const out: Issue[] = [];
  const decls = buildDecls(scheme);
  checkIds(scheme, out);
  checkMetrics(scheme, decls, out);
  const total = scheme.indicators.reduce((a, c) => a.plus(dec(c.points)), new Dec(0));
  if (!total.eq(dec(scheme.totalPoints))) {
    out.push(issue('total-mismatch', `一级指标分值合计 ${plain(total)} 分，与方案总分 ${plain(dec(scheme.totalPoints))} 分不符`, `top-level indicators add up to ${plain(total)}, totalPoints is ${plain(dec(scheme.totalPoints))}`, { path: '/totalPoints' }));
  }
  checkTree(scheme.indicators, '/indicators', decls, out);
  checkGrades(scheme, out);
  scheme.inputs.forEach((i, n) => {
    if (i.type === 'enum' && !i.options?.length) out.push(issue('enum-without-options', `枚举型事实“${i.label}”没有列出可选值`, `enum input ${i.id} has no options`, { path: pointer('/inputs', n), fact: i.id }));
  });
  return out;
}
