/**
 * The one reader of JSON files (方案、案例、配置) for the CLI, the store and the local server, so a file
 * reads the same everywhere: a scheme saved by Notepad validates in the CLI and opens in the editor alike.
 *
 * - a UTF-8 byte-order mark (Notepad's "UTF-8 with BOM", Excel) is ignored;
 * - a UTF-16 file (Notepad's "Unicode"; BOM FF FE / FE FF, or the zero bytes of UTF-16 text without one)
 *   and a file that is not UTF-8 at all (GBK/ANSI) are refused with what to do: save it as UTF-8;
 * - a file over `maxBytes` (default `MAX_JSON_FILE_BYTES`) is refused before it is read;
 * - a JSON syntax error names the line and column (from 1), in Chinese with the English beside.
 *   `JSON.parse` decides validity; jsonc-parser (strict: no comments, no trailing commas) only locates
 *   and names the error;
 * - a member name written twice in one object (`{"points": 5, "points": 6}`) is refused (`json-duplicate-key`,
 *   naming the JSON Pointer of the repeated member, its line and column): `JSON.parse` would silently keep the
 *   last one, so the document would mean something else than one of the two lines the user reads.
 *
 * Every refusal is an `Issue` from the message catalogue (codes below), never a thrown stack trace; the
 * caller decides what a missing file means (a usage error for the CLI, 404 for the server, "no history").
 * This module reads only: writing (atomic replace, history) is the file store's (`save.ts`).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
// the one duplicate-member finder, shared with the editor (browser-safe)
import { findDuplicateKey, type DuplicateKey } from '@jixiao/engine/duplicate-keys';
// the light entry of the catalogue: reading a file (or opening the database store) does not load the whole engine
import { defineMessages } from '@jixiao/engine/catalogue';
import type { Issue } from '@jixiao/engine';
import { etagOf } from './etag.ts';

/** Largest JSON file read by default: 4 MiB (a scheme is about 100 KB, a case a few KB; the server accepts bodies up to the same size). */
export const MAX_JSON_FILE_BYTES = 4 * 1024 * 1024;

/** Chinese for jsonc-parser's error codes (`printParseErrorCode`). */
const SYNTAX_ZH: Record<string, string> = {
  InvalidSymbol: '无法识别的符号（属性名和文字须用英文双引号括起）',
  InvalidNumberFormat: '数字格式错误',
  PropertyNameExpected: '此处应为带双引号的属性名（或多了一个逗号）',
  ValueExpected: '此处应为一个值（或多了一个逗号）',
  ColonExpected: '此处应为冒号 :',
  CommaExpected: '此处应为逗号 ,',
  CloseBraceExpected: '缺少右花括号 }',
  CloseBracketExpected: '缺少右方括号 ]',
  EndOfFileExpected: '此处应为文件结尾（文档结束后还有多余内容）',
  InvalidCommentToken: 'JSON 不允许注释',
  UnexpectedEndOfComment: '注释未结束',
  UnexpectedEndOfString: '字符串未结束（缺少右引号，或字符串中有换行）',
  UnexpectedEndOfNumber: '数字未结束',
  InvalidUnicode: 'Unicode 转义无效',
  InvalidEscapeCharacter: '转义字符无效',
  InvalidCharacter: '字符串中有不允许的控制字符',
};

/** What a jsonc-parser error code (`printParseErrorCode`) means, in Chinese. */
export function syntaxReasonZh(reason: string): string {
  return SYNTAX_ZH[reason] ?? '此处有语法错误';
}

/** Chinese for the operating system's reasons a file cannot be read. */
const OS_ZH: Record<string, string> = {
  EACCES: '没有读取权限',
  EPERM: '没有读取权限',
  EISDIR: '这是一个文件夹',
  EMFILE: '打开的文件过多',
  EIO: '磁盘读取出错',
};

