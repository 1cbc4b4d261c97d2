/**
 * The format version (格式版本) of scheme and case documents, and the one way every face reads a document:
 * `upgradeScheme(doc)` / `upgradeCase(doc)`, called on a document as read (from a file, the store, a request,
 * an Excel import) before it is validated.
 *
 * - `formatVersion` is an optional positive integer on both documents; a document without it is format 1
 *   (everything written before the field existed). The current format is `FORMAT_VERSION`; schemes and cases
 *   share the one number.
 * - When the format changes in a way an older document does not satisfy, the format version goes up by one and
 *   a migration from the old version to the new is registered in `SCHEME_MIGRATIONS` and/or `CASE_MIGRATIONS`
 *   (a kind of document the change does not touch needs none: its version is raised as it is). Upgrading applies
 *   the migrations from the document's version up to the current one, in order.
 * - A document of a newer version (written by a newer jixiao), or whose `formatVersion` is not a positive
 *   integer, is refused with one message at `/formatVersion` (format-version-newer / format-version-invalid);
 *   `validateScheme` and `validateCase` refuse it the same way, so a face that validates first says the same.
 *
 * The lists are empty today: format 1 is the only format. `createUpgrader` builds the machinery over any lists,
 * so a test can register a test-only migration (as `createRegistry` lets a test add a rule kind).
 */
import type { Issue } from '../errors/issue.ts';
import { formatVersionMessages as m } from './version-messages.ts';

/** The format version this program reads up to and writes: documents it creates carry `formatVersion: 1`. */
export const FORMAT_VERSION = 1;

/** The property naming a document's format version, and its JSON path. */
export const FORMAT_VERSION_FIELD = 'formatVersion';
const FORMAT_VERSION_PATH = '/formatVersion';

/** Which document a migration or an upgrade is about. */
export type DocumentKind = 'scheme' | 'case';

/** A document as read from JSON, before validation: a JSON object. */
export type JsonObject = Record<string, unknown>;

/**
 * One step of the format: reads a document of format version `from` and returns it at `from + 1`.
 * A pure function of the document (no clock, no I/O, never mutates its argument); it need not set
 * `formatVersion` (the upgrade does). Give it a doc comment saying what changed in the format and why.
 */
export interface Migration {
  /** The format version it reads (≥ 1); it writes `from + 1`. */
  readonly from: number;
  /** What it changes, one short sentence each, for the note shown after an upgrade. */
  readonly change: { readonly zh: string; readonly en: string };
  /** The document at `from + 1`. Its input is a JSON object as read; it may be malformed, so check before reaching in. */
  migrate(doc: Readonly<JsonObject>): JsonObject;
}

/** A migration an upgrade applied. */
export interface AppliedMigration {
  from: number;
  to: number;
  change: { zh: string; en: string };
}

/**
 * What an upgrade did. `ok: true`: `doc` is the document at the current version — the very object given when
 * nothing was to be done (`changed: false`), a new object otherwise; `from` is the version it was written in.
 * `ok: false`: the document cannot be read by this program; `issues` holds the one refusal.
 */
export type UpgradeResult =
  | { ok: true; doc: unknown; from: number; to: number; changed: boolean; applied: AppliedMigration[] }
  | { ok: false; issues: Issue[] };

/** The migrations of each kind of document, and the version they lead to. */
export interface FormatMigrations {
  /** The current format version (≥ 1). */
  current: number;
  scheme: readonly Migration[];
  case: readonly Migration[];
}

