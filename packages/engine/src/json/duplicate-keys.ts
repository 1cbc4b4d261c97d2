/**
 * Member names written twice in one JSON object (重复的属性名): `{"points": 5, "points": 6}` is valid JSON
 * text, but `JSON.parse` keeps the last silently, so the document would mean something else than one of the
 * two lines a person reads. The one finder of them, for every reader of document text: the store's file
 * reader and text check (so the CLI, the server's request bodies and every stored write) and the editor's
 * JSON view. Browser-safe (the walk is `walk.ts`).
 */
import { walkJson } from './walk.ts';

/** The first member name written twice in one object: its JSON Pointer (RFC 6901), name and offset. */
export interface DuplicateKey {
  /** JSON Pointer of the repeated member, e.g. `/indicators/0/points`. */
  field: string;
  key: string;
  /** Offset of the second occurrence's name in the text. */
  offset: number;
}

/**
 * The first duplicate member name of a JSON text already known to be valid, or null. Names are compared
 * after unescaping (`"a"` and `"\u0061"` are the same name, as `JSON.parse` sees them).
 */
export function findDuplicateKey(text: string): DuplicateKey | null {
  let found: DuplicateKey | null = null;
  walkJson(text, (t, pointer) => {
    if (t.kind !== 'key' || !t.repeated) return;
    found = { field: pointer(), key: t.name, offset: t.offset };
    return false;
  });
  return found;
}
