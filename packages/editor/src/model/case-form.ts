/**
 * The case form's model (案例填报): a new case document for a scheme, the form's reading of each declared
 * fact (value and its 来源/佐证 note), the reviewer items a scheme asks for (酌情 leaves and parts, 0 to
 * their 分值, a reason required), the 元/万元 conversion shown beside a money field, and the engine's
 * issues sorted by the field they belong to. Pure functions over plain documents; no scoring here (the
 * engine scores in the worker).
 */
import { CASE_FIELD_LABELS, Dec, FORMAT_VERSION, bandBounds, halfWidthNumber, compareTarget, inBounds, isFixed, percentPointsMeant, percentPointsValue, readFactNumber, showBand, showMoney, type BandT, type EvaluationKind } from '@jixiao/engine';
import type { CaseDoc, Indicator, Input, Issue, Scheme } from './types.ts';
import { factOf } from './facts.ts';

/**
 * What a user types to create a case: 案例标识, its name and its department (and the year and scheme it is
 * under), labelled as `CASE_FIELD_LABELS` says for the scheme's kind.
 */
export interface NewCaseFields {
  /** File name of the case, e.g. `shenzhen-culture` (letters, digits, 汉字, `_ . -`, not starting with `.`). */
  id: string;
  /** 案例名称 (部门整体), e.g. 深圳市文化广电旅游体育局2024年度部门整体支出绩效自评; 项目名称 for a project. */
  name: string;
  /** 部门（单位）名称 (部门整体), e.g. 深圳市文化广电旅游体育局; 主管部门 for a project. */
  department: string;
}

/** The kind of evaluation a scheme is for: a project scheme has 年度绩效指标 rows (`rowsFactOf`), any other is 部门整体. */
export function evaluationKindOf(scheme: Pick<Scheme, 'indicators'>): EvaluationKind {
  return rowsFactOf(scheme) !== null ? 'project' : 'department';
}

/** The case id pattern of the API (`CASE_ID_PATTERN` of @jixiao/api, written out for the browser). */
const CASE_ID = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]{0,119}$/u;
/** The longest case id the pattern allows, in characters (code points, as the `u` pattern counts them). */
const CASE_ID_MAX = 120;

/** Chinese problems of the create form's fields (empty when the case can be created), the fields named as for `kind`. */
export function newCaseProblems(f: NewCaseFields, existingIds: readonly string[], kind: EvaluationKind = 'department'): string[] {
  const out: string[] = [];
  const label = CASE_FIELD_LABELS[kind];
  if (!f.name.trim()) out.push(`请填写${label.name}`);
  if (!f.department.trim()) out.push(`请填写${label.department}`);
  if (!f.id.trim()) out.push('请填写案例标识（用于网址和导出的文件名，如 shenzhen-culture）');
  else if ([...f.id.trim()].length > CASE_ID_MAX) out.push(`案例标识最多 ${CASE_ID_MAX} 个字符，现有 ${[...f.id.trim()].length} 个，请缩短`);
  else if (!CASE_ID.test(f.id.trim())) out.push('案例标识只能含文字、数字与 _ . -，且须以文字、数字或 _ 开头');
  else if (existingIds.includes(f.id.trim())) out.push(`案例标识“${f.id.trim()}”已被使用，请换一个`);
  return out;
}

/**
 * A new, empty case (填报中) of `scheme` for the department: no facts yet, the scheme's year and id, written in
 * the current format version (`formatVersion`: a document the product creates says which format wrote it).
 */
export function newCaseDoc(scheme: Pick<Scheme, 'id' | 'year'>, f: NewCaseFields): CaseDoc {
  return { formatVersion: FORMAT_VERSION, id: f.id.trim(), name: f.name.trim(), department: f.department.trim(), year: scheme.year, scheme: { id: scheme.id, year: scheme.year }, facts: {} };
}

/** One field of the form: the fact's value as the case holds it and its 来源/佐证 note. */
export interface FactEntry {
  value: unknown;
  source: string;
}

export function factEntry(doc: CaseDoc, id: string): FactEntry {
  const f = factOf((doc.facts as Record<string, unknown>)[id]);
  return { value: f.value, source: f.source ?? '' };
}

/**
 * A copy of `doc` with fact `id` set: `value` undefined removes the fact (未填); a non-empty `source`
 * is kept beside the value as `{ value, source }`.
 */
