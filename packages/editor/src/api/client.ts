/**
 * The editor's only way to the outside world: the local server's JSON API (same origin, `/api/`).
 * Every refusal is an `ApiError` carrying the server's Chinese message and, for invalid
 * documents, the engine's issues.
 */
import type {
  ApiErrorBody,
  CaseSummary,
  GetCaseResponse,
  GetSchemeResponse,
  HistoryEntry,
  HistoryEntryResponse,
  HistoryListEntry,
  HistoryListResponse,
  ListCasesResponse,
  ListSchemesResponse,
  NewYearResponse,
  PublishResponse,
  RestoreResponse,
  SaveSchemeResponse,
  SchemeSummary,
} from './types.ts';
import { authorHeader } from '../state/author.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

async function call<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; etag: string | null }> {
  // every request names the user's 署名 when one was given (the history records it on writes)
  const init: RequestInit = { method, headers: { Accept: 'application/json', ...authorHeader(), ...headers }, cache: 'no-store' };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, { error: 'network', message: '无法连接本地服务，请确认编辑器服务仍在运行。', messageEn: String(e) });
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (e.g. a proxy's error page): the status says what happened
    parsed = null;
  }
  if (!res.ok) {
    const b = (parsed ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(res.status, {
      error: b.error ?? `http-${res.status}`,
      message: b.message ?? `请求失败（HTTP ${res.status}）`,
      messageEn: b.messageEn ?? `HTTP ${res.status}`,
      ...(b.issues ? { issues: b.issues } : {}),
      ...(b.currentEtag !== undefined ? { currentEtag: b.currentEtag } : {}),
    });
  }
  return { data: parsed as T, etag: res.headers.get('ETag') };
}

const enc = encodeURIComponent;

export const api = {
  async listSchemes(): Promise<SchemeSummary[]> {
    return (await call<ListSchemesResponse>('GET', '/api/schemes')).data.schemes;
  },

  /** One scheme with the version tag a save must quote (`etag`) and its publication check. */
  async getScheme(family: string, year: number | string): Promise<GetSchemeResponse> {
    return (await call<GetSchemeResponse>('GET', `/api/schemes/${enc(family)}/${enc(String(year))}`)).data;
  },

  /** 以 `year` 年方案为基础新建 `target` 年草稿. Throws ApiError 409 when that year exists. */
  async newYear(family: string, year: number | string, target: number): Promise<NewYearResponse> {
    return (await call<NewYearResponse>('POST', `/api/schemes/${enc(family)}/${enc(String(year))}/new-year`, { year: target })).data;
  },

  /** Publishes the draft whose current version is `etag`. Throws ApiError 422 (invalid), 412, 409. */
  async publish(family: string, year: number | string, etag: string): Promise<PublishResponse> {
    return (await call<PublishResponse>('POST', `/api/schemes/${enc(family)}/${enc(String(year))}/publish`, undefined, { 'If-Match': etag })).data;
  },

  async history(family: string, year: number | string): Promise<HistoryListEntry[]> {
    return (await call<HistoryListResponse>('GET', `/api/schemes/${enc(family)}/${enc(String(year))}/history`)).data.entries;
  },

  async historyEntry(family: string, year: number | string, seq: number): Promise<HistoryEntry> {
    return (await call<HistoryEntryResponse>('GET', `/api/schemes/${enc(family)}/${enc(String(year))}/history/${seq}`)).data.entry;
  },

  /** Restores history entry `seq` over the current version `etag` (the restoration is recorded too); `restored: false` when nothing changed. */
  async restore(family: string, year: number | string, seq: number, etag: string): Promise<RestoreResponse> {
    return (await call<RestoreResponse>('POST', `/api/schemes/${enc(family)}/${enc(String(year))}/restore`, { seq }, { 'If-Match': etag })).data;
  },

  /** Saves `doc` over the version `etag`; resolves the new ETag. Throws ApiError 412/422/409. */
  async saveScheme(family: string, year: number | string, doc: unknown, etag: string): Promise<SaveSchemeResponse> {
    return (await call<SaveSchemeResponse>('PUT', `/api/schemes/${enc(family)}/${enc(String(year))}`, doc, { 'If-Match': etag })).data;
  },

  async listCases(family: string): Promise<CaseSummary[]> {
    return (await call<ListCasesResponse>('GET', `/api/families/${enc(family)}/cases`)).data.cases;
  },

  async getCase(family: string, year: number, id: string): Promise<unknown> {
    return (await call<GetCaseResponse>('GET', `/api/families/${enc(family)}/cases/${enc(String(year))}/${enc(id)}`)).data.doc;
  },
};
