/**
 * Canonical JSON (规范化 JSON): one text per JSON value, whatever the key order or indentation of the
 * file, so that a content hash depends on the content only.
 *
 * Rules: object keys sorted by UTF-16 code unit order (as `Array.prototype.sort` does), no
 * whitespace, `undefined` members dropped (as `JSON.stringify` does), numbers and strings written
 * by `JSON.stringify`. Numbers are not normalised: `6` and `"6"` are different texts.
 */

/** The canonical JSON text of `value`. Throws TypeError on values JSON cannot hold (functions, cycles, bigint). */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, stack: Set<object>): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value !== 'object') throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  if (stack.has(value)) throw new TypeError('canonicalJson: cyclic value');
  stack.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = `[${value.map((v) => (v === undefined ? 'null' : write(v, stack))).join(',')}]`;
  } else {
    const rec = value as Record<string, unknown>;
    const keys = Object.keys(rec)
      .filter((k) => rec[k] !== undefined)
      .sort();
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${write(rec[k], stack)}`).join(',')}}`;
  }
  stack.delete(value);
  return out;
}
