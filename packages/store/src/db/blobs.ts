/**
 * Content-addressed texts (按内容摘要存储): every saved state's text is stored once, under the sha256
 * of its UTF-8 bytes — saving the same text again, restoring an old state, or two documents with
 * the same text cost nothing. A new text is stored as a line delta against the state it was based
 * on (a few hundred bytes for an edit of a 3 MB draft), at most `MAX_DELTA_DEPTH` deltas deep, else
 * whole; either way deflated. Reading follows the deltas back to a whole text and checks every
 * step against its sha256, so a damaged row is reported (`store-corrupt`), never returned.
 *
 * The line diff is jsdiff's `diffArrays` (Myers) on the lines between the common head and tail.
 */
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { diffArrays } from 'diff';
import type { Kysely } from 'kysely';
import type { BlobsTable, StoreDatabase } from './schema.ts';

/** Longest chain of deltas before a text is stored whole again (bounds the cost of a read). */
export const MAX_DELTA_DEPTH = 16;
/** Beyond this many changed lines a delta is not worth computing: the text is stored whole. */
const MAX_EDIT_LINES = 5000;

/** sha256 of the UTF-8 bytes of `text`, in hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * A delta: a positive number copies that many lines of the base, a negative number skips that many,
 * a string is inserted as it is.
 */
export type DeltaOp = number | string;

/** Lines with their line ends (the last line may have none). */
function lines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** The delta from `base` to `text`, or null when they differ in too many lines. */
export function makeDelta(base: string, text: string): DeltaOp[] | null {
  const a = lines(base);
  const b = lines(text);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: DeltaOp[] = [];
  const push = (op: DeltaOp) => {
    if (op === 0 || op === '') return;
    const last = ops.at(-1);
    if (typeof op === 'string' && typeof last === 'string') ops[ops.length - 1] = last + op;
    else if (typeof op === 'number' && typeof last === 'number' && Math.sign(op) === Math.sign(last)) ops[ops.length - 1] = last + op;
    else ops.push(op);
  };
  push(head);
  const middle = diffArrays(a.slice(head, a.length - tail), b.slice(head, b.length - tail), { maxEditLength: MAX_EDIT_LINES });
  if (!middle) return null;
  for (const c of middle) {
    if (c.added) push(c.value.join(''));
    else if (c.removed) push(-c.value.length);
    else push(c.value.length);
  }
  push(tail);
  return ops;
}

/** Applies a delta to its base. Throws when the delta does not fit the base. */
export function applyDelta(base: string, ops: readonly DeltaOp[]): string {
  const a = lines(base);
  const out: string[] = [];
  let i = 0;
  for (const op of ops) {
    if (typeof op === 'string') out.push(op);
    else if (op > 0) {
      if (i + op > a.length) throw new Error('delta copies past the end of its base');
      for (let k = 0; k < op; k++) out.push(a[i + k]!);
      i += op;
    } else i -= op;
  }
  if (i !== a.length) throw new Error('delta does not cover its base');
  return out.join('');
}

/** The base a new text may be stored against: the text of the state it was based on. */
export interface DeltaBase {
  sha256: string;
  text: string;
  depth: number;
}

/** The row to store `text` (already hashed as `sha256`), as a delta against `base` when that is smaller. */
export function encodeBlob(text: string, sha256: string, base: DeltaBase | null): BlobsTable {
  const size = Buffer.byteLength(text, 'utf8');
  if (base && base.depth < MAX_DELTA_DEPTH && base.sha256 !== sha256) {
    const ops = makeDelta(base.text, text);
    if (ops && applyDelta(base.text, ops) === text) {
      const json = JSON.stringify(ops);
      const body = deflateSync(Buffer.from(json, 'utf8'));
      // a small delta is kept without compressing the whole text to compare
      if (json.length * 4 < text.length || body.length < deflateSync(Buffer.from(text, 'utf8')).length) {
        return { sha256, size, encoding: 'delta', base_sha256: base.sha256, depth: base.depth + 1, body };
      }
    }
  }
  return { sha256, size, encoding: 'full', base_sha256: null, depth: 0, body: deflateSync(Buffer.from(text, 'utf8')) };
}

/** Thrown when a stored text does not match its sha256 (or cannot be decoded). */
export class BlobCorruptError extends Error {
  constructor(readonly sha256: string, why: string) {
    super(`stored text ${sha256.slice(0, 12)}… is damaged: ${why}`);
    this.name = 'BlobCorruptError';
  }
}

/**
 * Reads stored texts, keeping the last few in memory: a text never changes under its hash, so a
 * cached text is always right.
 */
export class BlobReader {
  private readonly cache = new Map<string, { text: string; depth: number }>();
  private cachedChars = 0;

  constructor(private readonly maxCachedChars = 32 * 1024 * 1024) {}

  /** The text stored under `sha256` (following deltas) and its delta depth; throws BlobCorruptError. */
  async read(db: Kysely<StoreDatabase>, sha256: string): Promise<{ text: string; depth: number }> {
    const hit = this.cache.get(sha256);
    if (hit) {
      this.remember(sha256, hit); // most recent last
      return hit;
    }
    const row = await db.selectFrom('blobs').select(['sha256', 'encoding', 'base_sha256', 'depth', 'body']).where('sha256', '=', sha256).executeTakeFirst();
    if (!row) throw new BlobCorruptError(sha256, 'missing');
    let text: string;
    try {
      const raw = inflateSync(row.body).toString('utf8');
      if (row.encoding === 'full') text = raw;
      else {
        if (!row.base_sha256) throw new Error('delta without a base');
        const base = await this.read(db, row.base_sha256);
        text = applyDelta(base.text, JSON.parse(raw) as DeltaOp[]);
      }
    } catch (e) {
      if (e instanceof BlobCorruptError) throw e;
      throw new BlobCorruptError(sha256, e instanceof Error ? e.message : String(e));
    }
    if (sha256Hex(text) !== sha256) throw new BlobCorruptError(sha256, 'sha256 mismatch');
    const entry = { text, depth: row.depth };
    this.remember(sha256, entry);
    return entry;
  }

  /**
   * The whole text a chain of deltas starts from (depth 0): the base for a new text once its own
   * base is `MAX_DELTA_DEPTH` deep, so chains stay short without storing whole copies often.
   */
  async root(db: Kysely<StoreDatabase>, sha256: string): Promise<DeltaBase> {
    let sha = sha256;
    for (;;) {
      const row = await db.selectFrom('blobs').select(['base_sha256', 'depth']).where('sha256', '=', sha).executeTakeFirst();
      if (!row) throw new BlobCorruptError(sha, 'missing');
      if (row.depth === 0 || !row.base_sha256) return { sha256: sha, ...(await this.read(db, sha)) };
      sha = row.base_sha256;
    }
  }

  /** Keeps a text just written (the next save is likely based on it). */
  written(row: Pick<BlobsTable, 'sha256' | 'depth'>, text: string): void {
    this.remember(row.sha256, { text, depth: row.depth });
  }

  private remember(sha256: string, entry: { text: string; depth: number }): void {
    if (this.cache.delete(sha256)) this.cachedChars -= entry.text.length;
    if (entry.text.length > this.maxCachedChars) return;
    this.cache.set(sha256, entry);
    this.cachedChars += entry.text.length;
    for (const [k, v] of this.cache) {
      if (this.cachedChars <= this.maxCachedChars) break;
      this.cache.delete(k);
      this.cachedChars -= v.text.length;
    }
  }
}
