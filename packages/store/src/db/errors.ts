/**
 * Refusals of the database store, as typed errors (错误类型). Each carries the catalogue issue (code,
 * params, Chinese `message`, English `messageEn`) and the HTTP status a server answers with, so
 * every face says the same thing:
 *
 * - `StoreConflictError` (409): the document was saved by someone else since the version the write
 *   was based on — of several writers based on one version exactly one wins, the others get this;
 * - `StorePublishedError` (409): the document is published, and a published version is never written again;
 * - `StoreNotFoundError` (404): no such document, or no such saved state;
 * - `StoreInvalidError` (422): the text or document cannot be stored or published (issues say why);
 * - `StoreError` (400 and others): the base class, e.g. a malformed name.
 */
import type { Issue } from '@jixiao/engine';

/** A refusal of the store. `message` is the Chinese text; `messageEn` the English beside it. */
export class StoreError extends Error {
  /** The catalogue code, e.g. `store-conflict`. */
  readonly code: string;
  readonly messageEn: string;
  constructor(
    /** The refusal as an issue (code, params, both texts). */
    readonly issue: Issue,
    /** The HTTP status a server answers with. */
    readonly httpStatus: number,
  ) {
    super(issue.message);
    this.name = 'StoreError';
    this.code = issue.code;
    this.messageEn = issue.messageEn;
  }
}

/** The write was based on an older version than the current one: nothing was written. */
export class StoreConflictError extends StoreError {
  constructor(
    issue: Issue,
    /** The version the write was based on. */
    readonly basedOnVersion: number,
    /** The document's version now (0 when it does not exist). */
    readonly currentVersion: number,
  ) {
    super(issue, 409);
    this.name = 'StoreConflictError';
  }
}

/** The document is published: frozen, whatever the write. */
export class StorePublishedError extends StoreError {
  constructor(issue: Issue) {
    super(issue, 409);
    this.name = 'StorePublishedError';
  }
}

/** No such document (or saved state). */
export class StoreNotFoundError extends StoreError {
  constructor(issue: Issue) {
    super(issue, 404);
    this.name = 'StoreNotFoundError';
  }
}

/** The text or document cannot be stored (or published) as it is; `issues` lists every reason. */
export class StoreInvalidError extends StoreError {
  constructor(
    issue: Issue,
    readonly issues: Issue[],
  ) {
    super(issue, 422);
    this.name = 'StoreInvalidError';
  }
}
