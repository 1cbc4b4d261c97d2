/** Reading JSON documents from the schemes folder, with their version tag. */
import { readFile } from 'node:fs/promises';
import { etagOf } from './etag.ts';

/** A document as stored: parsed value (or the parse error), exact text and its ETag. */
export interface StoredJson {
  doc: unknown;
  text: string;
  etag: string;
  /** Set when the file is not valid JSON (the message is the parser's, English). */
  parseError?: string;
}

/** Reads `path`; resolves `null` when the file does not exist. */
export async function readJsonFile(path: string): Promise<StoredJson | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const etag = etagOf(text);
  try {
    return { doc: JSON.parse(text) as unknown, text, etag };
  } catch (e) {
    return { doc: null, text, etag, parseError: (e as Error).message };
  }
}

/** Serialises a document the way the repository stores them: 2-space indent, final newline. */
export function toStoredText(doc: unknown): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/** Plain-object test used on request bodies and parsed files. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
