/**
 * The official tables as data, before they become Word or Excel: the 部门整体支出绩效评分表 (一级/二级/三级
 * 指标 with 分值 and 得分, 指标说明, 评分标准 as the engine renders it, 得分, 合计, 评价等级) and the
 * 项目支出绩效自评表 (项目资金 block, 年度绩效指标 rows, 总分, 等级). Every number is shown by the
 * engine's display module: scores with `showScore` at the sheet's places, 分值 with `showPoints`, money with
 * `showMoney`, a computed rate as the engine's trace shows it; each step from the indicators' sum to the total
 * (不适用折算, 总分封顶) as the engine's `adjustmentLines` writes it, printed after the total.
 */
import { STATUS_NOTE, adjustmentLines, caseSubject, renderCriterion, reportMeta, selfEvalForm, selfEvalTotalRow, showSelfEvalTotal, showPoints, showScore, submissionBlockers, type CaseDoc, type Indicator, type Scheme, type ScoreSheet, type SelfEvalForm, type SheetNode, type TargetRowT } from '@jixiao/engine';
import { rowsInput } from './model.ts';

/** "一级指标", "二级指标", …: the name of an indicator level's column. */
export function levelName(level: number): string {
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return `${digits[level] ?? String(level)}级指标`;
}

/** One indicator as a cell group: its id (for merging), name, 分值 and 得分 as shown. */
export interface NodeCell {
  id: string;
  name: string;
  points: string;
  score: string;
}

/** One line of the department table: a leaf indicator with its ancestors. */
export interface DeptLine {
  /** Per level 1…depth: the indicator of the leaf's path at that level (the leaf itself at its own level); null below a shallow leaf. */
  levels: (NodeCell | null)[];
  description: string;
  /** 评分标准: the engine's rendering of the leaf's rule (the stored official text when it has none). */
  criterion: string;
  /** The leaf's 得分 at the scheme's places. */
  score: string;
  /** 酌情 / 未核实 / … (STATUS_NOTE), empty for a computed score. */
  note: string;
}

/** The 部门整体支出绩效评分表 of one case. */
export interface DeptTable {
  kind: 'department';
  title: string;
  /** The heading line's label: 部门（单位）名称 (`caseSubject`). */
  subjectLabel: string;
  /** What the heading line names: the case's department (its name when it has none). */
  subject: string;
  /** 评价年度 and 评价方案 under the heading (`reportMeta`, as the 打印视图 shows them). */
  meta: { label: string; value: string }[];
  depth: number;
  lines: DeptLine[];
  totalPoints: string;
  total: string;
  /**
   * The steps from the indicators' sum to 合计, one line each ("总分封顶：95.50 → 89.00（-6.50）；预算执行率 75%，…"),
   * [] when the total is the sum; printed after 合计, before 评价等级.
   */
  adjustments: string[];
  /** The sheet's warnings that block 提交 (指标行分值合计与本项分值不符…), "警告：…" one line each, printed after 总分; [] when none. */
  warnings: string[];
  grade: string;
}

/** The 项目支出绩效自评表 of one project. */
export interface ProjectTable {
  kind: 'project';
  title: string;
  name: string;
  department: string;
  year: number;
  /** 评价年度 and 评价方案 under the heading (`reportMeta`, as the 打印视图 shows them). */
  meta: { label: string; value: string }[];
  /** 项目资金（元）: the unit of the money columns. */
  totalPoints: string;
  total: string;
  /**
   * The 总分 row's 自评得分: 资金执行率's score plus the rows' 自评得分 as entered (the engine's `selfEvalTotalRow`,
   * seed 001: 9.90 + 84 = 93.9), "" when the self-scores cannot be added.
   */
  selfTotal: string;
  /** Beside `selfTotal` when the case's `reported.total` is another figure: "原报告自评总分 93.90 分"; "" otherwise. */
  selfTotalNote: string;
  /** The cell as shown (`showSelfEvalTotal`): "93.90", or "93.90（原报告自评总分 92.00 分）". */
  selfTotalText: string;
  /** The steps from the indicators' sum to 总分, one line each (as `DeptTable.adjustments`); [] when none. */
  adjustments: string[];
  /** As `DeptTable.warnings`: why rows whose 分值 do not add up stand beside this 总分. */
  warnings: string[];
  grade: string;
  /**
   * The official form as seed 001 lays it out (the engine's `selfEvalForm`: 项目金额, 实施单位, the 项目资金 rows
   * with 其中：当年财政拨款 / 上年结转资金 / 其他资金, 年度总体目标, the rows, 总分) and its 说明: what the Word and
   * Excel reports draw (with `selfEvalGrid`), as the 打印视图 does.
   */
  form: SelfEvalForm;
}

export type ReportTable = DeptTable | ProjectTable;

