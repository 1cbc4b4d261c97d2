/**
 * Loading a scheme or a case from disk for a command: read the JSON (json-file.ts), then let the engine
 * judge it (`compile`, `validateCase`). Problems become a CliError with every issue listed.
 */
import { compile, countEn, validateCase, type CaseDoc, type CompiledScheme, type Issue } from '@jixiao/engine';
import { inputError, usageError } from './io.ts';
import { countText, errorsOf, issueLines } from './issues.ts';
import { readJsonFile, type JsonFile } from './json-file.ts';
import { caseNotScheme, looksLikeCase, looksLikeScheme, schemeNotCase } from './doc-kind.ts';
import { upgradeFile } from './upgrade.ts';

export interface LoadedScheme {
  file: JsonFile;
  compiled: CompiledScheme;
  /** Semantic warnings (the scheme is usable). */
  warnings: Issue[];
}

/**
 * Compiles an already-read scheme document, read through the format upgrade (upgrade.ts; its note, if any,
 * is the first warning).
 * @throws CliError exit 1 listing every issue when the scheme is invalid or of a format version it cannot read.
 */
export function compileSchemeFile(read: JsonFile): LoadedScheme {
  if (looksLikeCase(read.doc)) {
    const i = caseNotScheme(read.shown);
    throw inputError(issueLines([i]), { file: read.shown, issues: [i] });
  }
  // a scheme of an earlier format version is read through the migrations; a newer one is refused here
  const { file, notice } = upgradeFile(read, 'scheme');
  const r = compile(file.doc);
  if (!r.ok) {
    const n = countText(r.issues);
    throw inputError([`方案 ${file.shown} 无效：${n.zh}（invalid scheme ${file.shown}: ${n.en}）`, ...issueLines(r.issues, file.doc)], { file: file.shown, issues: r.issues });
  }
  return { file, compiled: r.compiled, warnings: [...notice, ...r.warnings] };
}

/** Reads and compiles a scheme file. @throws CliError (2: no such file; 1: malformed or invalid). */
export function loadScheme(path: string, cwd: string): LoadedScheme {
  return compileSchemeFile(readJsonFile(path, cwd, '方案文件'));
}

/** A case document read from disk, with the case-format issues that do not stop scoring. */
export interface LoadedCase {
  file: JsonFile;
  doc: CaseDoc;
  /** Case-format problems outside facts/reviewer (e.g. a missing `name`), reported as warnings. */
  warnings: Issue[];
}

/** Whether a case-format issue concerns what scoring reads (facts, reviewer entries). */
function blocksScoring(i: Issue): boolean {
  return i.path.startsWith('/facts') || i.path.startsWith('/reviewer');
}

/**
 * Checks a case document with the engine's `validateCase`, after the format upgrade (upgrade.ts: a newer
 * format version is fatal; the note of an upgrade is a warning).
 * @param strict when true (audit, batch) every error is fatal, since the case must also name its scheme;
 *   when false (score, explain) only errors in facts/reviewer are fatal, the rest become warnings, with the
 *   format's own warnings (`case-no-department`). Warnings never block.
 * @param scheme the scheme the case is scored under, when known: reviewer entries and facts are then named by
 *   the scheme's names beside their keys (评审录入“工作实绩”（outcomes）…).
 * @throws CliError exit 1 listing the fatal issues.
 */
export function checkCase(read: JsonFile, strict: boolean, scheme?: unknown): LoadedCase {
  if (!read.doc || typeof read.doc !== 'object' || Array.isArray(read.doc)) {
    throw inputError([`错误 [case-type] 案例文件 ${read.shown} 应为 JSON 对象（含 facts）`, `    case file ${read.shown} must be a JSON object with "facts"`]);
  }
  if (looksLikeScheme(read.doc)) {
    const i = schemeNotCase(read.shown);
    throw inputError(issueLines([i]), { file: read.shown, issues: [i] });
  }
  // a case of an earlier format version is read through the migrations; a newer one is refused here
  const { file, notice } = upgradeFile(read, 'case');
  const all = [...notice, ...validateCase(file.doc, scheme)];
  // the format's own warnings (a case without a department) never block; its errors do, as said above
  const issues = all.filter((i) => i.severity === 'error');
  const fatal = strict ? issues : issues.filter(blocksScoring);
  if (fatal.length) {
    throw inputError([`案例 ${file.shown} 格式有误：${fatal.length} 个错误（invalid case ${file.shown}: ${countEn(fatal.length, 'error')}）`, ...issueLines(fatal)], { file: file.shown, issues: fatal });
  }
  const warnings = strict ? [] : [...issues.filter((i) => !blocksScoring(i)).map((i) => ({ ...i, severity: 'warning' as const })), ...all.filter((i) => i.severity !== 'error')];
  return { file, doc: file.doc as CaseDoc, warnings };
}

/**
 * Reads a case file for `score`/`explain`/`report` (lenient: only facts and reviewer entries must be
 * well-formed); `scheme` (the one it is scored under) names its reviewer entries and facts in messages.
 * @throws CliError as `readJsonFile` (exit 2 for an Excel workbook, with the `jixiao import` command) and `checkCase`.
 */
export function loadFactsCase(path: string, cwd: string, scheme?: unknown): LoadedCase {
  const expects = { zh: '--facts 须为 JSON 案例文件', en: '--facts takes a JSON case file' };
  return checkCase(readJsonFile(path, cwd, '事实文件', { expects }), false, scheme);
}

/**
 * Refuses a case made for another scheme than the one given (`kase.doc.scheme.id` ≠ the scheme's id: a
 * project case scored with the department scheme would only say that every fact is missing). A case of
 * the same scheme in another year is scored (a year's case under another year's rules), with a warning
 * written by the caller. `verb` names the command's work in Chinese (计分, 出表) and English (scored, reported).
 * @throws CliError exit 2 (usage) naming both schemes.
 */
export function refuseOtherScheme(kase: LoadedCase, scheme: LoadedScheme, verb: { zh: string; en: string }): void {
  const ref = kase.doc.scheme;
  const s = scheme.compiled.scheme;
  if (!ref || ref.id === s.id) return;
  throw usageError(
    `案例 ${kase.file.shown} 属于方案 ${ref.id}（${ref.year}年），不能按方案 ${s.id}（${s.year}年）${verb.zh}；请用 --scheme 给出该案例的方案文件`,
    `case ${kase.file.shown} is for scheme ${ref.id} ${ref.year}, it cannot be ${verb.en} with scheme ${s.id} ${s.year}; give its scheme with --scheme`,
  );
}

export { errorsOf };
