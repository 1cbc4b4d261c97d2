/**
 * 公式计分 (formula): a mathjs expression over facts and metrics gives the score, kept within 0 and the
 * points. Source: seed 000 项目完成及时性 — 本指标得分=已完成项目数/计划完成项目总数×6分.
 */
import { Dec, ZERO, plain, showNumber } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import { shared } from '../../errors/shared.ts';
import type { FormulaRule } from '../../format/scheme-types.ts';
import { CannotCompute, type Line } from '../../evaluate/context.ts';
import { parseFormula } from '../../formula/formula.ts';
import { mixedTypeIssues } from '../../formula/check.ts';
import { formulaMessages } from '../../formula/messages.ts';
import { checkRef } from '../refs-check.ts';
import { prose, type RuleKind } from '../kind.ts';

export const formula: RuleKind<FormulaRule> = {
  refs(rule) {
    const p = parseFormula(rule.expression);
    return p.ok ? p.formula.symbols : [];
  },

  check(rule, site) {
    const p = parseFormula(rule.expression);
    if (!p.ok) return [shared.issue('formula-syntax', { reason: p.message, reasonEn: p.messageEn }, { path: pointer(site.path, 'expression'), indicator: site.indicator })];
    const out: Issue[] = [];
    const text = new Set(p.formula.textSymbols);
    for (const id of p.formula.symbols) out.push(...checkRef(id, site, 'expression', text.has(id) ? 'enum' : 'numeric'));
    // an enum fact compared with a quoted value: the value must be one of its options
    for (const [id, value] of p.formula.textComparisons) {
      const allowed = site.decls.inputs.get(id)?.options?.map((o) => o.value);
      if (allowed && !allowed.includes(value)) {
        out.push(formulaMessages.issue('formula-enum-value', { formula: rule.expression, fact: id, label: site.decls.label(id), value, allowed }, { path: pointer(site.path, 'expression'), indicator: site.indicator, fact: id }));
      }
    }
    if (out.length === 0) out.push(...mixedTypeIssues(p.formula, site.decls, { path: pointer(site.path, 'expression'), indicator: site.indicator }));
    return out;
  },

  maxScore: () => null,

  compile(rule, site) {
    const p = parseFormula(rule.expression);
    if (!p.ok) throw new Error(p.messageEn); // unreachable: compile runs only on checked schemes
    const f = p.formula;
    const text = new Set(f.textSymbols);
    // written once here, not at every run
    const written = rule.expression.replace(/\*/g, '×');
    const branch = `公式：${written}`;
    const overLine = `超过本项分值，取 ${plain(site.points)}分`;
    return (ctx) => {
      const values = new Map<string, Dec>();
      const texts = new Map<string, string>();
      for (const id of f.symbols) {
        if (text.has(id)) texts.set(id, ctx.text(id));
        else values.set(id, ctx.num(id));
      }
      const scope = { get: (id: string) => values.get(id), has: (id: string) => values.has(id), text: (id: string) => texts.get(id) };
      const r = f.run(scope);
      const shown = () => f.substitute(scope, (id, d) => ctx.show(id, d), (id) => site.decls.typeOf(id) === 'percent');
      if (r === null) {
        throw new CannotCompute(shared.issue('zero-denominator', { at: 'rule', expression: rule.expression, shown: shown() }, { indicator: site.indicator, path: pointer(site.path, 'expression') }));
      }
      const lines: Line[] = [() => `${written} = ${shown()} = ${showNumber(r)}分`];
      let score = r;
      const warnings: string[] = [];
      if (r.gt(site.points)) {
        score = site.points;
        lines.push(overLine);
        warnings.push(`公式结果 ${showNumber(r)} 超过分值 ${plain(site.points)}，已取分值`);
      } else if (r.lt(ZERO)) {
        score = ZERO;
        lines.push('低于0分，取0分');
        warnings.push(`公式结果 ${showNumber(r)} 为负，已取0分`);
      }
      return { score, branch, arithmetic: lines, status: 'computed', warnings };
    };
  },

  render(rule, site) {
    const pts = plain(site.points);
    const expr = rule.expression.replace(/\s+/g, '').replace(/\*/g, '×');
    return `${prose(rule.render?.before, pts)}${rule.render?.name ?? '本指标'}得分=${expr}分${prose(rule.render?.after, pts)}`;
  },
};
