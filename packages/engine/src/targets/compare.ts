/**
 * compareTarget: 年度指标值 vs 实际完成值 for one row of a 项目支出绩效自评表 (seed 001).
 * "≥1000家" vs "1100家" → met; "≥3个" vs "1个" → notMet, ratio 1/3; "≤100%" vs "98%" → met;
 * "2020年6月30日" vs "2020年3月26日" → met; "及时" vs "及时" → qualitative (a reviewer decides).
 */
import { Dec } from '../decimal/exact.ts';
import { dateSpan, showDate } from './dates.ts';
import { compareNumeric, type ComparedNumbers, type NumericValue } from './numeric.ts';
import { parseValue } from './parse.ts';
import { normalizeText } from './normalize.ts';
import { showPercent as showFraction } from '../display/index.ts';
import type { Comparison, DateValue, Outcome, ParsedValue, QualitativeValue, TargetContext } from './types.ts';

const ZERO = new Dec(0);
const ONE = new Dec(1);

const KIND_NAME: Record<ParsedValue['kind'], string> = {
  quantitative: '数量',
  percent: '百分比',
  date: '日期',
  duration: '时长',
  qualitative: '文字表述',
  notApplicable: '不适用',
};

function isNumeric(v: ParsedValue): v is NumericValue {
  return v.kind === 'quantitative' || v.kind === 'percent' || v.kind === 'duration';
}

function verdict(outcome: Outcome): string {
  switch (outcome) {
    case 'met':
      return '达成';
    case 'notMet':
      return '未达成';
    case 'qualitative':
      return '需酌情判断';
    case 'notApplicable':
      return '不适用';
    case 'incomparable':
      return '无法比较';
  }
}

interface Draft {
  outcome: Outcome;
  ratio?: Dec;
  numbers?: ComparedNumbers;
  /** Said in brackets after the verdict. */
  detail?: string;
  warnings?: string[];
}

function finish(t: ParsedValue, a: ParsedValue, d: Draft): Comparison {
  const head = `目标${t.text.trim() || '（空）'}，实际${a.text.trim() || '（空）'}，${verdict(d.outcome)}`;
  const details: string[] = [];
  if (d.detail) details.push(d.detail);
  if (d.outcome === 'notMet' && d.ratio && d.ratio.gt(0)) details.push(`完成比例${showFraction(d.ratio)}`);
  return {
    outcome: d.outcome,
    ...(d.ratio !== undefined ? { ratio: d.ratio } : {}),
    ...(d.numbers !== undefined ? { numbers: d.numbers } : {}),
    explanation: details.length ? `${head}（${details.join('；')}）` : head,
    warnings: d.warnings ?? [],
    target: t,
    actual: a,
  };
}

/** Deadline: met when the actual's last possible day is on or before the target's last day. */
function compareDates(t: DateValue, a: DateValue, context: TargetContext | undefined): Draft {
  const warnings: string[] = [];
  const year = t.date.year ?? a.date.year ?? context?.year;
  if ((t.date.year === undefined || a.date.year === undefined) && year !== undefined && t.date.year !== a.date.year) {
    warnings.push(`${t.date.year === undefined ? '目标' : '实际'}日期未写年份，按${year}年理解`);
  }
  const ts = dateSpan(t.date, t.date.year ?? year);
  const as = dateSpan(a.date, a.date.year ?? year);
  const limit = `期限${showDate({ ...t.date, ...(year !== undefined ? { year } : {}) })}${t.date.day === undefined ? '底' : ''}`;
  if (as.end <= ts.end) return { outcome: 'met', ratio: ONE, detail: limit, warnings };
  if (as.start > ts.end) return { outcome: 'notMet', ratio: ZERO, detail: `晚于${limit}`, warnings };
  const reason = `实际日期“${a.text.trim()}”精度不足，无法判断是否在${limit}前`;
  return { outcome: 'incomparable', warnings: [reason, ...warnings] };
}

/** Qualitative target: the reviewer decides; the explanation says how the actual reads. */
function compareQualitative(t: QualitativeValue, a: ParsedValue): Draft {
  if (a.kind !== 'qualitative') {
    return { outcome: 'qualitative', detail: `定性目标，实际为${KIND_NAME[a.kind]}`, warnings: ['目标为文字表述，实际为数值，需酌情判断'] };
  }
  if (normalizeText(t.text) === normalizeText(a.text)) return { outcome: 'qualitative', detail: '表述一致' };
  if (t.grade && a.grade) {
    const ok = t.grade.orAbove ? a.grade.level >= t.grade.level : a.grade.level === t.grade.level;
    return { outcome: 'qualitative', detail: ok ? '等级达到目标' : '等级未达到目标' };
  }
  if (a.polarity === 'positive') return { outcome: 'qualitative', detail: '实际表述为肯定' };
  return { outcome: 'qualitative', detail: '实际表述与目标不同', warnings: ['实际表述与目标不一致，需核实'] };
}