export function withFact(doc: CaseDoc, id: string, value: unknown, source: string): CaseDoc {
  const facts = { ...(doc.facts as Record<string, unknown>) };
  if (value === undefined && !source.trim()) delete facts[id];
  else facts[id] = source.trim() ? { value: value === undefined ? null : value, source } : value === undefined ? null : value;
  return { ...doc, facts: facts as CaseDoc['facts'] };
}

/**
 * A number read from a fact's text as the case stores it: a JSON number when that number writes the
 * decimal exactly (1234.5), else the decimal as text ("1234567890123.456789": more digits than a JS
 * number holds; the format's `Num` takes decimal strings for exact values). No float arithmetic: the
 * decimal's own digits (`Dec.toFixed`) are compared with the number's text.
 */
function storedNumber(d: Dec): number | string {
  const t = d.toFixed();
  return String(Number(t)) === t ? Number(t) : t;
}

/** The text made ASCII as the engine reads a fact (full-width digits, ．，％－). */
const ascii = (text: string) => halfWidthNumber(text.trim());

/**
 * What a user typed into a number or count field (money: `moneyValue`), as the case stores it: the number the engine
 * reads from it (`readFactNumber`: full-width digits, thousands separators) — "1,234.5" → 1234.5,
 * "１２３４５．６" → 12345.6, and a decimal with more digits than a JS number holds as its exact text.
 * Text the engine cannot read as such a number ("abc", "1.2.3", or "50%" where no percent belongs) is
 * stored as typed, so the engine's message under the field quotes the user's own text. "" → undefined.
 */
export function numericValue(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const d = ascii(t).endsWith('%') ? null : readFactNumber(t);
  return d === null ? t : storedNumber(d);
}

/**
 * What a user typed into a money field (元, 万元), as the case stores it: the decimal text as typed, made
 * plain — half-width digits, no thousands separators (`halfWidthNumber`, commas dropped) — so the 分 a finance
 * user wrote stay: "150000.10" → "150000.10" (not the JSON number 150000.1), "100000.00" → "100000.00",
 * "１５０，０００．１０" → "150000.10", "1,234.5" → "1234.5". The bundled cases store money so ("148620.00"), the
 * case format allows decimal text, and the engine reads it exactly (`readFactNumber`). Text the engine cannot
 * read as a number ("abc", "50%") is stored as typed, so the engine's message quotes it. "" → undefined (未填).
 */
export function moneyValue(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return decimalText(t) ?? t;
}

/** The typed text as plain decimal text the engine reads to the same number ("1,234.50" → "1234.50"); null when it is not a number (or a percent). */
function decimalText(t: string): string | null {
  const half = ascii(t);
  const d = half.endsWith('%') ? null : readFactNumber(t);
  if (d === null) return null;
  const plain = half.replace(/,/g, '');
  // a form the engine reads but the case does not write as is (".5", "+5"): its exact value instead
  const again = /^-?[0-9]+(\.[0-9]+)?$/.test(plain) ? readFactNumber(plain) : null;
  return again !== null && again.eq(d) ? plain : d.toFixed();
}

/**
 * An indicator row's 分值 or 自评得分 typed in the 自评表, stored in the JSON type the rows already use for it
 * (the row's own value, else another row's, a value that is not a number not counted; a JSON number when none has one — the bundled cases write
 * `"points": 10`): as a number `numericValue` ("20" → 20), as text the plain decimal text ("20.0" → "20.0").
 * Text that is not a number is stored as typed; "" → undefined (未填).
 */
export function rowNumberValue(text: string, rows: readonly Record<string, unknown>[], index: number, key: 'points' | 'selfScore'): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  // only decimal text as the form writes it ("10.0") makes the rows text: a value stored as typed on the way to a
  // number ("14." before "14.5", which an older form kept as typed) or not a number does not count
  const typeOf = (v: unknown) => (typeof v === 'number' ? 'number' : typeof v === 'string' && decimalText(v.trim()) === v.trim() ? 'string' : null);
  const own = typeOf(rows[index]?.[key]);
  const kind = own ?? rows.map((r) => typeOf(r[key])).find((k) => k !== null) ?? 'number';
  return kind === 'string' ? (decimalText(t) ?? t) : numericValue(t);
}

