/** Fresh identifiers for new indicators, items and facts. */

/** `base`, or `base2`, `base3`… — the first not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

/** Every indicator id (and part id) in a scheme document's indicator tree. */
export function indicatorIds(doc: unknown): Set<string> {
  const out = new Set<string>();
  const visit = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const n of list as Record<string, unknown>[]) {
      if (n && typeof n['id'] === 'string') out.add(n['id']);
      visit(n?.['children']);
    }
  };
  visit((doc as { indicators?: unknown })?.indicators);
  return out;
}
