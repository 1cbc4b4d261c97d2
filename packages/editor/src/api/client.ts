/**
 * The editor's only way to the outside world: the local server's JSON API (same origin, `/api/`).
 * Every refusal is an `ApiError` carrying the server's Chinese message and, for invalid
 * documents, the engine's issues.
 */
import type {
  ApiErrorBody,
  CaseStatus,
  CaseStatusResponse,
  CaseSummary,
  DeleteCaseResponse,
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
  SaveCaseResponse,
  SaveSchemeResponse,
  SchemeSummary,
} from './types.ts';
import { authorHeader, ensureAuthor } from '../state/author.ts';
import { fetchFirst } from './early.ts';
import type { Issue } from '../model/types.ts';
import { upgradeCase, upgradeNotice, upgradeScheme, type DocumentKind } from '@jixiao/engine';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

/** What every API request is sent with: JSON, never from a cache, the user's 署名 when one was given (the history records it on writes). */
export function requestInit(method: string, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { Accept: 'application/json', ...authorHeader(), ...headers }, cache: 'no-store' };
}

/** The refusal of a write the user would not sign (cancelled the 署名 dialog): nothing was sent. */
export const AUTHOR_DECLINED = 'author-declined';

/**
 * One request. A write (any method but GET: every one the server records in the history) first asks for the
 * 署名 when none is given yet (`ensureAuthor`); when the user cancels it, nothing is sent and ApiError
 * `author-declined` (status 0) says so.
 */
