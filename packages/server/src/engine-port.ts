/**
 * What the server needs from the engine (`@jixiao/engine`): validation, compile, evaluate, and the
 * version functions (new-year drafts, diff, impact simulation, publication check). The app factory
 * takes it as a parameter so the HTTP layer never re-implements scoring and tests can start the app
 * with the real engine on any schemes folder.
 */
import type * as Engine from '@jixiao/engine';
import type { Issue } from '@jixiao/engine';

export type { Issue };

/** The slice of the engine's public API that the server calls. */
export interface EnginePort {
  /** ajv + semantic checks; `Issue.severity` tells errors from warnings. */
  validateScheme(doc: unknown): Issue[];
  compile(doc: unknown): { ok: true; compiled: unknown; warnings: Issue[] } | { ok: false; issues: Issue[] };
  evaluate(
    compiled: never,
    input: { facts: Record<string, unknown>; reviewer?: Record<string, unknown> },
  ): { ok: true; sheet: unknown } | { ok: false; issues: Issue[] };
  validateCase(doc: unknown): Issue[];
  /** 以某年方案为基础新建另一年度草稿. */
  newYear: typeof Engine.newYear;
  /** 版本对比: typed changes with Chinese sentences. */
  diffSchemes: typeof Engine.diffSchemes;
  summarizeChanges: typeof Engine.summarizeChanges;
  /** 影响预览 of a compiled draft against a compiled baseline over cases. */
  simulate: typeof Engine.simulate;
  /** 发布状态核对: a published document changed after publication, missing stamps. */
  checkPublication: typeof Engine.checkPublication;
  contentHash: typeof Engine.contentHash;
}

/** Only the blocking issues. */
export function errorsOf(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'error');
}
