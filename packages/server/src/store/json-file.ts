/**
 * Reading JSON documents from the schemes folder with the one JSON reader of `@jixiao/store` (byte-order
 * mark, UTF-16 and other encodings, size limit, syntax errors with line and column, all as issues in
 * Chinese and English), so a file reads here exactly as in the CLI. A missing file is `null`.
 */
import { readPresentJsonFile, type PresentJsonFile } from '@jixiao/store';

/** A document as stored: parsed with its text and ETag, or the issue saying why it cannot be used. */
export type StoredJson = PresentJsonFile;

/** Reads `path`, named `shown` in messages (e.g. `schemes/shenzhen-department/2024.json`); `null` when it does not exist. */
export function readJsonFile(path: string, shown: string): Promise<StoredJson | null> {
  return readPresentJsonFile(path, { shown });
}

/** Plain-object test used on parsed files. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Why a stored file is not a usable document: the reader's issue, or "not a JSON object". */
export function unusableReason(stored: StoredJson): { message: string; messageEn: string } | null {
  if (!stored.ok) return { message: stored.issue.message, messageEn: stored.issue.messageEn };
  if (!isRecord(stored.doc)) return { message: '文件内容不是 JSON 对象（文档应以 { 开头）', messageEn: 'the file does not hold a JSON object' };
  return null;
}
