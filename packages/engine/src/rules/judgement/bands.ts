/**
 * 评分档次 (bands): a reviewer's judgement constrained to a band of scores. Used by 酌情评分 (judgement) and
 * by 年度绩效指标行 (targets) for qualitative rows.
 *
 * Source (财预〔2020〕10号《项目支出绩效评价管理办法》, 项目支出绩效自评表 说明, as quoted in issue 10):
 * "定性指标根据指标完成情况分为：达成年度指标、部分达成年度指标并具有一定效果、未达成年度指标且效果较差三档，
 * 分别按照该指标对应分值区间100-80%（含）、80-60%（含）、60-0%合理确定分值。"
 * The same device serves a band whose points a document does not state ("完成率在60-100%的…"): the band
 * is chosen by a condition on the facts and the reviewer judges within it, never a placeholder 0.
 */
import { Dec, ONE, ZERO, plain, showPercent, toDec, toPlainDec } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import type { Condition } from '../../format/scheme-types.ts';
import type { EvalContext } from '../../evaluate/context.ts';
import { CannotCompute } from '../../evaluate/context.ts';
import { checkCondition } from '../../conditions/check.ts';
import { compileCondition, conditionRefs } from '../../conditions/condition.ts';
import { contains, isEmpty, type Bounds } from '../interval.ts';
import type { RuleSite } from '../kind.ts';
import { enteredScore, ruleMessages } from '../messages.ts';
import { judgementMessages as m } from './messages.ts';
import { add, pairUp, sameJson, type DiffCtx, type Place } from '../../versions/diff-context.ts';

/** One band as a scheme writes it (`BandSchema`): bounds are shares of the points unless `unit` is points. */
export interface BandT {
  label: string;
  unit?: 'share' | 'points';
  min?: number | string;
  minInclusive?: boolean;
  max?: number | string;
  maxInclusive?: boolean;
  when?: Condition;
  text?: string;
}

/** A band's bounds in 分 for an indicator (or row) of `points`: a missing min is 0, a missing max the points. */
export function bandBounds(b: BandT, points: Dec): Bounds {
  const scale = (v: number | string | undefined, dflt: Dec): Dec => {
    if (v === undefined) return dflt;
    const d = toDec(v) ?? ZERO;
    return b.unit === 'points' ? d : d.times(points);
  };
  return {
    min: scale(b.min, ZERO),
    minInclusive: b.min === undefined ? true : (b.minInclusive ?? true),
    max: scale(b.max, points),
    maxInclusive: b.max === undefined ? true : (b.maxInclusive ?? false),
  };
}

/** True when a band is one score (bounds equal and included): no reviewer is needed. */
export function isFixed(b: Bounds): boolean {
  return b.min !== null && b.max !== null && b.min.eq(b.max) && b.minInclusive && b.maxInclusive;
}

/**
 * A band's range as the sheet says it: "分值的60%（含）–80%，即 6–8分（不含8分）" for shares, "4–6分" for points.
 * @param points the indicator's (row's) 分值
 */
export function showBand(b: BandT, points: Dec): string {
  const r = bandBounds(b, points);
  const open = [...(r.minInclusive ? [] : [`${plain(r.min!)}分`]), ...(r.maxInclusive ? [] : [`${plain(r.max!)}分`])];
  const inPoints = `${plain(r.min!)}–${plain(r.max!)}分${open.length ? `（不含${open.join('、')}）` : ''}`;
  if (b.unit === 'points') return inPoints;
  const share = (v: number | string | undefined, d: Dec) => showPercent(v === undefined ? d : (toDec(v) ?? ZERO));
  const lo = `${share(b.min, ZERO)}${b.min !== undefined && (b.minInclusive ?? true) ? '（含）' : ''}`;
  const hi = `${share(b.max, ONE)}${b.max !== undefined && b.maxInclusive ? '（含）' : ''}`;
  return `分值的${lo}–${hi}，即 ${inPoints}`;
}

