/**
 * The official tables as an Excel workbook (exceljs): merged cells for the 一级/二级 groupings, thin
 * borders, and scores as numbers with the scheme's places as their number format ("0.00"), so they sort and
 * sum in Excel and read as the engine shows them. A family's batch is one workbook: 汇总 and one sheet per
 * project.
 */
import ExcelJS from 'exceljs';
import { SELF_EVAL_FORM_COLUMNS, adjustmentLines, selfEvalGrid, showChange, showScore, type CaseDoc, type Scheme, type ScoreSheet } from '@jixiao/engine';
import { headingLine, levelName, reportTable, runs, type DeptTable, type ProjectTable, type ReportTable } from './report-model.ts';
import { BORDER, HEAD_FILL, scoreFormat } from './xlsx-style.ts';

/**
 * A score cell's value: the number Excel keeps for the engine's shown score ("93.18" → 93.18; Excel's double
 * nearest to a 2-decimal score shows as that score at the format's places) — text when it is not a plain
 * decimal ("8.60（未取整）", "").
 */
function scoreValue(shown: string): string | number | null {
  if (shown === '') return null;
  return /^-?\d+(\.\d+)?$/.test(shown) ? Number(shown) : shown;
}

interface Writer {
  ws: ExcelJS.Worksheet;
  row: number;
  places: number;
}

function put(w: Writer, col: number, value: ExcelJS.CellValue, opts: { bold?: boolean; head?: boolean; score?: boolean; center?: boolean } = {}): ExcelJS.Cell {
  const c = w.ws.getCell(w.row, col);
  c.value = value;
  c.border = BORDER;
  c.alignment = { wrapText: true, vertical: 'middle', horizontal: opts.center || opts.head || opts.score ? 'center' : 'left' };
  c.font = { name: '宋体', size: 10, bold: Boolean(opts.bold || opts.head) };
  if (opts.head) c.fill = HEAD_FILL;
  if (opts.score && typeof value === 'number') c.numFmt = scoreFormat(w.places);
  return c;
}

function title(w: Writer, cols: number, text: string, sub?: string): void {
  w.ws.mergeCells(w.row, 1, w.row, cols);
  const c = w.ws.getCell(w.row, 1);
  c.value = text;
  c.font = { name: '宋体', size: 16, bold: true };
  c.alignment = { horizontal: 'center', vertical: 'middle' };
  w.ws.getRow(w.row).height = 28;
  w.row++;
  if (sub) {
    w.ws.mergeCells(w.row, 1, w.row, cols);
    const s = w.ws.getCell(w.row, 1);
    s.value = sub;
    s.font = { name: '仿宋', size: 11 };
    w.row++;
  }
}

/** Merges the cells of `col` over each run of equal keys from `first`. */
function mergeRuns(ws: ExcelJS.Worksheet, first: number, cols: number[], keys: (string | null)[]): void {
  for (const [start, len] of runs(keys)) if (len > 1 && keys[start] !== null) for (const c of cols) ws.mergeCells(first + start, c, first + start + len - 1, c);
}

/**
 * 总分调整: a row per step from the indicators' sum to the total (不适用折算, 总分封顶), merged over the table's
 * `cols` columns, in the engine's words ("总分封顶：95.50 → 89.00（-6.50）；…"), so the table adds up with its reason.
 */
function adjustmentRows(w: Writer, cols: number, lines: readonly string[]): void {
  for (const line of lines) {
    w.ws.mergeCells(w.row, 1, w.row, cols);
    put(w, 1, line);
    w.ws.getRow(w.row).height = 30;
    w.row++;
  }
}

