/**
 * Shared machinery of the scheme diff: where changes are collected, how numbers, intervals and
 * conditions are shown in the sentences, and the safety net for fields no comparison names.
 */
import { plain, toDec } from '../decimal/dec.ts';
import { pointer } from '../errors/issue.ts';
import type { Condition, Scheme } from '../format/scheme-types.ts';
import type { Decls } from '../rules/kind.ts';
import { renderCondition } from '../conditions/condition.ts';
import { renderInterval, type Bounds } from '../rules/interval.ts';
import { canonicalJson } from './canonical.ts';
import { compactTextDiff } from './text-diff.ts';
import type { ChangeKind, SchemeChange } from './change.ts';

/** The two documents being compared (a = older, b = newer) and the changes found so far. */
export interface DiffCtx {
  a: Scheme;
  b: Scheme;
  da: Decls;
  db: Decls;
  out: SchemeChange[];
}

/** Where a comparison is: the label that opens its sentences, the indicator, the two JSON pointers. */
export interface Place {
  /** "公众或服务对象满意度", or "财务合规性·会计核算规范性" for a part. */
  label: string;
  indicator?: string;
  indicatorName?: string;
  pa: string;
  pb: string;
}

/** Records one change. `sub` extends both pointers (e.g. ['tiers', 0, 'score']); `ai`/`bi` override. */
export function add(
  ctx: DiffCtx,
  place: Place,
  kind: ChangeKind,
  message: string,
  messageEn: string,
  extra: { sub?: (string | number)[]; pathBefore?: string | null; pathAfter?: string | null; before?: unknown; after?: unknown } = {},
): void {
  const c: SchemeChange = { kind, message, messageEn };
  if (place.indicator !== undefined) c.indicator = place.indicator;
  if (place.indicatorName !== undefined) c.indicatorName = place.indicatorName;
  const sub = extra.sub ?? [];
  const pa = extra.pathBefore === undefined ? pointer(place.pa, ...sub) : extra.pathBefore;
  const pb = extra.pathAfter === undefined ? pointer(place.pb, ...sub) : extra.pathAfter;
  if (pa !== null) c.pathBefore = pa;
  if (pb !== null) c.pathAfter = pb;
  if (extra.before !== undefined) c.before = extra.before;
  if (extra.after !== undefined) c.after = extra.after;
  ctx.out.push(c);
}

/** Same JSON value (key order ignored). */
export function sameJson(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  try {
    return canonicalJson(x) === canonicalJson(y);
  } catch {
    return false;
  }
}

/** Same number: decimal equality, so 6, "6", "6.0" agree and 0.95 equals "95%"; both absent also agree. */
export function sameNum(x: unknown, y: unknown): boolean {
  if (x === undefined || y === undefined) return x === y;
  const dx = toDec(x);
  const dy = toDec(y);
  return dx !== null && dy !== null ? dx.eq(dy) : sameJson(x, y);
}

/** A number as written in the sentences: "6", "0.5" (exact, no trailing zeros); "—" when absent. */
export function num(x: unknown): string {
  if (x === undefined || x === null) return '—';
  const d = toDec(x);
  return d === null ? String(x) : plain(d);
}

/** Points: "6分". */
export function pts(x: unknown): string {
  return `${num(x)}分`;
}

/** A value of fact/metric `id` as the official text writes it ("95%", "1.5", "是"), by the document's declarations. */
export function shown(decls: Decls, id: string, x: unknown): string {
  if (x === undefined) return '—';
  return decls.showValue(id, x);
}

/**
 * A tier's interval: one-sided without the subject, as the tables read ("≥95%", "<80%"); two-sided
 * with it ("90%≤满意度<95%").
 */
export function rangeText(b: Bounds, subject: string, show: (d: NonNullable<Bounds['min']>) => string): string {
  return renderInterval(b, b.min !== null && b.max !== null ? subject : '', show);
}

/** A condition in Chinese ("实际采购金额>采购计划金额"), by the given document's declarations. */
export function conditionText(decls: Decls, c: Condition): string {
  try {
    return renderCondition(c, decls.label, decls.showValue);
  } catch {
    return canonicalJson(c);
  }
}

/**
 * A changed reference to a fact or metric: "旧名称 → 新名称", or "名称（标识 a → b）" when both carry
 * the same label.
 */
export function refChange(ctx: DiffCtx, a: string, b: string): string {
  const la = ctx.da.label(a);
  const lb = ctx.db.label(b);
  return la === lb ? `${lb}（标识 ${a} → ${b}）` : `${la} → ${lb}`;
}

/** "“旧”→“新”" style compact change of a text, or a whole-text note when one side is absent. */
export function textChange(x: string | undefined, y: string | undefined): string {
  if (x === undefined || x === '') return `新增“${short(y ?? '', 60)}”`;
  if (y === undefined || y === '') return `删去“${short(x, 60)}”`;
  return compactTextDiff(x, y) || '（仅空白变化）';
}

