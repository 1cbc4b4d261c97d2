/**
 * The document and result types the editor works with, all from the engine (one definition of the
 * format, in packages/engine/src/format/scheme-types.ts; the score sheet in sheet/types.ts).
 */
export type {
  Scheme,
  Indicator,
  Rule,
  Part,
  Condition,
  Input,
  Metric,
  NumT,
  TiersRule,
  OptionsRule,
  RatioRule,
  FormulaRule,
  SumRule,
  ChecklistRule,
  DeductionRule,
  LinearPenaltyRule,
  JudgementRule,
  TargetsRule,
  RuleKind,
  CaseDoc,
  TargetRowT,
  Issue,
  ScoreSheet,
  SheetNode,
  Trace,
  TraceInput,
} from '@jixiao/engine';
