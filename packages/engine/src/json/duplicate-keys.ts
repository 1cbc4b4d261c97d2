/**
 * Member names written twice in one JSON object (重复的属性名): `{"points": 5, "points": 6}` is valid JSON
 * text, but `JSON.parse` keeps the last silently, so the document would mean something else than one of the
 * two lines a person reads. The one finder of them, for every reader of document text: the store's file
 * reader and text check (so the CLI, the server's request bodies and every stored write) and the editor's
 * JSON view. Browser-safe (jsonc-parser's scanner only).
 */
import { createScanner } from 'jsonc-parser';

/** The first member name written twice in one object: its JSON Pointer (RFC 6901), name and offset. */
export interface DuplicateKey {
  /** JSON Pointer of the repeated member, e.g. `/indicators/0/points`. */
  field: string;
  key: string;
  /** Offset of the second occurrence's name in the text. */
  offset: number;
}

// jsonc-parser's SyntaxKind is a `const enum`, which isolatedModules cannot import: its values here.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const STRING = 10;
const EOF = 17;

/** A JSON Pointer segment (RFC 6901: `~` → `~0`, `/` → `~1`). */
const pointerSegment = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The first duplicate member name of a JSON text already known to be valid, or null. Walks jsonc-parser's
 * token scanner with an explicit stack (no recursion: any nesting depth is safe), comparing names after
 * unescaping (`"a"` and `"\u0061"` are the same name, as `JSON.parse` sees them).
 */
export function findDuplicateKey(text: string): DuplicateKey | null {
  const sc = createScanner(text, true);
  const frames: { keys: Set<string> | null; key: string; index: number }[] = [];
  let expectKey = false;
  for (let t = sc.scan(); t !== EOF; t = sc.scan()) {
    const top = frames.at(-1);
    switch (t) {
      case OPEN_BRACE:
      case OPEN_BRACKET:
        frames.push({ keys: t === OPEN_BRACE ? new Set() : null, key: '', index: 0 });
        expectKey = t === OPEN_BRACE;
        break;
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        frames.pop();
        expectKey = false;
        break;
      case COMMA:
        if (top && !top.keys) top.index++;
        else expectKey = true;
        break;
      case COLON:
        expectKey = false;
        break;
      case STRING:
        if (expectKey && top?.keys) {
          const key = sc.getTokenValue();
          top.key = key;
          if (top.keys.has(key)) {
            const field = frames.map((f) => '/' + pointerSegment(f.keys ? f.key : String(f.index))).join('');
            return { field, key, offset: sc.getTokenOffset() };
          }
          top.keys.add(key);
        }
        break;
      default:
        break;
    }
  }
  return null;
}
