/**
 * The text of a document as it is stored (文档原文): a save keeps exactly the JSON text it received,
 * never a re-serialisation, so nothing is silently changed. Before a text is stored it is checked:
 *
 * - it is JSON (`doc-json-syntax`, with line, column and what is wrong there, located as the file
 *   reader does, `json-file.ts`) and, for schemes and cases, an object;
 * - no object names a member twice (`doc-duplicate-key`, naming the JSON Pointer of the repeated member):
 *   `JSON.parse` would keep the last silently, so what is stored would mean another thing than was read;
 * - it is nested at most `MAX_DOCUMENT_DEPTH` levels (`doc-too-deep`): a condition or indicator tree
 *   thousands deep is refused with a message instead of overflowing the stack of whoever walks it;
 * - every number literal can be kept exactly (`doc-number-overflow` for `1e400`, a 3,000-digit literal
 *   or `1e-400`; `doc-number-inexact` for a literal a double would round, such as
 *   `0.12345678901234567890`), naming the field (a JSON Pointer).
 *
 * The walk is iterative (`walkJson` in @jixiao/engine/json-walk), so any depth is safe to check.
 * The server calls `checkDocumentText` on a request body; the store calls it on every write.
 */
import type { Issue } from '@jixiao/engine';
import { walkJson } from '@jixiao/engine/json-walk';
import { parseJsonText } from '../json-file.ts';
import { textMessages as m } from './messages.ts';

/** Nesting limit of a stored document (objects and arrays); the bundled documents use at most 14. */
export const MAX_DOCUMENT_DEPTH = 64;

/** At most this many issues are reported for one text (the first ones, in text order). */
const MAX_ISSUES = 20;

/** Result of `checkDocumentText`: the parsed document, or the reasons the text is refused. */
export type TextCheck = { ok: true; doc: unknown } | { ok: false; issues: Issue[] };

export interface TextCheckOptions {
  /** Nesting limit (default `MAX_DOCUMENT_DEPTH`). */
  maxDepth?: number;
  /** Require a JSON object at the root (default true: schemes and cases are objects). */
  requireObject?: boolean;
}

/**
 * Checks a document text before it is stored (see the module doc). Never throws for any input
 * string; returns the parsed value when the text is accepted.
 */
export function checkDocumentText(text: string, opts: TextCheckOptions = {}): TextCheck {
  const maxDepth = opts.maxDepth ?? MAX_DOCUMENT_DEPTH;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a UTF-8 byte-order mark is kept, not read
  const parsed = parseJsonText(body, ''); // V8's JSON.parse does not recurse: safe at any depth
  if (!parsed.ok && parsed.duplicate) {
    const { field, key } = parsed.duplicate;
    return { ok: false, issues: [m.issue('doc-duplicate-key', { field, key, line: parsed.line, column: parsed.column }, { path: field })] };
  }
  if (!parsed.ok) {
    const reason = String(parsed.issue.params?.['reason'] ?? '');
    return { ok: false, issues: [m.issue('doc-json-syntax', { line: parsed.line, column: parsed.column, reason })] };
  }
  const issues = scan(body, maxDepth);
  if (issues.length) return { ok: false, issues };
  const doc = parsed.doc;
  if ((opts.requireObject ?? true) && (doc === null || typeof doc !== 'object' || Array.isArray(doc))) {
    return { ok: false, issues: [m.issue('doc-not-object', {})] };
  }
  return { ok: true, doc };
}

/** Parses a stored text (accepted by `checkDocumentText`, so valid JSON; a byte-order mark is skipped). */
export function parseStoredText(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
}

/** Pointers in messages are cut to this many characters. */
const POINTER_MAX = 240;

/** Walks a text already known to be JSON: depth and number literals (`walkJson`, shared with the duplicate-name check). */
function scan(text: string, maxDepth: number): Issue[] {
  const issues: Issue[] = [];
  walkJson(text, (t, pointer) => {
    if (t.kind === 'open' && t.depth >= maxDepth) {
      const field = pointer(POINTER_MAX);
      issues.push(m.issue('doc-too-deep', { field, limit: maxDepth }, { path: field }));
      return false;
    }
    if (t.kind === 'number') {
      const bad = numberIssue(t.literal, () => pointer(POINTER_MAX));
      if (bad) issues.push(bad);
      return issues.length < MAX_ISSUES;
    }
    return true;
  });
  return issues;
}

/** A literal as a decimal: sign, significant digits (no leading or trailing zeros), point position. */
interface DecimalParts {
  neg: boolean;
  /** '' for zero. */
  digits: string;
  /** The value is 0.`digits` × 10^point. */
  point: number;
}

const NUMBER_RE = /^(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/;

function decimalParts(s: string): DecimalParts | null {
  const mm = NUMBER_RE.exec(s);
  if (!mm) return null;
  const int = mm[2]!;
  const all = int + (mm[3] ?? '');
  const exp = Number(mm[4] ?? '0');
  const lead = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(lead).replace(/0+$/, '');
  return { neg: mm[1] === '-', digits, point: int.length + exp - lead };
}

function sameValue(a: DecimalParts, b: DecimalParts): boolean {
  if (a.digits === '' || b.digits === '') return a.digits === b.digits; // zero, whatever its sign
  return a.neg === b.neg && a.digits === b.digits && a.point === b.point;
}

const shown = (literal: string) => (literal.length > 40 ? `${literal.slice(0, 20)}…${literal.slice(-8)}（共 ${literal.length} 个字符）` : literal);
/** The same, for the English message. */
const shownEn = (literal: string) => (literal.length > 40 ? `${literal.slice(0, 20)}…${literal.slice(-8)} (${literal.length} characters)` : literal);

/**
 * The issue for a number literal a double cannot hold exactly, or null. Every JSON reader of the
 * document (the engine, the editor, a database JSON column) reads numbers as doubles, so a literal
 * is kept only when reading it gives back the same decimal value.
 */
function numberIssue(literal: string, pointerOf: () => string): Issue | null {
  const value = Number(literal);
  const lit = decimalParts(literal);
  if (!lit) return null; // the scanner only gives JSON number tokens; JSON.parse accepted them
  if (!Number.isFinite(value) || (value === 0 && lit.digits !== '')) {
    const field = pointerOf();
    return m.issue('doc-number-overflow', { field, literal: shown(literal), literalEn: shownEn(literal) }, { path: field });
  }
  const kept = String(value);
  if (!sameValue(lit, decimalParts(kept)!)) {
    const field = pointerOf();
    return m.issue('doc-number-inexact', { field, literal: shown(literal), literalEn: shownEn(literal), kept }, { path: field });
  }
  return null;
}