/**
 * A stored money value as finance staff read it in a table (打印视图's 项目资金): `showMoney` of the number the
 * engine reads ("150000.10" or 150000.1 → "150,000.10"); text that is not a number as stored; '' when not given.
 */
export function moneyText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  const d = typeof v === 'number' || typeof v === 'string' ? readFactNumber(String(v)) : null;
  return d === null || ascii(String(v)).endsWith('%') ? valueText(v) : showMoney(d.toFixed());
}

/** How a stored fact value is shown in a text field. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/**
 * The conversion shown beside a money field: a 万元 amount also in 元, an 元 amount also in 万元
 * (1 万元 = 10000 元, exact), written as finance staff write money; null when the text is not a number
 * or the unit is neither. Full-width digits and ．， are read as the engine reads them (１２，３４５．６).
 */
export function moneyConversion(text: string, unit: string | undefined): string | null {
  const d = ascii(text).endsWith('%') ? null : readFactNumber(text);
  if (d === null) return null;
  if (unit === '万元') return `＝ ${showMoney(d.times(10000).toString())} 元`;
  if (unit === '元') return `＝ ${showMoney(d.div(10000).toString())} 万元`;
  return null;
}

/** The unit shown after a field: the declared unit, % for a percent. */
export function unitOf(input: Input): string {
  if (input.type === 'percent') return '%';
  return input.unit ?? '';
}

/** The declared range in words, e.g. "0 至 1" or "不小于 0"; null without bounds. Percent bounds are fractions, shown as %. */
export function rangeText(input: Input): string | null {
  const show = (n: unknown) => (input.type === 'percent' ? `${new Dec(String(n)).times(100).toString()}%` : String(n));
  const lo = input.min !== undefined ? show(input.min) : null;
  const hi = input.max !== undefined ? show(input.max) : null;
  if (lo !== null && hi !== null) return `${lo} 至 ${hi}`;
  if (lo !== null) return `不小于 ${lo}`;
  if (hi !== null) return `不大于 ${hi}`;
  return null;
}

/** The text as a number the engine would read (`readFactNumber`), a percent sign excluded; else null. */
function readPercentPoints(text: string): Dec | null {
  return ascii(text).endsWith('%') ? null : readFactNumber(text);
}

/**
 * A percent field shows and takes percent points: "95" means 95% (the case stores "95%"); a stored
 * fraction (0.95, as the CLI and the API write it) or "95%" is shown as "95". Text that is not a number
 * ("abc", "abc%") is shown as it is stored, so the field never shows what the case does not hold.
 */
export function percentText(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v).trim();
  const half = halfWidthNumber(s);
  // "%" and "％" are one character each, so the typed digits are kept as typed (full-width or not)
  if (half.endsWith('%') && readPercentPoints(half.slice(0, -1)) !== null) return s.slice(0, -1).trim();
  const fraction = readPercentPoints(s);
  if (fraction !== null) return fraction.times(100).toString();
  return s;
}

/**
 * What a percent field's text is stored as: the text is percent points ("95" → "95%"), the engine's
 * `percentPointsValue` — the same rule the Excel import applies to a plain (not percent-formatted) cell, so a
 * percent typed the same way is the same fact on both. The sign keeps the engine's range messages in percent
 * ("为 150%，高于上限 100%"), where a fraction 1.5 would read as 150 written for 150%. Text that is not a number
 * is stored as typed, so the engine's message quotes the user's own text ("abc", not "abc%"). "" → undefined (未填).
 */
export function percentValue(text: string): string | undefined {
  return percentPointsValue(text);
}

/**
 * The warning shown under a percent field whose text is a non-zero number of at most 1 in size: the field
 * takes percent points, so 0.95 is 0.95%, while a reader of a report (or a habit from the CLI, which
 * takes fractions) may mean 95% (the engine's `percentPointsMeant`, as the Excel import warns). E.g. "0.95" →
 * "0.95 即 0.95%；若指 95%，请填 95"; null otherwise.
 */
export function percentPointsWarning(text: string): string | null {
  const shown = text.trim();
  const meant = percentPointsMeant(shown);
  return meant === null ? null : `${shown} 即 ${shown}%；若指 ${meant}%，请填 ${meant}`;
}

