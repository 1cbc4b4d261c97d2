/**
 * The fill-in workbook (填报模板) of a scheme, in the official layout:
 * - 事实表: the case's name, department and year, then every declared input fact with its Chinese label,
 *   the value cell (formatted and validated for its type: 元/万元 money with a unit list and the conversion
 *   noted, % percents, whole counts, 是/否 and enum lists as Excel data validation), its type, range or
 *   options, notes and a 来源/佐证 column;
 * - 评审表: every reviewer item (酌情评分 required; any other leaf only when the report withholds the facts it
 *   needs), the score validated within 0 … 分值, the reason required, the basis as a list;
 * - 自评表 (project schemes): one block per project — name, department, year, the funds block (项目资金) and
 *   the rows table (一级/二级/三级指标, 年度指标值, 实际完成值, 分值, 自评得分, 偏差原因分析及改进措施);
 * - 选项 (hidden): the enum lists; 模板信息: the scheme it was made for.
 */
import ExcelJS from 'exceljs';
import { showPercent, showPoints, type Input, type Scheme } from '@jixiao/engine';
import { BLOCK, BLOCK_SIDE, CASE_KEYS, FACT_COL, FACT_HEAD, META, REVIEW_COL, REVIEW_HEAD, ROW_COL, ROW_HEAD, BASIS, colLetter } from './layout.ts';
import { SHEETS, TYPE_NAME, blockInputs, isRequired, numOf, reviewerItems, rowsInput } from './model.ts';
import { BORDER, HEAD_FILL, INPUT_FILL, styleHead } from './xlsx-style.ts';

/** Options of `templateWorkbook`. */
export interface TemplateOptions {
  /** Project schemes: how many project blocks the 自评表 has (default 5). */
  projects?: number;
  /** Project schemes: indicator rows per block (default 25). */
  rowsPerProject?: number;
}

/** Excel number formats of the value cells, by fact type. */
const NUM_FMT: Partial<Record<Input['type'], string>> = { money: '#,##0.00', percent: '0.00%', count: '0' };

/** The range of a numeric input as the template writes it: "≥ 0", "0% – 100%". */
function rangeText(i: Input): string {
  const show = (v: string | number) => (i.type === 'percent' ? showPercent(numOf(v)) : showPoints(numOf(v)));
  if (i.min !== undefined && i.max !== undefined) return `${show(i.min)} – ${show(i.max)}`;
  if (i.min !== undefined) return `≥ ${show(i.min)}`;
  if (i.max !== undefined) return `≤ ${show(i.max)}`;
  return '';
}

/**
 * How a percent is filled, as the import reads it (import.ts `readFact`): the value cell is percent-formatted
 * ("0.00%"), so what it shows is what is read — 95 or 95% typed there shows 95.00% — and a plain cell (pasted
 * over, or text) takes percent points as the editor's percent field does (engine `percentPointsValue`): 95 and
 * "95%" are 95%, while 0.95 there is 0.95% (the import warns). So the words name 95 and 95% only.
 */
const PERCENT_NOTE = '填 95 或 95%（均为 95%），以单元格显示的百分数为准';

/** What the 说明 column says of an input: requiredness, units, the percent convention, its description. */
function noteText(i: Input): string {
  const parts: string[] = [isRequired(i) ? '必填' : `选填${i.default !== undefined ? `（缺省：${i.default === true ? '是' : i.default === false ? '否' : String(i.default)}）` : ''}`];
  if (i.type === 'money') parts.push(`方案按“${i.unit ?? '元'}”计；可按元或万元填写并在“单位”列选择，导入时按 1万元 = 10,000元 换算`);
  if (i.type === 'percent') parts.push(PERCENT_NOTE);
  if (i.type === 'enum') parts.push((i.options ?? []).map((o) => `${o.value}：${o.label}`).join('；'));
  if (i.description) parts.push(i.description);
  return parts.join('。');
}

