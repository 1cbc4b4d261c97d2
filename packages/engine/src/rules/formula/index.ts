/**
 * 公式计分 (formula): an expression over facts and metrics gives the score.
 * The kind's definition: everything the engine, the CLI and the editor know of it (see ../kind.ts).
 */
import type { KindDefinition } from '../kind.ts';
import { FormulaRuleSchema } from './schema.ts';
import { formula as scoring } from './formula.ts';
import { FORMULA_CHANGES, diffFormula } from './diff.ts';

export const formula: KindDefinition<'formula', typeof FormulaRuleSchema, typeof FORMULA_CHANGES> = {
  ...scoring,
  kind: 'formula',
  schema: FormulaRuleSchema,
  names: { zh: '公式计分', en: 'formula', example: '已完成项目数/计划完成项目总数×6分' },
  template: (metric, points) => ({ kind: 'formula', expression: `${metric}*${points}` }),
  changes: FORMULA_CHANGES,
  diff: diffFormula,
};
