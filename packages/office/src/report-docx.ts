/**
 * The official tables as a Word document (`docx`): A4 landscape, Chinese fonts named (宋体 for titles and
 * headers, 仿宋 for the body, Times New Roman for Latin text and digits), tables with thin borders and
 * merged cells for the 一级/二级 groupings as in the published reports; a total the scheme adjusted (不适用折算,
 * 总分封顶) is followed by a row per step in the engine's words. A family's batch is one document,
 * one section (page) per case.
 */
import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type ISectionOptions } from 'docx';
import { selfEvalGrid, type Scheme } from '@jixiao/engine';
import { headingLine, levelName, reportTable, runs, type DeptTable, type ProjectTable, type ReportTable } from './report-model.ts';
import type { ScoredCase } from './report-xlsx.ts';

/** Fonts of the document: Chinese text in 宋体 (titles, headers) and 仿宋 (body), Latin in Times New Roman. */
export const FONTS = { title: '宋体', body: '仿宋', latin: 'Times New Roman' } as const;

/** A4 in twentieths of a point (twips): 210 mm × 297 mm. */
const A4 = { width: 11906, height: 16838 } as const;
const MARGIN = 1000;
/** Usable width of an A4 landscape page, twips. */
const PAGE_WIDTH = A4.height - 2 * MARGIN;

const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

interface CellOpts {
  head?: boolean;
  bold?: boolean;
  center?: boolean;
  right?: boolean;
  rowSpan?: number;
  columnSpan?: number;
}

function run(text: string, bold: boolean, font: string, size = 18): TextRun {
  return new TextRun({ text, bold, size, font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: font } });
}

function cell(text: string, o: CellOpts = {}): TableCell {
  const paragraphs = (text === '' ? [''] : text.split('\n')).map(
    (t) => new Paragraph({ alignment: o.center || o.head ? AlignmentType.CENTER : o.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(t, Boolean(o.head || o.bold), o.head ? FONTS.title : FONTS.body)] }),
  );
  return new TableCell({
    children: paragraphs,
    verticalAlign: VerticalAlign.CENTER,
    ...(o.rowSpan && o.rowSpan > 1 ? { rowSpan: o.rowSpan } : {}),
    ...(o.columnSpan && o.columnSpan > 1 ? { columnSpan: o.columnSpan } : {}),
    ...(o.head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(text, true, FONTS.title, 32)] });
}

function para(text: string, size = 21): Paragraph {
  return new Paragraph({ spacing: { after: 120 }, children: [run(text, false, FONTS.body, size)] });
}

function table(rows: TableRow[], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  const columnWidths = widths.map((w) => Math.floor((w / total) * PAGE_WIDTH));
  return new Table({ rows, columnWidths, width: { size: PAGE_WIDTH, type: WidthType.DXA }, borders: BORDERS });
}

/** Which lines start a merged run in a column, and how long it is (0: covered by the run above). */
function spans(keys: (string | null)[]): number[] {
  const out = keys.map(() => 1);
  for (const [start, len] of runs(keys)) {
    if (keys[start] === null) continue;
    out[start] = len;
    for (let k = start + 1; k < start + len; k++) out[k] = 0;
  }
  return out;
}

