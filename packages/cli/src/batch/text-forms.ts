/** The batch report as CSV, Markdown and JSON text. */
import { markdownTable } from '../present/markdown.ts';
import { ADJUSTMENT_HEAD, adjustmentCells, differenceText, ROW_HEAD, ROW_NUMERIC, rowCells, summaryPairs, WARNING_HEAD, warningCells } from './cells.ts';
import type { BatchExtras, BatchReport } from './rows.ts';

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(cells: string[]): string {
  return cells.map(csvField).join(',');
}

function differencesColumn(report: BatchReport, extras: BatchExtras): string[] {
  return report.rows.map((r, i) => r.differences.map((d) => differenceText(d, extras.places[i] ?? 2)).join('；'));
}

/**
 * CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so Excel/WPS read the Chinese): the rows with a
 * 差异说明 column, then after a blank line the summary (label, value), then the steps to the totals (总分调整:
 * 不适用折算, 总分封顶), the sheets' coded warnings (警告) and the failures, if any.
 */
export function toCsv(report: BatchReport, extras: BatchExtras): string {
  const diffs = differencesColumn(report, extras);
  const lines = [csvLine([...ROW_HEAD, '差异说明']), ...rowCells(report, extras).map((c, i) => csvLine([...c, diffs[i]!]))];
  lines.push('', csvLine(['汇总', '']), ...summaryPairs(report).map(csvLine));
  const adjusted = adjustmentCells(report, extras);
  if (adjusted.length) lines.push('', csvLine([...ADJUSTMENT_HEAD]), ...adjusted.map(csvLine));
  const warned = warningCells(report);
  if (warned.length) lines.push('', csvLine([...WARNING_HEAD]), ...warned.map(csvLine));
  if (extras.failures.length) {
    lines.push('', csvLine(['无法计分的文件', 'JSON 路径', '说明', 'English']));
    lines.push(...extras.failures.map((f) => csvLine([f.file, f.path, f.message, f.messageEn])));
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

/** Markdown: rows table, summary table, differences list, the steps to the totals (总分调整), warnings (警告) and failures. */
export function toMarkdown(report: BatchReport, extras: BatchExtras): string {
  const out = ['# 批量评分结果', '', markdownTable([...ROW_HEAD], rowCells(report, extras), ROW_NUMERIC), '', '## 汇总', '', markdownTable(['项目', '数值'], summaryPairs(report), [1])];
  const diffs = report.rows.flatMap((r, i) => r.differences.map((d) => `- ${r.case}（${r.name}）：${differenceText(d, extras.places[i] ?? 2)}`));
  if (diffs.length) out.push('', '## 差异明细', '', ...diffs);
  const adjusted = adjustmentCells(report, extras);
  if (adjusted.length) out.push('', '## 总分调整', '', markdownTable([...ADJUSTMENT_HEAD], adjusted, [3, 4]));
  const warned = warningCells(report);
  if (warned.length) out.push('', '## 警告', '', markdownTable([...WARNING_HEAD], warned));
  if (extras.failures.length) {
    out.push('', '## 无法计分', '', markdownTable(['文件', 'JSON 路径', '说明', 'English'], extras.failures.map((f) => [f.file, f.path, f.message, f.messageEn])));
  }
  return out.join('\n') + '\n';
}

/** JSON: exactly `{ rows, summary }`, scores as decimal strings. */
export function toJson(report: BatchReport): string {
  return JSON.stringify({ rows: report.rows, summary: report.summary }, null, 2) + '\n';
}
