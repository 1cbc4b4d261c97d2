/**
 * The 项目支出绩效自评表 as the official form lays it out (seed 001, 深圳市商务局2020年度项目支出绩效自评表, e.g. 表4
 * 商务运行保障-党务人事纪检监察（培训费）): one table of 9 columns, in this order —
 *
 * | 项目名称 | (项目名称, 4 columns) | 项目金额 | (金额, 3 columns) |
 * | 主管部门 | (主管部门, 4 columns) | 实施单位 | (实施单位, 3 columns) |
 * | 项目资金（元） (5 rows) | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 (2 columns) |
 * |  | 年度资金总额 | … | … | … | 10 | 0.35 | 3.50 |
 * |  | 其中：当年财政拨款 | … | … | … | — | 0.35 | — |
 * |  | 上年结转资金 | … | — | 0.00 | — |
 * |  | 其他资金 | … | — | 0.00 | — |
 * | 年度总体目标 (2 rows) | 预期目标 (4 columns) | 实际完成情况 (4 columns) |
 * |  | (预期目标 text) | (实际完成情况 text) |
 * | 年度绩效指标 (rows + 1) | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
 * |  | (one line per 年度绩效指标 row, 一级/二级 merged over their runs) |
 * | 总分 (6 columns) | 100 | 86.50 | — |
 *
 * `selfEvalForm` gives the figures (every one shown by this display module: money with `showMoney`, 分值 with
 * `showPoints`, 得分 with `showScore`, 执行率 with `showRate`), `selfEvalGrid` the cells with their spans, so the
 * 打印视图, the Word and the Excel reports draw the same table from the same cells. The engine's explanations
 * (how a row's 年度指标值 was read, 规则得分 against 自评得分, the 合计 of selfEvalTotals, 总分调整, 等级) are not
 * cells of the official table: they are `notes`, printed after it under 说明.
 *
 * The form's unscored cells (项目金额, 实施单位, the 其中 rows, 年度总体目标) are facts a project scheme declares
 * (optional) under the ids of `SELF_EVAL_FORM_FACTS`; a case that does not give one leaves its cell blank.
 */
import { Dec, roundDec, toDecGrouped, type RoundMode } from '../decimal/dec.ts';
import type { Scheme } from '../format/scheme-types.ts';
import { submissionBlockers } from '../evaluate/submission.ts';
import { selfEvalTotalRow, selfEvalTotals } from '../rules/targets/self-eval-totals.ts';
import type { RowResult, ScoreSheet, SheetNode } from '../sheet/types.ts';
import { adjustmentLines } from './adjustment.ts';
import { CASE_FIELD_LABELS, REPORT_TITLE } from './labels.ts';
import { showMoney } from './money.ts';
import { showPoints, showScore } from './score.ts';
import { readShown, type Shown } from './value.ts';

/** A 项目资金 line's facts: its label as the form prints it and the ids of its 年初预算数, 全年预算数, 全年执行数. */
export interface FundsFacts {
  label: string;
  initial: string;
  budget: string;
  spent: string;
}

/**
 * The fact ids the form reads (seed 001's cells; schemes/shenzhen-project/2020.json declares them). 年度资金总额's
 * are the facts the 资金执行率 rule reads; the rest are optional and not scored.
 */
export const SELF_EVAL_FORM_FACTS = {
  amount: '项目金额',
  implementer: '实施单位',
  funds: [
    { label: '年度资金总额', initial: '年初预算数', budget: '全年预算数', spent: '全年执行数' },
    { label: '其中：当年财政拨款', initial: '当年财政拨款年初预算数', budget: '当年财政拨款全年预算数', spent: '当年财政拨款全年执行数' },
    { label: '上年结转资金', initial: '上年结转资金年初预算数', budget: '上年结转资金全年预算数', spent: '上年结转资金全年执行数' },
    { label: '其他资金', initial: '其他资金年初预算数', budget: '其他资金全年预算数', spent: '其他资金全年执行数' },
  ] as readonly FundsFacts[],
  expected: '预期目标',
  actual: '实际完成情况',
} as const;

/** The headings of the form, as seed 001 writes them. */
export const SELF_EVAL_FORM_HEADINGS = {
  name: CASE_FIELD_LABELS.project.name,
  amount: '项目金额',
  department: CASE_FIELD_LABELS.project.department,
  implementer: '实施单位',
  funds: '项目资金（元）',
  fundsColumns: ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  goals: '年度总体目标',
  goalsColumns: ['预期目标', '实际完成情况'],
  rows: '年度绩效指标',
  rowsColumns: ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  total: '总分',
} as const;

