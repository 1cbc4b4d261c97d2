/**
 * The one walk over a JSON text's tokens that knows where it is (a JSON Pointer, RFC 6901), for the
 * checks `JSON.parse` cannot make because it forgets the text: a member name written twice
 * (`duplicate-keys.ts`), nesting depth and number literals a double cannot hold (the store's
 * `document-text.ts`). Iterative (jsonc-parser's scanner and an explicit stack): any depth is safe.
 * Browser-safe.
 */
import { createScanner } from 'jsonc-parser';

/** What the walk meets, in text order. */
export type JsonToken =
  /** An object or array opens; `depth` is how many containers enclose it (0 for the root). */
  | { kind: 'open'; depth: number }
  /** A member name, unescaped as `JSON.parse` reads it; `repeated` when its object named it before. */
  | { kind: 'key'; name: string; offset: number; repeated: boolean }
  /** A number literal as written (`1.10`, `1E2`, `-0`). */
  | { kind: 'number'; literal: string; offset: number };

/**
 * Called for every token; `pointer(max)` is the JSON Pointer of the value the token belongs to (for
 * `open`, the container opening; for `key`, the member), cut to `max` characters with "…" when longer.
 * Returning `false` stops the walk.
 */
export type JsonVisitor = (token: JsonToken, pointer: (max?: number) => string) => boolean | void;

// jsonc-parser's SyntaxKind is a `const enum`, which isolatedModules cannot import: its values here.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const STRING = 10;
const NUMBER = 11;
const EOF = 17;

interface Frame {
  /** Names met so far (objects); null for an array. */
  keys: Set<string> | null;
  /** Current member name (objects). */
  key: string;
  /** Current element index (arrays). */
  index: number;
}

/** Walks a text already known to be JSON (`JSON.parse` accepted it), calling `visit` for each token. */
export function walkJson(text: string, visit: JsonVisitor): void {
  const sc = createScanner(text, true);
  const frames: Frame[] = [];
  const pointer = (max = Infinity): string => {
    let out = '';
    for (const f of frames) {
      out += '/' + (f.keys ? f.key : String(f.index)).replace(/~/g, '~0').replace(/\//g, '~1');
      if (out.length > max) return out.slice(0, max) + '…';
    }
    return out;
  };
  let expectKey = false;
  for (let t = sc.scan(); t !== EOF; t = sc.scan()) {
    const top = frames.at(-1);
    switch (t) {
      case OPEN_BRACE:
      case OPEN_BRACKET:
        if (visit({ kind: 'open', depth: frames.length }, pointer) === false) return;
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
          const name = sc.getTokenValue();
          const repeated = top.keys.has(name);
          top.keys.add(name);
          top.key = name;
          if (visit({ kind: 'key', name, offset: sc.getTokenOffset(), repeated }, pointer) === false) return;
        }
        break;
      case NUMBER: {
        const offset = sc.getTokenOffset();
        if (visit({ kind: 'number', literal: text.slice(offset, offset + sc.getTokenLength()), offset }, pointer) === false) return;
        break;
      }
      default:
        break;
    }
  }
}
