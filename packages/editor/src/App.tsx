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
import { parseHash } from './route.ts';

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
