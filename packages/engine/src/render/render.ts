/**
 * Renders rules back into Chinese 参考评分标准 text, so that what policy staff read is what is computed,
 * and compares a rendering with the official text stored in the scheme.
 */
import { dec } from '../decimal/dec.ts';
import type { Indicator, Scheme } from '../format/scheme-types.ts';
import { renderRule } from '../rules/registry.ts';
import { buildDecls } from '../compile/decls.ts';
import { pointer } from '../errors/issue.ts';
import { normalizeCriterion } from './normalize.ts';

export { normalizeCriterion };

function find(nodes: Indicator[], id: string, base: string): { ind: Indicator; path: string } | null {
  for (let n = 0; n < nodes.length; n++) {
    const ind = nodes[n]!;
    const path = pointer(base, n);
    if (ind.id === id) return { ind, path };
    if (ind.children) {
      const hit = find(ind.children, id, pointer(path, 'children'));
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * The 评分标准 text of a leaf indicator, rendered from its rule (numbering "1.", "（1）" as the seeds
 * write it). Returns null for an unknown id or an indicator without a rule.
 */
export function renderCriterion(scheme: Scheme, indicatorId: string): string | null {
  const hit = find(scheme.indicators, indicatorId, '/indicators');
  if (!hit || !hit.ind.rule) return null;
  const decls = buildDecls(scheme);
  return renderRule(hit.ind.rule, {
    path: pointer(hit.path, 'rule'),
    indicator: hit.ind.id,
    points: dec(hit.ind.points),
    key: hit.ind.id,
    name: hit.ind.name,
    decls,
    depth: 0,
  });
}

/** Whether the rendering of an indicator's rule matches its stored official text. */
export function criterionMatches(scheme: Scheme, indicatorId: string): { official: string; rendered: string; match: boolean } | null {
  const hit = find(scheme.indicators, indicatorId, '/indicators');
  const rendered = renderCriterion(scheme, indicatorId);
  if (!hit || rendered === null || hit.ind.criterion === undefined) return null;
  return { official: hit.ind.criterion, rendered, match: normalizeCriterion(rendered) === normalizeCriterion(hit.ind.criterion) };
}
