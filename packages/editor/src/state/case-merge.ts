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
 * A fact whose value is a list of rows with ids (the 年度绩效指标 table, `TargetRowT` in the engine's case
 * format) is merged row by row, each row an item (`facts/<fact>/<row id>`): a row only one side changed, added
 * or removed is taken as that side has it; a row both sides changed in different fields is merged field by
 * field (kind `mine`, its `mine` value the server's row with the user's fields); a row both changed in the same
 * field, or one changed and the other removed, is the user's choice. The rows keep the server's order, a row
 * added in this tab is placed after the row it followed in the tab.
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
  /** Set for one row of a fact whose value is a list of rows (then base/server/mine are that row, or undefined). */
  row?: MergeRow;
}

/** Where a row item belongs in its fact's list of rows, and what changed in it. */
export interface MergeRow {
  /** The row's `id` (e.g. "r02"). */
  id: string;
  /** How the row is named: 第2行“线下培训推广次数” (its place in the list the user sees, and its 三级指标). */
  label: string;
  /** The row fields that differ between the versions (level3, actual, selfScore…), in the row's order. */
  fields: string[];
  /** The ids of the rows before it in the user's list, nearest first: where a row added in this tab goes. */
  after: string[];
  /** Both sides changed the row, in different fields: `mine` is the server's row with the user's fields. */
  merged?: true;
}

/** The row fields in words (`TargetRowT` in packages/engine/src/format/case-types.ts). */
export const ROW_FIELD_ZH: Readonly<Record<string, string>> = {
  id: '编号',
  level1: '一级指标',
  level2: '二级指标',
  level3: '三级指标',
  target: '年度指标值',
  actual: '实际完成值',
  points: '分值',
  selfScore: '自评得分',
  band: '自评档次',
  deviation: '偏差原因分析及改进措施',
};

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

type Row = Record<string, unknown> & { id: string };

/** The rows of a fact's value (bare, or as `{ value, source }`), when it is a list of rows with distinct ids; else null. */
function rowsOf(v: unknown): Row[] | null {
  const list = Array.isArray(v) ? v : record(v)['value'];
  if (!Array.isArray(list)) return null;
  const ids = new Set<string>();
  for (const r of list) {
    const id = record(r)['id'];
    if (typeof id !== 'string' || ids.has(id)) return null;
    ids.add(id);
  }
  return list as Row[];
}

/** A fact's value with its rows left out (its 来源 when it has one): merged row by row only when this agrees. */
function envelope(v: unknown): string {
  return Array.isArray(v) ? '[]' : canonical({ ...record(v), value: [] });
}

/**
 * The row items of a fact whose value is a list of rows on both sides (and in the starting version, when
 * known and present), or null when the fact is merged whole: not rows, or its 来源 changed in this tab.
 */
