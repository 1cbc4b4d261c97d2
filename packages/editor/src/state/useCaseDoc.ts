/**
 * One case being filled in (案例填报): the document as edited, the version it is based on (ETag), its
 * status (填报中 → 已提交 → 已审核), saving (If-Match; a new case with If-None-Match: *), status changes
 * and restores. A save refused because the case changed meanwhile (412) is shown in Chinese and nothing is
 * overwritten: the user's edits stay in the form, and the items that differ from the server's current version
 * are listed (`conflict`, state/case-merge.ts) so that the user can apply their edits again over it
 * (`resolveConflict`, each item changed on both sides chosen by the user) or reload it (`reload`).
 *
 * Unsaved edits are kept in this tab's stash (state/local-draft.ts, as a scheme's are) — those of a saved case
 * with the version they were based on, those of a new case not saved yet with the base '' — so a reload of the
 * tab brings them back with a message; a save or 重新读取 clears only this tab's stash. Other tabs' stashes of the
 * case are never merged (useOtherTabs, as on the scheme page): a live tab's is reported (`otherTab`), one left
 * by a closed tab is offered (`orphans`, `adoptOrphan`, `discardOrphan`).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { caseDoc, clearStash, loadStash, storeStash, type LocalDraft, type OtherDraft } from './local-draft.ts';
import { useOtherTabs } from './useOtherTabs.ts';
import { caseMergeItems, mergeCase, type CaseMergeItem, type MergeSide } from './case-merge.ts';
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
  /** Another open tab holds unsaved edits of this case (its own; never taken). */
  otherTab: boolean;
  /** Unsaved edits of this case left by closed tabs, newest first; offered, never merged. */
  orphans: OtherDraft[];
  /** Replaces the form with the closed tab `tab`'s edits (reported like a restore) and removes that stash. */
  adoptOrphan(tab: string): void;
  /** Deletes the closed tab `tab`'s edits of this case. */
  discardOrphan(tab: string): void;
  /** After a save refused because the case changed on the server: what differs, for the user to resolve; else null. */
  conflict: CaseConflict | null;
  /**
   * Applies the form's edits over the server's current version (`conflict`): the items only the user changed
   * take the user's value, those only the server changed keep the server's, each conflict the side chosen in
   * `choices` (by item key; every conflict must be chosen). The result is in the form, based on the server's
   * version, not saved yet.
   */
  resolveConflict(choices: Readonly<Record<string, MergeSide>>): void;
}

