/**
 * Versions per year (年度版本): content hash and publication, new-year drafts, the diff between two
 * versions, and the impact preview of a draft over real cases. Pure functions (no fs): the CLI, the
 * server (through `@jixiao/store`) and the editor call them alike.
 */
export { canonicalJson } from './canonical.ts';
export { contentHash, hashedContent, NON_CONTENT_FIELDS, HASH_PREFIX } from './hash.ts';
export { publish, checkPublication, type PublishResult } from './publish.ts';
export { newYear, type NewYearResult } from './new-year.ts';
export { diffSchemes, VERSION_FIELDS } from './diff.ts';
export { CHANGE_KINDS, summarizeChanges, type ChangeKind, type SchemeChange } from './change.ts';
export { compactTextDiff, textHunks, type TextHunk } from './text-diff.ts';
export { RULE_KIND_ZH } from './diff-rules.ts';
export { simulate, AVERAGE_PLACES, type SimulationCase, type SimulationResult, type CaseImpact, type IndicatorImpact, type SideOutcome } from './impact.ts';
export { distribution, DEFAULT_EDGES, type Distribution, type DistributionBin } from './distribution.ts';
