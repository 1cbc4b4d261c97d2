/** Hash routes: `#/` the scheme library, `#/scheme/<family>/<year>` one scheme. */
import { useEffect, useState } from 'react';
import { LibraryPage } from './pages/LibraryPage.tsx';
import { SchemePage } from './pages/SchemePage.tsx';

function parseHash(hash: string): { page: 'library' } | { page: 'scheme'; family: string; year: string } {
  const m = /^#\/scheme\/([^/]+)\/([0-9]{4})$/.exec(hash);
  if (m) return { page: 'scheme', family: decodeURIComponent(m[1] as string), year: m[2] as string };
  return { page: 'library' };
}

export function App() {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route.page === 'scheme' ? <SchemePage key={`${route.family}/${route.year}`} family={route.family} year={route.year} /> : <LibraryPage />;
}
