/**
 * Reads a JSON file for the command line: a missing file is a usage error (exit 2), malformed JSON is
 * invalid input (exit 1) with the file, line and column, in Chinese with the English beside — never a
 * stack trace. jsonc-parser (strict mode: no comments, no trailing commas) locates the error.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { inputError, usageError } from './io.ts';

/** Chinese for jsonc-parser's error codes. */
const ZH: Record<string, string> = {
  InvalidSymbol: '无法识别的符号',
  InvalidNumberFormat: '数字格式错误',
  PropertyNameExpected: '此处应为带双引号的属性名（或多了一个逗号）',
  ValueExpected: '此处应为一个值（或多了一个逗号）',
  ColonExpected: '此处应为冒号 :',
  CommaExpected: '此处应为逗号 ,',
  CloseBraceExpected: '缺少右花括号 }',
  CloseBracketExpected: '缺少右方括号 ]',
  EndOfFileExpected: '此处应为文件结尾',
  InvalidCommentToken: 'JSON 不允许注释',
  UnexpectedEndOfComment: '注释未结束',
  UnexpectedEndOfString: '字符串未结束（缺少右引号，或字符串中有换行）',
  UnexpectedEndOfNumber: '数字未结束',
  InvalidUnicode: 'Unicode 转义无效',
  InvalidEscapeCharacter: '转义字符无效',
  InvalidCharacter: '字符串中有不允许的控制字符',
};

/** A file read from disk, with the path as the user wrote it (for messages) and absolute. */
export interface JsonFile {
  doc: unknown;
  /** Absolute path. */
  path: string;
  /** Path relative to the working directory, for messages and reports. */
  shown: string;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** Path as shown in messages: relative to `cwd` when below it, else absolute. */
export function showPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

/**
 * Parses JSON text; on failure returns the Chinese/English message lines naming `shown` with line and
 * column. A UTF-8 byte-order mark (files saved by Excel/Notepad) is ignored.
 */
export function parseJsonText(text: string, shown: string): { ok: true; doc: unknown } | { ok: false; lines: string[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, doc: JSON.parse(body) };
  } catch (e) {
    const v8 = e instanceof Error ? e.message : String(e);
    const errors: ParseError[] = [];
    parseJsonc(body, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    const first = errors[0];
    const posMatch = /position (\d+)/.exec(v8);
    const offset = first ? first.offset : posMatch ? Number(posMatch[1]) : null;
    const where = offset === null ? '' : (({ line, column }) => `第 ${line} 行第 ${column} 列`)(lineColumn(body, offset));
    const whereEn = offset === null ? '' : (({ line, column }) => ` at line ${line}, column ${column}`)(lineColumn(body, offset));
    const code = first ? printParseErrorCode(first.error) : '';
    const zh = ZH[code] ?? '不是有效的 JSON';
    return {
      ok: false,
      lines: [`错误 [json-syntax] 文件 ${shown} 不是有效的 JSON：${where ? `${where}，` : ''}${zh}`, `    ${shown}: invalid JSON${whereEn}: ${code || v8}`],
    };
  }
}

/**
 * Reads and parses `file` (relative to `cwd`).
 * @throws CliError exit 2 when the file does not exist or is a folder; exit 1 when the JSON is malformed.
 */
export function readJsonFile(file: string, cwd: string, what = '文件'): JsonFile {
  const path = resolve(cwd, file);
  const shown = showPath(path, cwd);
  let isFile = false;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw usageError(`找不到${what} ${file}`, `file not found: ${file}`);
  }
  if (!isFile) throw usageError(`${what} ${file} 不是文件`, `not a file: ${file}`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw inputError([`错误 [read] 无法读取${what} ${shown}（cannot read ${shown}: ${e instanceof Error ? e.message : String(e)}）`]);
  }
  const parsed = parseJsonText(text, shown);
  if (!parsed.ok) throw inputError(parsed.lines);
  return { doc: parsed.doc, path, shown };
}
