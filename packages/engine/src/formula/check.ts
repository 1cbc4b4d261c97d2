/**
 * The scheme check of a formula's quantities (公式的量纲核对): what a formula adds, subtracts or compares
 * must be of one kind — 金额 with 金额 in the same unit, 百分比 with 百分比, 人数 with 人数 (a plain number
 * goes with any) — the same rule conditions follow (`comparableTypes`, conditions/fact-types.ts).
 * `实际采购金额 + 在编人数` would otherwise validate and score nonsense (104.92万元 + 50人).
 */
import type { Issue, IssueWhere } from '../errors/issue.ts';
import { incomparable, type FactDecls } from '../conditions/fact-types.ts';
import type { Formula } from './formula.ts';
import { formulaMessages } from './messages.ts';

/** Issues for each pair of quantities of different kinds the formula adds, subtracts or compares; `metric` labels a metric's formula. */
export function mixedTypeIssues(formula: Formula, decls: FactDecls & { label(id: string): string }, where: IssueWhere, metric?: string): Issue[] {
  const out: Issue[] = [];
  for (const [a, b] of formula.addedPairs) {
    const why = incomparable(a, b, decls);
    if (why === null) continue;
    const units = why === 'unit' ? { unit: decls.inputs.get(a)?.unit, otherUnit: decls.inputs.get(b)?.unit } : {};
    out.push(
      formulaMessages.issue(
        'formula-mixed-types',
        { formula: formula.source, metric, a, aLabel: decls.label(a), aType: decls.typeOf(a) ?? '', b, bLabel: decls.label(b), bType: decls.typeOf(b) ?? '', ...units },
        { ...where, fact: b },
      ),
    );
  }
  return out;
}