/** Writes the 部门整体支出绩效评分表. */
function departmentSheet(ws: ExcelJS.Worksheet, t: DeptTable, places: number): void {
  const w: Writer = { ws, row: 1, places };
  // per inner level: 名称, 分值, 得分; the leaf level: 名称, 分值; then 指标说明, 评分标准, 得分
  const groups = Array.from({ length: t.depth }, (_, k) => (k < t.depth - 1 ? 3 : 2));
  const cols = groups.reduce((a, b) => a + b, 0) + 3;
  title(w, cols, t.title, headingLine(t));
  let c = 1;
  groups.forEach((n, k) => {
    ws.mergeCells(w.row, c, w.row, c + n - 1);
    put(w, c, levelName(k + 1), { head: true });
    w.row++;
    ['名称', '分值', '得分'].slice(0, n).forEach((h, j) => put(w, c + j, h, { head: true }));
    w.row--;
    c += n;
  });
  for (const [k, h] of ['指标说明', '评分标准', '得分'].entries()) {
    ws.mergeCells(w.row, c + k, w.row + 1, c + k);
    put(w, c + k, h, { head: true });
  }
  w.row += 2;
  const first = w.row;
  for (const line of t.lines) {
    let col = 1;
    groups.forEach((n, k) => {
      const node = line.levels[k];
      put(w, col, node?.name ?? '', { bold: k < t.depth - 1 });
      put(w, col + 1, node ? Number(node.points) : null, { center: true });
      if (n === 3) put(w, col + 2, node ? scoreValue(node.score) : null, { score: true });
      col += n;
    });
    put(w, col, line.description);
    put(w, col + 1, line.criterion);
    put(w, col + 2, scoreValue(line.score), { score: true });
    if (line.note) ws.getCell(w.row, col + 2).note = line.note;
    w.row++;
  }
  // 一级 and 二级 cells merged over their leaves
  let col = 1;
  groups.forEach((n, k) => {
    if (k < t.depth - 1) {
      const keys = t.lines.map((l) => l.levels.slice(0, k + 1).map((x) => x?.id ?? '\u0000').join('/'));
      mergeRuns(ws, first, Array.from({ length: n }, (_, j) => col + j), keys);
    }
    col += n;
  });
  put(w, 1, '合计', { bold: true, center: true });
  ws.mergeCells(w.row, 1, w.row, cols - 1);
  put(w, cols, scoreValue(t.total), { score: true, bold: true });
  ws.getCell(w.row, 1).value = `合计（总分 ${t.totalPoints} 分）`;
  w.row++;
  adjustmentRows(w, cols, [...t.adjustments, ...t.warnings]);
  put(w, 1, '评价等级', { bold: true, center: true });
  ws.mergeCells(w.row, 1, w.row, cols - 1);
  put(w, cols, t.grade, { bold: true, center: true });
  const widths = groups.flatMap((n) => (n === 3 ? [12, 6, 7] : [16, 6]));
  [...widths, 40, 60, 8].forEach((wd, k) => (ws.getColumn(k + 1).width = wd));
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** Excel's number format of an amount (元): thousands separators and 2 decimals, as showMoney writes it. */
export const MONEY_FORMAT = '#,##0.00';

/**
 * Writes one 项目支出绩效自评表 from row `w.row`: the official form as seed 001 lays it out (the engine's
 * `selfEvalGrid`, the cells the 打印视图 and the Word report draw too) — amounts as numbers formatted #,##0.00,
 * 分值, 执行率 and 得分 as numbers formatted at the places the engine shows them — then its 说明, a merged row per engine note, after the table.
 */
function projectBlock(w: Writer, t: ProjectTable): void {
  const ws = w.ws;
  const cols = SELF_EVAL_FORM_COLUMNS;
  title(w, cols, `${t.title}（${t.year}年度）`, headingLine(t));
  const top = w.row;
  selfEvalGrid(t.form).forEach((line, k) => {
    w.row = top + k;
    for (const c of line) {
      const value = c.money !== undefined ? Number(c.money) : c.number !== undefined ? Number(c.number) : c.text === '' ? null : c.text;
      const cell = put(w, c.col, value, { head: Boolean(c.head), center: Boolean(c.center) });
      if (c.money !== undefined) cell.numFmt = MONEY_FORMAT;
      // a 分值, 得分 or 执行率 shows in Excel as the engine shows it: at the places of its text ("10", "3.50", "0.35")
      if (c.number !== undefined) cell.numFmt = scoreFormat(c.number.split('.')[1]?.length ?? 0);
      if (c.right) cell.alignment = { ...cell.alignment, horizontal: 'right' };
      if (c.colSpan > 1 || c.rowSpan > 1) {
        // the covered cells get the border too, so the merged cell is framed all round
        for (let r = w.row; r < w.row + c.rowSpan; r++) for (let col = c.col; col < c.col + c.colSpan; col++) ws.getCell(r, col).border = BORDER;
        ws.mergeCells(w.row, c.col, w.row + c.rowSpan - 1, c.col + c.colSpan - 1);
      }
    }
  });
  w.row = top + selfEvalGrid(t.form).length;
  if (t.form.notes.length) {
    w.row++;
    put(w, 1, '说明', { bold: true });
    w.row++;
    adjustmentRows(w, cols, t.form.notes.map((n, k) => `${k + 1}. ${n}`));
  }
  w.row++;
}

function projectWidths(ws: ExcelJS.Worksheet): void {
  [12, 18, 16, 24, 18, 18, 8, 9, 36].forEach((wd, k) => (ws.getColumn(k + 1).width = wd));
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** One scored case, for a report. */
export interface ScoredCase {
  doc: CaseDoc;
  sheet: ScoreSheet;
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '').slice(0, 28) || '表';
  let name = base;
  for (let n = 2; wb.getWorksheet(name); n++) name = `${base.slice(0, 26)}(${n})`;
  return name;
}

function addTable(wb: ExcelJS.Workbook, t: ReportTable, places: number, name: string): void {
  const ws = wb.addWorksheet(sheetName(wb, name));
  if (t.kind === 'department') departmentSheet(ws, t, places);
  else {
    projectBlock({ ws, row: 1, places }, t);
    projectWidths(ws);
  }
}

/** The official table of one scored case as a workbook (评分表 or 自评表). */
export function reportWorkbook(scheme: Scheme, kase: ScoredCase): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const t = reportTable(scheme, kase.sheet, kase.doc);
  addTable(wb, t, kase.sheet.places, t.kind === 'department' ? '评分表' : '自评表');
  return wb;
}