/** A reviewer item the scheme asks for: a 酌情 leaf, or a 酌情 part of a sum (`indicator/part`). */
export interface ReviewerItem {
  key: string;
  name: string;
  /** 分值 (分), the highest score allowed; 0 is the lowest. */
  points: string;
  guidance?: string;
  /** 评分档次 of the rule (bounds as shares of the 分值 or in 分), when the scheme limits the judgement to bands. */
  bands?: BandT[];
}

/** Every 酌情 (judgement) leaf and part of the scheme, in the table's order. */
export function judgementItems(scheme: Pick<Scheme, 'indicators'>): ReviewerItem[] {
  const out: ReviewerItem[] = [];
  const walk = (list: Indicator[]) => {
    for (const n of list) {
      if (n.children) walk(n.children);
      type J = { kind?: string; guidance?: string; bands?: BandT[] };
      const rule = n.rule as (J & { parts?: { id: string; name: string; points: unknown; rule?: J }[] }) | undefined;
      if (!rule) continue;
      const extra = (r: J) => ({ ...(r.guidance ? { guidance: r.guidance } : {}), ...(r.bands?.length ? { bands: r.bands } : {}) });
      if (rule.kind === 'judgement') out.push({ key: n.id, name: n.name, points: String(n.points), ...extra(rule) });
      for (const p of rule.kind === 'sum' ? (rule.parts ?? []) : []) {
        if (p.rule?.kind === 'judgement') out.push({ key: `${n.id}/${p.id}`, name: `${n.name} / ${p.name}`, points: String(p.points), ...extra(p.rule) });
      }
    }
  };
  walk(scheme.indicators);
  return out;
}

/** A reviewer entry as the form edits it (score as typed). */
export interface ReviewerDraft {
  score: string;
  reason: string;
  /** The band (评分档次) chosen, by its label, where the item has bands the reviewer chooses. */
  band?: string;
  basis?: 'judgement' | 'undisclosed';
}

/** One band as the form offers it: its label, its range in 分 in the engine's words, and whether the facts choose it. */
export interface BandChoice {
  label: string;
  /** The engine's showBand, e.g. "分值的60%（含）–80%，即 6–8分（不含8分）". */
  range: string;
  /** The band is chosen by a condition on the facts (`when`), not by the reviewer. */
  byFacts: boolean;
  /** The band's own wording, when the scheme gives one (bands chosen by the facts). */
  text?: string;
  /** One score only (equal included bounds): no judgement is needed within it. */
  fixed: boolean;
}

/**
 * The bands of an item (or row) of `points` 分 as choices, in the scheme's order, each range computed by
 * the engine (bandBounds, exact) and worded by it (showBand).
 */
export function bandChoices(bands: readonly BandT[], points: string): BandChoice[] {
  const p = pointsDec(points);
  return bands.map((b) => ({
    label: b.label,
    range: showBand(b, p),
    byFacts: b.when !== undefined,
    fixed: isFixed(bandBounds(b, p)),
    ...(b.text ? { text: b.text } : {}),
  }));
}

/** The 分值 as typed or stored, as an exact number (0 when it is not a number, so a form never breaks). */
function pointsDec(points: string): Dec {
  return /^\d+(\.\d+)?$/.test(points.trim()) ? new Dec(points.trim()) : new Dec(0);
}

/**
 * The Chinese problem of a score against the band chosen, or null when it lies inside (or the band is
 * unknown, or the score is not a number: other checks say so). The range is the engine's (bandBounds);
 * e.g. 10分, band 60%（含）–80% → 6 is inside, 8 is not.
 */
export function bandProblem(score: string, bands: readonly BandT[], label: string | undefined, points: string): string | null {
  const t = score.trim();
  if (!label || !/^\d+(\.\d+)?$/.test(t)) return null;
  const band = bands.find((b) => b.label.trim() === label.trim());
  if (!band) return `档次“${label}”不是本项的档次之一（${bands.map((b) => b.label).join('、')}）`;
  const p = pointsDec(points);
  if (inBounds(bandBounds(band, p), new Dec(t))) return null;
  return `给分 ${t} 分不在所选档次“${band.label}”的范围内（${showBand(band, p)}）`;
}

/**
 * Chinese problems of one reviewer entry: a number from 0 to the item's 分值, a reason, and where the
 * reviewer chooses among `bands`, a band chosen and the score inside it.
 */
