/**
 * Saving and publishing from the scheme page: the state of the last save (saving, saved, refused…), the
 * publish dialog, a notice after publication, and a count of the writes made here (save, publish,
 * restore) on which the history reloads. After a publication or a restore the draft is reloaded from
 * the server (`discard`), since the server's file is now the truth.
 */
import { useCallback, useState } from 'react';
import type { Draft, SaveOutcome } from './useDraft.ts';
import { authorNeeded, changeAuthor as askNewAuthor, ensureAuthor } from './author.ts';

export type SaveState = SaveOutcome | { kind: 'saving' } | null;

export interface SaveFlow {
  saveState: SaveState;
  /** The document a refused save sent (the refusal stands unchanged until the draft differs from it). */
  refusedDoc: unknown;
  /** Counts writes made from this page: the history reloads on it. */
  writes: number;
  /** The publish dialog is open. */
  publishing: boolean;
  /** Shown after a publication. */
  notice: string | null;
  save(): Promise<void>;
  /** Drops the local changes (reloads the server version). */
  discard(): Promise<void>;
  /** After a conflict: re-bases the local changes on the server version and saves them. */
  overwrite(): Promise<void>;
  openPublish(): void;
  cancelPublish(): void;
  /** The publish dialog published the draft. */
  published(): void;
  /** A history entry was restored on the server. */
  restored(): void;
  /** Opens the 署名 dialog to change the name (state/author.ts `changeAuthor`). */
  changeAuthor(): void;
}

/**
 * @param year the scheme's year, named in the notice after publication.
 * @param onPublished also called after a publication (e.g. to reload the family's versions).
 */
export function useSaveFlow(draft: Draft, year: string, onPublished: () => void): SaveFlow {
  const [saveState, setSaveState] = useState<SaveState>(null);
  const [publishing, setPublishing] = useState(false);
  const [writes, setWrites] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusedDoc, setRefusedDoc] = useState<unknown>(null);
  const { save: saveDraft, discard: discardDraft, rebaseOnServer } = draft;

  const save = useCallback(async () => {
    // the first write asks for the 署名 (the one path every write takes); cancelled, nothing is saved
    if (!(await ensureAuthor())) return;
    setSaveState({ kind: 'saving' });
    const sent = draft.doc;
    const r = await saveDraft();
    setRefusedDoc(r.kind === 'invalid' ? sent : null);
    setSaveState(r);
    if (r.kind === 'saved') setWrites((n) => n + 1);
  }, [saveDraft, draft.doc]);

  const discard = useCallback(async () => {
    await discardDraft();
    setSaveState(null);
  }, [discardDraft]);

  const overwrite = useCallback(async () => {
    await rebaseOnServer();
    setSaveState({ kind: 'saving' });
    setSaveState(await saveDraft());
  }, [rebaseOnServer, saveDraft]);

  // the 署名 is asked before the publish dialog opens, not after its confirmation
  const openPublish = useCallback(() => {
    if (!authorNeeded()) setPublishing(true);
    else void ensureAuthor().then((ok) => ok && setPublishing(true));
  }, []);
  const cancelPublish = useCallback(() => setPublishing(false), []);

  const published = useCallback(() => {
    setPublishing(false);
    setSaveState(null);
    setNotice(`已发布${year}年方案：现在它是只读的正式版本。`);
    onPublished();
    setWrites((n) => n + 1);
    void discardDraft();
  }, [year, onPublished, discardDraft]);

  const restored = useCallback(() => {
    setSaveState(null);
    setWrites((n) => n + 1);
    void discardDraft();
  }, [discardDraft]);

  const changeAuthor = useCallback(() => void askNewAuthor(), []);

  return { saveState, refusedDoc, writes, publishing, notice, save, discard, overwrite, openPublish, cancelPublish, published, restored, changeAuthor };
}
