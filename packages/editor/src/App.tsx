/** Hash routes: `#/` the scheme library, `#/scheme/<family>/<year>` one scheme, `#/compare/<family>/<a>/<b>` two versions. */
import { useEffect, useState } from 'react';
import { LibraryPage } from './pages/LibraryPage.tsx';
import { SchemePage } from './pages/SchemePage.tsx';
import { ComparePage } from './pages/ComparePage.tsx';
import { SessionGate } from './session/SessionGate.tsx';

type Route = { page: 'library' } | { page: 'scheme'; family: string; year: string } | { page: 'compare'; family: string; a: number; b: number };

export function parseHash(hash: string): Route {
  const m = /^#\/scheme\/([^/]+)\/([0-9]{4})$/.exec(hash);
  if (m) return { page: 'scheme', family: decodeURIComponent(m[1] as string), year: m[2] as string };
  const c = /^#\/compare\/([^/]+)\/([0-9]{4})\/([0-9]{4})$/.exec(hash);
  if (c) return { page: 'compare', family: decodeURIComponent(c[1] as string), a: Number(c[2]), b: Number(c[3]) };
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
  return <SessionGate><LibraryPage /></SessionGate>;
}
