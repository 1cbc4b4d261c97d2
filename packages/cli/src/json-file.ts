/**
 * Reads a JSON file for the command line with the one JSON reader of `@jixiao/store` (byte-order mark,
 * UTF-16 and other encodings, size limit, syntax errors with line and column): a missing file is a usage
 * error (exit 2); a file that cannot be used as JSON is invalid input (exit 1) naming the file and what to
 * do, in Chinese with the English beside — never a stack trace.
 */
import { relative, resolve } from 'node:path';
import { readJsonFileSync } from '@jixiao/store';
import { inputError, usageError } from './io.ts';
import { issueLines } from './issues.ts';

/** A file read from disk, with the path as the user wrote it (for messages) and absolute. */
export interface JsonFile {
  doc: unknown;
  /** Absolute path. */
  path: string;
  /** Path relative to the working directory, for messages and reports. */
  shown: string;
}

/** Path as shown in messages: relative to `cwd` when below it, else absolute. */
export function showPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

/**
 * Reads and parses `file` (relative to `cwd`); `what` names the file's role in usage errors (方案文件…).
 * @throws CliError exit 2 when the file does not exist or is a folder; exit 1 when it is too large, not
 *   UTF-8 or not valid JSON (the issue carried as the error's detail, for batch reports).
 */
export function readJsonFile(file: string, cwd: string, what = '文件'): JsonFile {
  const path = resolve(cwd, file);
  const shown = showPath(path, cwd);
  const r = readJsonFileSync(path, { shown });
  if (r.ok) return { doc: r.doc, path, shown };
  if (r.problem === 'not-found') throw usageError(`找不到${what} ${file}`, `file not found: ${file}`);
  if (r.problem === 'not-a-file') throw usageError(`${what} ${file} 不是文件`, `not a file: ${file}`);
  throw inputError(issueLines([r.issue]), { file: shown, issues: [r.issue] });
}