function rowItems(name: string, b: unknown, s: unknown, m: unknown, baseKnown: boolean): CaseMergeItem[] | null {
  const sRows = rowsOf(s);
  const mRows = rowsOf(m);
  const bRows = b === undefined ? [] : rowsOf(b);
  if (!sRows || !mRows || !bRows) return null;
  if (envelope(s) !== envelope(m) && !(baseKnown && b !== undefined && envelope(m) === envelope(b))) return null;
  const byId = (rows: Row[]) => new Map(rows.map((r) => [r.id, r]));
  const [bMap, sMap, mMap] = [byId(bRows), byId(sRows), byId(mRows)];
  const ids = [...new Set([...mMap.keys(), ...sMap.keys(), ...bMap.keys()])];
  const out: CaseMergeItem[] = [];
  for (const id of ids) {
    const [br, sr, mr] = [bMap.get(id), sMap.get(id), mMap.get(id)];
    if (same(sr, mr)) continue;
    const fieldNames = [...new Set([...Object.keys(mr ?? {}), ...Object.keys(sr ?? {}), ...Object.keys(br ?? {})])];
    const fields = fieldNames.filter((f) => !same(sr?.[f], mr?.[f]) || !same(sr?.[f], br?.[f]));
    let kind: CaseMergeItem['kind'] = !baseKnown ? 'conflict' : same(mr, br) ? 'server' : same(sr, br) ? 'mine' : 'conflict';
    let mine: unknown = mr;
    let merged: true | undefined;
    if (kind === 'conflict' && baseKnown && br && sr && mr) {
      // both changed the row: field by field, unless some field was changed differently on both sides
      const clash = fieldNames.some((f) => !same(sr[f], mr[f]) && !same(sr[f], br[f]) && !same(mr[f], br[f]));
      if (!clash) {
        const both: Record<string, unknown> = { ...sr };
        for (const f of fieldNames) {
          if (same(mr[f], br[f])) continue;
          if (mr[f] === undefined) delete both[f];
          else both[f] = mr[f];
        }
        kind = 'mine';
        mine = both;
        merged = true;
      }
    }
    const shown = mr ?? sr ?? br;
    const place = mr ? mRows.indexOf(mr) + 1 : sr ? sRows.indexOf(sr) + 1 : bRows.indexOf(br as Row) + 1;
    const level3 = typeof shown?.['level3'] === 'string' && shown['level3'] ? `“${shown['level3']}”` : `（${id}）`;
    const at = mRows.findIndex((r) => r.id === id);
    const after = at > 0 ? mRows.slice(0, at).map((r) => r.id).reverse() : [];
    out.push({ key: `facts/${name}/${id}`, area: 'facts', name, base: br, server: sr, mine, kind, row: { id, label: `第${place}行${level3}`, fields, after, ...(merged ? { merged } : {}) } });
  }
  return out;
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
    const rows = area === 'facts' ? rowItems(name, b, s, m, base !== null) : null;
    if (rows) {
      out.push(...rows);
      continue;
    }
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
    if (side === undefined) throw new Error(`未选择“${it.name}${it.row ? ` ${it.row.label}` : ''}”采用哪一方的内容 (no choice for ${it.key})`);
    if (side === 'server') continue;
    if (it.row) {
      applyRow(facts, it.name, it.row, it.mine);
      continue;
    }
    const target = it.area === 'facts' ? facts : it.area === 'reviewer' ? reviewer : out;
    if (it.mine === undefined) delete target[it.name];
    else target[it.name] = it.mine;
  }
  out['facts'] = facts;
  if (Object.keys(reviewer).length) out['reviewer'] = reviewer;
  else delete out['reviewer'];
  return out as unknown as CaseDoc;
}

/** The user's (or merged) row put into the server's list of rows of fact `name`, in place; `mine` undefined removes it. */
function applyRow(facts: Record<string, unknown>, name: string, row: MergeRow, mine: unknown): void {
  const v = facts[name];
  const wrapped = !Array.isArray(v) && v !== undefined;
  const list = wrapped ? record(v)['value'] : v;
  const rows: Row[] = Array.isArray(list) ? [...(list as Row[])] : [];
  const at = rows.findIndex((r) => r.id === row.id);
  if (mine === undefined) {
    if (at >= 0) rows.splice(at, 1);
  } else if (at >= 0) rows[at] = mine as Row;
  else {
    // added in this tab: after the nearest row before it (in the tab) that the list has, else first
    const prev = row.after.map((id) => rows.findIndex((r) => r.id === id)).find((i) => i >= 0);
    rows.splice(prev === undefined ? 0 : prev + 1, 0, mine as Row);
  }
  facts[name] = wrapped ? { ...record(v), value: rows } : rows;
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

/**
 * How one side of an item is shown: for a row, its changed fields in words (实际完成值：28次；自评得分：4), or
 * （无此行） where that side has no such row; any other item as `mergeValueText`.
 */
export function mergeItemText(it: CaseMergeItem, side: 'base' | 'server' | 'mine'): string {
  const v = it[side];
  if (!it.row) return mergeValueText(v);
  if (v === undefined) return '（无此行）';
  const r = record(v);
  return it.row.fields.map((f) => `${ROW_FIELD_ZH[f] ?? f}：${mergeValueText(r[f])}`).join('；');
}
