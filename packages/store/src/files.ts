/**
 * Scheme files as stored: exact text, parsed document (or the parse error), ETag; and atomic
 * replacement (temporary file in the same folder, flushed, renamed), so a reader or a crash sees the
 * old file or the new one, never half of one.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { etagOf } from './etag.ts';

export interface StoredFile {
  text: string;
  etag: string;
  /** The parsed document, or undefined when the text is not JSON (see `parseError`). */
  doc?: unknown;
  parseError?: string;
}

/** Reads `path`; null when it does not exist. A UTF-8 byte-order mark is ignored when parsing. */
export async function readStored(path: string): Promise<StoredFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const etag = etagOf(text);
  try {
    return { text, etag, doc: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown };
  } catch (e) {
    return { text, etag, parseError: e instanceof Error ? e.message : String(e) };
  }
}

/** The repository's way of writing a document: 2-space indent, final newline. */
export function toStoredText(doc: unknown): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/** Writes `content` to `target` atomically, creating the folder if needed. */
export async function atomicWrite(target: string, content: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx', 0o644);
  try {
    await fh.writeFile(content, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
