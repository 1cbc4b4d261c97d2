/**
 * JSON Pointers (RFC 6901) and immutable updates of the draft document along them. Every visual
 * edit is `update(path, fn)` on the document; the engine's issues carry the same pointers, so an
 * issue can be shown exactly where it belongs.
 */
export type Seg = string | number;

/** `['indicators', 0, 'name']` → `/indicators/0/name`. */
export function toPointer(segs: readonly Seg[]): string {
  return segs.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** `/indicators/0/name` → `['indicators', '0', 'name']` (array indices stay strings). */
export function parsePointer(ptr: string): string[] {
  if (ptr === '' || ptr === '/') return ptr === '/' ? [''] : [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Json = unknown;

/** Value at `segs`, or undefined. */
export function getIn(doc: Json, segs: readonly Seg[]): Json {
  let cur: Json = doc;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, Json>)[String(s)];
  }
  return cur;
}

function shallowCopy(v: Json): Record<string, Json> | Json[] {
  if (Array.isArray(v)) return v.slice();
  if (v !== null && typeof v === 'object') return { ...(v as Record<string, Json>) };
  return {};
}

/** Copy of `doc` with `fn(old)` at `segs` (containers on the way are copied, not mutated). */
export function updateIn(doc: Json, segs: readonly Seg[], fn: (old: Json) => Json): Json {
  if (segs.length === 0) return fn(doc);
  const [head, ...rest] = segs as [Seg, ...Seg[]];
  const copy = shallowCopy(doc);
  const key = Array.isArray(copy) ? Number(head) : String(head);
  const next = updateIn((copy as Record<string, Json>)[key as string], rest, fn);
  if (next === undefined && !Array.isArray(copy)) delete (copy as Record<string, Json>)[key as string];
  else (copy as Record<string | number, Json>)[key] = next;
  return copy;
}

/** Copy of `doc` with `value` at `segs`; `undefined` removes an object key. */
export function setIn(doc: Json, segs: readonly Seg[], value: Json): Json {
  return updateIn(doc, segs, () => value);
}

/** Copy of the array at `segs` with element `index` removed. */
export function removeAt(doc: Json, segs: readonly Seg[], index: number): Json {
  return updateIn(doc, segs, (arr) => (Array.isArray(arr) ? arr.filter((_, i) => i !== index) : arr));
}

/** Copy of the array at `segs` with `value` inserted at `index` (end when index ≥ length). */
export function insertAt(doc: Json, segs: readonly Seg[], index: number, value: Json): Json {
  return updateIn(doc, segs, (arr) => {
    const a = Array.isArray(arr) ? arr.slice() : [];
    a.splice(Math.min(index, a.length), 0, value);
    return a;
  });
}

/** Copy of the array at `segs` with element `from` moved to `to`. */
export function moveAt(doc: Json, segs: readonly Seg[], from: number, to: number): Json {
  return updateIn(doc, segs, (arr) => {
    if (!Array.isArray(arr) || to < 0 || to >= arr.length) return arr;
    const a = arr.slice();
    const [item] = a.splice(from, 1);
    a.splice(to, 0, item);
    return a;
  });
}