/** "4.0 MB" from a byte count, by integer arithmetic (one decimal, rounded down). */
function megabytes(bytes: number): string {
  const MiB = 1024 * 1024;
  return `${Math.floor(bytes / MiB)}.${Math.floor(((bytes % MiB) * 10) / MiB)} MB`;
}

const m = defineMessages({
  'file-not-found': {
    zh: (p: { file: string }) => `找不到文件 ${p.file}`,
    en: (p: { file: string }) => `file not found: ${p.file}`,
  },
  'file-not-a-file': {
    zh: (p: { file: string }) => `${p.file} 不是文件（是文件夹或设备）`,
    en: (p: { file: string }) => `not a file: ${p.file}`,
  },
  'file-unreadable': {
    zh: (p: { file: string; reason: string }) => `无法读取文件 ${p.file}：${OS_ZH[p.reason] ?? `读取失败（${p.reason}）`}`,
    en: (p: { file: string; reason: string }) => `cannot read ${p.file}: ${p.reason}`,
  },
  'file-too-large': {
    zh: (p: { file: string; bytes: number; limit: number }) =>
      `文件 ${p.file} 过大（${megabytes(p.bytes)}，上限 ${megabytes(p.limit)}），未读取；方案或案例文件通常不到 1 MB，请确认选对了文件`,
    en: (p: { file: string; bytes: number; limit: number }) => `${p.file} is too large (${p.bytes} bytes; the limit is ${p.limit})`,
  },
  'file-utf16': {
    zh: (p: { file: string; endian: 'LE' | 'BE' }) => `文件 ${p.file} 是 UTF-16 编码（${p.endian}），请另存为 UTF-8（记事本：“另存为”→“编码”选 UTF-8）`,
    en: (p: { file: string; endian: 'LE' | 'BE' }) => `${p.file} is encoded as UTF-16 ${p.endian}; save it as UTF-8`,
  },
  'file-not-utf8': {
    zh: (p: { file: string; line: number }) => `文件 ${p.file} 不是 UTF-8 编码（第 ${p.line} 行有无法识别的字节，可能是 GBK/ANSI 编码），请另存为 UTF-8`,
    en: (p: { file: string; line: number }) => `${p.file} is not UTF-8 (undecodable bytes on line ${p.line}; GBK/ANSI?); save it as UTF-8`,
  },
  'json-duplicate-key': {
    zh: (p: { file: string; line: number; column: number; field: string; key: string }) =>
      `文件 ${p.file} 中${dupWhere(p.field)}的属性名“${p.key}”重复出现（第 ${p.line} 行第 ${p.column} 列，JSON 路径 ${p.field}）；读取时只会保留后一个，已拒绝，请删去或改名其中一个`,
    en: (p: { file: string; line: number; column: number; field: string; key: string }) =>
      `${p.file}: duplicate member name "${p.key}" at ${p.field} (line ${p.line}, column ${p.column}); only the last would be kept, so the file is refused`,
  },
  'json-syntax': {
    zh: (p: { file: string; line: number; column: number; reason: string }) =>
      `文件 ${p.file} 不是有效的 JSON：第 ${p.line} 行第 ${p.column} 列，${SYNTAX_ZH[p.reason] ?? '此处有语法错误'}`,
    en: (p: { file: string; line: number; column: number; reason: string }) => `${p.file}: invalid JSON at line ${p.line}, column ${p.column}: ${p.reason}`,
  },
});

/** The messages of this module (for tests). */
export const jsonFileMessages = m;

/** Why a file could not be used. */
export type JsonFileProblem = 'not-found' | 'not-a-file' | 'unreadable' | 'too-large' | 'utf16' | 'not-utf8' | 'syntax';

/** A file read and parsed. */
export interface JsonFileOk {
  ok: true;
  doc: unknown;
  /** The file's text as decoded (a UTF-8 byte-order mark kept, so it is the file exactly). */
  text: string;
  /** Version tag of the file's exact bytes (`etagOf`). */
  etag: string;
}

