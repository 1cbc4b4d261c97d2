/**
 * Shapes of the server's JSON API (packages/server/src/routes). Kept here, not imported, because
 * the editor is a browser bundle that must not depend on the server package.
 */
import type { Issue } from '../model/types.ts';

export interface SchemeSummary {
  family: string;
  year: number;
  status: 'draft' | 'published' | 'unknown';
  title: string;
  jurisdiction?: string;
  version?: string;
  totalPoints: number | string | null;
  path: string;
  error?: string;
}

export interface CaseSummary {
  id: string;
  year: number;
  name: string;
  scheme: { id: string; year: number } | null;
  reportedTotal: number | string | null;
  path: string;
  error?: string;
}

/** Error body of every refused request. */
export interface ApiErrorBody {
  error: string;
  message: string;
  messageEn: string;
  issues?: Issue[];
  currentEtag?: string | null;
}

/** A document as read from the server, with the version tag a save must quote. */
export interface Versioned<T> {
  doc: T;
  etag: string;
}
