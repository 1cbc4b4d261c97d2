/**
 * The database store (方案库数据库): one interface (`DocumentStore`, `openStore`) over SQLite (embedded
 * default) and PostgreSQL, with the checks a document text passes before it is stored.
 */
export { openStore, documentText, setTopLevelField, isStoreError, type DocumentStore, type StoreLocation, type WriteOptions, type VersionedWrite, type DocumentSummary, type StoredDocument, type StateSummary, type StateWithText, type PublicationRecord, type AuditEntry, type SaveResult, type SavedResult, type ImportResult, type StoreCheck } from './store.ts';
export { resolveDatabaseConfig, describeDatabase, defaultDataDir, DEFAULT_DATABASE_FILE, type DatabaseConfig, type OpenOptions } from './connect.ts';
export { checkDocumentText, parseStoredText, MAX_DOCUMENT_DEPTH, type TextCheck, type TextCheckOptions } from './document-text.ts';
export { StoreError, StoreConflictError, StorePublishedError, StoreNotFoundError, StoreInvalidError } from './errors.ts';
export { checkRef, describeRef, describeRefEn, documentParams, refPath, FAMILY_RE, CASE_RE, type DocumentRef, type SchemeRef, type CaseRef, type DocumentKind } from './refs.ts';
export { ACTION_NAMES_ZH, type StateAction } from './schema.ts';
export { MAX_DELTA_DEPTH } from './blobs.ts';
export { storeMigrations, type Dialect } from './migrations.ts';
export { importFiles, exportFiles, fillIfEmpty, scanLayout, type ImportReport, type ExportReport, type LayoutFile, type Skipped } from './exchange.ts';
export { AccountStore, AccountError, openAccounts, accountsOn, parseRole, hashPassword, verifyPassword, tokenDigest, accountMessages, ACCOUNT_ROLE_ZH, DEFAULT_SCRYPT, DEFAULT_SESSION_TTL_MS, MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, type Account, type AccountRole, type NewAccount, type NewSession, type ScryptParams, type AccountStoreOptions, type AccountsDatabase } from './accounts.ts';
export { caseDepartments, nearestNames, unknownDepartment, departmentMessages, NEAREST_DEPARTMENTS } from './departments.ts';
