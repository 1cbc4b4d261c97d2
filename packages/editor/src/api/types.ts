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
  /** What this version was made from. */
  basedOn?: { id: string; year: number };
  publishedAt?: string;
  /** Errors of the publication check (a published file changed after publication). */
  publicationIssues?: Issue[];
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

/** One recorded state of a scheme file (修改历史), as `GET …/history` lists it. */
export interface HistorySummary {
  seq: number;
  /** ISO 8601. */
  time: string;
  author: string;
  action: 'create' | 'save' | 'restore' | 'publish' | 'external';
  /** 新建 / 保存 / 恢复 / 发布 / 外部修改. */
  actionZh: string;
  /** One line: what changed from the previous state. */
  summary: string;
  etag: string;
  restoredFrom?: number;
}

/** A recorded state with its document. */
export interface HistoryEntry extends HistorySummary {
  doc?: unknown;
}

/** What a write (new-year, publish, restore) gives back. */
export interface WriteResult {
  etag: string;
  doc: unknown;
  issues?: Issue[];
  warnings?: Issue[];
}
