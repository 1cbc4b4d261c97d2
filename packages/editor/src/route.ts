/**
 * Hash routes: `#/` the scheme library, `#/scheme/<family>/<year>` one scheme, `#/compare/<family>/<a>/<b>` two
 * versions, `#/new-case/<family>/<year>` a new case under that year's scheme, `#/case/<family>/<year>/<caseId>` a
 * case's form, `#/print/<family>/<year>/<caseId>` its print view, `#/projects/<family>/<year>` the family overview.
 * A module of its own, without React: boot.ts reads the route before the app's modules are evaluated.
 */
/** The page the address shows. */
export type Route =
  | { page: 'library' }
  | { page: 'scheme'; family: string; year: string }
  | { page: 'compare'; family: string; a: number; b: number }
  | { page: 'case' | 'print'; family: string; year: number; caseId: string }
  | { page: 'new-case' | 'projects'; family: string; year: number };

/** The route of an address's hash; anything else is the library. */
export function parseHash(hash: string): Route {
  const m = /^#\/scheme\/([^/]+)\/([0-9]{4})$/.exec(hash);
  if (m) return { page: 'scheme', family: decodeURIComponent(m[1] as string), year: m[2] as string };
  const c = /^#\/compare\/([^/]+)\/([0-9]{4})\/([0-9]{4})$/.exec(hash);
  if (c) return { page: 'compare', family: decodeURIComponent(c[1] as string), a: Number(c[2]), b: Number(c[3]) };
  const k = /^#\/(case|print)\/([^/]+)\/([0-9]{4})\/([^/]+)$/.exec(hash);
  if (k) return { page: k[1] as 'case' | 'print', family: decodeURIComponent(k[2] as string), year: Number(k[3]), caseId: decodeURIComponent(k[4] as string) };
  const f = /^#\/(new-case|projects)\/([^/]+)\/([0-9]{4})$/.exec(hash);
  if (f) return { page: f[1] as 'new-case' | 'projects', family: decodeURIComponent(f[2] as string), year: Number(f[3]) };
  return { page: 'library' };
}