export function reviewerProblems(e: ReviewerDraft, points: string, bands?: readonly BandT[]): string[] {
  const out: string[] = [];
  const t = e.score.trim();
  const chosen = bands?.length && !bands.some((b) => b.when !== undefined);
  if (chosen && !e.band?.trim()) out.push('请选择档次');
  if (t === '') out.push('请填写评审给分');
  // a negative number is a number below 0, not "not a number" (user review), as the engine says it
  else if (/^-\d+(\.\d+)?$/.test(t)) out.push(`给分 ${t} 低于 0 分（应在 0 至 ${points} 分之间）`);
  else if (!/^\d+(\.\d+)?$/.test(t)) out.push(`给分“${t}”不是数字`);
  else if (new Dec(t).gt(new Dec(points))) out.push(`给分 ${t} 超过本项分值 ${points} 分（应在 0 至 ${points} 分之间）`);
  else if (chosen) {
    const b = bandProblem(t, bands, e.band, points);
    if (b) out.push(b);
  }
  if (!e.reason.trim()) out.push('请填写给分理由（必填）');
  return out;
}

/** A copy of `doc` with reviewer entry `key` set (or, with null, removed). */
export function withReviewer(doc: CaseDoc, key: string, entry: ReviewerDraft | null): CaseDoc {
  const reviewer = { ...(doc.reviewer ?? {}) } as Record<string, unknown>;
  if (entry === null) delete reviewer[key];
  else reviewer[key] = { score: entry.score.trim(), reason: entry.reason, ...(entry.band?.trim() ? { band: entry.band.trim() } : {}), ...(entry.basis ? { basis: entry.basis } : {}) };
  const next = { ...doc, reviewer: reviewer as CaseDoc['reviewer'] };
  if (!Object.keys(reviewer).length) delete (next as { reviewer?: unknown }).reviewer;
  return next;
}

/** The engine's issues grouped by the fact they name (`fact`, else the `/facts/<id>` path), for inline display. */
export function issuesByFact(issues: readonly Issue[]): Map<string, Issue[]> {
  const out = new Map<string, Issue[]>();
  for (const i of issues) {
    const m = /^\/facts\/([^/]+)/.exec(i.path);
    const id = i.fact ?? (m ? decodeURIComponent((m[1] as string).replace(/~1/g, '/').replace(/~0/g, '~')) : null);
    if (!id) continue;
    out.set(id, [...(out.get(id) ?? []), i]);
  }
  return out;
}

/** The scheme's `rows` fact a `targets` rule reads (a project scheme), or null for a department scheme. */
export function rowsFactOf(scheme: Pick<Scheme, 'indicators'>): string | null {
  let found: string | null = null;
  const walk = (list: Indicator[]) => {
    for (const n of list) {
      const r = n.rule as { kind?: string; rowsFact?: string } | undefined;
      if (r?.kind === 'targets' && r.rowsFact && found === null) found = r.rowsFact;
      if (n.children) walk(n.children);
    }
  };
  walk(scheme.indicators);
  return found;
}

/**
 * The qualitative bands of the scheme's 年度绩效指标 (a `targets` rule with `policy.qualitative: "bands"`),
 * or null when qualitative rows are not scored by bands.
 */
export function rowBandsOf(scheme: Pick<Scheme, 'indicators'>): BandT[] | null {
  let found: BandT[] | null = null;
  const walk = (list: Indicator[]) => {
    for (const n of list) {
      const r = n.rule as { kind?: string; policy?: { qualitative?: string }; bands?: BandT[] } | undefined;
      if (found === null && r?.kind === 'targets' && r.policy?.qualitative === 'bands' && r.bands?.length) found = r.bands;
      if (n.children) walk(n.children);
    }
  };
  walk(scheme.indicators);
  return found;
}

/**
 * Whether the engine reads a row as 定性 (qualitative: judged within a band), from its 年度指标值 and
 * 实际完成值 as written — the same reading (compareTarget) the targets rule scores with.
 */
export function isQualitativeRow(row: { target?: string; actual?: string; level2?: string; level3?: string }, year: number): boolean {
  if (!row.target?.trim() || !row.actual?.trim()) return false;
  return compareTarget(row.target, row.actual, { indicator: row.level3 ?? '', category: row.level2 ?? '', year }).outcome === 'qualitative';
}
