/**
 * A refused save (412: the case changed on the server since the form read it) without losing anything:
 * the user's edits are applied again over the server's current version, item by item — a fact
 * (`facts[id]`), a reviewer entry (`reviewer[key]`) or another field of the case (名称, 部门, 备注, …).
 *
 * Each item that differs is one of:
 * - `mine`: only the user changed it since the version they started from → the user's value is kept;
 * - `server`: only the server's version changed it → the server's value is kept (the other person's work);
 * - `conflict`: both changed it, to different values → the user chooses (`mine` or `server`); nothing is
 *   chosen for them. Without the starting version (`base` null: not found in the history, or a new case whose
 *   id was taken meanwhile) every difference is a conflict.
 *
 * The case's `status`, `id` and `year` are always the server's (only the status route changes the status).
 */
import type { CaseDoc } from '../model/types.ts';

/** Which part of a case an item is: a fact, a reviewer entry, or another top-level field. */
export type MergeArea = 'facts' | 'reviewer' | 'field';
/** Whose value an item takes. */
export type MergeSide = 'mine' | 'server';

/** One item that differs between the versions (values `undefined` where the item is absent). */
export interface CaseMergeItem {
  /** `facts/<id>`, `reviewer/<key>` or `field/<name>`: unique in a merge. */
  key: string;
  area: MergeArea;
  /** The fact id, the reviewer key (indicator or indicator/part) or the field name. */
  name: string;
  /** The value in the version the user started from (undefined also when that version is unknown). */
  base: unknown;
  server: unknown;
  mine: unknown;
  kind: 'mine' | 'server' | 'conflict';
}

/** Fields never merged: fixed by the case's address (id, year) or changed only by the status route. */
const FIXED = new Set(['id', 'year', 'status']);

/** JSON with object members in name order, so that equal values compare equal whatever order they were written in. */
function canonical(v: unknown): string {
  if (v === undefined) return '\u0000absent';
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function itemsOf(area: MergeArea, base: Record<string, unknown> | null, server: Record<string, unknown>, mine: Record<string, unknown>, skip: (k: string) => boolean): CaseMergeItem[] {
  // in the form's order, then what only the server or the starting version has
  const names = new Set([...Object.keys(mine), ...Object.keys(server), ...Object.keys(base ?? {})]);
  const out: CaseMergeItem[] = [];
  for (const name of names) {
    if (skip(name)) continue;
    const b = base ? base[name] : undefined;
    const s = server[name];
    const m = mine[name];
    if (same(s, m)) continue;
    const kind = base === null ? 'conflict' : same(m, b) ? 'server' : same(s, b) ? 'mine' : 'conflict';
    out.push({ key: `${area}/${name}`, area, name, base: b, server: s, mine: m, kind });
  }
  return out;
}

/**
 * The items that differ between the server's current version and the user's form, classified against the
 * version the user started from (`base`, null when unknown). Facts first, then reviewer entries, then fields.
 */
export function caseMergeItems(base: CaseDoc | null, server: CaseDoc, mine: CaseDoc): CaseMergeItem[] {
  const b = base ? record(base) : null;
  const s = record(server);
  const m = record(mine);
  return [
    ...itemsOf('facts', b ? record(b['facts']) : null, record(s['facts']), record(m['facts']), () => false),
    ...itemsOf('reviewer', b ? record(b['reviewer']) : null, record(s['reviewer']), record(m['reviewer']), () => false),
    ...itemsOf('field', b, s, m, (k) => FIXED.has(k) || k === 'facts' || k === 'reviewer'),
  ];
}

/**
 * The server's version with the user's changes applied: `mine` items take the user's value, `server` items
 * keep the server's, `conflict` items take the side in `choices` (by item key). Throws when a conflict has
 * no choice (the caller enables 应用 only once every conflict is chosen).
 */
export function mergeCase(server: CaseDoc, items: readonly CaseMergeItem[], choices: Readonly<Record<string, MergeSide>>): CaseDoc {
  const out: Record<string, unknown> = { ...record(server) };
  const facts: Record<string, unknown> = { ...record(out['facts']) };
  const reviewer: Record<string, unknown> = { ...record(out['reviewer']) };
  for (const it of items) {
    const side = it.kind === 'conflict' ? choices[it.key] : it.kind;
    if (side === undefined) throw new Error(`未选择“${it.name}”采用哪一方的内容 (no choice for ${it.key})`);
    if (side === 'server') continue;
    const target = it.area === 'facts' ? facts : it.area === 'reviewer' ? reviewer : out;
    if (it.mine === undefined) delete target[it.name];
    else target[it.name] = it.mine;
  }
  out['facts'] = facts;
  if (Object.keys(reviewer).length) out['reviewer'] = reviewer;
  else delete out['reviewer'];
  return out as unknown as CaseDoc;
}

/** How a value is shown in the comparison: 空 for absent or empty, a value with its 来源, JSON otherwise (cut at `max` characters). */
export function mergeValueText(v: unknown, max = 120): string {
  if (v === undefined || v === null || v === '') return '（空）';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  const r = record(v);
  if ('value' in r && typeof r['source'] === 'string') return `${mergeValueText(r['value'], max)}（来源：${r['source']}）`;
  if ('score' in r && 'reason' in r) return `${mergeValueText(r['score'], max)}分（理由：${mergeValueText(r['reason'], max)}）`;
  const t = JSON.stringify(v);
  return t.length > max ? `${t.slice(0, max)}…` : t;
}
