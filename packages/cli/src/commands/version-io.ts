/**
 * Shared by the version commands (new-year, diff, simulate, publish, history, restore): reading a
 * scheme document that must at least have the format's shape, printing the store's refusals, and the
 * publication check of an input file.
 */
import { checkPublication, countEn, validateScheme, type Issue, type Scheme } from '@jixiao/engine';
import type { StoreRefusal } from '@jixiao/store';
import { CliError, EXIT, inputError, usageError, type Io } from '../io.ts';
import { issueLines } from '../issues.ts';
import { readJsonFile, type JsonFile } from '../json-file.ts';
import { upgradeFile } from '../upgrade.ts';

/** A scheme read for comparison or copying: well-formed per the JSON Schema (semantic errors allowed). */
export interface SchemeFile {
  file: JsonFile;
  doc: Scheme;
  /** Semantic problems (a draft may still have them). */
  issues: Issue[];
}

const isFormatIssue = (i: Issue) => i.severity === 'error' && (i.code.startsWith('schema-') || i.code === 'unknown-rule-kind');

/**
 * Reads a scheme file that must satisfy the JSON Schema (so it can be compared or copied), through the format
 * upgrade; semantic errors (and the upgrade's note) are returned, not thrown.
 * @throws CliError 2 (no such file), 1 (malformed JSON, a format version it cannot read, not in the scheme format).
 */
export function readSchemeDoc(path: string, cwd: string): SchemeFile {
  // read through the format's migrations (a newer format version is refused by upgradeFile)
  const { file, notice } = upgradeFile(readJsonFile(path, cwd, '方案文件'), 'scheme');
  const issues = [...notice, ...validateScheme(file.doc)];
  const format = issues.filter(isFormatIssue);
  if (format.length) {
    throw inputError([`方案 ${file.shown} 不符合方案格式：${format.length} 个错误（${file.shown} is not a scheme document: ${countEn(format.length, 'error')}）`, ...issueLines(format)], { file: file.shown, issues: format });
  }
  return { file, doc: file.doc as Scheme, issues };
}

/** Prints the publication check of an input file (a published file changed after publication) to stderr. */
export function warnPublication(f: SchemeFile, io: Io): void {
  const issues = checkPublication(f.doc).filter((i) => i.code !== 'published-without-hash' && i.code !== 'published-without-time');
  if (issues.length) io.err(`${f.file.shown}：\n${issueLines(issues).join('\n')}\n`);
}

/** The CliError for a store refusal: missing file → 2, everything else → 1, with the issues listed. */
export function refusal(r: StoreRefusal, shown: string): CliError {
  if (r.kind === 'not-found') return usageError(`${shown}：${r.message}`, `${shown}: ${r.messageEn}`);
  const issues = 'issues' in r ? r.issues : [];
  return new CliError(EXIT.invalid, [`错误 [${r.kind}] ${shown}：${r.message}`, `    ${shown}: ${r.messageEn}`, ...issueLines(issues)], { file: shown, issues });
}

/** "2024年 版本1 已发布" — how a version is named in headings. */
export function versionName(s: Scheme): string {
  return `${s.id} ${s.year}年 版本${s.version} ${s.status === 'published' ? '已发布' : '草稿'}`;
}
