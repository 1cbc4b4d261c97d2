/**
 * `diffSchemes(a, b)`: what changed from one version of a scheme to another (方案版本比较), as typed
 * changes each with a Chinese sentence a policy person reads directly — for `jixiao diff`, the
 * editor's side-by-side view and the one-line summaries of the history.
 */
import type { Scheme } from '../format/scheme-types.ts';
import { buildDecls } from '../compile/decls.ts';
import type { SchemeChange } from './change.ts';
import { restDiff, type DiffCtx } from './diff-context.ts';
import { diffDeclarations, diffHeader } from './diff-decls.ts';
import { diffIndicators } from './diff-indicators.ts';
import { POLICY_FIELDS, diffPolicies } from './diff-policies.ts';

/**
 * Top-level fields that identify a version rather than say what it scores; not reported as changes.
 * `formatVersion` says in which format a version is written (a new year's draft carries the current one).
 */
export const VERSION_FIELDS = ['year', 'version', 'status', 'basedOn', 'publishedAt', 'contentHash', 'source', '$schema', 'formatVersion'] as const;

const COMPARED = ['id', 'family', 'title', 'jurisdiction', 'totalPoints', 'rounding', 'grades', 'inputs', 'metrics', 'indicators'];

/** Tolerates a draft that is still being edited (missing lists or rounding) when building declarations. */
function declsOf(s: Scheme) {
  return buildDecls({ ...s, inputs: s.inputs ?? [], metrics: s.metrics ?? [], rounding: s.rounding ?? { places: 2, stages: [] } });
}

/**
 * Every change from scheme `a` (older) to scheme `b` (newer), in reading order: scheme settings
 * (title, total, rounding, grades), then the indicator tree in `b`'s order (indicators matched by
 * id, then by name), then inputs and metrics. Version identity (`VERSION_FIELDS`) is ignored.
 * A rendering-hint change (`render-changed`) is left out where the same indicator's official
 * 评分标准 text also changed: the criterion change already says it. Any other difference that no
 * typed comparison names is still reported, as `other-changed`.
 *
 * Both documents should pass the JSON Schema; missing lists are treated as empty. Never modifies them.
 */
export function diffSchemes(a: Scheme, b: Scheme): SchemeChange[] {
  const ctx: DiffCtx = { a, b, da: declsOf(a), db: declsOf(b), out: [] };
  diffHeader(ctx);
  diffIndicators(ctx);
  diffDeclarations(ctx);
  diffPolicies(ctx);
  restDiff(ctx, { label: '方案', pa: '', pb: '' }, a, b, [...COMPARED, ...POLICY_FIELDS, ...VERSION_FIELDS]);
  const criterionChanged = new Set(ctx.out.filter((c) => c.kind === 'criterion-changed').map((c) => c.indicator));
  return ctx.out.filter((c) => !(c.kind === 'render-changed' && criterionChanged.has(c.indicator)));
}