/**
 * Semantic problems of a list of bands: duplicate labels, an empty band, bounds outside 0 … the points
 * (shares outside 0–100%), and conditions on some bands but not all (who chooses the band must be one).
 * @param at the JSON path of the `bands` array
 * @param points the points the bands divide (null for rows, whose points each case brings)
 */
export function checkBands(bands: readonly BandT[], site: RuleSite, at: string, points: Dec | null): Issue[] {
  const out: Issue[] = [];
  const seen = new Set<string>();
  const withWhen = bands.filter((b) => b.when !== undefined).length;
  if (withWhen > 0 && withWhen < bands.length) {
    out.push(m.issue('band-when-mixed', { name: site.name }, { path: at, indicator: site.indicator }));
  }
  bands.forEach((b, i) => {
    const where = { path: pointer(at, i), indicator: site.indicator };
    const label = b.label.trim();
    if (seen.has(label)) out.push(m.issue('band-duplicate', { name: site.name, label }, { ...where, path: pointer(at, i, 'label') }));
    seen.add(label);
    const unit = b.unit ?? 'share';
    const top = unit === 'share' ? ONE : points;
    for (const side of ['min', 'max'] as const) {
      const v = b[side];
      if (v === undefined) continue;
      const d = toDec(v);
      const path = pointer(at, i, side);
      if (d === null) continue; // the JSON Schema reports it
      if (unit === 'points' && typeof v === 'string' && v.trim().endsWith('%')) {
        out.push(m.issue('band-outside', { name: site.name, label, value: String(v), unit, top: top === null ? null : plain(top) }, { ...where, path }));
      } else if (d.lt(ZERO) || (top !== null && d.gt(top))) {
        out.push(m.issue('band-outside', { name: site.name, label, value: unit === 'share' ? showPercent(d) : plain(d), unit, top: top === null ? null : unit === 'share' ? '100%' : plain(top) }, { ...where, path }));
      }
    }
    if (isEmpty(bandBounds(b, points ?? ONE))) out.push(m.issue('band-empty', { name: site.name, label }, where));
    if (b.when) out.push(...checkCondition(b.when, site, `${at.slice(site.path.length + 1)}/${i}/when`));
  });
  return out;
}

/** The facts and metrics the bands' conditions read. */
export function bandRefs(bands: readonly BandT[] | undefined): string[] {
  return (bands ?? []).flatMap((b) => (b.when ? conditionRefs(b.when) : []));
}

/** What a judgement within bands needs to know of where it is scored. */
export interface BandPlace {
  /** The indicator's (or row's) name, for messages. */
  name: string;
  /** 1-based row of 年度绩效指标, when the judgement is a row's. */
  row?: number;
  /** Who judges, for the trace: 评审 (the default) or 自评 (a row's self-evaluation). */
  by?: '评审' | '自评';
  /** Reviewer key, for messages ("outcomes", "performance/r03"). */
  key: string;
  /** Issue location (indicator, path of the reviewer entry or the row). */
  where: { indicator: string; path: string; fact?: string };
  points: Dec;
}

/** A reviewer's (or a self-evaluation's) entry: the band chosen, the score and the reason. */
export interface BandEntry {
  band?: string | undefined;
  score: unknown;
  reason?: unknown;
}

/** The result of judging within bands: the score, the band, and the lines of the trace. */
export interface BandJudgement {
  score: Dec;
  band: BandT;
  /** True when the band fixed the score (no reviewer's judgement). */
  fixed: boolean;
  reason?: string;
  /** "评审选择“部分达成年度指标并具有一定效果”档（分值的60%（含）–80%，即 6–8分（不含8分）），给分 7分". */
  text: string;
}

/** The row number of a place, as message params (nothing for an indicator). */
function row(place: BandPlace): { row?: number } {
  return place.row === undefined ? {} : { row: place.row };
}

