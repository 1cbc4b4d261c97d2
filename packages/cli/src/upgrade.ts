/**
 * Every document the command line reads goes through the engine's format upgrade (`upgradeScheme` /
 * `upgradeCase`, format/version.ts) before it is validated: a document of an earlier format version is read
 * through the migrations (and a note says so: 已按格式版本 N 读取), one of a newer or an invalid version is
 * refused with its one message, exit 1 like any other invalid input.
 */
import { upgradeCase, upgradeNotice, upgradeScheme, type DocumentKind, type Issue } from '@jixiao/engine';
import { inputError } from './io.ts';
import { issueLines } from './issues.ts';
import type { JsonFile } from './json-file.ts';

/** A file whose document is at the current format version, and the note of the upgrade when one was made. */
export interface UpgradedFile {
  file: JsonFile;
  /** `format-upgraded` (a warning) when the document was written in an earlier format; else empty. */
  notice: Issue[];
}

const WHAT = { scheme: { zh: '方案', en: 'scheme' }, case: { zh: '案例', en: 'case' } } as const;

/**
 * `doc` (read from `shown`: a file, or a scheme in the database) upgraded to the current format version, and
 * the note of the upgrade when one was made.
 * @throws CliError exit 1 naming `shown`, with the refusal (format-version-newer / format-version-invalid).
 */
export function upgradeDoc(doc: unknown, kind: DocumentKind, shown: string): { doc: unknown; notice: Issue[] } {
  const r = kind === 'scheme' ? upgradeScheme(doc) : upgradeCase(doc);
  if (!r.ok) {
    const w = WHAT[kind];
    throw inputError([`${w.zh} ${shown} 无法读取（cannot read ${w.en} ${shown}）：`, ...issueLines(r.issues)], { file: shown, issues: r.issues });
  }
  const notice = upgradeNotice(r, kind);
  return { doc: r.doc, notice: notice ? [notice] : [] };
}

/** `file` with its document upgraded to the current format version (see `upgradeDoc`). @throws CliError exit 1 */
export function upgradeFile(file: JsonFile, kind: DocumentKind): UpgradedFile {
  const { doc, notice } = upgradeDoc(file.doc, kind, file.shown);
  return { file: doc === file.doc ? file : { ...file, doc }, notice };
}
