/**
 * Every stored version (year) of a scheme family, from the server's library; `reload` after a write
 * that adds or changes one (publication). A failed read leaves the list as it was (logged).
 */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { SchemeSummary } from '../api/types.ts';

export interface FamilyVersions {
  versions: SchemeSummary[];
  reload(): void;
}

export function useFamilyVersions(family: string): FamilyVersions {
  const [versions, setVersions] = useState<SchemeSummary[]>([]);
  const [versionsKey, setVersionsKey] = useState(0);
  useEffect(() => {
    let live = true;
    api.listSchemes().then(
      (list) => live && setVersions(list.filter((v) => v.family === family)),
      (e: unknown) => console.warn('方案列表读取失败 (schemes):', e),
    );
    return () => {
      live = false;
    };
  }, [family, versionsKey]);
  const reload = useCallback(() => setVersionsKey((n) => n + 1), []);
  return { versions, reload };
}
