/**
 * A case's reviewer entries as one evaluation reads them: by key (`indicator` or `indicator/part`).
 * Kept by every kept sheet (its traces run their rules again when read, evaluate/trace.ts), so it is
 * one flat array of key, entry, key, entry… — a case has a handful of entries, a linear look-up over
 * them is as quick as hashing, and the array takes ~150 bytes where a Map took ~410. A case without
 * entries shares `NO_ENTRIES`.
 */
import type { ReviewerEntryT } from '../format/case-types.ts';

export class ReviewerEntries {
  /** @param pairs key, entry, key, entry… (each key once; not copied, not changed afterwards) */
  constructor(private readonly pairs: readonly (string | ReviewerEntryT)[]) {}

  /** The entry under `key`, or undefined. */
  get(key: string): ReviewerEntryT | undefined {
    const pairs = this.pairs;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === key) return pairs[i + 1] as ReviewerEntryT;
    return undefined;
  }
}

/** The entries of a case that has none. */
export const NO_ENTRIES = new ReviewerEntries([]);
