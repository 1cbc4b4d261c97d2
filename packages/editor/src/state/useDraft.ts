/**
 * The draft of one scheme: the JSON text (what the JSON view edits), the document parsed from it
 * (what the visual editors edit), the server version it is based on, and saving.
 *
 * - Visual edits call `setDoc`, which rewrites the text; JSON edits call `setText`, which re-parses.
 *   While the text is not valid JSON, `doc` stays the last valid document and `parseError` is set.
 * - Every change is copied to this tab's stash in localStorage (state/local-draft.ts: one per tab, so two
 *   tabs never overwrite each other's unsaved work); on load this tab's stash is restored (and reported),
 *   and a draft based on an older server version keeps that older ETag so saving it reports a conflict.
 * - Stashes of the same scheme held by other tabs are never merged: a live tab's is reported (`otherTab`),
 *   one left by a tab that is gone (closed, crashed) is offered with its time (`orphans`, `adoptOrphan`);
 *   both through useOtherTabs, which the case page uses too.
 * - `save` sends If-Match with the base ETag; the server's refusal comes back as a SaveOutcome.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Issue } from '../model/types.ts';
import { clearLocalDraft, loadLocalDraft, schemeDoc, storeLocalDraft, type OtherDraft } from './local-draft.ts';
import { useOtherTabs } from './useOtherTabs.ts';
import { jsonSyntaxError } from '../model/json-error.ts';

export const toText = (doc: unknown): string => JSON.stringify(doc, null, 2);

export type SaveOutcome =
  | { kind: 'saved'; warnings: number }
  | { kind: 'invalid'; message: string; issues: Issue[] }
  | { kind: 'conflict'; message: string }
  | { kind: 'refused'; message: string }
  | { kind: 'error'; message: string };

export interface Restored {
  savedAt: string;
  /** The server file changed after this draft was started. */
  serverChanged: boolean;
}

export interface Draft {
  loading: boolean;
  loadError: string | null;
  text: string;
  doc: unknown;
  parseError: string | null;
  dirty: boolean;
  published: boolean;
  /** The server's publication check of the stored file (e.g. changed after publication). */
  publication: Issue[];
  baseEtag: string;
  restored: Restored | null;
  /** The note of the format upgrade the stored scheme was read through (已按格式版本 N 读取…), or null: read as it is. */
  formatNotice: string | null;
  /** Another open tab holds unsaved changes to this scheme (its own; this tab never takes them). */
  otherTab: boolean;
  /**
   * Unsaved changes to this scheme left by tabs that are gone (closed or crashed), newest first; offered to
   * the user, never merged. Empty for a published scheme.
   */
  orphans: OtherDraft[];
  /** Replaces this tab's content with the orphaned stash of tab `tab` (reported like a restore) and removes that stash. */
  adoptOrphan(tab: string): void;
  /** Deletes the orphaned stash of tab `tab`. */
  discardOrphan(tab: string): void;
  setText(t: string): void;
  /** Replaces the document, or updates it from the latest one (updates in one event compose). */
  setDoc(d: unknown | ((prev: unknown) => unknown)): void;
  save(): Promise<SaveOutcome>;
  /** Drops local changes and reloads the server version. */
  discard(): Promise<void>;
  /** Re-bases the local changes on the current server version (explicit "overwrite"). */
  rebaseOnServer(): Promise<void>;
}

function tryParse(text: string): { doc: unknown; error: string | null } {
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch {
    return { doc: undefined, error: jsonSyntaxError(text) ?? 'JSON 语法错误' };
  }
  // valid JSON with a member name written twice: refused like a syntax error (JSON.parse kept only the last)
  const duplicate = jsonSyntaxError(text);
  return duplicate ? { doc: undefined, error: duplicate } : { doc, error: null };
}

