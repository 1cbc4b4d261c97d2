/**
 * The editor's only way to the outside world: the local server's JSON API (same origin, `/api/`).
 * Every refusal is an `ApiError` carrying the server's Chinese message and, for invalid
 * documents, the engine's issues.
 */
import type { Issue } from '../model/types.ts';
import type { ApiErrorBody, CaseSummary, HistoryEntry, HistorySummary, SchemeSummary, Versioned, WriteResult } from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

async function call<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; etag: string | null }> {
  const init: RequestInit = { method, headers: { Accept: 'application/json', ...headers }, cache: 'no-store' };
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
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
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
    return (await call<{ schemes: SchemeSummary[] }>('GET', '/api/schemes')).data.schemes;
  },

  async getScheme(family: string, year: number | string): Promise<Versioned<unknown> & { publication: Issue[] }> {
    const { data } = await call<{ doc: unknown; etag: string; publication?: Issue[] }>('GET', `/api/schemes/${enc(family)}/${enc(String(year))}`);
    return { doc: data.doc, etag: data.etag, publication: data.publication ?? [] };
  },

  /** 以 `year` 年方案为基础新建 `target` 年草稿. Throws ApiError 409 when that year exists. */
  async newYear(family: string, year: number | string, target: number): Promise<WriteResult> {
    return (await call<WriteResult>('POST', `/api/schemes/${enc(family)}/${enc(String(year))}/new-year`, { year: target })).data;
  },

  /** Publishes the draft whose current version is `etag`. Throws ApiError 422 (invalid), 412, 409. */
  async publish(family: string, year: number | string, etag: string): Promise<WriteResult> {
    return (await call<WriteResult>('POST', `/api/schemes/${enc(family)}/${enc(String(year))}/publish`, undefined, { 'If-Match': etag })).data;
  },

  async history(family: string, year: number | string): Promise<HistorySummary[]> {
    return (await call<{ entries: HistorySummary[] }>('GET', `/api/schemes/${enc(family)}/${enc(String(year))}/history`)).data.entries;
  },

  async historyEntry(family: string, year: number | string, seq: number): Promise<HistoryEntry> {
    return (await call<{ entry: HistoryEntry }>('GET', `/api/schemes/${enc(family)}/${enc(String(year))}/history/${seq}`)).data.entry;
  },

  /** Restores history entry `seq` over the current version `etag` (the restoration is recorded too). */
  async restore(family: string, year: number | string, seq: number, etag: string): Promise<WriteResult & { unchanged?: boolean }> {
    return (await call<WriteResult & { unchanged?: boolean }>('POST', `/api/schemes/${enc(family)}/${enc(String(year))}/restore`, { seq }, { 'If-Match': etag })).data;
  },

  /** Saves `doc` over the version `etag`; resolves the new ETag. Throws ApiError 412/422/409. */
  async saveScheme(family: string, year: number | string, doc: unknown, etag: string): Promise<{ etag: string; warnings: unknown[] }> {
    const { data } = await call<{ etag: string; warnings: unknown[] }>('PUT', `/api/schemes/${enc(family)}/${enc(String(year))}`, doc, {
      'If-Match': etag,
    });
    return data;
  },

  async listCases(family: string): Promise<CaseSummary[]> {
    return (await call<{ cases: CaseSummary[] }>('GET', `/api/families/${enc(family)}/cases`)).data.cases;
  },

  async getCase(family: string, year: number, id: string): Promise<unknown> {
    return (await call<{ doc: unknown }>('GET', `/api/families/${enc(family)}/cases/${enc(String(year))}/${enc(id)}`)).data.doc;
  },
};