/**
 * A family's batch as one workbook: 汇总 (one row per case: name, each 一级指标's score, 总分, the reported
 * total and its difference, 等级, and 总分调整 — each step from the sum to 总分 — when some case's total was
 * adjusted) and one sheet per case with its official table. For a project scheme (自评表) the reported total is
 * the 自评总分 as the case now stands (the engine's `selfEvalTotalRow`, as the 自评表's 总分 row shows it), with
 * "原报告自评总分 …" beside it where the case's transcribed `reported.total` is another figure.
 */
export function batchWorkbook(scheme: Scheme, cases: ScoredCase[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet('汇总');
  const places = scheme.rounding.places;
  const w: Writer = { ws, row: 1, places };
  const tops = scheme.indicators.map((i) => i.name);
  const tables = cases.map((c) => reportTable(scheme, c.sheet, c.doc));
  const project = tables.some((t) => t.kind === 'project');
  // 总分调整 only when a case's total was adjusted (不适用折算, 总分封顶): each step in the engine's words
  const adjusted = cases.some((c) => (c.sheet.adjustments ?? []).length > 0);
  const head = ['序号', '名称', ...tops, '总分', project ? '自评总分' : '报告总分', '差异', '等级', ...(adjusted ? ['总分调整'] : [])];
  title(w, head.length, `${scheme.title} — 汇总`);
  head.forEach((h, k) => put(w, k + 1, h, { head: true }));
  w.row++;
  cases.forEach((c, n) => {
    put(w, 1, n + 1, { center: true });
    put(w, 2, c.doc.name);
    c.sheet.nodes.forEach((node, k) => put(w, 3 + k, scoreValue(showScore(node.score, places)), { score: true }));
    const base = 3 + tops.length;
    put(w, base, scoreValue(showScore(c.sheet.total, places)), { score: true, bold: true });
    const t = tables[n]!;
    if (t.kind === 'project') {
      if (t.selfTotalNote) put(w, base + 1, t.selfTotalText, { center: true });
      else put(w, base + 1, scoreValue(t.selfTotal), { score: true });
      put(w, base + 2, t.selfTotal === '' ? '' : showChange(t.selfTotal, c.sheet.total, places));
    } else {
      const reported = c.doc.reported?.total;
      put(w, base + 1, reported === undefined ? null : scoreValue(showScore(String(reported), places)), { score: true });
      put(w, base + 2, reported === undefined ? '' : showChange(String(reported), c.sheet.total, places));
    }
    put(w, base + 3, c.sheet.grade, { center: true });
    if (adjusted) put(w, base + 4, adjustmentLines(c.sheet).join('\n'));
    w.row++;
  });
  [6, 40, ...tops.map(() => 12), 10, project ? 16 : 10, 26, 6, 60].forEach((wd, k) => (ws.getColumn(k + 1).width = wd));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  tables.forEach((t, n) => addTable(wb, t, cases[n]!.sheet.places, `${n + 1} ${cases[n]!.doc.name}`));
  return wb;
}

export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