export function useDraft(family: string, year: string): Draft {
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [baseText, setBaseText] = useState('');
  const [baseEtag, setBaseEtag] = useState('');
  const [published, setPublished] = useState(false);
  const [publication, setPublication] = useState<Issue[]>([]);
  const [text, setTextState] = useState('');
  const [doc, setDocState] = useState<unknown>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const [restored, setRestored] = useState<Restored | null>(null);
  const [formatNotice, setFormatNotice] = useState<string | null>(null);
  const docRef = useRef<unknown>(null);
  const serverEtag = useRef('');
  const tabs = useOtherTabs(schemeDoc(family, year));
  const { pruneSameAs } = tabs;

  const load = useCallback(
    async (useLocal: boolean) => {
      setLoading(true);
      setLoadError(null);
      try {
        const server = await api.getScheme(family, year);
        setFormatNotice(server.formatNotice ?? null);
        const sText = toText(server.doc);
        setBaseText(sText);
        setBaseEtag(server.etag);
        serverEtag.current = server.etag;
        const isPublished = (server.doc as { status?: unknown })?.status === 'published';
        setPublished(isPublished);
        setPublication(server.publication);
        // a published file can never take local edits: show it as it is
        const local = useLocal && !isPublished ? loadLocalDraft(family, year) : null;
        if (local && local.text !== sText) {
          const p = tryParse(local.text);
          setTextState(local.text);
          setDocState(p.error ? server.doc : p.doc);
          setParseError(p.error);
          setRestored({ savedAt: local.savedAt, serverChanged: local.baseEtag !== server.etag });
          setBaseEtag(local.baseEtag);
        } else {
          if (local) clearLocalDraft(family, year);
          setTextState(sText);
          setDocState(server.doc);
          setParseError(null);
          setRestored(null);
        }
        // orphaned stashes that hold nothing beyond the server version are not worth offering
        await pruneSameAs(sText);
      } catch (e) {
        setLoadError(e instanceof Error ? e.message : String(e));
      } finally {
        setLoading(false);
      }
    },
    [family, year, pruneSameAs],
  );

  useEffect(() => {
    void load(true);
  }, [load]);

  docRef.current = doc;

  const dirty = useMemo(() => !loading && (parseError !== null || toText(doc) !== baseText), [loading, parseError, doc, baseText]);

  // Keep unsaved work in localStorage (debounced); forget it once it equals the server version.
  useEffect(() => {
    if (loading) return;
    const t = setTimeout(() => {
      if (dirty) {
        storeLocalDraft(family, year, { text, baseEtag, savedAt: new Date().toISOString() });
      } else clearLocalDraft(family, year);
    }, 250);
    return () => clearTimeout(t);
  }, [loading, dirty, text, baseEtag, family, year]);

  const otherTab = tabs.otherTab;
  const orphans = useMemo<OtherDraft[]>(() => (published ? [] : tabs.orphans), [tabs.orphans, published]);

  const setText = useCallback((t: string) => {
    setTextState(t);
    const p = tryParse(t);
    setParseError(p.error);
    if (!p.error) setDocState(p.doc);
  }, []);

  const setDoc = useCallback((d: unknown | ((prev: unknown) => unknown)) => {
    const next = typeof d === 'function' ? (d as (prev: unknown) => unknown)(docRef.current) : d;
    docRef.current = next;
    setDocState(next);
    setTextState(toText(next));
    setParseError(null);
  }, []);

  const save = useCallback(async (): Promise<SaveOutcome> => {
    if (parseError) return { kind: 'refused', message: `无法保存：${parseError}` };
    try {
      const r = await api.saveScheme(family, year, doc, baseEtag);
      const sText = toText(doc);
      setBaseText(sText);
      setBaseEtag(r.etag);
      serverEtag.current = r.etag;
      setRestored(null);
      clearLocalDraft(family, year);
      return { kind: 'saved', warnings: r.warnings.length };
    } catch (e) {
      if (!(e instanceof ApiError)) return { kind: 'error', message: String(e) };
      if (e.status === 422) return { kind: 'invalid', message: e.body.message, issues: e.body.issues ?? [] };
      if (e.status === 412) return { kind: 'conflict', message: e.body.message };
      if (e.status === 409 || e.status === 400 || e.status === 403) return { kind: 'refused', message: e.body.message };
      return { kind: 'error', message: e.body.message };
    }
  }, [family, year, doc, baseEtag, parseError]);

  const discard = useCallback(async () => {
    clearLocalDraft(family, year);
    await load(false);
  }, [family, year, load]);

  const rebaseOnServer = useCallback(async () => {
    const server = await api.getScheme(family, year);
    setBaseText(toText(server.doc));
    setBaseEtag(server.etag);
    serverEtag.current = server.etag;
    setPublished((server.doc as { status?: unknown })?.status === 'published');
    setPublication(server.publication);
    setRestored(null);
  }, [family, year]);

  const { take } = tabs;
  const adoptOrphan = useCallback(
    (tab: string) => {
      const o = take(tab);
      if (!o) return;
      setText(o.draft.text);
      setBaseEtag(o.draft.baseEtag);
      setRestored({ savedAt: o.draft.savedAt, serverChanged: o.draft.baseEtag !== serverEtag.current });
    },
    [take, setText],
  );
  const discardOrphan = tabs.discard;

  return { loading, loadError, text, doc, parseError, dirty, published, publication, baseEtag, restored, formatNotice, otherTab, orphans, adoptOrphan, discardOrphan, setText, setDoc, save, discard, rebaseOnServer };
}
