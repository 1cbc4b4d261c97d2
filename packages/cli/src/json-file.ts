/**
 * Reads a JSON file for the command line with the one JSON reader of `@jixiao/store` (byte-order mark,
 * UTF-16 and other encodings, size limit, syntax errors with line and column), then the number checks the
 * server applies to a request body (`checkDocumentText`: `1e400` is refused as `doc-number-overflow`, a
 * literal a double would round as `doc-number-inexact`, nesting deeper than the store keeps as
 * `doc-too-deep`), so a file reads the same in the CLI as when it is sent to the server. An Excel workbook
 * is named as such, with the `jixiao import` command that reads it (a workbook is a zip: its bytes are not
 * UTF-8 and would otherwise be called "not UTF-8, maybe GBK").
 * A missing file or a workbook is a usage error (exit 2); a file that cannot be used as JSON is invalid
 * input (exit 1) naming the file and what to do, in Chinese with the English beside — never a stack trace.
 * Every command that reads a JSON document reads it through `readJsonFile`.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { checkDocumentText, readJsonFileSync } from '@jixiao/store';
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

/** Whether the file at `path` is an Excel workbook: named .xlsx/.xlsm/.xls, or a zip (an .xlsx is one) whatever its name. */
export function isWorkbook(path: string): boolean {
  if (['.xlsx', '.xlsm', '.xls'].includes(extname(path).toLowerCase())) return true;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false; // missing or unreadable: the reader says so
  }
  try {
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    // "PK\x03\x04": a zip archive's first local header
    return head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } catch {
    return false; // a folder: the reader says so
  } finally {
    closeSync(fd);
  }
}

/** Options of `readJsonFile`. */
export interface ReadJsonOptions {
  /**
   * What the command expected instead of a workbook, in Chinese and English (default: “<what>须为 JSON 文件”),
   * e.g. `--facts 须为 JSON 案例文件`.
   */
  expects?: { zh: string; en: string };
}

/**
 * Reads and parses `file` (relative to `cwd`); `what` names the file's role in messages (方案文件、案例文件…).
 * @throws CliError exit 2 when the file does not exist, is a folder or is an Excel workbook (with the
 *   `jixiao import` command that reads one); exit 1 when it is too large, not UTF-8, not valid JSON, or holds
 *   a number that cannot be kept exactly (the issues carried as the error's detail, for batch reports).
 */
export function readJsonFile(file: string, cwd: string, what = '文件', opts: ReadJsonOptions = {}): JsonFile {
  const path = resolve(cwd, file);
  const shown = showPath(path, cwd);
  if (isWorkbook(path)) {
    const expects = opts.expects ?? { zh: `${what}须为 JSON 文件`, en: `a JSON file is expected here` };
    throw usageError(
      `${file} 是 Excel 工作簿，${expects.zh}；填好的 Excel 填报模板请先用 jixiao import 读成案例文件：jixiao import --scheme <方案文件> ${file} --out <案例.json>`,
      `${file} is an Excel workbook; ${expects.en}: read the workbook with "jixiao import --scheme <scheme file> ${file} --out <case.json>" first`,
    );
  }
  const r = readJsonFileSync(path, { shown });
  if (r.ok) {
    // the server's checks of a body (numbers kept exactly, depth), so `1e400` is not read as Infinity/null here
    const checked = checkDocumentText(r.text, { requireObject: false });
    if (!checked.ok) {
      const lines = [`文件 ${shown} 不能使用（${shown} cannot be used）：`, ...issueLines(checked.issues)];
      throw inputError(lines, { file: shown, issues: checked.issues });
    }
    return { doc: r.doc, path, shown };
  }
  if (r.problem === 'not-found') throw usageError(`找不到${what} ${file}`, `file not found: ${file}`);
  if (r.problem === 'not-a-file') throw usageError(`${what} ${file} 不是文件`, `not a file: ${file}`);
  throw inputError(issueLines([r.issue]), { file: shown, issues: [r.issue] });
}