/** The upgrade of each kind of document over one list of migrations. */
export interface Upgrader {
  readonly current: number;
  upgradeScheme(doc: unknown): UpgradeResult;
  upgradeCase(doc: unknown): UpgradeResult;
  /** The refusal of a document's `formatVersion` (newer than `current`, or not a positive integer), or []. */
  versionIssues(doc: unknown, kind: DocumentKind): Issue[];
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The version a document declares: 1 when it has none, else its `formatVersion` when that is a positive
 * integer; `undefined` when the field is present but not a positive integer.
 */
export function declaredFormatVersion(doc: unknown): number | undefined {
  if (!isObject(doc) || !(FORMAT_VERSION_FIELD in doc)) return 1;
  const v = doc[FORMAT_VERSION_FIELD];
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? v : undefined;
}

/** The value as the user wrote it, for a message: `0`, `"1"`, `1.5`, `null`. */
function shown(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/**
 * The machinery over the given migrations.
 * @throws Error when a migration's `from` is not an integer in 1…current−1, or two of one kind share a `from`
 *   (a programming error, caught by any test that imports the engine).
 */
export function createUpgrader(migrations: FormatMigrations): Upgrader {
  const { current } = migrations;
  if (!Number.isSafeInteger(current) || current < 1) throw new Error(`format version ${current} is not a positive integer`);
  const steps = (kind: DocumentKind): Map<number, Migration> => {
    const byFrom = new Map<number, Migration>();
    for (const mg of migrations[kind]) {
      if (!Number.isSafeInteger(mg.from) || mg.from < 1 || mg.from >= current) {
        throw new Error(`${kind} migration from format version ${mg.from} does not lead to a version up to ${current}`);
      }
      if (byFrom.has(mg.from)) throw new Error(`two ${kind} migrations from format version ${mg.from}`);
      byFrom.set(mg.from, mg);
    }
    return byFrom;
  };
  const byKind: Record<DocumentKind, Map<number, Migration>> = { scheme: steps('scheme'), case: steps('case') };

  const versionIssues = (doc: unknown, kind: DocumentKind): Issue[] => {
    const version = declaredFormatVersion(doc);
    if (version === undefined) {
      return [m.issue('format-version-invalid', { kind, value: shown((doc as JsonObject)[FORMAT_VERSION_FIELD]), current }, { path: FORMAT_VERSION_PATH })];
    }
    if (version > current) return [m.issue('format-version-newer', { kind, version, current }, { path: FORMAT_VERSION_PATH })];
    return [];
  };

  const upgrade = (doc: unknown, kind: DocumentKind): UpgradeResult => {
    const refused = versionIssues(doc, kind);
    if (refused.length) return { ok: false, issues: refused };
    const from = declaredFormatVersion(doc) ?? current;
    // not a JSON object (validation says what it should be), or nothing to do: the document as given
    if (!isObject(doc) || from === current) return { ok: true, doc, from, to: current, changed: false, applied: [] };
    let next: JsonObject = doc;
    const applied: AppliedMigration[] = [];
    for (let v = from; v < current; v++) {
      const step = byKind[kind].get(v);
      if (!step) continue;
      next = step.migrate(next);
      applied.push({ from: v, to: v + 1, change: { zh: step.change.zh, en: step.change.en } });
    }
    return { ok: true, doc: { ...next, [FORMAT_VERSION_FIELD]: current }, from, to: current, changed: true, applied };
  };

  return {
    current,
    upgradeScheme: (doc) => upgrade(doc, 'scheme'),
    upgradeCase: (doc) => upgrade(doc, 'case'),
    versionIssues,
  };
}

/**
 * The scheme migrations of the product, in order of `from`. Empty: format 1 is the only format so far.
 * Each entry: `{ from: k, change: { zh, en }, migrate }` with a doc comment saying what changed and why.
 */
export const SCHEME_MIGRATIONS: readonly Migration[] = [];

/** The case migrations of the product, in order of `from` (see `SCHEME_MIGRATIONS`). Empty today. */
export const CASE_MIGRATIONS: readonly Migration[] = [];

const PRODUCT = createUpgrader({ current: FORMAT_VERSION, scheme: SCHEME_MIGRATIONS, case: CASE_MIGRATIONS });

/**
 * Reads a scheme document as written in any format version this program knows: applies the migrations from
 * its `formatVersion` (none: 1) to `FORMAT_VERSION`. Call it on every scheme read, before `validateScheme` /
 * `compile`; show `upgradeNotice(result, 'scheme')` when it returns one. Never throws.
 * @returns the document at the current version, or `{ ok: false, issues }` with the one refusal
 *   (format-version-newer / format-version-invalid, at /formatVersion).
 */
export function upgradeScheme(doc: unknown): UpgradeResult {
  return PRODUCT.upgradeScheme(doc);
}

/** Reads a case document as written in any format version this program knows (see `upgradeScheme`). */
export function upgradeCase(doc: unknown): UpgradeResult {
  return PRODUCT.upgradeCase(doc);
}

/**
 * The refusal of a document's format version by this program, or []: what `validateScheme` and `validateCase`
 * return alone for a document of a newer or an invalid format version, instead of its schema errors.
 */
export function formatVersionIssues(doc: unknown, kind: DocumentKind): Issue[] {
  return PRODUCT.versionIssues(doc, kind);
}

/**
 * The note for the user after an upgrade that changed something (`format-upgraded`, a warning: 已按格式版本 N
 * 读取…), or undefined when the document was read as it is.
 */
export function upgradeNotice(r: UpgradeResult, kind: DocumentKind): Issue | undefined {
  if (!r.ok || !r.changed) return undefined;
  return m.issue('format-upgraded', { kind, from: r.from, to: r.to, changes: r.applied.map((a) => a.change.zh), changesEn: r.applied.map((a) => a.change.en) }, { path: FORMAT_VERSION_PATH });
}

/**
 * A copy of a document the product creates (a new case, a new year's draft, an Excel import) stamped with the
 * current `formatVersion`, placed after `$schema` (or first), so a later release knows which format wrote it.
 * Not for saving a document someone sent: that is stored as it was sent.
 */
export function withFormatVersion<T extends object>(doc: T): T & { formatVersion: number } {
  const out: JsonObject = {};
  const entries = Object.entries(doc).filter(([k]) => k !== FORMAT_VERSION_FIELD);
  const afterSchema = entries.length > 0 && entries[0]![0] === '$schema' ? 1 : 0;
  for (const [k, v] of entries.slice(0, afterSchema)) out[k] = v;
  out[FORMAT_VERSION_FIELD] = FORMAT_VERSION;
  for (const [k, v] of entries.slice(afterSchema)) out[k] = v;
  return out as T & { formatVersion: number };
}

export { formatVersionMessages } from './version-messages.ts';