/** Data validation of a value cell (numbers within the declared range, lists for 是/否 and options). */
function validation(i: Input, optionsRef: string | undefined): ExcelJS.DataValidation | undefined {
  const message = { showErrorMessage: true, errorStyle: 'stop', errorTitle: '填写有误', showInputMessage: true } as const;
  if (i.type === 'boolean') return { type: 'list', allowBlank: true, formulae: ['"是,否"'], ...message, error: '请从列表中选择“是”或“否”' };
  if (i.type === 'enum' && optionsRef) return { type: 'list', allowBlank: true, formulae: [optionsRef], ...message, error: '请从列表中选择' };
  if (i.type === 'number' || i.type === 'percent' || i.type === 'money' || i.type === 'count') {
    const type = i.type === 'count' ? 'whole' : 'decimal';
    // a money cell may be written in the other unit, so only its sign is checked here; the import checks the rest
    const min = i.type === 'money' ? (i.min !== undefined ? 0 : undefined) : i.min;
    const max = i.type === 'money' ? undefined : i.max;
    // Excel's validation bounds are doubles; a bound such as 0.95 or 1 is held exactly enough for the check
    const num = (v: string | number) => numOf(v).toNumber();
    if (min !== undefined && max !== undefined) return { type, operator: 'between', allowBlank: true, formulae: [num(min), num(max)], ...message, error: `应在 ${rangeText(i)} 之间` };
    if (min !== undefined) return { type, operator: 'greaterThanOrEqual', allowBlank: true, formulae: [num(min)], ...message, error: `应不小于 ${rangeText(i).slice(2)}` };
    if (max !== undefined) return { type, operator: 'lessThanOrEqual', allowBlank: true, formulae: [num(max)], ...message, error: `应不大于 ${rangeText(i)}` };
    return { type, operator: 'greaterThanOrEqual', allowBlank: true, formulae: [-1e15], ...message, error: '应为数字' };
  }
  return undefined;
}

function titleRows(ws: ExcelJS.Worksheet, cols: number, title: string, note: string): void {
  ws.mergeCells(1, 1, 1, cols);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { name: '宋体', size: 14, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 26;
  ws.mergeCells(2, 1, 2, cols);
  ws.getCell(2, 1).value = note;
  ws.getCell(2, 1).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = 48;
}

/** Where each enum input's options sit in the hidden 选项 sheet (one column per input). */
function optionRefs(inputs: Input[]): Map<string, string> {
  const refs = new Map<string, string>();
  enumInputs(inputs).forEach((i, k) => {
    const c = colLetter(k + 1);
    refs.set(i.id, `'${SHEETS.options}'!$${c}$2:$${c}$${(i.options ?? []).length + 1}`);
  });
  return refs;
}

function enumInputs(inputs: Input[]): Input[] {
  return inputs.filter((i) => i.type === 'enum' && i.options?.length);
}

/** Writes the enum options into the hidden 选项 sheet, at the places `optionRefs` names. */
function optionsSheet(wb: ExcelJS.Workbook, inputs: Input[]): void {
  const enums = enumInputs(inputs);
  if (!enums.length) return;
  const ws = wb.addWorksheet(SHEETS.options, { state: 'hidden' });
  enums.forEach((i, k) => {
    ws.getCell(1, k + 1).value = i.id;
    (i.options ?? []).forEach((o, r) => (ws.getCell(r + 2, k + 1).value = o.value));
  });
}

function factsSheet(wb: ExcelJS.Workbook, scheme: Scheme, inputs: Input[], lists: Map<string, string>): void {
  const ws = wb.addWorksheet(SHEETS.facts, { views: [{ state: 'frozen', ySplit: 3 }] });
  titleRows(
    ws,
    FACT_HEAD.length,
    `${scheme.title} — 事实表（填报模板）`,
    `请在“填报值”列填写（浅黄色单元格）。金额可按元或万元填写，并在“单位”列选择所填单位，导入时按 1万元 = 10,000元 换算为方案所用单位；百分比${PERCENT_NOTE}；是/否与选项从下拉列表选择；“来源/佐证”填写报告原句或佐证材料名称。“标识”列请勿修改。`,
  );
  ws.addRow(FACT_HEAD);
  styleHead(ws.getRow(3));
  const add = (cells: (string | number | null)[]) => {
    const row = ws.addRow(cells);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
      c.alignment = { wrapText: true, vertical: 'middle' };
    });
    row.getCell(FACT_COL.value).fill = INPUT_FILL;
    row.getCell(FACT_COL.source).fill = INPUT_FILL;
    return row;
  };
  for (const k of Object.values(CASE_KEYS)) {
    const row = add([k.key, k.label, k.key === CASE_KEYS.year.key ? scheme.year : null, '', k.key === CASE_KEYS.year.key ? '年份' : '文本', '', k.key === CASE_KEYS.name.key ? '必填' : '选填', null]);
    row.getCell(FACT_COL.source).fill = { type: 'pattern', pattern: 'none' };
    if (k.key === CASE_KEYS.year.key) row.getCell(FACT_COL.value).dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [2000, 2100], showErrorMessage: true, error: '应为四位年份' };
  }
  for (const i of inputs) {
    const options = i.type === 'enum' ? (i.options ?? []).map((o) => o.value).join(' / ') : rangeText(i);
    const row = add([i.id, i.label, null, i.type === 'money' ? (i.unit ?? '元') : i.type === 'percent' ? '%' : (i.unit ?? ''), TYPE_NAME[i.type], options, noteText(i), null]);
    const value = row.getCell(FACT_COL.value);
    const fmt = NUM_FMT[i.type];
    if (fmt) value.numFmt = fmt;
    const v = validation(i, lists.get(i.id));
    if (v) value.dataValidation = v;
    if (i.type === 'money') {
      const unit = row.getCell(FACT_COL.unit);
      unit.fill = INPUT_FILL;
      unit.dataValidation = { type: 'list', allowBlank: false, formulae: ['"元,万元"'], showErrorMessage: true, error: '单位应为“元”或“万元”' };
    }
  }
  [14, 44, 20, 8, 10, 24, 50, 50].forEach((w, k) => (ws.getColumn(k + 1).width = w));
}

