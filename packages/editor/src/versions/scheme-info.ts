/** Small readings of a scheme document for the version views (defensive: drafts may be incomplete). */

interface NodeLike {
  id?: unknown;
  name?: unknown;
  rule?: unknown;
  children?: unknown;
}

/** Ids of the leaf indicators (those with a rule). */
export function leafIdsOf(doc: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const n of list as NodeLike[]) {
      if (!n || typeof n !== 'object') continue;
      if (Array.isArray(n.children)) walk(n.children);
      else if (typeof n.id === 'string') out.add(n.id);
    }
  };
  walk((doc as { indicators?: unknown } | null)?.indicators);
  return out;
}

/** `basedOn.year` of a document, when it records one. */
export function basedOnYear(doc: unknown): number | null {
  const y = (doc as { basedOn?: { year?: unknown } } | null)?.basedOn?.year;
  return typeof y === 'number' ? y : null;
}