/** What the form prints in a cell it has nothing for by design (分值, 得分 of the 其中 rows; 总分's 偏差原因). */
export const NOT_SCORED = '—';

/** An amount (元): as shown (`showMoney`, "" when not given) and its exact value (plain decimal text, null when not given), for a spreadsheet's number. */
export interface FormMoney {
  text: string;
  value: string | null;
}

/** A 项目资金 line: amounts, 分值, 执行率 and 得分 as shown ("" blank, "—" not scored). */
export interface FormFundsLine {
  label: string;
  initial: FormMoney;
  budget: FormMoney;
  spent: FormMoney;
  points: string;
  rate: string;
  score: string;
}

/**
 * A 年度绩效指标 row as the form prints it: 分值, and 得分 — the row's 自评得分 as entered (seed 001's 得分 column is
 * the department's score: its 总分 adds them), "" when none is entered.
 */
export interface FormRow {
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  points: string;
  score: string;
  deviation: string;
}

/** The 项目支出绩效自评表 of one scored project case: the official cells, then the engine's 说明. */
export interface SelfEvalForm {
  title: string;
  name: string;
  amount: FormMoney;
  department: string;
  implementer: string;
  funds: FormFundsLine[];
  goals: { expected: string; actual: string };
  rows: FormRow[];
  total: { points: string; score: string };
  /**
   * 说明 (not part of the official table): per row, the engine's reading ("培训人次：目标≥300人，实际480人，达成：
   * 规则得10分；自评10分"); the 合计 of the rows (selfEvalTotals); each step from the sum to 总分
   * (adjustmentLines); warnings; the total by the scheme's rules, with the report's own 总分 where it differs; 评价等级.
   */
  notes: string[];
}

/** What `selfEvalForm` reads of a case. */
export interface FormCase {
  name: string;
  department?: string | undefined;
  facts: Record<string, unknown>;
  reported?: { total?: unknown } | undefined;
}

/**
 * A rate (执行率) as the 自评表 prints it: a fraction at `places` decimals, 四舍五入 ("0.35", "0.99", "1.00"), as
 * seed 001 prints it (not as a percent). Text that is not a decimal is returned as it is.
 */
export function showRate(fraction: Shown, places: number): string {
  const d = readShown(fraction);
  return d === null ? String(fraction) : roundDec(d, places).toFixed(places);
}

function given(facts: Record<string, unknown>, id: string): unknown {
  const raw = facts[id];
  return raw && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw ? (raw as { value: unknown }).value : raw;
}

function text(facts: Record<string, unknown>, id: string): string {
  const v = given(facts, id);
  return v === undefined || v === null ? '' : String(v);
}

function amount(facts: Record<string, unknown>, id: string): { shown: FormMoney; dec: Dec | null } {
  const v = given(facts, id);
  if (v === undefined || v === null || v === '') return { shown: { text: '', value: null }, dec: null };
  const d = toDecGrouped(v);
  return d === null ? { shown: { text: String(v), value: null }, dec: null } : { shown: { text: showMoney(d), value: d.toString() }, dec: d };
}

function leaves(nodes: readonly SheetNode[]): SheetNode[] {
  return nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));
}

/**
 * The 项目支出绩效自评表 of a scored project case.
 * - 年度资金总额: 分值, 执行率 and 得分 of the scheme's funds indicator (the leaf that is not the 年度绩效指标 rows),
 *   the 执行率 being the metric its rule read, at the metric's places.
 * - 其中 rows: 执行率 = 全年执行数 ÷ 全年预算数 worked out as the funds metric is (its places and rounding; its
 *   declared value when 全年预算数 is 0, as seed 001 prints 0.00 for a row of "-"), blank when an amount is not
 *   given; 分值 and 得分 "—".
 * - 年度绩效指标 rows: 分值 and the 自评得分 as entered (`RowResult.selfScore`), 偏差原因 as the case writes it.
 * - 总分: the scheme's total points and the self-evaluated 总分 the engine's `selfEvalTotalRow` gives (资金执行率's
 *   得分 + the rows' 自评得分; seed 001 表6: 9.00 + 82 = 91), "" when the self-scores cannot be added. The total
 *   the scheme's rules give (`sheet.total`: a 定量 row met counts its full 分值) is said in the 说明, with the report's
 *   own 总分 where it differs.
 * @param rows the case's rows (the `targets` rule's fact), for 偏差原因 and the 自评得分 of the 说明's 合计
 */
