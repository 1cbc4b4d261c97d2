/**
 * What the server needs from the engine (`@jixiao/engine`): the format upgrade, validation, compile, evaluate, and the
 * version functions (new-year drafts, diff, impact simulation, publication check). The app factory
 * takes it as a parameter so the HTTP layer never re-implements scoring and tests can start the app
 * with the real engine on any schemes folder.
 */
import type * as Engine from '@jixiao/engine';
import type { Issue } from '@jixiao/engine';

export type { Issue };

/** The slice of the engine's public API that the server calls (validation, scoring, versions). */
export type EnginePort = Pick<
  typeof Engine,
  | 'validateScheme'
  | 'compile'
  | 'evaluate'
  | 'submissionBlockers'
  | 'validateCase'
  | 'newYear'
  | 'diffSchemes'
  | 'summarizeChanges'
  | 'simulate'
  | 'checkPublication'
  | 'contentHash'
  | 'versionMessages'
  | 'upgradeScheme'
  | 'upgradeCase'
  | 'upgradeNotice'
>;

/** Only the blocking issues. */
export function errorsOf(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'error');
}