/** Bands compiled once: each band's condition, if any. */
export interface CompiledBands {
  readonly bands: readonly BandT[];
  readonly preds: readonly (((ctx: EvalContext) => boolean) | null)[];
}

/** Compiles the bands' conditions. */
export function compileBands(bands: readonly BandT[], site: RuleSite): CompiledBands {
  const typeOf = (id: string) => site.decls.typeOf(id);
  return { bands, preds: bands.map((b) => (b.when ? compileCondition(b.when, typeOf) : null)) };
}

/**
 * Judges within bands. With conditions, the first band whose condition holds is the band (a fixed band
 * gives its score without an entry); without, the entry names the band. The entry's score must lie in
 * the band and carry a reason.
 * @throws CannotCompute with a catalogue issue naming the indicator (or row), the bands and the entry
 */
export function judgeInBands(c: CompiledBands, entry: BandEntry | undefined, place: BandPlace, ctx: EvalContext | null): BandJudgement {
  const { bands } = c;
  const labels = bands.map((b) => b.label).join('、');
  let band: BandT | undefined;
  if (c.preds.some((p) => p !== null)) {
    const i = ctx === null ? -1 : c.preds.findIndex((p) => p !== null && p(ctx));
    if (i < 0) throw new CannotCompute(m.issue('band-none-applies', { name: place.name, labels, ...row(place) }, place.where));
    band = bands[i]!;
    const range = bandBounds(band, place.points);
    if (isFixed(range)) return { score: range.min!, band, fixed: true, text: `属“${band.label}”档，得${plain(range.min!)}分` };
    if (entry?.band !== undefined && entry.band.trim() !== band.label.trim()) {
      throw new CannotCompute(m.issue('band-conflict', { name: place.name, chosen: entry.band, applies: band.label, ...row(place) }, place.where));
    }
  } else {
    if (!entry) throw new CannotCompute(m.issue('band-missing', { name: place.name, key: place.key, labels, ...row(place) }, place.where));
    if (entry.band === undefined || !entry.band.trim()) throw new CannotCompute(m.issue('band-missing', { name: place.name, key: place.key, labels, ...row(place) }, place.where));
    const chosen = entry.band.trim();
    band = bands.find((b) => b.label.trim() === chosen);
    if (!band) throw new CannotCompute(m.issue('band-unknown', { name: place.name, band: chosen, labels, ...row(place) }, place.where));
  }
  if (!entry) throw new CannotCompute(m.issue('judgement-missing', { name: place.name, key: place.key }, place.where));
  const s = toPlainDec(entry.score);
  if (s === null || s.lt(ZERO) || s.gt(place.points)) {
    throw new CannotCompute(m.issue('judgement-range', { name: place.name, key: place.key, score: enteredScore(entry.score), points: plain(place.points) }, place.where));
  }
  const range = bandBounds(band, place.points);
  if (!contains(range, s)) {
    throw new CannotCompute(m.issue('band-range', { name: place.name, band: band.label, range: showBand(band, place.points), score: plain(s), ...row(place), ...(place.by ? { by: place.by } : {}) }, place.where));
  }
  if (typeof entry.reason !== 'string' || !entry.reason.trim()) {
    throw new CannotCompute(ruleMessages.issue('judgement-reason', { name: place.name, key: place.key, entry: 'judgement' }, place.where));
  }
  return {
    score: s,
    band,
    fixed: false,
    reason: entry.reason,
    text: `${place.by ?? '评审'}选择“${band.label}”档（${showBand(band, place.points)}），给分 ${plain(s)}分`,
  };
}

const COUNT_ZH = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A share as the 财预 table writes a band's bound: 0.8 → "80", 1 → "100". */
function pctNumber(v: number | string | undefined, dflt: Dec): string {
  const d = v === undefined ? dflt : (toDec(v) ?? ZERO);
  return plain(d.times(100));
}

