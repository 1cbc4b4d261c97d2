/**
 * The batch report as an Excel workbook (exceljs), the sheet a reviewer opens in Excel/WPS:
 * 「评分结果」 one row per project with Chinese headers, 「汇总」, 「差异明细」, 「总分调整」 (only when a total was
 * renormalised or capped) and 「无法计分」.
 * Scores go into cells as numbers (so they sort and sum) shown with the scheme's decimals; Excel stores
 * every number as a binary double, which holds these 2-decimal scores exactly enough to display them.
 */
import { showScore } from '@jixiao/engine';
import ExcelJS from 'exceljs';
import { ADJUSTMENT_HEAD, adjustmentCells, ROW_HEAD, WARNING_HEAD, warningCells } from './cells.ts';
import type { BatchExtras, BatchReport } from './rows.ts';

function num(s: string | null): number | null {
  return s === null ? null : Number(s);
}

function numFmt(places: number): string {
  return places > 0 ? `0.${'0'.repeat(places)}` : '0';
}

function styleHead(ws: ExcelJS.Worksheet, widths: number[]): void {
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** Builds the workbook. */
export function toWorkbook(report: BatchReport, extras: BatchExtras): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.created = new Date();

  const ws = wb.addWorksheet('评分结果');
  ws.addRow(['序号', ...ROW_HEAD]);
  report.rows.forEach((r, i) => {
    const p = extras.places[i] ?? 2;
    const row = ws.addRow([i + 1, r.case, r.name, num(r.fundsScore), extras.indicators[i] ?? null, num(r.computedTotal), num(r.reportedTotal), r.differences.length, r.grade]);
    for (const c of [4, 6, 7]) row.getCell(c).numFmt = numFmt(p);
  });
  styleHead(ws, [6, 40, 36, 14, 8, 10, 16, 8, 6]);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ROW_HEAD.length + 1 } };

  const sum = wb.addWorksheet('汇总');
  sum.addRow(['项目', '数值']);
  const s = report.summary;
  sum.addRow(['案例数', s.count]);
  sum.addRow(['平均分', num(s.mean)]).getCell(2).numFmt = '0.00';
  for (const [g, n] of Object.entries(s.grades)) sum.addRow([`等级“${g}”`, n]);
  sum.addRow(['差异数', s.discrepancies]);
  sum.addRow(['无法计分', s.failed]);
  styleHead(sum, [16, 12]);

  const diff = wb.addWorksheet('差异明细');
  diff.addRow(['案例文件', '名称', '指标', '指标名称', '报告得分', '计算得分', '原因', '案例已记载']);
  report.rows.forEach((r, i) => {
    for (const d of r.differences) {
      diff.addRow([r.case, r.name, d.indicator, d.name, showScore(d.reported, extras.places[i] ?? 2), showScore(d.computed, extras.places[i] ?? 2), d.reason, d.documented ? '是' : '否']);
    }
  });
  styleHead(diff, [40, 30, 16, 20, 10, 10, 60, 10]);

  const adjusted = adjustmentCells(report, extras);
  if (adjusted.length) {
    const adj = wb.addWorksheet('总分调整');
    adj.addRow([...ADJUSTMENT_HEAD]);
    for (const a of adjusted) adj.addRow(a);
    styleHead(adj, [40, 30, 30, 10, 10, 80]);
  }

  const warned = warningCells(report);
  if (warned.length) {
    const warn = wb.addWorksheet('警告');
    warn.addRow([...WARNING_HEAD]);
    for (const w of warned) warn.addRow(w);
    styleHead(warn, [40, 30, 16, 90, 10]);
  }

  const fail = wb.addWorksheet('无法计分');
  fail.addRow(['文件', 'JSON 路径', '说明', 'English']);
  for (const f of extras.failures) fail.addRow([f.file, f.path, f.message, f.messageEn]);
  styleHead(fail, [40, 30, 70, 70]);
  return wb;
}

/** Writes the workbook to `path`. */
export async function writeXlsx(path: string, report: BatchReport, extras: BatchExtras): Promise<void> {
  await toWorkbook(report, extras).xlsx.writeFile(path);
}
