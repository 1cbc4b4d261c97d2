/** 公式计分 (formula): the expression. */
import type { FormulaRule } from '../../format/scheme-types.ts';
import { add, type DiffCtx, type Place } from '../../versions/diff-context.ts';

/** The change kinds this diff reports, with their Chinese names. */
export const FORMULA_CHANGES = {
  'formula-changed': '计分公式变更',
} as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffFormula(ctx: DiffCtx, place: Place, x: FormulaRule, y: FormulaRule): readonly string[] {
  if (x.expression !== y.expression) {
    add(ctx, place, 'formula-changed', `${place.label}：计分公式 ${x.expression} → ${y.expression}`, `${place.label}: formula ${x.expression} → ${y.expression}`, {
      sub: ['expression'],
      before: x.expression,
      after: y.expression,
    });
  }
  return ['expression'];
}
