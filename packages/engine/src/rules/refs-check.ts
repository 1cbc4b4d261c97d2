/** Shared semantic check: every fact/metric a rule reads is declared, with a usable type. */
import { issue, pointer, type Issue } from '../errors/issue.ts';
import type { RuleSite } from './kind.ts';

const NUMERIC = new Set(['number', 'percent', 'money', 'count']);

/**
 * Checks that `id` is declared (and numeric/boolean/enum/rows when `want` says so).
 * @param field the rule property holding the id, for the JSON path.
 */
export function checkRef(id: string, site: RuleSite, field: string, want?: 'numeric' | 'boolean' | 'enum' | 'rows'): Issue[] {
  const t = site.decls.typeOf(id);
  const where = { path: pointer(site.path, ...field.split('/')), indicator: site.indicator, fact: id };
  if (t === undefined) {
    return [issue('undeclared-fact', `引用了未声明的事实或计算指标“${id}”`, `references undeclared fact or metric "${id}"`, where)];
  }
  const ok = want === undefined || (want === 'numeric' ? NUMERIC.has(t) : t === want);
  if (!ok) {
    const zh = { numeric: '数值型', boolean: '布尔型（是/否）', enum: '枚举型', rows: '指标行' }[want!];
    return [issue('fact-type', `“${id}”的类型为 ${t}，此处需要${zh}`, `"${id}" has type ${t}, ${want} expected here`, where)];
  }
  return [];
}
