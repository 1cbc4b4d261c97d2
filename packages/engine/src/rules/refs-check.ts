/** Shared semantic check: every fact/metric a rule reads is declared, with a usable type. */
import { pointer, type Issue } from '../errors/issue.ts';
import { shared } from '../errors/shared.ts';
import type { RuleSite } from './kind.ts';

const NUMERIC = new Set(['number', 'percent', 'money', 'count']);

/** What a rule needs a fact or metric to be. */
export type WantedType = 'numeric' | 'boolean' | 'enum' | 'rows';

/**
 * Checks that `id` is declared (and numeric/boolean/enum/rows when `want` says so).
 * @param field the rule property holding the id, for the JSON path.
 */
export function checkRef(id: string, site: RuleSite, field: string, want?: WantedType): Issue[] {
  const t = site.decls.typeOf(id);
  const where = { path: pointer(site.path, ...field.split('/')), indicator: site.indicator, fact: id };
  if (t === undefined) return [shared.issue('undeclared-fact', { at: 'rule', fact: id }, where)];
  const ok = want === undefined || (want === 'numeric' ? NUMERIC.has(t) : t === want);
  if (!ok) return [shared.issue('fact-type', { at: 'rule', fact: id, type: t, expected: want! }, where)];
  return [];
}
