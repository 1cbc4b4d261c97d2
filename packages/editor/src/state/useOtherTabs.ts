/**
 * Other tabs' unsaved work on one document (state/local-draft.ts): what a scheme page (useDraft) and a case
 * page (useCaseDoc) both show. A live tab's stash is only reported (`otherTab`); one left by a tab that is gone
 * (closed, crashed) is offered (`orphans`) and taken (`take`) or deleted (`discard`) only when the user says so.
 * The list is read again when another tab writes a stash or a heartbeat (the 'storage' event), and every
 * HEARTBEAT_MS, to notice a tab that died.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { clearStash, concernsStashes, HEARTBEAT_MS, liveTabs, otherStashes, type OtherDraft } from './local-draft.ts';

/** Other tabs' stashes of one document, as a page shows them. */
export interface OtherTabs {
  /** Another open tab holds unsaved changes to this document (its own; this tab never takes them). */
  otherTab: boolean;
  /** Unsaved changes left by tabs that are gone, newest first. */
  orphans: OtherDraft[];
  /** Removes the orphaned stash of tab `tab` and returns it (null when it is gone meanwhile), for this tab to adopt. */
  take(tab: string): OtherDraft | null;
  /** Deletes the orphaned stash of tab `tab`. */
  discard(tab: string): void;
  /** Deletes the orphaned stashes whose text is `text` (the server version: nothing in them to offer), then reads the list again. */
  pruneSameAs(text: string): Promise<void>;
}

/** Other tabs' stashes of document `doc` (a name made by `schemeDoc` or `caseDoc`). */
export function useOtherTabs(doc: string): OtherTabs {
  const [others, setOthers] = useState<OtherDraft[]>([]);
  const rescan = useCallback(() => {
    void liveTabs().then((live) => setOthers(otherStashes(doc, Date.now(), live)));
  }, [doc]);

  useEffect(() => {
    rescan();
    const onStorage = (e: StorageEvent) => {
      if (concernsStashes(e.key, doc)) rescan();
    };
    window.addEventListener('storage', onStorage);
    const every = setInterval(rescan, HEARTBEAT_MS);
    return () => {
      window.removeEventListener('storage', onStorage);
      clearInterval(every);
    };
  }, [doc, rescan]);

  const forget = useCallback(
    (tab: string) => {
      clearStash(doc, tab);
      setOthers((list) => list.filter((x) => x.tab !== tab));
      rescan();
    },
    [doc, rescan],
  );

  const take = useCallback(
    (tab: string): OtherDraft | null => {
      const o = others.find((x) => x.tab === tab && !x.live) ?? null;
      if (o) forget(tab);
      return o;
    },
    [others, forget],
  );

  const pruneSameAs = useCallback(
    async (text: string) => {
      const live = await liveTabs();
      for (const o of otherStashes(doc, Date.now(), live)) if (!o.live && o.draft.text === text) clearStash(doc, o.tab);
      rescan();
    },
    [doc, rescan],
  );

  const otherTab = useMemo(() => others.some((o) => o.live), [others]);
  const orphans = useMemo(() => others.filter((o) => !o.live), [others]);
  return { otherTab, orphans, take, discard: forget, pruneSameAs };
}