/**
 * The sheet's coded warnings that the table itself cannot show, as it prints them ("警告：“年度绩效指标”各指标行
 * 分值合计140分…"): those that keep a case from 提交 (`submissionBlockers`), e.g. rows whose 分值 add up to more
 * than the item's while 总分 counts the item's points only. A 定量 row's actual in words is seen in its own row.
 */
function warningLines(sheet: ScoreSheet): string[] {
  return submissionBlockers(sheet).map((i) => `警告：${i.message}`);
}

function depthOf(nodes: SheetNode[]): number {
  return nodes.reduce((m, n) => Math.max(m, n.level, n.children ? depthOf(n.children) : 0), 0);
}

function findIndicator(list: Indicator[], id: string): Indicator | undefined {
  for (const i of list) {
    if (i.id === id) return i;
    const hit = i.children ? findIndicator(i.children, id) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** The 部门整体支出绩效评分表 of a scored case. */
export function departmentTable(scheme: Scheme, sheet: ScoreSheet, doc: Pick<CaseDoc, 'name' | 'department' | 'year'>): DeptTable {
  const places = sheet.places;
  const depth = Math.max(1, depthOf(sheet.nodes));
  const lines: DeptLine[] = [];
  const cell = (n: SheetNode): NodeCell => ({ id: n.id, name: n.name, points: showPoints(n.points), score: showScore(n.score, places) });
  const walk = (n: SheetNode, path: NodeCell[]) => {
    const here = [...path, cell(n)];
    if (n.children) return n.children.forEach((c) => walk(c, here));
    const ind = findIndicator(scheme.indicators, n.id);
    lines.push({
      levels: Array.from({ length: depth }, (_, k) => here[k] ?? null),
      description: ind?.description ?? '',
      criterion: renderCriterion(scheme, n.id) ?? ind?.criterion ?? '',
      score: showScore(n.score, places),
      note: STATUS_NOTE[n.status],
    });
  };
  sheet.nodes.forEach((n) => walk(n, []));
  const subject = caseSubject('department', doc);
  return {
    kind: 'department',
    title: '部门整体支出绩效评分表',
    subjectLabel: subject.label,
    meta: reportMeta(doc, scheme),
    subject: subject.value,
    depth,
    lines,
    totalPoints: showPoints(sheet.totalPoints),
    total: showScore(sheet.total, places),
    adjustments: adjustmentLines(sheet),
    warnings: warningLines(sheet),
    grade: sheet.grade,
  };
}

function factValue(f: unknown): unknown {
  return f && typeof f === 'object' && !Array.isArray(f) && 'value' in f ? (f as { value: unknown }).value : f;
}

/** The 项目支出绩效自评表 of a scored project case (a scheme with a `rows` input). */
export function projectTable(scheme: Scheme, sheet: ScoreSheet, doc: CaseDoc): ProjectTable {
  const places = sheet.places;
  const given = (factValue(doc.facts[rowsInput(scheme)?.id ?? 'rows']) ?? []) as TargetRowT[];
  const selfRow = selfEvalTotalRow(sheet, given, doc.reported?.total);
  return {
    kind: 'project',
    title: '项目支出绩效自评表',
    name: doc.name,
    department: doc.department ?? '',
    year: doc.year,
    meta: reportMeta(doc, scheme),
    totalPoints: showPoints(sheet.totalPoints),
    total: showScore(sheet.total, places),
    selfTotal: selfRow.self === null ? '' : showScore(selfRow.self, places),
    selfTotalNote: selfRow.note ?? '',
    selfTotalText: showSelfEvalTotal(selfRow, places),
    adjustments: adjustmentLines(sheet),
    warnings: warningLines(sheet),
    grade: sheet.grade,
    form: selfEvalForm(scheme, sheet, doc, given),
  };
}

/** The official table of a scored case: the 自评表 for a project scheme, the 评分表 otherwise. */
export function reportTable(scheme: Scheme, sheet: ScoreSheet, doc: CaseDoc): ReportTable {
  return rowsInput(scheme) ? projectTable(scheme, sheet, doc) : departmentTable(scheme, sheet, doc);
}

/** Runs of equal keys in a column: `[start, length]` for each run (merged cells of the official tables). */
export function runs(keys: (string | null)[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let k = 1; k <= keys.length; k++) {
    if (k === keys.length || keys[k] === null || keys[k] !== keys[start]) {
      out.push([start, k - start]);
      start = k;
    }
  }
  return out;
}

/**
 * The line under a table's heading, as the 打印视图 shows it: the 部门（单位）名称 of a department's table, then
 * 评价年度 and 评价方案 (`meta`), separated by full-width spaces.
 */
export function headingLine(t: ReportTable): string {
  const parts = t.kind === 'department' ? [{ label: t.subjectLabel, value: t.subject }, ...t.meta] : t.meta;
  return parts.map((p) => `${p.label}：${p.value}`).join('　');
}
