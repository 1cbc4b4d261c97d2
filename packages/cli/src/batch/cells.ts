/** The batch report as text cells (Chinese headers), shared by the terminal, CSV, Markdown and Excel forms. */
import { SUBMISSION_BLOCKING_CODES, showScore, type AuditDifference } from '@jixiao/engine';
import { ADJUSTMENT_NAME, adjustmentText } from '../present/adjustments.ts';
import type { BatchExtras, BatchReport } from './rows.ts';

export const ROW_HEAD = ['案例文件', '名称', '资金执行率得分', '指标数', '计算总分', '报告（自评）总分', '差异数', '等级'] as const;
/** Indexes of numeric columns in ROW_HEAD. */
export const ROW_NUMERIC = [2, 3, 4, 5, 6];

/** One difference in a line: `funds「资金执行率」报告 9.90，计算 9.80：原因`. */
export function differenceText(d: AuditDifference, places: number): string {
  return `${d.indicator}「${d.name}」报告 ${showScore(d.reported, places)}，计算 ${showScore(d.computed, places)}${d.documented ? '（已记载）' : ''}：${d.reason}`;
}

/** Row cells (ROW_HEAD order), scores shown with the scheme's decimals. */
export function rowCells(report: BatchReport, extras: BatchExtras): string[][] {
  return report.rows.map((r, i) => {
    const p = extras.places[i] ?? 2;
    return [r.case, r.name, showScore(r.fundsScore, p), String(extras.indicators[i] ?? ''), showScore(r.computedTotal, p), showScore(r.reportedTotal, p), String(r.differences.length), r.grade];
  });
}

/** Head of the 总分调整 table (CSV block, Markdown, Excel sheet). */
export const ADJUSTMENT_HEAD = ['案例文件', '名称', '调整', '调整前', '调整后', '说明'] as const;

/** One line per step from a case's sum to its total (不适用折算, 总分封顶), scores at the scheme's places; ADJUSTMENT_HEAD order. */
export function adjustmentCells(report: BatchReport, extras: BatchExtras): string[][] {
  return report.rows.flatMap((r, i) => {
    const p = extras.places[i] ?? 2;
    return (r.adjustments ?? []).map((a) => [r.case, r.name, ADJUSTMENT_NAME[a.kind], showScore(a.before, p), showScore(a.after, p), a.text]);
  });
}

/** The steps for the terminal, one line each: "cases/a.json（名称）总分封顶（total capped）：97.50 → 89.00（-8.50）；…". */
export function adjustmentLinesOf(report: BatchReport, extras: BatchExtras): string[] {
  return report.rows.flatMap((r, i) => (r.adjustments ?? []).map((a) => `${r.case}（${r.name}）${adjustmentText(a, extras.places[i] ?? 2)}`));
}

/** Head of the 警告 table (CSV block, Markdown, Excel sheet): the sheets' coded warnings. */
export const WARNING_HEAD = ['案例文件', '名称', '指标', '警告', '能否提交'] as const;

/** One line per coded warning of a case's sheet (WARNING_HEAD order); 能否提交 says whether it blocks 提交. */
export function warningCells(report: BatchReport): string[][] {
  return report.rows.flatMap((r) => (r.warnings ?? []).map((w) => [r.case, r.name, w.indicator ?? '', w.message, SUBMISSION_BLOCKING_CODES.has(w.code) ? '不能提交' : '可提交']));
}

/** The warnings for the terminal, one line each: "cases/a.json（名称）：…各指标行分值合计140分…（不能提交）". */
export function warningLinesOf(report: BatchReport): string[] {
  return warningCells(report).map(([file, name, , message, submit]) => `${file}（${name}）：${message}（${submit}）`);
}

/** Summary as label/value pairs. */
export function summaryPairs(report: BatchReport): [string, string][] {
  const s = report.summary;
  return [
    ['案例数', String(s.count)],
    ['平均分', s.mean ?? '—'],
    ...Object.entries(s.grades).map(([g, n]): [string, string] => [`等级“${g}”`, String(n)]),
    ['差异数', String(s.discrepancies)],
    ['无法计分', String(s.failed)],
  ];
}

/** Summary in one line for the terminal. */
export function summaryLine(report: BatchReport): string {
  const s = report.summary;
  const grades = Object.entries(s.grades).map(([g, n]) => `${g} ${n}`).join('，');
  return `汇总：${s.count} 个已计分，平均分 ${s.mean ?? '—'}；等级分布：${grades || '—'}；差异 ${s.discrepancies} 处；无法计分 ${s.failed} 个（count ${s.count}, mean ${s.mean ?? '-'}, discrepancies ${s.discrepancies}, failed ${s.failed}）`;
}