/**
 * The bands in the 财预〔2020〕10号 wording, highest first: "{subject}根据指标完成情况分为：达成年度指标、
 * 部分达成年度指标并具有一定效果、未达成年度指标且效果较差三档，分别按照该指标对应分值区间100-80%（含）、
 * 80-60%（含）、60-0%合理确定分值。" A band's lower bound carries （含） when it is included and above 0.
 * Bands chosen by conditions render their own `text` (or label), joined by "；".
 */
export function renderBands(bands: readonly BandT[], subject: string, points: Dec): string {
  if (bands.some((b) => b.when !== undefined)) return `${bands.map((b) => b.text ?? b.label).join('；')}。`;
  const n = bands.length;
  const count = n <= 10 ? COUNT_ZH[n]! : String(n);
  const ranges = bands.map((b) => {
    if (b.unit === 'points') {
      const r = bandBounds(b, points);
      return `${plain(r.max!)}-${plain(r.min!)}分${r.minInclusive && r.min!.gt(ZERO) ? '（含）' : ''}`;
    }
    const lo = pctNumber(b.min, ZERO);
    const inclusive = b.min !== undefined && (b.minInclusive ?? true) && lo !== '0';
    return `${pctNumber(b.max, ONE)}-${lo}%${inclusive ? '（含）' : ''}`;
  });
  return `${subject}根据指标完成情况分为：${bands.map((b) => b.label).join('、')}${count}档，分别按照该指标对应分值区间${ranges.join('、')}合理确定分值。`;
}

/** The change kinds a diff of bands reports (in the kinds that carry bands). */
export const BAND_CHANGES = {
  'bands-changed': '评分档次变更',
} as const;

/**
 * Reports the differences of two band lists (x older, y newer) at `place`, member `key` of the rule:
 * a band added, removed, or with another range or condition, paired by label.
 */
export function diffBands(ctx: DiffCtx, place: Place, key: string, x: readonly BandT[] | undefined, y: readonly BandT[] | undefined): void {
  const xs = x ?? [];
  const ys = y ?? [];
  if (sameJson(xs, ys)) return;
  // a band as written, without the points it will divide (a diff compares schemes, not indicators)
  const show = (b: BandT) => {
    if (b.unit !== 'points') return showBand(b, ONE).replace(/，即.*$/, '');
    const at = (v: number | string | undefined, dflt: string, inclusive: boolean | undefined, word: string) =>
      `${v === undefined ? dflt : plain(toDec(v) ?? ZERO)}${v !== undefined && inclusive === false ? `（不含）` : ''}${word}`;
    return `${at(b.min, '0', b.minInclusive, '')}–${at(b.max, '分值', b.maxInclusive ?? false, '')}分`;
  };
  const { pairs, onlyA, onlyB } = pairUp(xs, ys, [(b) => b.label.trim()]);
  for (const i of onlyA) {
    add(ctx, place, 'bands-changed', `${place.label}：删除档次“${xs[i]!.label}”（${show(xs[i]!)}）`, `${place.label}: band "${xs[i]!.label}" removed`, { sub: [key, i], pathAfter: null, before: xs[i] });
  }
  for (const j of onlyB) {
    add(ctx, place, 'bands-changed', `${place.label}：新增档次“${ys[j]!.label}”（${show(ys[j]!)}）`, `${place.label}: band "${ys[j]!.label}" added`, { sub: [key, j], pathBefore: null, after: ys[j] });
  }
  for (const [i, j] of pairs) {
    const a = xs[i]!;
    const b = ys[j]!;
    if (sameJson(a, b)) continue;
    const what = show(a) !== show(b) ? `${show(a)} → ${show(b)}` : '选择条件或原文变更';
    add(ctx, place, 'bands-changed', `${place.label}：档次“${b.label}”${what}`, `${place.label}: band "${b.label}" changed`, {
      pathBefore: pointer(place.pa, key, i),
      pathAfter: pointer(place.pb, key, j),
      before: a,
      after: b,
    });
  }
}
