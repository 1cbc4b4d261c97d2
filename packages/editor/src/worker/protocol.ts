/** Messages between the page and the analysis worker. */
import type { Issue, ScoreSheet } from '../model/types.ts';

export interface AnalysisInput {
  facts: Record<string, unknown>;
  reviewer?: Record<string, unknown>;
}

export interface AnalysisRequest {
  seq: number;
  doc: unknown;
  /** The case to score (facts with the user's "what if" changes), or null for none. */
  input: AnalysisInput | null;
}

export interface AnalysisResult {
  seq: number;
  /** validateScheme(doc): errors and warnings with JSON pointers. */
  issues: Issue[];
  /** The score sheet of `input`, when the scheme compiles and the case evaluates. */
  sheet: ScoreSheet | null;
  /** Why there is no sheet (compile or evaluate issues). */
  scoreIssues: Issue[];
  /**
   * Where `scoreIssues` come from: `compile` (the scheme is wrong) or `evaluate` (the scheme compiles
   * but the case's facts or reviewer entries are wrong); absent when there are none.
   */
  scoreStage?: 'compile' | 'evaluate';
  /**
   * The facts the case still has to be given before it may be submitted (the engine's `factsToEnter`, the rule
   * 提交 applies); absent when the scheme does not compile or there is no case.
   */
  factsToEnter?: string[];
  /** 评分标准 rendered by the engine, keyed by the indicator's JSON pointer. */
  rendered: Record<string, string>;
  /** Rendering failures, keyed like `rendered`. */
  renderErrors: Record<string, string>;
  /** Milliseconds the worker spent. */
  ms: number;
  /** An unexpected exception inside the engine (message), if any. */
  crash?: string;
}