/**
 * Compares a 年度指标值 with its 实际完成值. Never throws.
 *
 * - target 不适用/无 → notApplicable;
 * - actual says it was not done (未完成, 未支付, 暂缓举办 …) → notMet, ratio 0; actual 无/"/"/"--" → notMet,
 *   ratio 0, with a warning (every such row in seed 001 scored 0);
 * - qualitative target → qualitative (judgement decides), with how the actual reads;
 * - numbers: units reconciled (元/万元/亿元 convert; 家 vs 个 → incomparable "单位不一致"), then the target's
 *   comparator decides; ≤ targets (成本, 时限) compare the other way. A target without comparator reads
 *   as ≥ (达到), or ≤ on cost rows (context.category 成本指标 / indicator 成本, 控制数) and for time limits;
 *   "=" accepts more than the target with a warning (except for 0 and cost rows);
 * - dates are deadlines: met when the actual is on or before the target date;
 * - a numeric target with an actual in words → qualitative, except "暂未收到投诉" (read as 0).
 * `ratio` (for proportional scoring) is actual/target (≥) or target/actual (≤), capped at 1.
 *
 * @param context the row's 三级指标 name and 二级指标 (for targets without comparator) and the year
 */
export function compareTarget(target: string, actual: string, context?: TargetContext): Comparison {
  const t = parseValue(target);
  const a = parseValue(actual);
  try {
    return finish(t, a, decideRow(t, a, context));
  } catch (e) {
    // Defensive: one row must never stop a table.
    return finish(t, a, { outcome: 'incomparable', warnings: [`比较出错：${e instanceof Error ? e.message : String(e)}`] });
  }
}

function decideRow(t: ParsedValue, a: ParsedValue, context: TargetContext | undefined): Draft {
  if (t.kind === 'notApplicable') return { outcome: 'notApplicable' };
  if (a.kind === 'qualitative' && a.polarity === 'negative') return { outcome: 'notMet', ratio: ZERO, detail: '实际表述为未完成' };
  if (a.kind === 'notApplicable') {
    return { outcome: 'notMet', ratio: ZERO, warnings: [`实际完成值为“${a.text.trim()}”，按未完成处理`] };
  }
  if (t.kind === 'qualitative') return compareQualitative(t, a);
  if (a.kind === 'qualitative') {
    if (a.none && t.kind === 'quantitative') {
      const zero = parseValue(`0${t.unit ? t.unit.symbol : ''}`);
      if (isNumeric(zero)) {
        const r = compareNumeric(t, zero, context);
        const w = [`实际“${a.text.trim()}”按0理解`];
        return r.outcome === 'incomparable' ? { outcome: 'incomparable', warnings: [...r.warnings, ...w] } : { outcome: r.outcome, ratio: r.ratio, warnings: [...w, ...r.warnings] };
      }
    }
    if (a.polarity === 'positive' && (t.kind === 'date' || t.kind === 'duration')) {
      return { outcome: 'qualitative', detail: '实际未给出具体时间', warnings: [`实际值“${a.text.trim()}”为文字表述，无法与目标${KIND_NAME[t.kind]}比较`] };
    }
    return { outcome: 'qualitative', warnings: [`实际值“${a.text.trim()}”为文字表述，无法与目标${KIND_NAME[t.kind]}定量比较`] };
  }
  if (t.kind === 'date') {
    if (a.kind === 'date') return compareDates(t, a, context);
    return { outcome: 'incomparable', warnings: [`目标为日期，实际为${KIND_NAME[a.kind]}`] };
  }
  if (a.kind === 'date') return { outcome: 'incomparable', warnings: [`目标为${KIND_NAME[t.kind]}，实际为日期`] };
  if (!isNumeric(t) || !isNumeric(a)) return { outcome: 'incomparable', warnings: [`目标为${KIND_NAME[t.kind]}，实际为${KIND_NAME[a.kind]}`] };
  const r = compareNumeric(t, a, context);
  if (r.outcome === 'incomparable') return { outcome: 'incomparable', detail: r.reason, warnings: r.warnings };
  return { outcome: r.outcome, ratio: r.ratio, ...(r.detail ? { detail: r.detail } : {}), warnings: r.warnings, ...(r.numbers ? { numbers: r.numbers } : {}) };
}