function reviewerSheet(wb: ExcelJS.Workbook, scheme: Scheme): void {
  const items = reviewerItems(scheme);
  const ws = wb.addWorksheet(SHEETS.reviewer, { views: [{ state: 'frozen', ySplit: 3 }] });
  titleRows(
    ws,
    REVIEW_HEAD.length,
    `${scheme.title} — 评审表（评审录入）`,
    '“须录入”为“是”的酌情评分指标由评审人给分（0 至分值之间）并写明理由；其他指标按事实计分，只有报告未披露计分所需事实时才在此照录得分（依据选“报告未披露”，记为未核实）。给分必须写明理由。“标识”列请勿修改。',
  );
  ws.addRow(REVIEW_HEAD);
  styleHead(ws.getRow(3));
  for (const it of items) {
    const levels = [it.path[0] ?? '', it.path[1] ?? '', it.path.slice(2).join(' / ')];
    const row = ws.addRow([it.key, ...levels, it.part ?? '', showPoints(it.points), it.kindName, it.required ? '是' : '否', null, null, null]);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.border = BORDER;
      c.alignment = { wrapText: true, vertical: 'middle' };
    });
    if (it.required) row.getCell(REVIEW_COL.required).font = { bold: true };
    const score = row.getCell(REVIEW_COL.score);
    score.fill = INPUT_FILL;
    score.numFmt = `0.${'0'.repeat(Math.max(1, scheme.rounding.places))}`;
    score.dataValidation = {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [0, Number(it.points)],
      showErrorMessage: true,
      errorTitle: '给分超出范围',
      error: `给分应在 0 至 ${showPoints(it.points)} 分之间`,
    };
    row.getCell(REVIEW_COL.reason).fill = INPUT_FILL;
    const basis = row.getCell(REVIEW_COL.basis);
    basis.fill = INPUT_FILL;
    basis.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.keys(BASIS).join(',')}"`], showErrorMessage: true, error: '依据应为“酌情评分”或“报告未披露”' };
  }
  [22, 12, 14, 22, 18, 8, 12, 8, 10, 50, 12].forEach((w, k) => (ws.getColumn(k + 1).width = w));
}

