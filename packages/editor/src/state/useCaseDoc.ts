/**
 * One case being filled in (案例填报): the document as edited, the version it is based on (ETag), its
 * status (填报中 → 已提交 → 已审核), saving (If-Match; a new case with If-None-Match: *), status changes
 * and restores. A save refused because the case changed meanwhile (409/412) is shown in Chinese and
 * nothing is overwritten: the user's edits stay in the form until they choose to reload.
 *
 * Unsaved edits of a saved case are kept in this tab's stash (state/local-draft.ts, as a scheme's are):
 * a reload of the tab brings them back over the version they were based on, with a message; a save,
 * a status change or 重新读取 clears only this tab's stash.
 */
import { useCallback, useEffect, useState } from 'react';
import { caseDoc, clearStash, loadStash, storeStash } from './local-draft.ts';
import { api, ApiError } from '../api/client.ts';
import type { CaseStatus } from '../api/types.ts';
import type { CaseDoc, Issue } from '../model/types.ts';
import { STATUS_ZH } from '../model/case-status.ts';

export interface CaseSaveProblem {
  /** 'conflict' (409/412: the case changed meanwhile or exists already), 'invalid' (422) or another refusal. */
  kind: 'conflict' | 'invalid' | 'other';
  /** In Chinese, what happened and what the user can do. */
  message: string;
  issues: Issue[];
}

export interface CaseDocState {
  loading: boolean;
  loadError: string | null;
  doc: CaseDoc | null;
  setDoc(update: (prev: CaseDoc) => CaseDoc): void;
  /** The version the form is based on; null for a case not saved yet. */
  etag: string | null;
  status: CaseStatus;
  dirty: boolean;
  /** True for a case that exists only in the form (new, or read from an uploaded workbook). */
  isNew: boolean;
  saving: boolean;
  problem: CaseSaveProblem | null;
  notice: string | null;
  /** Saves (or creates) the case; resolves true when written (or unchanged). */
  save(): Promise<boolean>;
  /** 提交 / 审核通过 / 退回: the saved case's status (refused while there are unsaved edits). */
  setStatus(status: CaseStatus, reason?: string): Promise<boolean>;
  /** Reads the server's current version, dropping the form's edits. */
  reload(): Promise<void>;
  /** After a restore of history: the server's new version. */
  restored(etag: string, doc: unknown): void;
  /** Count of writes (saves, status changes, restores), to refresh the history. */
  writes: number;
}

/** `status` written in a case document by a server that stores it there; else from the family's list. */
function statusIn(doc: unknown): CaseStatus | null {
  const s = (doc as { status?: unknown } | null)?.status;
  return s === 'filling' || s === 'submitted' || s === 'reviewed' ? s : null;
}

/** A stashed case text read back; null when it is not a case document (then the server's is shown). */
function parseCase(text: string): CaseDoc | null {
  try {
    const d = JSON.parse(text) as unknown;
    return d !== null && typeof d === 'object' && !Array.isArray(d) ? (d as CaseDoc) : null;
  } catch {
    return null;
  }
}

/** The Chinese message of a refused save or status change. */
export function saveProblemOf(e: unknown, what: '保存' | '状态变更'): CaseSaveProblem {
  if (e instanceof ApiError) {
    if (e.status === 409 || e.status === 412)
      return {
        kind: 'conflict',
        // the server's sentence ends with its own 。; only a bare fallback needs one
        message: `${what}未完成：${(e.body.message || '案例已被他人修改').replace(/。*$/, '')}。您的修改仍保留在表单中，服务器上的内容没有被覆盖。可“重新读取服务器版本”（会放弃表单中的修改），核对后再填写。`,
        issues: [],
      };
    if (e.status === 422) return { kind: 'invalid', message: `${what}未完成：${e.body.message}`, issues: e.body.issues ?? [] };
    return { kind: 'other', message: `${what}未完成：${e.body.message}`, issues: e.body.issues ?? [] };
  }
  return { kind: 'other', message: `${what}未完成：${e instanceof Error ? e.message : String(e)}`, issues: [] };
}

/**
 * @param initial a case that exists only in the browser (created in the form or uploaded): it is saved
 *   with If-None-Match: * (the server refuses if the id is taken). Null to load the saved case.
 */
