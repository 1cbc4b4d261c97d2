/** Messages between the page and the versions worker (影响预览 and 版本对比, computed by the engine). */
import type { Issue, SchemeChange, ScoreStatus, SimulationCase, SimulationResult } from '@jixiao/engine';

/** Impact preview: the draft against its baseline over the cases. */
export interface ImpactJob {
  kind: 'impact';
  draft: unknown;
  baseline: unknown;
  cases: SimulationCase[];
}

/** Version comparison: every change from `a` (older) to `b` (newer). */
export interface DiffJob {
  kind: 'diff';
  a: unknown;
  b: unknown;
}

/** Rule reach: how each case's leaves are scored under the draft (by their rule, or by a reviewer's entry). */
export interface ReachJob {
  kind: 'reach';
  draft: unknown;
  cases: SimulationCase[];
}


/** One case under the draft: each leaf's status (computed = by its rule), or why the case cannot be scored. */
export type CaseReach = { id: string; name: string; ok: true; status: Record<string, ScoreStatus> } | { id: string; name: string; ok: false; message: string };

export type ReachOutcome = { kind: 'reach'; ok: true; cases: CaseReach[] } | { kind: 'reach'; ok: false; message: string };

/**
 * Family overview (项目总览): every case of a family scored under one scheme. A project case (自评表) also
 * gives its rows as entered (`rows`: the 年度绩效指标 rows with their 自评得分) and its `reported` 总分, from
 * which the worker works out the 自评总分 as the 自评表's 总分 row shows it (the engine's `selfEvalTotalRow`).
 */
export interface BatchJob {
  kind: 'batch';
  scheme: unknown;
  cases: { id: string; name: string; input: SimulationCase['input']; rows?: unknown; reported?: unknown }[];
}

/**
 * The 自评总分 of a project case: `self` the 资金执行率 得分 plus the rows' 自评得分 (decimal string, 分; null when
 * the self-scores cannot be added), `note` "原报告自评总分 X 分" where the case's reported 总分 differs.
 */
export interface BatchSelfTotal {
  self: string | null;
  note: string | null;
}

/** One case of a batch: its total, grade and each top-level indicator's score, or why it could not be scored. */
export type BatchCase =
  | { id: string; name: string; ok: true; total: string; grade: string; scores: Record<string, string>; selfTotal?: BatchSelfTotal }
  | { id: string; name: string; ok: false; issues: Issue[] };

export type BatchOutcome =
  | { kind: 'batch'; ok: true; places: number; indicators: { id: string; name: string; points: string }[]; cases: BatchCase[] }
  | { kind: 'batch'; ok: false; issues: Issue[] };

export type VersionsJob = ImpactJob | DiffJob | ReachJob | BatchJob;

export type ImpactOutcome =
  | { kind: 'impact'; ok: true; result: SimulationResult; warnings: Issue[] }
  /** `side`: which version could not be compiled. */
  | { kind: 'impact'; ok: false; side: 'draft' | 'baseline'; issues: Issue[] };

/** One side of a changed indicator: its 分值 and the 评分标准 the engine renders from its rule. */
export interface IndicatorSide {
  name: string;
  points: unknown;
  /** Rendered from the rule (what is computed); null for a group or a rule that cannot be rendered. */
  criterion: string | null;
}

/** A changed indicator in both versions (null where it does not exist). */
export interface ChangedIndicator {
  id: string;
  a: IndicatorSide | null;
  b: IndicatorSide | null;
}

export type DiffOutcome = { kind: 'diff'; ok: true; changes: SchemeChange[]; indicators: ChangedIndicator[] } | { kind: 'diff'; ok: false; message: string };

export type VersionsOutcome = ImpactOutcome | DiffOutcome | ReachOutcome | BatchOutcome;

export interface VersionsRequest {
  seq: number;
  job: VersionsJob;
}

export interface VersionsResponse {
  seq: number;
  outcome: VersionsOutcome | { kind: 'crash'; message: string };
  ms: number;
}
