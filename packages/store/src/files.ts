/**
 * Scheme files as stored: exact text, parsed document (or the parse error), ETag; and atomic
 * replacement (temporary file in the same folder, flushed, renamed), so a reader or a crash sees the
 * old file or the new one, never half of one.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Issue } from '@jixiao/engine';
import { JsonFileError, readPresentJsonFile } from './json-file.ts';

export interface StoredFile {
  /** The file's text (for a file that is not UTF-8, a copy with replacement characters). */
  text: string;
  /** Version tag of the file's exact bytes. */
  etag: string;
  /** The parsed document, or undefined when the file cannot be used as JSON (see `issue`). */
  doc?: unknown;
  /** Why the file is not JSON (syntax error with line and column, UTF-16 or other encoding), in Chinese and English. */
  issue?: Issue;
}

/**
 * Reads `path` with the JSON file reader (`json-file.ts`: byte-order mark, encoding, syntax position);
 * null when it does not exist. No size limit: the store must be able to record and replace whatever is
 * on disk. A file whose bytes cannot be read (permissions, a folder) throws `JsonFileError`.
 */
export async function readStored(path: string): Promise<StoredFile | null> {
  const r = await readPresentJsonFile(path, { maxBytes: Number.POSITIVE_INFINITY });
  if (!r) return null;
  if (r.ok) return { text: r.text, etag: r.etag, doc: r.doc };
  if (r.text === undefined || r.etag === undefined) throw new JsonFileError(r);
  return { text: r.text, etag: r.etag, issue: r.issue };
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