export function useCaseDoc(family: string, year: number, caseId: string, initial: CaseDoc | null): CaseDocState {
  const [doc, setDocState] = useState<CaseDoc | null>(initial);
  const [saved, setSaved] = useState<CaseDoc | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [status, setStatusState] = useState<CaseStatus>('filling');
  const [loading, setLoading] = useState(initial === null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<CaseSaveProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [writes, setWrites] = useState(0);
  const [isNew, setIsNew] = useState(initial !== null);

  const stashName = caseDoc(family, year, caseId);

  const load = useCallback(
    async (useLocal: boolean) => {
      setLoading(true);
      try {
        const [r, list] = await Promise.all([api.getCaseTagged(family, year, caseId), api.listCases(family).catch(() => [])]);
        const d = r.doc as CaseDoc;
        const local = useLocal ? loadStash(stashName) : null;
        const kept = local && local.text !== JSON.stringify(d) ? parseCase(local.text) : null;
        setDocState(kept ?? d);
        setSaved(d);
        setEtag(kept && local ? local.baseEtag : r.etag);
        if (kept && local) {
          const when = local.savedAt ? `在 ${new Date(local.savedAt).toLocaleString('zh-CN')} ` : '';
          const changed = local.baseEtag !== r.etag ? '注意：此后服务器上的案例已被修改，保存时会提示冲突，请核对后再处理。' : '';
          setNotice(`已恢复您${when}未保存的修改。${changed}`);
        } else if (local) clearStash(stashName);
        const row = list.find((c) => c.year === year && c.id === caseId);
        setStatusState(statusIn(r.doc) ?? row?.status ?? 'filling');
        setLoadError(null);
        setIsNew(false);
      } catch (e) {
        setLoadError(e instanceof Error ? e.message : String(e));
      } finally {
        setLoading(false);
      }
    },
    [family, year, caseId, stashName],
  );

  useEffect(() => {
    if (initial === null) void load(true);
    // the initial document is read once, when the page opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  const setDoc = useCallback((update: (prev: CaseDoc) => CaseDoc) => setDocState((d) => (d ? update(d) : d)), []);
  const dirty = doc !== null && (isNew || JSON.stringify(doc) !== JSON.stringify(saved));

  // Keep a saved case's unsaved edits in this tab's stash (debounced); forget it once the form equals the server.
  useEffect(() => {
    if (loading || isNew || doc === null || etag === null) return;
    const t = setTimeout(() => {
      if (dirty) storeStash(stashName, { text: JSON.stringify(doc), baseEtag: etag, savedAt: new Date().toISOString() });
      else clearStash(stashName);
    }, 250);
    return () => clearTimeout(t);
  }, [loading, isNew, doc, etag, dirty, stashName]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!doc) return false;
    setSaving(true);
    setProblem(null);
    setNotice(null);
    try {
      // a PUT never changes status (only the status route does): the body states the status the case has
      const body = { ...doc } as Record<string, unknown>;
      if (status === 'filling' && body['status'] === undefined) delete body['status'];
      else body['status'] = status;
      const r = await api.saveCase(family, year, caseId, body, isNew ? null : etag);
      setEtag(r.etag);
      setSaved(doc);
      setIsNew(false);
      clearStash(stashName); // at once: a reload right after the save must not find the edits as unsaved
      setWrites((w) => w + 1);
      setNotice('unchanged' in r ? '内容与服务器上的版本相同，无需保存。' : isNew ? '案例已创建并保存。' : '已保存。');
      return true;
    } catch (e) {
      setProblem(saveProblemOf(e, '保存'));
      return false;
    } finally {
      setSaving(false);
    }
  }, [doc, family, year, caseId, isNew, etag, status, stashName]);

  const setStatus = useCallback(
    async (next: CaseStatus, reason?: string): Promise<boolean> => {
      if (dirty || etag === null) {
        setProblem({ kind: 'other', message: '请先保存修改，再变更状态。', issues: [] });
        return false;
      }
      setSaving(true);
      setProblem(null);
      try {
        const r = await api.setCaseStatus(family, year, caseId, next, etag, reason);
        setEtag(r.etag);
        setStatusState(r.status);
        // the server writes the status into the document: so does the form, edits and all
        const withStatus = (d: CaseDoc | null) => (d ? ({ ...d, status: r.status } as CaseDoc) : d);
        setDocState(withStatus);
        setSaved(withStatus);
        setWrites((w) => w + 1);
        setNotice(`状态已变更为“${STATUS_ZH[r.status]}”。`);
        return true;
      } catch (e) {
        setProblem(saveProblemOf(e, '状态变更'));
        return false;
      } finally {
        setSaving(false);
      }
    },
    [dirty, etag, family, year, caseId],
  );

  const reload = useCallback(async () => {
    setProblem(null);
    setNotice(null);
    clearStash(stashName);
    await load(false);
  }, [load, stashName]);

  const restored = useCallback((tag: string, d: unknown) => {
    setEtag(tag);
    setDocState(d as CaseDoc);
    setSaved(d as CaseDoc);
    setWrites((w) => w + 1);
    setNotice('已恢复为所选的历史版本（恢复本身也记入修改历史）。');
  }, []);

  return { loading, loadError, doc, setDoc, etag, status, dirty, isNew, saving, problem, notice, save, setStatus, reload, restored, writes };
}
