/**
 * @jixiao/engine — the one scoring engine every face (CLI, server, editor) calls.
 *
 * Flow: a scheme document is validated (`validateScheme`: JSON Schema, then semantic checks), compiled
 * once (`compile`), and run over facts (`evaluate`) to give a score sheet whose every score is a decimal
 * string with its explanation. Pure TypeScript: no fs, no DOM; runs in Node and in the browser.
 */
export { compile, validateScheme, type CompiledScheme, type CompileResult } from './compile/compile.ts';
export { evaluate, type CaseInput, type EvaluateResult } from './evaluate/evaluate.ts';
export { plainSheet } from './evaluate/trace.ts';
export { NOT_ENTERED_CODES, awaitsReviewer, isNotEntered, isReviewerPath } from './evaluate/not-entered.ts';
export { factsToEnter, missingFactIssues } from './evaluate/facts-to-enter.ts';
export { SUBMISSION_BLOCKING_CODES, submissionBlockers } from './evaluate/submission.ts';
export { validateCase } from './validate/case.ts';
/** 格式版本: read a document written in any format this program knows (every face calls these before validating). */
export {
  FORMAT_VERSION,
  FORMAT_VERSION_FIELD,
  CASE_MIGRATIONS,
  SCHEME_MIGRATIONS,
  createUpgrader,
  declaredFormatVersion,
  formatVersionIssues,
  formatVersionMessages,
  upgradeCase,
  upgradeNotice,
  upgradeScheme,
  withFormatVersion,
  type AppliedMigration,
  type DocumentKind,
  type FormatMigrations,
  type Migration,
  type UpgradeResult,
  type Upgrader,
} from './format/version.ts';
export { schemeConforms } from './validate/schema.ts';
export { loadSchemaDetail, schemaDetailLoaded } from './validate/detail.ts';
export { renderCriterion, normalizeCriterion, criterionMatches } from './render/render.ts';
export { auditCase, type AuditReport, type AuditDifference } from './audit/audit.ts';
export { formatIssue, formatNamedIssue, type IssueNames, type Issue, type IssueSeverity, type IssueParams, type IssueParam } from './errors/issue.ts';
export { defineMessages, renderIssue, messageDef, catalogueCodes, unscoredAt, usedByAt, type MessageDef, type Messages } from './errors/catalogue.ts';
export { shared as sharedMessages } from './errors/shared.ts';
export { versionMessages } from './versions/messages.ts';
export { RULE_KINDS } from './rules/registry.ts';
/** 评分档次 (bands) for forms that let a reviewer choose a band: its bounds in 分, its words, membership. */
export { bandBounds, isFixed, showBand, type BandT } from './rules/judgement/bands.ts';
export { contains as inBounds, type Bounds } from './rules/interval.ts';
/** How a 年度指标值 and its 实际完成值 are read (met, notMet, qualitative …), for forms of 年度绩效指标 rows. */
export { compareTarget } from './targets/compare.ts';
export type { Comparison } from './targets/types.ts';
export { OPERATORS, OPERATOR_NAMES, operatorDef, operatorsFor, type OperatorDef, type OperatorName, type Scalar } from './conditions/operators.ts';
export { comparableTypes, type ConditionFactType } from './conditions/fact-types.ts';
export { RULES, RULE_KIND_LIST, createRegistry, type RuleRegistry } from './rules/registry.ts';
export type { AnyKind, KindDefinition, KindNames, RuleLike } from './rules/kind.ts';
export type { ScoreSheet, SheetNode, Trace, TraceInput, RowResult, ScoreStatus } from './sheet/types.ts';
/** The 合计 row of a 项目支出绩效自评表's rows: self-scores, rule scores, 酌情 rows (the editor's table and 打印视图). */
export { selfEvalTotalRow, selfEvalTotals, showSelfEvalTotal, type SelfEvalTotalRow, type SelfEvalTotals, type SelfScored } from './rules/targets/self-eval-totals.ts';
/** The summary of a batch of scored cases (average total, cases per grade), for the CLI's batch and the editor's overview. */
export { summarizeTotals, type ScoredTotal, type TotalsSummary } from './sheet/summary.ts';
export { NO_GRADE_BANDS, NO_MATCHING_GRADE } from './sheet/types.ts';
export type * from './format/scheme-types.ts';
export type { CaseDoc, TargetRowT, ReviewerEntryT, DiscrepancyT } from './format/case-types.ts';
export { parseFormula, FORMULA_FUNCTIONS } from './formula/formula.ts';
export { Dec, DecError } from './decimal/exact.ts';
export {
  ADJUSTMENT_NAME,
  CASE_FIELD_LABELS,
  NO_CHANGE,
  ORIGIN_NAME,
  REPORT_TITLE,
  STATUS_NOTE,
  STATUS_TEXT,
  UNROUNDED,
  UNROUNDED_MARK,
  adjustmentLines,
  caseSubject,
  reportFileName,
  reportMeta,
  showAdjustment,
  showChange,
  showCounted,
  showDelta,
  showMoney,
  showNumber,
  showPercent,
  showPoints,
  showScore,
  showStatistic,
  showStatisticChange,
  showStatisticDelta,
  statisticChange,
  type Adjustment,
  type CaseFieldLabels,
  type EvaluationKind,
  type Shown,
} from './display/index.ts';
export { countEn } from './display/count.ts';
export { schemeNames, type SchemeNames } from './display/scheme-names.ts';
export { halfWidthNumber } from './facts/full-width.ts';
export { readFactNumber } from './facts/read-number.ts';
export { percentPointsMeant, percentPointsValue } from './facts/percent-points.ts';
export * from './versions/index.ts';
/** The 项目支出绩效自评表 in the official layout (seed 001), one grid of cells for the 打印视图, Word and Excel. */
export {
  NOT_SCORED,
  SELF_EVAL_FORM_COLUMNS,
  SELF_EVAL_FORM_FACTS,
  SELF_EVAL_FORM_HEADINGS,
  selfEvalForm,
  selfEvalGrid,
  showRate,
  type FormCase,
  type FormCell,
  type FormFundsLine,
  type FormMoney,
  type FormRow,
  type FundsFacts,
  type SelfEvalForm,
} from './display/self-eval-form.ts';
