/**
 * Reading a filled workbook (填报模板) back into case documents: the 事实表 and 评审表 of a department
 * scheme give one case; the 自评表 of a project scheme gives one case per project block. Every problem
 * is named by sheet and cell ("事实表!C12：…", English beside): first what the cells cannot say (text in a
 * number cell, a unit that is neither 元 nor 万元, a score above its points, a score without a reason),
 * then what the engine finds when it validates and scores each case against the scheme (`validateCase`,
 * `evaluate`), placed at the cell of the fact, row or reviewer item it concerns. A reviewer item not
 * scored yet (engine `awaitsReviewer`) is no error of the workbook: the department fills the facts and
 * submits, the reviewer scores afterwards (README, 案例的流程). It is a warning, 待评审, at its 给分 cell.
 */
import ExcelJS from 'exceljs';
import { awaitsReviewer, compile, evaluate, isNotEntered, missingFactIssues, percentPointsMeant, percentPointsValue, validateCase, withFormatVersion, Dec, type CaseDoc, type CompiledScheme, type Input, type Issue, type Scheme, type TargetRowT } from '@jixiao/engine';
import { decOf, decOfRaw, rawOf, textOf } from './cells.ts';
import { BASIS, BLOCK, BLOCK_SIDE, CASE_KEYS, FACT_COL, META, REVIEW_COL, ROW_COL, cellRef, colLetter } from './layout.ts';
import { officeMessages as m } from './messages.ts';
import { MONEY_UNITS, SHEETS, blockInputs, numOf, reviewerItems, rowsInput, type ReviewerItem } from './model.ts';

/** A problem of the workbook, at a cell: `message` begins with the place ("事实表!C12：…"). */
export interface CellProblem {
  /** Sheet name, e.g. 事实表; "" for the workbook as a whole. */
  sheet: string;
  /** Cell address, e.g. C12; "" for a whole sheet. */
  cell: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  messageEn: string;
}

/** One imported case: the document and the engine's issues with it (validation and scoring). */
export interface ImportedCase {
  doc: CaseDoc;
  issues: Issue[];
}

/** What an import gives: the cases (one per project block for a project scheme) and every problem by cell. */
export interface ImportResult {
  cases: ImportedCase[];
  problems: CellProblem[];
}

/** Where the parts of one case sit in the workbook, to place the engine's issues at their cells. */
interface CellMap {
  /** fact id → its value cell. */
  facts: Map<string, { sheet: string; cell: string }>;
  /** index of a row in the rows fact → the worksheet row number (自评表). */
  rows: { sheet: string; rows: number[] };
  /** reviewer key → its score cell. */
  reviewer: Map<string, { sheet: string; cell: string }>;
  /** case fields (id, name, department, year) → cell. */
  fields: Map<string, { sheet: string; cell: string }>;
  /** where issues nobody else claims go. */
  fallback: { sheet: string; cell: string };
}

/** A fact as a case document holds it. */
type FactValue = CaseDoc['facts'][string];

const at = (sheet: string, col: number, row: number) => ({ sheet, cell: `${colLetter(col)}${row}` });

/** A problem from an office message, at a cell. */
function problem(sheet: string, cell: string, i: Issue): CellProblem {
  return { sheet, cell, code: i.code, severity: i.severity, message: i.message, messageEn: i.messageEn };
}

/** Builds the 事实表!C12-style place text. */
function place(sheet: string, cell: string): string {
  return cell ? `${sheet}!${cell}` : sheet;
}

/**
 * An engine issue placed at the cell it concerns; a reviewer item not scored yet as a 待评审 warning, and
 * the department's own entry left empty as a 未填写 warning (the case is read; 提交 needs it).
 */
function placed(i: Issue, map: CellMap, rowsFact: string | undefined): CellProblem {
  const where = locate(i, map, rowsFact);
  const params = { at: place(where.sheet, where.cell), zh: i.message, en: i.messageEn };
  const p = awaitsReviewer(i)
    ? m.issue('office-awaits-reviewer', params)
    : isNotEntered(i)
      ? m.issue('office-not-entered', params)
      : m.issue('office-at-cell', params, { severity: i.severity });
  return problem(where.sheet, where.cell, p);
}

