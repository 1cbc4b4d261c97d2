/** Shared semantic check: every fact/metric a rule reads is declared, with a usable type. */
import { pointer, type Issue } from '../errors/issue.ts';
import type { RuleSite } from './kind.ts';
import { ruleMessages as m, type WantedType } from './messages.ts';

const NUMERIC = new Set(['number', 'percent', 'money', 'count']);

/**
 * Checks that `id` is declared (and numeric/boolean/enum/rows when `want` says so).
 * @param field the rule property holding the id, for the JSON path.
 */
export function checkRef(id: string, site: RuleSite, field: string, want?: WantedType): Issue[] {
  const t = site.decls.typeOf(id);
  const where = { path: pointer(site.path, ...field.split('/')), indicator: site.indicator, fact: id };
  if (t === undefined) return [m.issue('undeclared-fact', { id }, where)];
  const ok = want === undefined || (want === 'numeric' ? NUMERIC.has(t) : t === want);
  if (!ok) return [m.issue('fact-type', { id, type: t, want: want! }, where)];
  return [];
}
