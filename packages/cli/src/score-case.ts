/**
 * Scoring one case with the engine, and the per-case work `audit` and `batch` share: read the case,
 * find its scheme, evaluate, audit against the reported scores. Failures are data, never thrown out of
 * `scoreCaseFile`, so one bad case never stops a folder.
 */
import { auditCase, countEn, evaluate, type AuditReport, type ScoreSheet } from '@jixiao/engine';
import { CliError, inputError } from './io.ts';
import { issueLines } from './issues.ts';
import { readJsonFile, showPath } from './json-file.ts';
import { checkCase, type LoadedCase, type LoadedScheme } from './load.ts';
import type { SchemeFinder } from './find-scheme.ts';

/**
 * Evaluates a case under a scheme.
 * @throws CliError exit 1 listing every issue (missing facts, wrong types, zero denominators…).
 */
export function scoreSheet(scheme: LoadedScheme, kase: LoadedCase): ScoreSheet {
  const r = evaluate(scheme.compiled, kase.doc);
  if (!r.ok) {
    throw inputError(
      [
        `案例 ${kase.file.shown} 无法按方案 ${scheme.file.shown} 计分：${r.issues.length} 个问题（cannot score ${kase.file.shown}: ${countEn(r.issues.length, 'issue')}）`,
        ...issueLines(r.issues),
      ],
      { file: kase.file.shown, issues: r.issues },
    );
  }
  return r.sheet;
}

/** A case scored and audited. */
export interface ScoredCase {
  ok: true;
  /** Case file, relative to the working directory. */
  file: string;
  kase: LoadedCase;
  scheme: LoadedScheme;
  sheet: ScoreSheet;
  audit: AuditReport;
}

/** One problem of a failed case: the file at fault (the case, or its scheme), JSON path and message. */
export interface Failure {
  file: string;
  path: string;
  code: string;
  message: string;
  messageEn: string;
}

/** A case that could not be scored. */
export interface FailedCase {
  ok: false;
  /** Case file, relative to the working directory. */
  file: string;
  /** Scheme id the case names, when it got that far. */
  schemeId: string | null;
  /** Terminal lines (Chinese, English beside). */
  lines: string[];
  /** Each problem with its file and JSON path. */
  failures: Failure[];
}

export type CaseOutcome = ScoredCase | FailedCase;

/** A command-line failure as report rows: its issues when it carries them, else its lines as one row. */
export function failuresOf(e: CliError, file: string): Failure[] {
  if (e.detail) {
    const at = e.detail.file;
    return e.detail.issues.map((i) => ({ file: at, path: i.path, code: i.code, message: i.message, messageEn: i.messageEn }));
  }
  const zh = e.lines.filter((l) => !l.startsWith('    ')).join('；');
  const en = e.lines.filter((l) => l.startsWith('    ')).map((l) => l.trim()).join('; ');
  return [{ file, path: '', code: 'case-failed', message: zh, messageEn: en }];
}

/** Checks, scores and audits a case document already read (lets `audit`/`batch` skip schemes in a folder). */
export function scoreCaseDoc(absFile: string, cwd: string, finder: SchemeFinder, fixed?: LoadedScheme, doc?: unknown): CaseOutcome {
  const file = showPath(absFile, cwd);
  let schemeId: string | null = null;
  try {
    const read = doc === undefined ? readJsonFile(absFile, cwd, '案例文件') : { doc, path: absFile, shown: file };
    const kase = checkCase(read, true, fixed?.compiled.scheme);
    schemeId = kase.doc.scheme.id;
    const scheme = fixed ?? finder.forCase(absFile, kase.doc.scheme);
    const sheet = scoreSheet(scheme, kase);
    return { ok: true, file, kase, scheme, sheet, audit: auditCase(sheet, kase.doc) };
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return { ok: false, file, schemeId, lines: e.lines, failures: failuresOf(e, file) };
  }
}