/** A file that could not be used: `issue` says why (Chinese and English) and what to do. */
export interface JsonFileFailure {
  ok: false;
  problem: JsonFileProblem;
  issue: Issue;
  /**
   * The file's text when its bytes were read (encoding and syntax problems): UTF-16 decoded as such,
   * other bytes as UTF-8 with replacement characters — for keeping a copy, never for parsing.
   */
  text?: string;
  /** Version tag of the file's bytes, when they were read. */
  etag?: string;
}

export type JsonFileRead = JsonFileOk | JsonFileFailure;
/** What a reader gives for a file that exists. */
export type PresentJsonFile = JsonFileOk | (JsonFileFailure & { problem: Exclude<JsonFileProblem, 'not-found'> });

export interface JsonReadOptions {
  /** The file as named in messages (default: the path as given), e.g. relative to the working folder. */
  shown?: string;
  /** Largest file read, in bytes (default `MAX_JSON_FILE_BYTES`; `Infinity` for files the store itself wrote). */
  maxBytes?: number;
}

/** Thrown by `orThrow`: a JSON file that a caller cannot do without, with its issue. */
export class JsonFileError extends Error {
  constructor(readonly failure: JsonFileFailure) {
    super(`${failure.issue.message}（${failure.issue.messageEn}）`);
    this.name = 'JsonFileError';
  }
}

/** Where a repeated member is, in Chinese: “对象 /indicators/0 中” or “文档根对象中”. */
function dupWhere(field: string): string {
  const parent = field.slice(0, field.lastIndexOf('/'));
  return parent === '' ? '文档根对象' : `对象 ${parent} `;
}

/** 1-based line and column of a character offset in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/**
 * Parses JSON text (a leading UTF-8 byte-order mark is ignored). On failure, the `json-syntax` issue
 * names `shown`, the line and column of the first error (jsonc-parser's place, else the offset in
 * `JSON.parse`'s message) and what is wrong there; a member name repeated in one object is refused as
 * `json-duplicate-key` (with `duplicate`: its JSON Pointer, name and offset).
 */
export function parseJsonText(text: string, shown: string): { ok: true; doc: unknown } | { ok: false; issue: Issue; line: number; column: number; duplicate?: DuplicateKey } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: unknown;
  try {
    doc = JSON.parse(body) as unknown;
  } catch (e) {
    const errors: ParseError[] = [];
    try {
      parseJsonc(body, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
    } catch {
      // jsonc-parser recurses: text nested thousands deep overflows its stack; V8's position is used instead
      errors.length = 0;
    }
    const first = errors[0];
    const v8 = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(v8);
    const offset = first ? first.offset : at ? Number(at[1]) : body.length;
    const { line, column } = lineColumn(body, offset);
    const reason = first ? printParseErrorCode(first.error) : v8;
    return { ok: false, issue: m.issue('json-syntax', { file: shown, line, column, reason }), line, column };
  }
  const duplicate = findDuplicateKey(body);
  if (duplicate) {
    const { line, column } = lineColumn(body, duplicate.offset);
    return { ok: false, issue: m.issue('json-duplicate-key', { file: shown, line, column, field: duplicate.field, key: duplicate.key }, { path: duplicate.field }), line, column, duplicate };
  }
  return { ok: true, doc };
}

/** UTF-16 by its byte-order mark, or by the zero bytes of ASCII text (`{` is 7B 00 / 00 7B) without one. */
function utf16Of(b: Uint8Array): 'LE' | 'BE' | null {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'LE';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'BE';
  if (b.length >= 2 && b[0] !== 0 && b[1] === 0) return 'LE';
  if (b.length >= 2 && b[0] === 0 && b[1] !== 0) return 'BE';
  return null;
}

/** Text of UTF-16 bytes (for a copy only); TextDecoder knows little-endian, so big-endian pairs are swapped first. */
function utf16Text(b: Uint8Array, endian: 'LE' | 'BE'): string {
  const le = endian === 'LE' ? b : Uint8Array.from(b, (_, i) => b[i % 2 === 0 ? i + 1 : i - 1] ?? 0);
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(le);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Line (from 1) of the first byte that is not valid UTF-8 (a line feed is never part of a multi-byte character, so lines are checked one by one). */
function badUtf8Line(b: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= b.length; i++) {
    if (i < b.length && b[i] !== 0x0a) continue;
    if (!isUtf8(b.subarray(start, i))) return line;
    line++;
    start = i + 1;
  }
  return line;
}

