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

export type VersionsJob = ImpactJob | DiffJob | ReachJob;

/** One case under the draft: each leaf's status (computed = by its rule), or why the case cannot be scored. */
export type CaseReach = { id: string; name: string; ok: true; status: Record<string, ScoreStatus> } | { id: string; name: string; ok: false; message: string };

export type ReachOutcome = { kind: 'reach'; ok: true; cases: CaseReach[] } | { kind: 'reach'; ok: false; message: string };

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

export type VersionsOutcome = ImpactOutcome | DiffOutcome | ReachOutcome;

export interface VersionsRequest {
  seq: number;
  job: VersionsJob;
}

export interface VersionsResponse {
  seq: number;
  outcome: VersionsOutcome | { kind: 'crash'; message: string };
  ms: number;
}
