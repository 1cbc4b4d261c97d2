/**
 * Shapes of the server's JSON API, declared once in `@jixiao/api` (TypeBox schemas the server validates
 * requests with). Imported here as types only (`export type`), so no schema or server code reaches the
 * browser bundle.
 */
export type {
  ErrorBody as ApiErrorBody,
  SchemeSummary,
  CaseSummary,
  GetSchemeResponse,
  SaveSchemeResponse,
  NewYearResponse,
  PublishResponse,
  RestoreResponse,
  HistoryListEntry,
  HistoryEntry,
  ListSchemesResponse,
  ListCasesResponse,
  GetCaseResponse,
  HistoryListResponse,
  HistoryEntryResponse,
  CaseStatus,
  SaveCaseResponse,
  CaseStatusResponse,
  DeleteCaseResponse,
} from '@jixiao/api';
