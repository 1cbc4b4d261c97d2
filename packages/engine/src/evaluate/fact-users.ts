/**
 * Which indicators read each declared fact: the facts and metrics a leaf's rule reads (its kind's refs, its
 * parts', its veto and exemption conditions: `RULES.refs`), a metric standing for the facts its formula reads,
 * at any depth. For the message of a fact whose value is wrong: （用于指标：政府采购）.
 * Worked out once per compiled scheme, on the first such message.
 */
import type { CompiledNode, CompiledScheme } from '../compile/compile.ts';
import type { Indicator } from '../format/scheme-types.ts';
import { RULES } from '../rules/registry.ts';

const USERS = new WeakMap<CompiledScheme, ReadonlyMap<string, readonly string[]>>();

/** Fact id → the names of the leaf indicators that read it, in the scheme's order, each name once; facts no rule reads are absent. */
export function factUsers(c: CompiledScheme): ReadonlyMap<string, readonly string[]> {
  let users = USERS.get(c);
  if (users) return users;
  // a metric's facts, through other metrics, each metric expanded once (cycles are compile errors, but stay safe)
  const factsOf = new Map<string, Set<string>>();
  const expand = (id: string, seen: Set<string>): Set<string> => {
    const known = factsOf.get(id);
    if (known) return known;
    const out = new Set<string>();
    const m = c.metrics.get(id);
    if (!m) {
      if (c.readers.has(id)) out.add(id);
      return out;
    }
    if (seen.has(id)) return out;
    seen.add(id);
    for (const s of m.formula.symbols) for (const f of expand(s, seen)) out.add(f);
    factsOf.set(id, out);
    return out;
  };
  const byFact = new Map<string, string[]>();
  const rulesById = new Map<string, Indicator>();
  const index = (ns: readonly Indicator[]) => ns.forEach((n) => (n.children ? index(n.children) : rulesById.set(n.id, n)));
  index(c.scheme.indicators);
  const walk = (nodes: readonly CompiledNode[]) => {
    for (const node of nodes) {
      if (node.children) {
        walk(node.children);
        continue;
      }
      const rule = rulesById.get(node.id)?.rule;
      if (!rule) continue;
      for (const ref of RULES.refs(rule)) {
        for (const f of expand(ref, new Set())) {
          const list = byFact.get(f) ?? [];
          if (!list.includes(node.name)) list.push(node.name);
          byFact.set(f, list);
        }
      }
    }
  };
  walk(c.nodes);
  users = byFact;
  USERS.set(c, users);
  return users;
}
