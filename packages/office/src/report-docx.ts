/**
 * The official tables as a Word document (`docx`): A4 landscape, Chinese fonts named (宋体 for titles and
 * headers, 仿宋 for the body, Times New Roman for Latin text and digits), tables with thin borders and
 * merged cells for the 一级/二级 groupings as in the published reports; a total the scheme adjusted (不适用折算,
 * 总分封顶) is followed by a row per step in the engine's words. A family's batch is one document,
 * one section (page) per case.
 */
import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, type ISectionOptions } from 'docx';
import { CASE_FIELD_LABELS, type Scheme } from '@jixiao/engine';
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
  rowSpan?: number;
  columnSpan?: number;
}

function run(text: string, bold: boolean, font: string, size = 18): TextRun {
  return new TextRun({ text, bold, size, font: { ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: font } });
}

function cell(text: string, o: CellOpts = {}): TableCell {
  const paragraphs = (text === '' ? [''] : text.split('\n')).map(
    (t) => new Paragraph({ alignment: o.center || o.head ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(t, Boolean(o.head || o.bold), o.head ? FONTS.title : FONTS.body)] }),
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

/** The 项目支出绩效自评表 as document parts. */
function projectParts(t: ProjectTable): (Paragraph | Table)[] {
  const cols = 9;
  const rows: TableRow[] = [];
  rows.push(new TableRow({ children: [cell(CASE_FIELD_LABELS.project.name, { head: true }), cell(t.name, { columnSpan: 4 }), cell(CASE_FIELD_LABELS.project.department, { head: true }), cell(t.department, { columnSpan: 3 })] }));
  // the funds block has its own columns: 项目资金 | each amount | 分值 | 执行率 | 得分 over the 9 columns
  const fundsCols = t.money.length + 4;
  const spread = (k: number) => (k === fundsCols - 1 ? cols - (fundsCols - 1) : 1);
  const fundsHead = [`项目资金（${t.moneyUnit}）`, ...t.money.map((m) => m.label), '分值', t.funds[0]?.rateLabel || '执行率', '得分'];
  rows.push(new TableRow({ children: fundsHead.map((h, k) => cell(h, { head: true, columnSpan: spread(k) })) }));
  (t.funds.length ? t.funds : [null]).forEach((f, k) => {
    const values = [k === 0 ? '年度资金总额' : (f?.name ?? ''), ...t.money.map((m) => (k === 0 ? m.value : '')), f?.points ?? '', f?.rate ?? '', f?.score ?? ''];
    rows.push(new TableRow({ children: values.map((v, j) => cell(v, { center: j > 0, columnSpan: spread(j) })) }));
  });
  rows.push(new TableRow({ tableHeader: true, children: ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '自评得分', '得分', '偏差原因分析及改进措施'].map((h) => cell(h, { head: true })) }));
  const s1 = spans(t.rows.map((r) => r.level1));
  const s2 = spans(t.rows.map((r) => `${r.level1}\u0000${r.level2}`));
  t.rows.forEach((r, i) => {
    const cells: TableCell[] = [];
    if (s1[i]! > 0) cells.push(cell(r.level1, { center: true, rowSpan: s1[i]! }));
    if (s2[i]! > 0) cells.push(cell(r.level2, { center: true, rowSpan: s2[i]! }));
    cells.push(cell(r.level3), cell(r.target), cell(r.actual), cell(r.points, { center: true }), cell(r.selfScore, { center: true }), cell(r.score, { center: true }), cell(r.deviation));
    rows.push(new TableRow({ children: cells, cantSplit: true }));
  });
  rows.push(new TableRow({ children: [cell('总分', { bold: true, center: true, columnSpan: 5 }), cell(t.totalPoints, { bold: true, center: true }), cell(t.selfTotalText, { center: true }), cell(t.total, { bold: true, center: true }), cell(`评价等级：${t.grade}`, { bold: true })] }));
  for (const a of [...t.adjustments, ...t.warnings]) rows.push(new TableRow({ children: [cell(a, { columnSpan: cols })], cantSplit: true }));
  return [heading(`${t.title}（${t.year}年度）`), para(headingLine(t)), table(rows, [11, 12, 20, 14, 14, 6, 7, 7, 28])];
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
