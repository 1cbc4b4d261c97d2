/**
 * @jixiao/store — scheme files on disk (方案库): saving drafts with a history of every state,
 * publishing (valid drafts only) and freezing, restoring earlier states, and checking that published
 * files were not changed. Node only (fs); the engine decides validity, diffs and hashes.
 */
export { saveScheme, createScheme, publishScheme, restoreScheme, checkSchemeFile, changeSummary, type SaveOptions, type WriteOptions, type StoreOutcome, type StoreRefusal } from './save.ts';
export { listHistory, readHistoryEntry, lastHistoryEntry, historyDir, ACTION_ZH, type HistoryAction, type HistoryEntry, type HistorySummary } from './history.ts';
export { resolveAuthor, UNKNOWN_AUTHOR } from './author.ts';
export { readStored, toStoredText, type StoredFile } from './files.ts';
export { etagOf } from './etag.ts';