/** A JSON value cut to `max` characters for a sentence. */
export function short(x: unknown, max = 40): string {
  const s = typeof x === 'string' ? x : x === undefined ? '—' : canonicalJson(x);
  const one = s.replace(/\r?\n/g, '⏎');
  return one.length > max ? `${one.slice(0, max)}…` : one;
}

/**
 * The safety net: every member of `x`/`y` not in `handled` that differs is reported as
 * `other-changed` ("字段 foo 变更"), so a format addition never makes the diff silently incomplete.
 */
export function restDiff(ctx: DiffCtx, place: Place, x: unknown, y: unknown, handled: readonly string[], sub: (string | number)[] = []): void {
  const ox = (x && typeof x === 'object' ? x : {}) as Record<string, unknown>;
  const oy = (y && typeof y === 'object' ? y : {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ox), ...Object.keys(oy)])].filter((k) => !handled.includes(k));
  for (const k of keys) {
    if (sameJson(ox[k], oy[k])) continue;
    add(ctx, place, 'other-changed', `${place.label}：字段 ${k} 变更：${short(ox[k])} → ${short(oy[k])}`, `${place.label}: field ${k} changed`, {
      sub: [...sub, k],
      pathBefore: k in ox ? undefined : null,
      pathAfter: k in oy ? undefined : null,
      before: ox[k],
      after: oy[k],
    });
  }
}

/**
 * Pairs two lists: first items with equal `key`, then (optionally) with equal `key2`, in order.
 * Returns pairs [i, j] in b's order and the unpaired indices of each side.
 */
export function pairUp<T>(xs: readonly T[], ys: readonly T[], keys: ((t: T) => string | undefined)[]): { pairs: [number, number][]; onlyA: number[]; onlyB: number[] } {
  const aTaken = new Map<number, number>();
  const bTaken = new Set<number>();
  for (const key of keys) {
    const free = new Map<string, number[]>();
    xs.forEach((x, i) => {
      if (aTaken.has(i)) return;
      const k = key(x);
      if (k === undefined) return;
      free.set(k, [...(free.get(k) ?? []), i]);
    });
    ys.forEach((y, j) => {
      if (bTaken.has(j)) return;
      const k = key(y);
      const list = k === undefined ? undefined : free.get(k);
      const i = list?.shift();
      if (i === undefined) return;
      aTaken.set(i, j);
      bTaken.add(j);
    });
  }
  const pairs = [...aTaken.entries()].map(([i, j]) => [i, j] as [number, number]).sort((p, q) => p[1] - q[1]);
  return { pairs, onlyA: xs.map((_, i) => i).filter((i) => !aTaken.has(i)), onlyB: ys.map((_, j) => j).filter((j) => !bTaken.has(j)) };
}

/** A changed fact or metric a rule is computed from (分档对象, 比率, …): `what` names it in Chinese. */
export function metricChange(ctx: DiffCtx, place: Place, key: string, what: string, x: string, y: string): void {
  if (x === y) return;
  add(ctx, place, 'rule-metric-changed', `${place.label}：${what} ${refChange(ctx, x, y)}`, `${place.label}: ${key} ${x} → ${y}`, { sub: [key], before: x, after: y });
}

/** A `{ when, text }` clause (得0分、一票否决、免评): added, removed, condition or text changed. */
export function clause(
  ctx: DiffCtx,
  place: Place,
  key: 'zeroWhen' | 'veto' | 'exempt',
  kind: ChangeKind,
  zh: string,
  x: { when: Parameters<typeof conditionText>[1]; text: string } | undefined,
  y: { when: Parameters<typeof conditionText>[1]; text: string } | undefined,
): void {
  if (sameJson(x, y)) return;
  const extra = { sub: [key], pathBefore: x ? undefined : null, pathAfter: y ? undefined : null, before: x, after: y };
  if (!x) return add(ctx, place, kind, `${place.label}：新增${zh}：${y!.text}（条件：${conditionText(ctx.db, y!.when)}）`, `${place.label}: ${key} added`, extra);
  if (!y) return add(ctx, place, kind, `${place.label}：删除${zh}：${x.text}`, `${place.label}: ${key} removed`, extra);
  const what: string[] = [];
  if (!sameJson(x.when, y.when)) what.push(`条件 ${conditionText(ctx.da, x.when)} → ${conditionText(ctx.db, y.when)}`);
  if (x.text !== y.text) what.push(`文字 ${textChange(x.text, y.text)}`);
  if (!what.length) what.push(`${short(x)} → ${short(y)}`);
  add(ctx, place, kind, `${place.label}：${zh}${what.join('；')}`, `${place.label}: ${key} changed`, extra);
}
