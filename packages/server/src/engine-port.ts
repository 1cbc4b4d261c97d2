/**
 * What the server needs from the engine (`@jixiao/engine`): validation, compile, evaluate.
 * The app factory takes it as a parameter so the HTTP layer never re-implements scoring and
 * tests can start the app with the real engine on any schemes folder.
 */
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
}

/** Only the blocking issues. */
export function errorsOf(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'error');
}
