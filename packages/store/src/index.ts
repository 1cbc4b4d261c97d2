/**
 * @jixiao/store — scheme files on disk (方案库): saving drafts with a history of every state,
 * publishing (valid drafts only) and freezing, restoring earlier states, and checking that published
 * files were not changed; and the one JSON file reader (`json-file.ts`) the CLI and the server read with.
 * Node only (fs); the engine decides validity, diffs and hashes.
 */
export { saveScheme, createScheme, publishScheme, restoreScheme, checkSchemeFile, changeSummary, type SaveOptions, type WriteOptions, type StoreOutcome, type StoreRefusal } from './save.ts';
export { listHistory, readHistoryEntry, lastHistoryEntry, historyDir, ACTION_ZH, type HistoryAction, type HistoryEntry, type HistorySummary } from './history.ts';
export { resolveAuthor, UNKNOWN_AUTHOR } from './author.ts';
export { readStored, toStoredText, type StoredFile } from './files.ts';
export { etagOf } from './etag.ts';
export {
  readJsonFile,
  readJsonFileSync,
  readPresentJsonFile,
  decodeJsonBytes,
  parseJsonText,
  lineColumn,
  orThrow,
  JsonFileError,
  MAX_JSON_FILE_BYTES,
  type JsonFileRead,
  type JsonFileOk,
  type JsonFileFailure,
  type JsonFileProblem,
  type PresentJsonFile,
  type JsonReadOptions,
} from './json-file.ts';
export * from './db/index.ts';
