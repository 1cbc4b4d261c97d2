/**
 * Hash routes: `#/` the scheme library, `#/scheme/<family>/<year>` one scheme, `#/compare/<family>/<a>/<b>` two
 * versions, `#/new-case/<family>/<year>` a new case under that year's scheme, `#/case/<family>/<year>/<caseId>` a
 * case's form, `#/print/<family>/<year>/<caseId>` its print view, `#/projects/<family>/<year>` the family overview.
 */
import { useEffect, useState } from 'react';
import { LibraryPage } from './pages/LibraryPage.tsx';
import { SchemePage } from './pages/SchemePage.tsx';
import { ComparePage } from './pages/ComparePage.tsx';
import { CasePage } from './pages/CasePage.tsx';
import { NewCasePage } from './pages/NewCasePage.tsx';
import { PrintPage } from './pages/PrintPage.tsx';
import { ProjectsPage } from './pages/ProjectsPage.tsx';
import { SessionGate } from './session/SessionGate.tsx';

type Route =
  | { page: 'library' }
  | { page: 'scheme'; family: string; year: string }
  | { page: 'compare'; family: string; a: number; b: number }
  | { page: 'case' | 'print'; family: string; year: number; caseId: string }
  | { page: 'new-case' | 'projects'; family: string; year: number };

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

export function App() {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  if (route.page === 'scheme') return <SessionGate><SchemePage key={`${route.family}/${route.year}`} family={route.family} year={route.year} /></SessionGate>;
  if (route.page === 'compare') return <SessionGate><ComparePage key={route.family} family={route.family} a={route.a} b={route.b} /></SessionGate>;
  if (route.page === 'case') return <SessionGate><CasePage key={`${route.family}/${route.year}/${route.caseId}`} family={route.family} year={route.year} caseId={route.caseId} /></SessionGate>;
  if (route.page === 'print') return <SessionGate><PrintPage key={`${route.family}/${route.year}/${route.caseId}`} family={route.family} year={route.year} caseId={route.caseId} /></SessionGate>;
  if (route.page === 'new-case') return <SessionGate><NewCasePage key={`${route.family}/${route.year}`} family={route.family} year={route.year} /></SessionGate>;
  if (route.page === 'projects') return <SessionGate><ProjectsPage key={`${route.family}/${route.year}`} family={route.family} year={route.year} /></SessionGate>;
  return <SessionGate><LibraryPage /></SessionGate>;
}