function segments(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function locate(i: Issue, map: CellMap, rowsFact: string | undefined): { sheet: string; cell: string } {
  const seg = segments(i.path);
  if (seg[0] === 'facts' && seg[1] !== undefined) {
    if (seg[1] === rowsFact && seg[2] !== undefined && /^\d+$/.test(seg[2])) {
      const row = map.rows.rows[Number(seg[2])];
      const field = seg[3] as keyof typeof ROW_COL | undefined;
      if (row !== undefined) return at(map.rows.sheet, field && field in ROW_COL ? ROW_COL[field] : ROW_COL.level3, row);
    }
    const f = map.facts.get(seg[1]);
    if (f) return f;
  }
  if (seg[0] === 'reviewer' && seg[1] !== undefined) {
    const r = map.reviewer.get(seg[1]);
    if (r) return r;
  }
  if (seg[0] !== undefined && map.fields.has(seg[0])) return map.fields.get(seg[0])!;
  if (i.fact !== undefined && map.facts.has(i.fact)) return map.facts.get(i.fact)!;
  if (i.indicator !== undefined && map.reviewer.has(i.indicator)) return map.reviewer.get(i.indicator)!;
  return map.fallback;
}

/**
 * The engine's issues with a case: its format, then scoring under the scheme; whatever is only not entered
 * yet (`isNotEntered`) as a warning: a reviewer item is not entered in the department's workbook, and a
 * department's empty cell may be filled in later, in the case form or a workbook uploaded again, as a case
 * being filled in (填报中) may lack entries — 提交 is what needs them all (evaluate/submission.ts).
 */
function engineIssues(compiled: CompiledScheme, doc: CaseDoc): Issue[] {
  const format = validateCase(doc);
  const r = evaluate(compiled, doc);
  const issues = r.ok ? [] : r.issues;
  // every empty fact a submission needs, not only the first of each indicator that one scoring run names
  const named = new Set(issues.map((i) => i.fact));
  const unnamed = r.ok || format.some((i) => i.severity === 'error') ? [] : missingFactIssues(compiled, doc).filter((i) => !named.has(i.fact));
  return [...format, ...issues, ...unnamed].map((i) => (isNotEntered(i) ? { ...i, severity: 'warning' as const } : i));
}

/** Collects the problems of one import; `at(sheet, col, row, issue)` places one at a cell. */
class Problems {
  readonly list: CellProblem[] = [];
  at(sheet: string, col: number, row: number, i: Issue): void {
    this.list.push(problem(sheet, `${colLetter(col)}${row}`, i));
  }
}

/** Whether a cell's number format shows a percent ("0.00%", "0%"): its number is then the fraction shown. */
function percentFormatted(cell: ExcelJS.Cell): boolean {
  // a literal "%" inside quotes or escaped is text, not Excel's percent; the template writes "0.00%"
  return /%/.test((cell.numFmt ?? '').replace(/"[^"]*"|\\%/g, ''));
}

/** The text of a fact value as the case document keeps it: an exact decimal string. */
function decText(d: Dec): string {
  return d.toString();
}

/**
 * Reads a fact's value cell: numbers exactly (money converted from the unit in `unitCell` to the declared
 * unit), 是/否, options, text. `undefined` when the cell is empty or cannot be read (then a problem is added).
 */
function readFact(input: Input, cell: ExcelJS.Cell, unitCell: ExcelJS.Cell | undefined, sheet: string, problems: Problems): string | boolean | undefined {
  const raw = rawOf(cell);
  if (raw === null) return undefined;
  const ref = cellRef(sheet, Number(cell.col), Number(cell.row));
  const what = `“${input.label}”`;
  const value = textOf(cell);
  const fail = (i: Issue, address = cell.address) => {
    problems.list.push(problem(sheet, address, i));
    return undefined;
  };
  // no fact holds a number this large (the engine's limit is below 10^15): said at the cell, before it is read as one
  if (typeof raw === 'number' && !(Math.abs(raw) < 1e15)) return fail(m.issue('office-cell-range', { at: ref, what, value }));
  switch (input.type) {
    case 'money': {
      // an amount may carry its unit in the cell itself: "104.92万元", "1,049,200元"
      const suffix = /(万元|元)$/.exec(value)?.[1];
      const d = suffix ? decOfRaw(value.slice(0, -suffix.length)) : decOf(cell);
      if (d === null) return fail(m.issue('office-cell-number', { at: ref, what, value }));
      const declared = input.unit ?? '元';
      const written = suffix ?? (unitCell ? textOf(unitCell) || declared : declared);
      if (!(written in MONEY_UNITS)) {
        return fail(m.issue('office-cell-unit', { at: cellRef(sheet, Number(unitCell!.col), Number(unitCell!.row)), what, value: written }), unitCell!.address);
      }
      // 1万元 = 10,000元, exactly
      const scale = new Dec(MONEY_UNITS[written]!).div(MONEY_UNITS[declared] ?? 1);
      return decText(d.times(scale));
    }
    case 'number':
    case 'count': {
      const d = decOf(cell);
      return d === null ? fail(m.issue('office-cell-number', { at: ref, what, value })) : decText(d);
    }
    case 'percent': {
      // a number in a percent-formatted cell (the template's: "0.00%") is the fraction the cell shows as a percent:
      // 95, 95% or 0.95 typed there in Excel or WPS is stored 0.95 and shown 95.00%
      if (typeof raw === 'number' && percentFormatted(cell)) return decText(new Dec(raw));
      // a number or text without % in a plain cell is percent points, as the editor's percent field reads it: 95 is 95%
      if (typeof raw === 'number' || (typeof raw === 'string' && !/[%％]\s*$/.test(raw))) {
        const typed = typeof raw === 'number' ? textOf(cell) : raw;
        const stored = percentPointsValue(typed);
        if (stored === undefined || !stored.endsWith('%')) return fail(m.issue('office-cell-number', { at: ref, what, value }));
        const meant = percentPointsMeant(typed);
        if (meant !== null) problems.list.push(problem(sheet, cell.address, m.issue('office-percent-points', { at: ref, what, value: typed, meant })));
        return stored;
      }
      const d = decOf(cell, true);
      if (d === null) return fail(m.issue('office-cell-number', { at: ref, what, value }));
      // a percent typed with its sign ("120%") that the fact's range refuses goes to the engine as typed, so its
      // message speaks of what was typed (为 120%，高于上限 100%), not of the fraction 1.2 (user review)
      const max = input.max === undefined ? null : decOfRaw(input.max, true);
      const min = input.min === undefined ? null : decOfRaw(input.min, true);
      const outside = (max !== null && d.gt(max)) || (min !== null && d.lt(min)) || d.gt(new Dec(10)) || d.lt(new Dec(-10));
      if (outside && typeof raw === 'string' && /[%％]$/.test(raw)) return `${decText(d.times(100))}%`;
      return decText(d);
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      if (['是', 'TRUE', 'true', 'Y'].includes(String(raw))) return true;
      if (['否', 'FALSE', 'false', 'N'].includes(String(raw))) return false;
      return fail(m.issue('office-cell-boolean', { at: ref, what, value }));
    }
    case 'enum': {
      const allowed = (input.options ?? []).map((o) => o.value);
      // the option's value, or its longer label as some users copy it
      const hit = input.options?.find((o) => o.value === value || o.label === value);
      return hit ? hit.value : fail(m.issue('office-cell-enum', { at: ref, what, value, allowed }));
    }
    default:
      return value;
  }
}

/** A fact as the case document keeps it: bare, or `{ value, source }` when a 来源/佐证 is given. */
function withSource(value: string | boolean, source: string): FactValue {
  return source ? { value, source } : value;
}

/** Reads a case's year cell (four digits), or the scheme's year when empty. */
function readYear(cell: ExcelJS.Cell, scheme: Scheme, sheet: string, problems: Problems, what: string): number {
  const raw = rawOf(cell);
  if (raw === null) return scheme.year;
  const t = textOf(cell);
  if (/^\d{4}$/.test(t)) return Number(t);
  problems.list.push(problem(sheet, cell.address, m.issue('office-cell-year', { at: cellRef(sheet, Number(cell.col), Number(cell.row)), what, value: t })));
  return scheme.year;
}

/** A case id from what the user wrote (or a name): letters, digits, _ . - only. */
function caseId(written: string, fallback: string): string {
  const t = written.replace(/[^\p{L}\p{N}_.-]/gu, '').slice(0, 80);
  return t && /^[\p{L}_]/u.test(t) ? t : fallback;
}

/** The worksheet's rows whose column A holds `key`, by that key. */
function rowsByKey(ws: ExcelJS.Worksheet, col: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let r = 1; r <= ws.rowCount; r++) {
    const key = textOf(ws.getCell(r, col));
    if (key && !out.has(key)) out.set(key, r);
  }
  return out;
}

/** Reads the 评审表 into reviewer entries; records each item's score cell. */
function readReviewer(wb: ExcelJS.Workbook, items: ReviewerItem[], problems: Problems, map: CellMap): Record<string, { score: string; reason: string; basis?: 'judgement' | 'undisclosed' }> {
  const ws = wb.getWorksheet(SHEETS.reviewer);
  const out: Record<string, { score: string; reason: string; basis?: 'judgement' | 'undisclosed' }> = {};
  if (!ws) return out;
  const byKey = new Map(items.map((i) => [i.key, i]));
  const sheet = ws.name;
  for (let r = 4; r <= ws.rowCount; r++) {
    const key = textOf(ws.getCell(r, REVIEW_COL.key));
    if (!key) continue;
    const item = byKey.get(key);
    const scoreCell = ws.getCell(r, REVIEW_COL.score);
    const reason = textOf(ws.getCell(r, REVIEW_COL.reason));
    const basisText = textOf(ws.getCell(r, REVIEW_COL.basis));
    if (!item) {
      if (rawOf(scoreCell) !== null || reason) problems.at(sheet, REVIEW_COL.key, r, m.issue('office-unknown-id', { at: cellRef(sheet, REVIEW_COL.key, r), id: key }));
      continue;
    }
    map.reviewer.set(key, at(sheet, REVIEW_COL.score, r));
    const what = `“${[...item.path.slice(-1), ...(item.part ? [item.part] : [])].join(' / ')}”`;
    const given = rawOf(scoreCell) !== null;
    if (!given) {
      if (reason) problems.at(sheet, REVIEW_COL.score, r, m.issue('office-score-missing', { at: cellRef(sheet, REVIEW_COL.score, r), what }));
      continue;
    }
    const score = decOf(scoreCell);
    if (score === null) {
      problems.at(sheet, REVIEW_COL.score, r, m.issue('office-cell-number', { at: cellRef(sheet, REVIEW_COL.score, r), what: `${what}的给分`, value: textOf(scoreCell) }));
      continue;
    }
    const points = numOf(item.points);
    if (score.lt(0) || score.gt(points)) {
      problems.at(sheet, REVIEW_COL.score, r, m.issue('office-score-range', { at: cellRef(sheet, REVIEW_COL.score, r), what, value: score.toString(), points: points.toString() }));
      continue;
    }
    if (!reason) {
      problems.at(sheet, REVIEW_COL.reason, r, m.issue('office-reason-missing', { at: cellRef(sheet, REVIEW_COL.reason, r), what }));
      continue;
    }
    const entry: { score: string; reason: string; basis?: 'judgement' | 'undisclosed' } = { score: score.toString(), reason };
    if (basisText) {
      const basis = BASIS[basisText as keyof typeof BASIS] ?? (basisText === 'judgement' || basisText === 'undisclosed' ? basisText : undefined);
      if (!basis) {
        problems.at(sheet, REVIEW_COL.basis, r, m.issue('office-basis', { at: cellRef(sheet, REVIEW_COL.basis, r), what, value: basisText }));
        continue;
      }
      entry.basis = basis;
    }
    out[key] = entry;
  }
  return out;
}

/** The department layout: one case from the 事实表 and the 评审表. */
function importDepartment(wb: ExcelJS.Workbook, scheme: Scheme, problems: Problems): { doc: CaseDoc; map: CellMap } | null {
  const ws = wb.getWorksheet(SHEETS.facts);
  if (!ws) {
    problems.list.push(problem(SHEETS.facts, '', m.issue('office-no-sheet', { sheet: SHEETS.facts })));
    return null;
  }
  const sheet = ws.name;
  const rows = rowsByKey(ws, FACT_COL.id);
  const map: CellMap = { facts: new Map(), rows: { sheet, rows: [] }, reviewer: new Map(), fields: new Map(), fallback: { sheet, cell: '' } };
  const field = (k: keyof typeof CASE_KEYS) => {
    const r = rows.get(CASE_KEYS[k].key);
    if (r === undefined) return null;
    map.fields.set(k, at(sheet, FACT_COL.value, r));
    return ws.getCell(r, FACT_COL.value);
  };
  const nameCell = field('name');
  const name = nameCell ? textOf(nameCell) : '';
  const idCell = field('id');
  const department = field('department');
  const yearCell = field('year');
  const year = yearCell ? readYear(yearCell, scheme, sheet, problems, '评价年度') : scheme.year;
  const facts: Record<string, FactValue> = {};
  const declared = new Set(scheme.inputs.map((i) => i.id));
  for (const input of scheme.inputs) {
    const r = rows.get(input.id);
    if (r === undefined) continue;
    map.facts.set(input.id, at(sheet, FACT_COL.value, r));
    const value = readFact(input, ws.getCell(r, FACT_COL.value), input.type === 'money' ? ws.getCell(r, FACT_COL.unit) : undefined, sheet, problems);
    if (value !== undefined) facts[input.id] = withSource(value, textOf(ws.getCell(r, FACT_COL.source)));
  }
  for (const [key, r] of rows) {
    if (r > 3 && !key.startsWith('#') && !declared.has(key) && rawOf(ws.getCell(r, FACT_COL.value)) !== null) {
      problems.at(sheet, FACT_COL.id, r, m.issue('office-unknown-id', { at: cellRef(sheet, FACT_COL.id, r), id: key }));
    }
  }
  const reviewer = readReviewer(wb, reviewerItems(scheme), problems, map);
  const doc: CaseDoc = {
    id: caseId(idCell ? textOf(idCell) : '', caseId(name, `${scheme.id}-${year}`)),
    name,
    year,
    scheme: { id: scheme.id, year: scheme.year },
    source: 'Excel 填报模板导入',
    facts,
  };
  if (department && textOf(department)) doc.department = textOf(department);
  if (Object.keys(reviewer).length) doc.reviewer = reviewer;
  return { doc, map };
}

/** The project layout: one case per block of the 自评表. */
function importProjects(wb: ExcelJS.Workbook, scheme: Scheme, rowsFact: Input, problems: Problems): { doc: CaseDoc; map: CellMap }[] {
  const ws = wb.getWorksheet(SHEETS.projects);
  if (!ws) {
    problems.list.push(problem(SHEETS.projects, '', m.issue('office-no-sheet', { sheet: SHEETS.projects })));
    return [];
  }
  const sheet = ws.name;
  const starts: number[] = [];
  for (let r = 1; r <= ws.rowCount; r++) if (textOf(ws.getCell(r, 1)) === BLOCK.name) starts.push(r);
  const { money, other } = blockInputs(scheme);
  const out: { doc: CaseDoc; map: CellMap }[] = [];
  starts.forEach((top, n) => {
    const end = (starts[n + 1] ?? ws.rowCount + 1) - 1;
    const map: CellMap = { facts: new Map(), rows: { sheet, rows: [] }, reviewer: new Map(), fields: new Map(), fallback: at(sheet, 1, top) };
    const local = new Problems();
    map.fields.set('name', at(sheet, 2, top));
    map.fields.set('department', at(sheet, BLOCK_SIDE.valueCol, top));
    map.fields.set('id', at(sheet, 2, top + 1));
    map.fields.set('year', at(sheet, BLOCK_SIDE.valueCol, top + 1));
    const name = textOf(ws.getCell(top, 2));
    const department = textOf(ws.getCell(top, BLOCK_SIDE.valueCol));
    const idText = textOf(ws.getCell(top + 1, 2));
    const year = readYear(ws.getCell(top + 1, BLOCK_SIDE.valueCol), scheme, sheet, local, `第${n + 1}个项目的评价年度`);
    const facts: Record<string, FactValue> = {};
    const rows: TargetRowT[] = [];
    let rowsHead = -1;
    let fundsHead = -1;
    for (let r = top + 2; r <= end; r++) {
      const a = textOf(ws.getCell(r, 1));
      if (rowsHead < 0 && a.startsWith(BLOCK.funds)) fundsHead = r;
      else if (rowsHead < 0 && a === BLOCK.fundsRow && fundsHead > 0) {
        // each money input under its header (by label; by position when a header was reworded)
        money.forEach((input, k) => {
          let col = k + 2;
          for (let c = 2; c <= ROW_COL.deviation; c++) if (textOf(ws.getCell(fundsHead, c)) === input.label) col = c;
          map.facts.set(input.id, at(sheet, col, r));
          const value = readFact(input, ws.getCell(r, col), undefined, sheet, local);
          const sourceRow = textOf(ws.getCell(r + 1, 1)) === BLOCK.source ? r + 1 : -1;
          if (value !== undefined) facts[input.id] = withSource(value, sourceRow > 0 ? textOf(ws.getCell(sourceRow, col)) : '');
        });
      } else if (rowsHead < 0 && a === BLOCK.rowsHead) rowsHead = r;
      else if (rowsHead < 0) {
        const input = other.find((i) => i.label === a);
        if (input) {
          map.facts.set(input.id, at(sheet, 2, r));
          const value = readFact(input, ws.getCell(r, 2), undefined, sheet, local);
          if (value !== undefined) facts[input.id] = value;
        }
      } else {
        const row = readRow(ws, r, rows[rows.length - 1], local);
        if (row) {
          rows.push({ id: `r${String(rows.length + 1).padStart(2, '0')}`, ...row });
          map.rows.rows.push(r);
        }
      }
    }
    if (!name && !idText && !Object.keys(facts).length && !rows.length && !local.list.length) return; // an unused block
    problems.list.push(...local.list);
    facts[rowsFact.id] = rows;
    const doc: CaseDoc = {
      id: caseId(idText, `${scheme.id}-${year}-p${String(n + 1).padStart(2, '0')}`),
      name,
      year,
      scheme: { id: scheme.id, year: scheme.year },
      source: `Excel 填报模板导入：${sheet} 第${n + 1}个项目`,
      facts,
    };
    if (department) doc.department = department;
    out.push({ doc, map });
  });
  return out;
}

/** One 自评表 row, or null when it is blank (or too incomplete to keep: a problem is added). */
function readRow(ws: ExcelJS.Worksheet, r: number, above: TargetRowT | undefined, problems: Problems): Omit<TargetRowT, 'id'> | null {
  const sheet = ws.name;
  const t = (c: number) => textOf(ws.getCell(r, c));
  const texts = [ROW_COL.level1, ROW_COL.level2, ROW_COL.level3, ROW_COL.target, ROW_COL.actual, ROW_COL.points, ROW_COL.selfScore, ROW_COL.deviation].map(t);
  if (texts.every((x) => x === '')) return null;
  const level3 = t(ROW_COL.level3);
  if (!level3) {
    problems.at(sheet, ROW_COL.level3, r, m.issue('office-row-incomplete', { at: cellRef(sheet, ROW_COL.level3, r), missing: '三级指标' }));
    return null;
  }
  const pointsCell = ws.getCell(r, ROW_COL.points);
  if (rawOf(pointsCell) === null) {
    problems.at(sheet, ROW_COL.points, r, m.issue('office-row-incomplete', { at: cellRef(sheet, ROW_COL.points, r), missing: '分值' }));
    return null;
  }
  const points = decOf(pointsCell);
  if (points === null) {
    problems.at(sheet, ROW_COL.points, r, m.issue('office-cell-number', { at: cellRef(sheet, ROW_COL.points, r), what: `“${level3}”的分值`, value: textOf(pointsCell) }));
    return null;
  }
  const row: Omit<TargetRowT, 'id'> = {
    // a blank 一级/二级 continues the row above (the official table's merged cells)
    level1: t(ROW_COL.level1) || above?.level1 || '',
    level2: t(ROW_COL.level2) || above?.level2 || '',
    level3,
    target: t(ROW_COL.target),
    actual: t(ROW_COL.actual),
    points: points.toString(),
  };
  const selfCell = ws.getCell(r, ROW_COL.selfScore);
  if (rawOf(selfCell) !== null) {
    const self = decOf(selfCell);
    if (self === null) {
      problems.at(sheet, ROW_COL.selfScore, r, m.issue('office-cell-number', { at: cellRef(sheet, ROW_COL.selfScore, r), what: `“${level3}”的自评得分`, value: textOf(selfCell) }));
      return null;
    }
    row.selfScore = self.toString();
  }
  const deviation = t(ROW_COL.deviation);
  if (deviation) row.deviation = deviation;
  return row;
}

/** The 模板信息 sheet's scheme id and year, checked against the scheme of the import. */
function checkMeta(wb: ExcelJS.Workbook, scheme: Scheme, problems: Problems): void {
  const ws = wb.getWorksheet(SHEETS.meta);
  if (!ws) return;
  const rows = rowsByKey(ws, 1);
  const idRow = rows.get(META.scheme);
  const yearRow = rows.get(META.year);
  if (idRow === undefined || yearRow === undefined) return;
  const given = `${textOf(ws.getCell(idRow, 2))}（${textOf(ws.getCell(yearRow, 2))}年）`;
  const expected = `${scheme.id}（${scheme.year}年）`;
  if (given !== expected) problems.at(ws.name, 2, idRow, m.issue('office-other-scheme', { at: cellRef(ws.name, 2, idRow), given, expected }));
}

/**
 * Reads a filled workbook into case documents.
 * @param scheme the scheme the workbook was made for (a valid document).
 * @param data the .xlsx bytes.
 * @param compiled the scheme compiled (compiled here when not given).
 * @returns the cases (department: one; project: one per non-empty block) with the engine's issues, and every
 *   problem by sheet and cell. Never throws for a user's mistake: an unreadable file is one problem.
 */
export async function importWorkbook(scheme: Scheme, data: ArrayBuffer | Uint8Array, compiled?: CompiledScheme): Promise<ImportResult> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as Node's Buffer; any bytes do
    await wb.xlsx.load(Buffer.from(data instanceof Uint8Array ? data : new Uint8Array(data)) as unknown as ArrayBuffer);
  } catch (e) {
    const i = m.issue('office-not-workbook', { error: e instanceof Error ? e.message : String(e) });
    return { cases: [], problems: [problem('', '', i)] };
  }
  let c = compiled;
  if (!c) {
    const r = compile(scheme);
    if (!r.ok) return { cases: [], problems: r.issues.map((i) => problem('', '', i)) };
    c = r.compiled;
  }
  const problems = new Problems();
  checkMeta(wb, scheme, problems);
  const rowsFact = rowsInput(scheme);
  const read = rowsFact ? importProjects(wb, scheme, rowsFact, problems) : [importDepartment(wb, scheme, problems)].filter((x) => x !== null);
  const cases: ImportedCase[] = [];
  for (const { doc, map } of read) {
    const issues = engineIssues(c, doc);
    // a row already named for what its cells hold is not named again for the fact it then lacks
    const rowOf = (p: CellProblem) => `${p.sheet}!${p.cell.replace(/^[A-Z]+/, '')}`;
    const named = new Set(problems.list.filter((p) => p.severity === 'error' && p.cell).map(rowOf));
    for (const p of issues.map((i) => placed(i, map, rowsFact?.id))) if (!p.cell || !named.has(rowOf(p))) problems.list.push(p);
    // a case the import creates is written in the current format version (formatVersion first)
    cases.push({ doc: withFormatVersion(doc), issues });
  }
  return { cases, problems: problems.list };
}