/** Writes one project block from `top`; returns the first row after it. */
function projectBlock(ws: ExcelJS.Worksheet, scheme: Scheme, top: number, n: number, rowsPerProject: number): number {
  const { money, other } = blockInputs(scheme);
  const cols = ROW_HEAD.length;
  const box = (r: number) => {
    for (let c = 1; c <= cols; c++) {
      const cell = ws.getCell(r, c);
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'middle', ...(cell.alignment ?? {}) };
    }
  };
  const label = (r: number, c: number, text: string) => {
    const cell = ws.getCell(r, c);
    cell.value = text;
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
  };
  let r = top;
  // 项目名称 … | 主管部门 …
  label(r, 1, BLOCK.name);
  ws.mergeCells(r, 2, r, BLOCK_SIDE.labelCol - 1);
  ws.getCell(r, 2).fill = INPUT_FILL;
  label(r, BLOCK_SIDE.labelCol, BLOCK_SIDE.department);
  ws.mergeCells(r, BLOCK_SIDE.valueCol, r, cols);
  ws.getCell(r, BLOCK_SIDE.valueCol).fill = INPUT_FILL;
  box(r++);
  // 案例标识 … | 评价年度 …
  label(r, 1, BLOCK.id);
  ws.mergeCells(r, 2, r, BLOCK_SIDE.labelCol - 1);
  ws.getCell(r, 2).value = null;
  ws.getCell(r, 2).note = `可留空：导入时按项目序号命名（第${n}个项目）`;
  label(r, BLOCK_SIDE.labelCol, BLOCK_SIDE.year);
  ws.mergeCells(r, BLOCK_SIDE.valueCol, r, cols);
  ws.getCell(r, BLOCK_SIDE.valueCol).value = scheme.year;
  box(r++);
  if (money.length) {
    const unit = money.every((i) => i.unit === money[0]!.unit) ? (money[0]!.unit ?? '元') : '元';
    label(r, 1, `${BLOCK.funds}（${unit}）`);
    money.forEach((i, k) => label(r, k + 2, i.label));
    box(r++);
    label(r, 1, BLOCK.fundsRow);
    money.forEach((i, k) => {
      const cell = ws.getCell(r, k + 2);
      cell.fill = INPUT_FILL;
      cell.numFmt = '#,##0.00';
      cell.dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: `${i.label}应为不小于 0 的金额（${i.unit ?? '元'}）` };
    });
    box(r++);
    label(r, 1, BLOCK.source);
    money.forEach((_, k) => (ws.getCell(r, k + 2).fill = INPUT_FILL));
    box(r++);
  }
  for (const i of other) {
    label(r, 1, i.label);
    const cell = ws.getCell(r, 2);
    cell.fill = INPUT_FILL;
    const fmt = NUM_FMT[i.type];
    if (fmt) cell.numFmt = fmt;
    const v = validation(i, undefined);
    if (v) cell.dataValidation = v;
    ws.getCell(r, 3).value = noteText(i);
    box(r++);
  }
  ROW_HEAD.forEach((h, k) => label(r, k + 1, h));
  box(r++);
  for (let k = 0; k < rowsPerProject; k++, r++) {
    for (let c = 1; c <= cols; c++) ws.getCell(r, c).fill = INPUT_FILL;
    for (const c of [ROW_COL.points, ROW_COL.selfScore]) {
      const cell = ws.getCell(r, c);
      cell.numFmt = '0.00';
      cell.dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: '应为不小于 0 的分数' };
    }
    box(r);
  }
  return r + 1;
}

function projectsSheet(wb: ExcelJS.Workbook, scheme: Scheme, opts: TemplateOptions): void {
  const ws = wb.addWorksheet(SHEETS.projects);
  const rowsInputLabel = rowsInput(scheme)?.label ?? '年度绩效指标';
  titleRows(
    ws,
    ROW_HEAD.length,
    `${scheme.title} — 项目支出绩效自评表（填报模板）`,
    `每个项目一块：填写${BLOCK.name}、${BLOCK_SIDE.department}、项目资金，以及${rowsInputLabel}各行（一级/二级/三级指标、年度指标值、实际完成值按原文照写，如“≥1000家”“1100家”；分值、自评得分填数字）。一级、二级指标与上一行相同时可留空。需要更多项目时，复制整块粘贴到最后一块之下。`,
  );
  let r = 4;
  for (let n = 1; n <= (opts.projects ?? 5); n++) r = projectBlock(ws, scheme, r, n, opts.rowsPerProject ?? 25);
  [14, 14, 28, 22, 22, 10, 10, 40].forEach((w, k) => (ws.getColumn(k + 1).width = w));
}

function metaSheet(wb: ExcelJS.Workbook, scheme: Scheme): void {
  const ws = wb.addWorksheet(SHEETS.meta);
  ws.addRow([META.scheme, scheme.id]);
  ws.addRow([META.year, scheme.year]);
  ws.addRow([META.version, scheme.version]);
  ws.addRow([META.title, scheme.title]);
  ws.addRow(['说明', '本工作簿由 jixiao 按上述方案生成；导入时核对方案标识与年度。']);
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 60;
}

/**
 * The fill-in workbook of a scheme (see the file comment for its sheets).
 * @param scheme a valid scheme document (the caller compiles it first).
 */
export function templateWorkbook(scheme: Scheme, opts: TemplateOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  wb.title = `${scheme.title} 填报模板`;
  const project = rowsInput(scheme) !== undefined;
  if (project) projectsSheet(wb, scheme, opts);
  else {
    factsSheet(wb, scheme, scheme.inputs, optionRefs(scheme.inputs));
    // per-project reviewer entries have no place in a project block: the 评审表 is the department layout's
    reviewerSheet(wb, scheme);
    optionsSheet(wb, scheme.inputs);
  }
  metaSheet(wb, scheme);
  return wb;
}

/** The fill-in workbook as .xlsx bytes. */
export async function templateXlsx(scheme: Scheme, opts: TemplateOptions = {}): Promise<Buffer> {
  return Buffer.from(await templateWorkbook(scheme, opts).xlsx.writeBuffer());
}