async function call<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ data: T; etag: string | null }> {
  if (method !== 'GET' && !(await ensureAuthor())) {
    throw new ApiError(0, { error: AUTHOR_DECLINED, message: '未填写署名，未做任何修改（修改历史需要记录是谁做的）。', messageEn: 'No author name was given; nothing was changed.' });
  }
  const init = requestInit(method, headers);
  if (body !== undefined) {
    // the server stores a saved scheme or case exactly as sent: the layout of the bundled files
    // (2-space indent, final newline), so exported files stay readable and diffs line by line
    init.body = JSON.stringify(body, null, 2) + '\n';
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    // a GET the page started before it rendered (early.ts) is answered by that request
    res = method === 'GET' && body === undefined ? await fetchFirst(url, init) : await fetch(url, init);
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

/** A document read from the server, with the note of its format upgrade (已按格式版本 N 读取…) when one was made. */
export type Upgraded<T> = T & { formatNotice?: string };

/**
 * The document of a response as the editor works on it: read through the engine's format upgrade
 * (`upgradeScheme` / `upgradeCase`), the one every face calls on a document it reads. A document of a newer
 * format version (or an invalid one) is refused as the server refuses it: ApiError 422
 * `unreadable-format-version` with its one message (此文档由较新版本的 jixiao 写成…请升级 jixiao), which the
 * page shows where it shows any failed load.
 */
export function readDocument<T extends { doc: unknown }>(kind: DocumentKind, r: T): Upgraded<T> {
  const up = kind === 'scheme' ? upgradeScheme(r.doc) : upgradeCase(r.doc);
  if (!up.ok) {
    const first = up.issues[0]!;
    throw new ApiError(422, { error: 'unreadable-format-version', message: first.message, messageEn: first.messageEn, issues: up.issues });
  }
  const notice = upgradeNotice(up, kind);
  return notice ? { ...r, doc: up.doc, formatNotice: notice.message } : r;
}

export const api = {
  async listSchemes(): Promise<SchemeSummary[]> {
    return (await call<ListSchemesResponse>('GET', '/api/schemes')).data.schemes;
  },

  /**
   * One scheme with the version tag a save must quote (`etag`) and its publication check, read through the
   * format upgrade (`readDocument`). Throws ApiError 422 for a format version this program cannot read.
   */
  async getScheme(family: string, year: number | string): Promise<Upgraded<GetSchemeResponse>> {
    return readDocument('scheme', (await call<GetSchemeResponse>('GET', `/api/schemes/${enc(family)}/${enc(String(year))}`)).data);
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

  /** One case's document, read through the format upgrade (`readDocument`; ApiError 422 when it cannot be read). */
  async getCase(family: string, year: number, id: string): Promise<unknown> {
    return readDocument('case', (await call<GetCaseResponse>('GET', caseUrl(family, year, id))).data).doc;
  },

  /** One case with the version tag a save or a status change must quote, read through the format upgrade (`readDocument`). */
  async getCaseTagged(family: string, year: number, id: string): Promise<Upgraded<GetCaseResponse>> {
    return readDocument('case', (await call<GetCaseResponse>('GET', caseUrl(family, year, id))).data);
  },

  /**
   * Saves a case: over the version `etag` (If-Match), or, with `etag` null, creates it (If-None-Match: *).
   * Throws ApiError 412/409 when the version it was based on is no longer current (or the case already
   * exists), 422 when the engine refuses the document.
   */
  async saveCase(family: string, year: number, id: string, doc: unknown, etag: string | null): Promise<SaveCaseResponse> {
    const headers: Record<string, string> = etag === null ? { 'If-None-Match': '*' } : { 'If-Match': etag };
    return (await call<SaveCaseResponse>('PUT', caseUrl(family, year, id), doc, headers)).data;
  },

  /**
   * 删除: deletes the case at version `etag` (a history entry that keeps its text; 政策管理 can restore it).
   * Throws ApiError 412 when it changed since, 409 when it is 已审核, 403/404 when the role may not.
   */
  async deleteCase(family: string, year: number, id: string, etag: string): Promise<DeleteCaseResponse> {
    return (await call<DeleteCaseResponse>('DELETE', caseUrl(family, year, id), undefined, { 'If-Match': etag })).data;
  },

  /** 提交 / 审核通过 / 退回: moves the case at version `etag` to `status` (a return carries the reviewer's reason). */
  async setCaseStatus(family: string, year: number, id: string, status: CaseStatus, etag: string, reason?: string): Promise<CaseStatusResponse> {
    return (await call<CaseStatusResponse>('POST', `${caseUrl(family, year, id)}/status`, reason ? { status, reason } : { status }, { 'If-Match': etag })).data;
  },

  async caseHistory(family: string, year: number, id: string): Promise<HistoryListEntry[]> {
    return (await call<HistoryListResponse>('GET', `${caseUrl(family, year, id)}/history`)).data.entries;
  },

  async caseHistoryEntry(family: string, year: number, id: string, seq: number): Promise<HistoryEntry> {
    return (await call<HistoryEntryResponse>('GET', `${caseUrl(family, year, id)}/history/${seq}`)).data.entry;
  },

  /** Restores the case's history entry `seq` over the current version `etag` (recorded as a new entry). */
  async restoreCase(family: string, year: number, id: string, seq: number, etag: string): Promise<RestoreResponse> {
    return (await call<RestoreResponse>('POST', `${caseUrl(family, year, id)}/restore`, { seq }, { 'If-Match': etag })).data;
  },

  /**
   * 上传 Excel: the filled workbook's bytes to the office route, which reads it into cases (nothing is saved):
   * each case document with the engine's issues, and every cell the import could not read.
   */
  async importWorkbook(family: string, year: number | string, bytes: Blob | ArrayBuffer): Promise<ImportResponse> {
    let res: Response;
    try {
      res = await fetch(`/api/schemes/${enc(family)}/${enc(String(year))}/import`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Accept: 'application/json' },
        body: bytes,
        cache: 'no-store',
      });
    } catch (e) {
      throw new ApiError(0, { error: 'network', message: '无法连接本地服务，请确认编辑器服务仍在运行。', messageEn: String(e) });
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: the status says what happened
    }
    if (!res.ok) {
      const b = (parsed ?? {}) as Partial<ApiErrorBody>;
      throw new ApiError(res.status, { error: b.error ?? `http-${res.status}`, message: b.message ?? `上传失败（HTTP ${res.status}）`, messageEn: b.messageEn ?? `HTTP ${res.status}` });
    }
    return parsed as ImportResponse;
  },
};

/** `/api/families/:family/cases/:year/:caseId`. */
export function caseUrl(family: string, year: number | string, id: string): string {
  return `/api/families/${enc(family)}/cases/${enc(String(year))}/${enc(id)}`;
}

/** The office routes' download addresses (the browser downloads them as files). */
export const officeUrls = {
  /** 下载模板: the fill-in workbook of a scheme. */
  template: (family: string, year: number | string) => `/api/schemes/${enc(family)}/${enc(String(year))}/template.xlsx`,
  /** 导出 Word: the official score sheet (评分表 / 自评表) of a case. */
  reportDocx: (family: string, year: number | string, id: string) => `${caseUrl(family, year, id)}/report.docx`,
  /** 导出 Excel. */
  reportXlsx: (family: string, year: number | string, id: string) => `${caseUrl(family, year, id)}/report.xlsx`,
};

/**
 * Downloads `url` as a file named `filename` (the browser's download, from a blob of the response). A
 * refusal is thrown as ApiError with the server's Chinese message, instead of an empty or broken file.
 */
export async function downloadFile(url: string, filename: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { error: 'network', message: '无法连接本地服务，请确认编辑器服务仍在运行。', messageEn: String(e) });
  }
  if (!res.ok) {
    let b: Partial<ApiErrorBody> = {};
    try {
      b = (await res.json()) as Partial<ApiErrorBody>;
    } catch {
      // not JSON: the status says what happened
    }
    throw new ApiError(res.status, {
      error: b.error ?? `http-${res.status}`,
      message: b.message ?? (res.status === 404 ? '服务器尚不提供该文件（导出功能未启用）' : `下载失败（HTTP ${res.status}）`),
      messageEn: b.messageEn ?? `HTTP ${res.status}`,
    });
  }
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** What the import route answers: the cases read (not saved) and the cells it could not read. */
export interface ImportResponse {
  cases: { doc: unknown; issues: Issue[] }[];
  /** `severity` warning: no error of the workbook (待评审: a reviewer item not scored yet); the API always sends it. */
  problems: { sheet: string; cell: string; code?: string; severity?: 'error' | 'warning'; message: string; messageEn: string }[];
}