/** The 部门整体支出绩效评分表 as document parts. */
function departmentParts(t: DeptTable): (Paragraph | Table)[] {
  const groups = Array.from({ length: t.depth }, (_, k) => (k < t.depth - 1 ? 3 : 2));
  const head1 = [...groups.map((n, k) => cell(levelName(k + 1), { head: true, columnSpan: n })), ...['指标说明', '评分标准', '得分'].map((h) => cell(h, { head: true, rowSpan: 2 }))];
  const head2 = groups.flatMap((n) => ['名称', '分值', '得分'].slice(0, n).map((h) => cell(h, { head: true })));
  const levelSpans = groups.map((_, k) => (k < t.depth - 1 ? spans(t.lines.map((l) => l.levels.slice(0, k + 1).map((x) => x?.id ?? '\u0000').join('/'))) : t.lines.map(() => 1)));
  const body = t.lines.map((l, i) => {
    const cells: TableCell[] = [];
    groups.forEach((n, k) => {
      const span = levelSpans[k]![i]!;
      if (span === 0) return; // covered by the merged cell above
      const node = l.levels[k];
      cells.push(cell(node?.name ?? '', { bold: k < t.depth - 1, rowSpan: span, center: k < t.depth - 1 }));
      cells.push(cell(node?.points ?? '', { center: true, rowSpan: span }));
      if (n === 3) cells.push(cell(node?.score ?? '', { center: true, rowSpan: span }));
    });
    cells.push(cell(l.description), cell(l.criterion), cell(l.note ? `${l.score}\n（${l.note}）` : l.score, { center: true }));
    return new TableRow({ children: cells, cantSplit: true });
  });
  const cols = groups.reduce((a, b) => a + b, 0) + 3;
  const total = new TableRow({ children: [cell(`合计（总分 ${t.totalPoints} 分）`, { bold: true, center: true, columnSpan: cols - 1 }), cell(t.total, { bold: true, center: true })] });
  const grade = new TableRow({ children: [cell('评价等级', { bold: true, center: true, columnSpan: cols - 1 }), cell(t.grade, { bold: true, center: true })] });
  // 总分调整 (不适用折算, 总分封顶): why 合计 is not the sum of the rows above, between 合计 and 评价等级; then what blocks 提交 (警告)
  const adjusted = [...t.adjustments, ...t.warnings].map((a) => new TableRow({ children: [cell(a, { columnSpan: cols })], cantSplit: true }));
  const widths = [...groups.flatMap((n) => (n === 3 ? [11, 5, 6] : [14, 5])), 34, 52, 7];
  return [heading(t.title), para(headingLine(t)), table([new TableRow({ children: head1, tableHeader: true }), new TableRow({ children: head2, tableHeader: true }), ...body, total, ...adjusted, grade], widths)];
}

/**
 * The 项目支出绩效自评表 as document parts: the official form as seed 001 lays it out (the engine's
 * `selfEvalGrid`, the cells the 打印视图 and the Excel report draw too), then its 说明 — the engine's notes (how each
 * row was read, 规则得分 and 自评得分, 总分调整, 警告, 等级) — as paragraphs after the table, never in its cells.
 */
function projectParts(t: ProjectTable): (Paragraph | Table)[] {
  const rows = selfEvalGrid(t.form).map(
    (line) =>
      new TableRow({
        cantSplit: true,
        children: line.map((c) => cell(c.text, { head: Boolean(c.head), center: Boolean(c.center), right: Boolean(c.right), columnSpan: c.colSpan, rowSpan: c.rowSpan })),
      }),
  );
  const notes = t.form.notes.length ? [para('说明：'), ...t.form.notes.map((n, k) => para(`${k + 1}. ${n}`, 18))] : [];
  return [heading(`${t.title}（${t.year}年度）`), para(headingLine(t)), table(rows, [10, 12, 12, 20, 14, 14, 7, 8, 26]), ...notes];
}

function section(t: ReportTable): ISectionOptions {
  return {
    properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: A4.width, height: A4.height }, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
    children: t.kind === 'department' ? departmentParts(t) : projectParts(t),
  };
}

function documentOf(sections: ISectionOptions[], title: string): Document {
  return new Document({
    creator: 'jixiao',
    title,
    styles: { default: { document: { run: { font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: FONTS.body }, size: 21 } } } },
    sections,
  });
}

/** The official table of one scored case as .docx bytes (评分表 or 自评表). */
export async function reportDocx(scheme: Scheme, kase: ScoredCase): Promise<Buffer> {
  const t = reportTable(scheme, kase.sheet, kase.doc);
  return Packer.toBuffer(documentOf([section(t)], `${kase.doc.name} ${t.title}`));
}

/** A family's batch as one .docx: one page (section) per case. */
export async function batchDocx(scheme: Scheme, cases: ScoredCase[]): Promise<Buffer> {
  return Packer.toBuffer(documentOf(cases.map((c) => section(reportTable(scheme, c.sheet, c.doc))), scheme.title));
}