export function selfEvalForm(scheme: Pick<Scheme, 'metrics'>, sheet: ScoreSheet, doc: FormCase, rows: readonly { id?: string | undefined; selfScore?: unknown; deviation?: string | undefined }[]): SelfEvalForm {
  const places = sheet.places;
  const all = leaves(sheet.nodes);
  const targets = all.filter((n) => n.trace?.rows);
  const fundsNode = all.find((n) => !n.trace?.rows);
  const metricInput = fundsNode?.trace?.inputs.find((i) => i.origin === 'metric');
  const metric = (scheme.metrics ?? []).find((m) => m.id === metricInput?.id);
  const ratePlaces = metric?.round?.places ?? places;
  const rateOf = (spent: Dec | null, budget: Dec | null): string => {
    if (!metric || spent === null || budget === null) return '';
    if (budget.isZero()) return metric.onZeroDenominator ? showRate(new Dec(String(metric.onZeroDenominator.value)), ratePlaces) : '';
    return showRate(roundDec(spent.div(budget), ratePlaces, (metric.round?.mode ?? 'half-up') as RoundMode), ratePlaces);
  };
  const funds = SELF_EVAL_FORM_FACTS.funds.map((f, k): FormFundsLine => {
    const initial = amount(doc.facts, f.initial);
    const budget = amount(doc.facts, f.budget);
    const spent = amount(doc.facts, f.spent);
    if (k === 0)
      return {
        label: f.label,
        initial: initial.shown,
        budget: budget.shown,
        spent: spent.shown,
        points: fundsNode ? showPoints(fundsNode.points) : '',
        rate: metricInput ? showRate(metricInput.value, ratePlaces) : '',
        score: fundsNode ? showScore(fundsNode.score, places) : '',
      };
    return { label: f.label, initial: initial.shown, budget: budget.shown, spent: spent.shown, points: NOT_SCORED, rate: rateOf(spent.dec, budget.dec), score: NOT_SCORED };
  });
  const results = targets.flatMap((n) => n.trace?.rows ?? []);
  const selfRow = selfEvalTotalRow(sheet, rows, doc.reported?.total);
  const formRows = results.map((r, k): FormRow => {
    const own = rows.find((g) => g.id !== undefined && g.id === r.id) ?? rows[k];
    return { level1: r.level1, level2: r.level2, level3: r.level3, target: r.target, actual: r.actual, points: showPoints(r.points), score: showScore(r.selfScore, places), deviation: own?.deviation ?? '' };
  });
  return {
    title: REPORT_TITLE.project,
    name: doc.name,
    amount: amount(doc.facts, SELF_EVAL_FORM_FACTS.amount).shown,
    department: doc.department?.trim() ?? '',
    implementer: text(doc.facts, SELF_EVAL_FORM_FACTS.implementer),
    funds,
    goals: { expected: text(doc.facts, SELF_EVAL_FORM_FACTS.expected), actual: text(doc.facts, SELF_EVAL_FORM_FACTS.actual) },
    rows: formRows,
    total: { points: showPoints(sheet.totalPoints), score: showScore(selfRow.self, places) },
    notes: formNotes(sheet, rows, results, targets, selfRow.note),
  };
}

/** The 说明 after the table (see `SelfEvalForm.notes`). */
function formNotes(sheet: ScoreSheet, rows: readonly { selfScore?: unknown }[], results: readonly RowResult[], targets: readonly SheetNode[], reportedNote: string | null): string[] {
  const places = sheet.places;
  const out: string[] = [];
  for (const r of results) out.push(`${r.level3}：${r.explanation}`);
  const totals = selfEvalTotals(rows, results);
  if (results.length) {
    const parts = [`年度绩效指标自评得分合计 ${totals.self === null ? '—' : showScore(totals.self, places)} 分`];
    if (totals.rule !== null) parts.push(`按规则计分的行合计 ${showScore(totals.rule, places)} 分`);
    if (totals.judged.rows) parts.push(`酌情评分 ${totals.judged.rows} 行，计 ${showScore(totals.judged.counted, places)} 分`);
    // the item's score as the sheet counts it (规则得分 + 酌情), when one item holds the rows
    if (targets.length === 1) parts.push(`本项得分 ${showScore(targets[0]!.score, places)} 分`);
    out.push(`${parts.join('；')}。`);
  }
  out.push(...adjustmentLines(sheet));
  // what keeps the case from 提交 (rows whose 分值 do not add up), as the 评分表 prints it
  out.push(...submissionBlockers(sheet).map((i) => `警告：${i.message}`));
  // the total the scheme's rules give beside the table's self-evaluated 总分, and the report's own 总分 where it differs
  out.push(`按方案规则计算的总分 ${showScore(sheet.total, places)} 分（表中总分为自评得分之和）${reportedNote ? `；${reportedNote}` : ''}。`);
  out.push(`评价等级：${sheet.grade}`);
  return out;
}