/**
 * Decodes and parses the bytes of a JSON file: the encoding checks and the syntax check of this module,
 * without touching the disk. `shown` names the file in messages.
 */
export function decodeJsonBytes(bytes: Uint8Array, shown: string): PresentJsonFile {
  const etag = etagOf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const endian = utf16Of(bytes);
  if (endian) return { ok: false, problem: 'utf16', issue: m.issue('file-utf16', { file: shown, endian }), text: utf16Text(bytes, endian), etag };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, problem: 'not-utf8', issue: m.issue('file-not-utf8', { file: shown, line: badUtf8Line(bytes) }), text: new TextDecoder().decode(bytes), etag };
  }
  const parsed = parseJsonText(text, shown);
  if (!parsed.ok) return { ok: false, problem: 'syntax', issue: parsed.issue, text, etag };
  return { ok: true, doc: parsed.doc, text, etag };
}

function osFailure(e: unknown, shown: string): JsonFileFailure {
  const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: 'not-found', issue: m.issue('file-not-found', { file: shown }) };
  if (code === 'EISDIR') return { ok: false, problem: 'not-a-file', issue: m.issue('file-not-a-file', { file: shown }) };
  return { ok: false, problem: 'unreadable', issue: m.issue('file-unreadable', { file: shown, reason: code }) };
}

/** The size check before reading: a folder or device, or a file over the limit, is refused. */
function refusal(stat: { isFile(): boolean; size: number }, shown: string, maxBytes: number): JsonFileFailure | null {
  if (!stat.isFile()) return { ok: false, problem: 'not-a-file', issue: m.issue('file-not-a-file', { file: shown }) };
  if (stat.size > maxBytes) return { ok: false, problem: 'too-large', issue: m.issue('file-too-large', { file: shown, bytes: stat.size, limit: maxBytes }) };
  return null;
}

/** Reads and parses the JSON file at `path` (see the module comment for what is checked). Never throws. */
export async function readJsonFile(path: string, opts: JsonReadOptions = {}): Promise<JsonFileRead> {
  const shown = opts.shown ?? path;
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    return osFailure(e, shown);
  }
  try {
    const refused = refusal(await fh.stat(), shown, opts.maxBytes ?? MAX_JSON_FILE_BYTES);
    if (refused) return refused;
    return decodeJsonBytes(await fh.readFile(), shown);
  } catch (e) {
    return osFailure(e, shown);
  } finally {
    await fh.close();
  }
}

/** `readJsonFile` for synchronous callers (the command line). Never throws. */
export function readJsonFileSync(path: string, opts: JsonReadOptions = {}): JsonFileRead {
  const shown = opts.shown ?? path;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return osFailure(e, shown);
  }
  try {
    const refused = refusal(fstatSync(fd), shown, opts.maxBytes ?? MAX_JSON_FILE_BYTES);
    if (refused) return refused;
    return decodeJsonBytes(readFileSync(fd), shown);
  } catch (e) {
    return osFailure(e, shown);
  } finally {
    closeSync(fd);
  }
}

/** `readJsonFile` where a missing file is an answer (`null`), as in a store; every other problem stays a failure. */
export async function readPresentJsonFile(path: string, opts: JsonReadOptions = {}): Promise<PresentJsonFile | null> {
  const r = await readJsonFile(path, opts);
  return !r.ok && r.problem === 'not-found' ? null : (r as PresentJsonFile);
}

/** The document of a read, or a `JsonFileError` carrying the failure's issue. */
export function orThrow(r: JsonFileRead): JsonFileOk {
  if (!r.ok) throw new JsonFileError(r);
  return r;
}