/** The server's version after a refused save, and how it differs from the form. */
export interface CaseConflict {
  /** The server's current document and version. */
  server: CaseDoc;
  serverEtag: string;
  serverStatus: CaseStatus;
  /** The version the form started from, when found in the history. */
  base: CaseDoc | null;
  /** The items that differ between the server's version and the form as it is now (state/case-merge.ts). */
  items: CaseMergeItem[];
  /** The version the form started from was found in the history (else every difference is a conflict). */
  baseKnown: boolean;
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

/**
 * The Chinese message of a refused save or status change. `compared`: the page lists what differs from the
 * server's version (a save refused with 412), so the message points there instead of only to 重新读取.
 */
export function saveProblemOf(e: unknown, what: '保存' | '状态变更', compared = false): CaseSaveProblem {
  if (e instanceof ApiError) {
    if (e.status === 409 || e.status === 412) {
      const next = compared
        ? '下方列出了您的修改与服务器最新版本的不同之处：可在服务器最新版本上保留您的修改（双方都改过的项目由您逐项选择），或“重新读取服务器版本”（会放弃表单中的修改）。'
        : '可“重新读取服务器版本”（会放弃表单中的修改），核对后再填写。';
      return {
        kind: 'conflict',
        // the server's sentence ends with its own 。; only a bare fallback needs one
        message: `${what}未完成：${(e.body.message || '案例已被他人修改').replace(/。*$/, '')}。您的修改仍保留在表单中，服务器上的内容没有被覆盖。${next}`,
        issues: [],
      };
    }
    if (e.status === 422) return { kind: 'invalid', message: `${what}未完成：${e.body.message}`, issues: e.body.issues ?? [] };
    return { kind: 'other', message: `${what}未完成：${e.body.message}`, issues: e.body.issues ?? [] };
  }
  return { kind: 'other', message: `${what}未完成：${e instanceof Error ? e.message : String(e)}`, issues: [] };
}

/** "在 <time> " of a stash, or '' without a time. */
const whenOf = (d: LocalDraft) => (d.savedAt ? `在 ${new Date(d.savedAt).toLocaleString('zh-CN')} ` : '');

/**
 * What the form opens with when the page was handed a case that exists only in the browser (`initial`): this
 * tab's stash of that new case when the tab was reloaded after editing it (base ''), else `initial`.
 */
function startOf(initial: CaseDoc | null, stashName: string): { doc: CaseDoc | null; notice: string | null } {
  if (initial === null) return { doc: null, notice: null };
  const local = loadStash(stashName);
  const kept = local && local.baseEtag === '' && local.text !== JSON.stringify(initial) ? parseCase(local.text) : null;
  return kept && local ? { doc: kept, notice: `已恢复您${whenOf(local)}未保存的修改（新案例尚未保存到服务器）。` } : { doc: initial, notice: null };
}

/**
 * @param initial a case that exists only in the browser (created in the form or uploaded): it is saved
 *   with If-None-Match: * (the server refuses if the id is taken). Null to load the saved case.
 */
export function useCaseDoc(family: string, year: number, caseId: string, initial: CaseDoc | null): CaseDocState {
  const stashName = caseDoc(family, year, caseId);
  const [start] = useState(() => startOf(initial, stashName));
  const [doc, setDocState] = useState<CaseDoc | null>(start.doc);
  const [saved, setSaved] = useState<CaseDoc | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [status, setStatusState] = useState<CaseStatus>('filling');
  const [loading, setLoading] = useState(initial === null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<CaseSaveProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(start.notice);
  const [writes, setWrites] = useState(0);
  const [isNew, setIsNew] = useState(initial !== null);
  const [against, setConflict] = useState<Omit<CaseConflict, 'items'> | null>(null);
  /** The server's current version as last read ('' while there is none: a new case). */
  const serverEtag = useRef('');
  const tabs = useOtherTabs(stashName);
  const { pruneSameAs, take } = tabs;

  const load = useCallback(
    async (useLocal: boolean) => {
      setLoading(true);
      setConflict(null);
      const local = useLocal ? loadStash(stashName) : null;
      const localDoc = local ? parseCase(local.text) : null;
      try {
        const [r, list] = await Promise.all([
          api.getCaseTagged(family, year, caseId).catch((e: unknown) => {
            // a case not on the server (never saved, or deleted) whose unsaved edits this tab kept: a new case again
            if (e instanceof ApiError && e.status === 404 && localDoc) return null;
            throw e;
          }),
          api.listCases(family).catch(() => []),
        ]);
        if (r === null && local && localDoc) {
          serverEtag.current = '';
          setDocState(localDoc);
          setSaved(null);
          setEtag(null);
          setIsNew(true);
          setStatusState('filling');
          const gone = local.baseEtag !== '' ? '注意：服务器上已没有这个案例（可能已被删除），保存时将重新创建。' : '';
          setNotice(`已恢复您${whenOf(local)}未保存的修改（新案例尚未保存到服务器）。${gone}`);
          setLoadError(null);
          return;
        }
        if (r === null) return; // not reached: a 404 without a stash was thrown above
        const d = r.doc as CaseDoc;
        const text = JSON.stringify(d);
        serverEtag.current = r.etag;
        // read through the format's migrations: say so (a restored stash's notice below says more and replaces it)
        if (r.formatNotice) setNotice(r.formatNotice);
        const kept = local && local.text !== text ? localDoc : null;
        setDocState(kept ?? d);
        setSaved(d);
        if (kept && local && local.baseEtag === '') {
          // a new case kept by this tab whose id has been saved meanwhile (by another tab or person): still new here
          setEtag(null);
          setIsNew(true);
          setNotice(`已恢复您${whenOf(local)}未保存的新案例。注意：服务器上已有标识相同的案例，保存时会提示冲突，届时可逐项核对后再处理。`);
        } else {
          setEtag(kept && local ? local.baseEtag : r.etag);
          setIsNew(false);
          if (kept && local) {
            const changed = local.baseEtag !== r.etag ? '注意：此后服务器上的案例已被修改，保存时会提示冲突，请核对后再处理。' : '';
            setNotice(`已恢复您${whenOf(local)}未保存的修改。${changed}`);
          } else if (local) clearStash(stashName);
        }
        const row = list.find((c) => c.year === year && c.id === caseId);
        setStatusState(statusIn(r.doc) ?? row?.status ?? 'filling');
        setLoadError(null);
        // closed tabs' stashes that hold nothing beyond the server's version are not worth offering
        await pruneSameAs(text);
      } catch (e) {
        setLoadError(e instanceof Error ? e.message : String(e));
      } finally {
        setLoading(false);
      }
    },
    [family, year, caseId, stashName, pruneSameAs],
  );

  useEffect(() => {
    if (initial === null) void load(true);
    // the initial document is read once, when the page opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  const setDoc = useCallback((update: (prev: CaseDoc) => CaseDoc) => setDocState((d) => (d ? update(d) : d)), []);
  const dirty = doc !== null && (isNew || JSON.stringify(doc) !== JSON.stringify(saved));

  // Keep unsaved edits in this tab's stash (debounced, and at once when the page goes: a reload right after a
  // key must not lose it): a saved case's with its version, a new case's with the base ''; forget them once the
  // form equals the server's version.
  useEffect(() => {
    if (loading || doc === null || (!isNew && etag === null)) return;
    const write = () => {
      if (dirty) storeStash(stashName, { text: JSON.stringify(doc), baseEtag: isNew ? '' : (etag ?? ''), savedAt: new Date().toISOString() });
      else clearStash(stashName);
    };
    const t = setTimeout(write, 250);
    window.addEventListener('pagehide', write);
    return () => {
      clearTimeout(t);
      window.removeEventListener('pagehide', write);
    };
  }, [loading, isNew, doc, etag, dirty, stashName]);

  /** Reads the server's version after a refused save, and the version `basedOn` the form started from (when found). */
  const compare = useCallback(
    async (basedOn: string | null): Promise<boolean> => {
      try {
        const r = await api.getCaseTagged(family, year, caseId);
        let base: CaseDoc | null = null;
        if (basedOn !== null) {
          try {
            const entry = (await api.caseHistory(family, year, caseId)).find((h) => h.etag === basedOn);
            const full = entry ? await api.caseHistoryEntry(family, year, caseId, entry.seq) : null;
            base = full?.doc !== undefined && full.doc !== null && typeof full.doc === 'object' ? (full.doc as CaseDoc) : null;
          } catch {
            base = null; // history not readable: every difference is then the user's to choose
          }
        }
        const server = r.doc as CaseDoc;
        serverEtag.current = r.etag;
        setConflict({ server, serverEtag: r.etag, serverStatus: statusIn(server) ?? 'filling', base, baseKnown: base !== null });
        return true;
      } catch {
        return false; // the server's version cannot be read (deleted meanwhile?): the message and 重新读取 remain
      }
    },
    [family, year, caseId],
  );

  // what differs from the server's version, against the form as it is now: edits made after the refusal count too
  const conflict = useMemo<CaseConflict | null>(() => (against && doc ? { ...against, items: caseMergeItems(against.base, against.server, doc) } : null), [against, doc]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!doc) return false;
    setSaving(true);
    setProblem(null);
    setNotice(null);
    setConflict(null);
    try {
      // a PUT never changes status (only the status route does): the body states the status the case has
      const body = { ...doc } as Record<string, unknown>;
      if (status === 'filling' && body['status'] === undefined) delete body['status'];
      else body['status'] = status;
      const r = await api.saveCase(family, year, caseId, body, isNew ? null : etag);
      setEtag(r.etag);
      serverEtag.current = r.etag;
      setSaved(doc);
      setIsNew(false);
      clearStash(stashName); // at once: a reload right after the save must not find the edits as unsaved
      setWrites((w) => w + 1);
      setNotice('unchanged' in r ? '内容与服务器上的版本相同，无需保存。' : isNew ? '案例已创建并保存。' : '已保存。');
      return true;
    } catch (e) {
      const stale = e instanceof ApiError && e.status === 412;
      const compared = stale && (await compare(isNew ? null : etag));
      setProblem(saveProblemOf(e, '保存', compared));
      return false;
    } finally {
      setSaving(false);
    }
  }, [doc, family, year, caseId, isNew, etag, status, stashName, compare]);

  const resolveConflict = useCallback(
    (choices: Readonly<Record<string, MergeSide>>) => {
      if (!conflict) return;
      const merged = mergeCase(conflict.server, conflict.items, choices);
      const side = (it: CaseMergeItem) => (it.kind === 'conflict' ? choices[it.key] : it.kind);
      const mine = conflict.items.filter((it) => side(it) === 'mine').length;
      const theirs = conflict.items.length - mine;
      setDocState(merged);
      setSaved(conflict.server);
      setEtag(conflict.serverEtag);
      setIsNew(false);
      setStatusState(conflict.serverStatus);
      setConflict(null);
      setProblem(null);
      setNotice(
        mine
          ? `已在服务器的最新版本上重新应用您的修改：保留您的 ${mine} 项，采用服务器的 ${theirs} 项。尚未保存，请核对后点“保存”。`
          : `已采用服务器的最新版本（${theirs} 项与您的不同），表单中已没有需要保存的修改。`,
      );
    },
    [conflict],
  );

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
        serverEtag.current = r.etag;
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
    serverEtag.current = tag;
    setDocState(d as CaseDoc);
    setSaved(d as CaseDoc);
    setWrites((w) => w + 1);
    setNotice('已恢复为所选的历史版本（恢复本身也记入修改历史）。');
  }, []);