/** One cell of the form's grid: where it starts (1-based column), its spans, and how it is shown. */
export interface FormCell {
  col: number;
  colSpan: number;
  rowSpan: number;
  text: string;
  /** A heading cell (grey, bold, centred). */
  head?: boolean;
  /** An amount: its exact value, for a spreadsheet's number cell (#,##0.00). */
  money?: string;
  /** A score or 分值: its value as shown, a plain decimal, for a spreadsheet's number cell. */
  number?: string;
  /** Centred (分值, 得分, 执行率, "—"). */
  center?: boolean;
  /** Right-aligned (amounts). */
  right?: boolean;
}

/** The form's number of columns. */
export const SELF_EVAL_FORM_COLUMNS = 9;

const PLAIN = /^-?[0-9]+(\.[0-9]+)?$/;

function c(col: number, colSpan: number, t: string, o: Partial<FormCell> = {}): FormCell {
  return { col, colSpan, rowSpan: 1, text: t, ...o };
}

function moneyCell(col: number, m: FormMoney): FormCell {
  return c(col, 1, m.text, { right: true, ...(m.value !== null ? { money: m.value } : {}) });
}

function numCell(col: number, colSpan: number, shown: string): FormCell {
  return c(col, colSpan, shown, { center: true, ...(PLAIN.test(shown) ? { number: shown } : {}) });
}

/** Runs of equal keys: the length of the run starting at each index, 0 for an index inside a run. */
function runLengths(keys: readonly string[]): number[] {
  const out = keys.map(() => 0);
  for (let s = 0; s < keys.length; ) {
    let e = s + 1;
    while (e < keys.length && keys[e] === keys[s]) e++;
    out[s] = e - s;
    s = e;
  }
  return out;
}

/**
 * The form's rows of cells (each cell at its starting column, with its spans; a position covered by a span above
 * has no cell), as seed 001 lays the table out (see the module doc). 一级指标 and 二级指标 cells are merged over
 * their runs of equal names, as the seed's merged cells.
 */
export function selfEvalGrid(f: SelfEvalForm): FormCell[][] {
  const h = SELF_EVAL_FORM_HEADINGS;
  const grid: FormCell[][] = [];
  grid.push([c(1, 1, h.name, { head: true }), c(2, 4, f.name), c(6, 1, h.amount, { head: true }), { ...moneyCell(7, f.amount), colSpan: 3 }]);
  grid.push([c(1, 1, h.department, { head: true }), c(2, 4, f.department), c(6, 1, h.implementer, { head: true }), c(7, 3, f.implementer)]);
  grid.push([
    { ...c(1, 1, h.funds, { head: true }), rowSpan: f.funds.length + 1 },
    c(2, 1, '', { head: true }),
    ...h.fundsColumns.map((t, k) => c(3 + k, k === h.fundsColumns.length - 1 ? 2 : 1, t, { head: true })),
  ]);
  for (const l of f.funds) grid.push([c(2, 1, l.label), moneyCell(3, l.initial), moneyCell(4, l.budget), moneyCell(5, l.spent), numCell(6, 1, l.points), numCell(7, 1, l.rate), numCell(8, 2, l.score)]);
  grid.push([{ ...c(1, 1, h.goals, { head: true }), rowSpan: 2 }, c(2, 4, h.goalsColumns[0], { head: true }), c(6, 4, h.goalsColumns[1], { head: true })]);
  grid.push([c(2, 4, f.goals.expected), c(6, 4, f.goals.actual)]);
  grid.push([{ ...c(1, 1, h.rows, { head: true }), rowSpan: f.rows.length + 1 }, ...h.rowsColumns.map((t, k) => c(2 + k, 1, t, { head: true }))]);
  const l1 = runLengths(f.rows.map((r) => r.level1));
  const l2 = runLengths(f.rows.map((r) => `${r.level1}\u0000${r.level2}`));
  f.rows.forEach((r, i) => {
    const cells: FormCell[] = [];
    if (l1[i]) cells.push({ ...c(2, 1, r.level1, { center: true }), rowSpan: l1[i]! });
    if (l2[i]) cells.push({ ...c(3, 1, r.level2, { center: true }), rowSpan: l2[i]! });
    cells.push(c(4, 1, r.level3), c(5, 1, r.target), c(6, 1, r.actual), numCell(7, 1, r.points), numCell(8, 1, r.score), c(9, 1, r.deviation));
    grid.push(cells);
  });
  grid.push([c(1, 6, h.total, { head: true }), numCell(7, 1, f.total.points), numCell(8, 1, f.total.score), c(9, 1, NOT_SCORED, { center: true })]);
  return grid;
}
