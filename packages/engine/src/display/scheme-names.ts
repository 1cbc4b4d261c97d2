/**
 * The Chinese names a scheme gives to the ids a case and a message use: indicators (指标名称), reviewer
 * keys (评审录入: `指标标识` or `指标标识/分项标识`) and facts (事实与计算指标的中文名称). Read from a scheme
 * document as it is — valid or not (a draft being edited, a file `jixiao validate` refuses): whatever
 * cannot be read is left out, and a message then names the id as before.
 */
import { RULES } from '../rules/registry.ts';

/** The names of one scheme, by id. A missing entry means: name it by its id. */
export interface SchemeNames {
  /** Indicator id → 指标名称, every level. */
  indicators: ReadonlyMap<string, string>;
  /**
   * Reviewer key → the name of what it scores: a leaf indicator's name, and for a part of a rule (分项合计's
   * parts, 选项, 专家) `指标名称·分项名称`, as the engine's own messages name a row (`政府采购·政策执行`).
   */
  reviewer: ReadonlyMap<string, string>;
  /** Fact or metric id → its label (中文名称). */
  facts: ReadonlyMap<string, string>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The names of a scheme document (see `SchemeNames`); an empty set of names for anything that is not one. Never throws. */
export function schemeNames(scheme: unknown): SchemeNames {
  const indicators = new Map<string, string>();
  const reviewer = new Map<string, string>();
  const facts = new Map<string, string>();
  if (!isObj(scheme)) return { indicators, reviewer, facts };
  for (const list of [scheme['inputs'], scheme['metrics']]) {
    if (!Array.isArray(list)) continue;
    for (const f of list) if (isObj(f) && text(f['id']) && text(f['label'])) facts.set(f['id'] as string, text(f['label'])!);
  }
  const parts = (rule: unknown, key: string, name: string) => {
    reviewer.set(key, name);
    if (!isObj(rule) || typeof rule['kind'] !== 'string' || !RULES.get(rule['kind'])) return;
    let nested: readonly { id: string; name: string; rule: unknown }[];
    try {
      nested = RULES.parts(rule as { kind: string });
    } catch {
      // a rule too broken to list its parts (a draft): its parts are named by their keys
      return;
    }
    for (const p of nested) if (isObj(p) && text(p.id)) parts(p.rule, `${key}/${p.id}`, `${name}·${text(p.name) ?? p.id}`);
  };
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const n of list) {
      if (!isObj(n)) continue;
      const id = text(n['id']);
      const name = text(n['name']);
      if (!id || !name) continue;
      indicators.set(id, name);
      if (Array.isArray(n['children'])) walk(n['children']);
      else if (n['rule'] !== undefined) parts(n['rule'], id, name);
    }
  };
  walk(scheme['indicators']);
  return { indicators, reviewer, facts };
}