  const adoptOrphan = useCallback(
    (tab: string) => {
      const o = take(tab);
      const d = o ? parseCase(o.draft.text) : null;
      if (!o || !d) return;
      // a new case's edits (base ''), or any edits while the server has no such case: a new case in this form
      const asNew = o.draft.baseEtag === '' || serverEtag.current === '';
      setDocState(d);
      setEtag(asNew ? null : o.draft.baseEtag);
      setIsNew(asNew);
      setProblem(null);
      setConflict(null);
      setLoadError(null);
      const when = whenOf(o.draft);
      const note =
        asNew && serverEtag.current !== ''
          ? '注意：服务器上已有标识相同的案例，保存时会提示冲突，届时可逐项核对后再处理。'
          : asNew
            ? '（新案例尚未保存到服务器）'
            : o.draft.baseEtag !== serverEtag.current
              ? '注意：此后服务器上的案例已被修改，保存时会提示冲突，请核对后再处理。'
              : '';
      setNotice(`已恢复一个已关闭的窗口${when}未保存的修改。${note}`);
    },
    [take],
  );

  return {
    loading,
    loadError,
    doc,
    setDoc,
    etag,
    status,
    dirty,
    isNew,
    saving,
    problem,
    notice,
    save,
    setStatus,
    reload,
    restored,
    writes,
    otherTab: tabs.otherTab,
    orphans: tabs.orphans,
    adoptOrphan,
    discardOrphan: tabs.discard,
    conflict,
    resolveConflict,
  };
}
