/**
 * The batch report: one row per scored case and a summary. Numbers are the engine's decimal strings;
 * the mean and the grade counts are the engine's summarizeTotals (the exact mean written with 2 decimals,
 * 四舍五入), as the editor's 项目总览/部门总览 sums up a family.
 */
import { summarizeTotals, type AuditDifference, type Issue, type SheetNode } from '@jixiao/engine';
import type { CaseOutcome, Failure, ScoredCase } from '../score-case.ts';
import type { Adjustment } from '../present/adjustments.ts';

/** One scored case. Scores are decimal strings ("8.6"); `fundsScore` is null when the scheme has no `funds` indicator. */
export interface BatchRow {
  case: string;
  name: string;
  fundsScore: string | null;
  computedTotal: string;
  reportedTotal: string | null;
  grade: string;
  differences: AuditDifference[];
  /** The steps from the indicators' sum to the computed total (不适用折算, 总分封顶); present only when the sheet has them. */
  adjustments?: Adjustment[];
  /**
   * The sheet's coded warnings (指标行分值合计与本项分值不符, 定量指标实际完成值为文字表述…: the engine's `sheet.issues`);
   * present only when there are some. Those the engine's `submissionBlockers` names keep the case from 提交.
   */
  warnings?: Issue[];
}

export interface BatchSummary {
  /** Cases scored (failed ones not included). */
  count: number;
  /** Mean computed total of the scored cases, 2 decimals; null when none was scored. */
  mean: string | null;
  /** Cases per grade, in the order the schemes declare their grades (zero counts included). */
  grades: Record<string, number>;
  /** Differences found by the audit, over all cases (each leaf or total that disagrees with the report). */
  discrepancies: number;
  /** Cases that could not be scored. */
  failed: number;
}

/** The `.json` form: exactly `{ rows, summary }`. */
export interface BatchReport {
  rows: BatchRow[];
  summary: BatchSummary;
}

/** What the text, CSV, Markdown and Excel forms show besides the JSON: indicator counts, places, failures. */
export interface BatchExtras {
  /** Per row: number of scored lines (leaf indicators, a project's indicator rows counted one by one). */
  indicators: number[];
  /** Per row: the scheme's decimal places, for display. */
  places: number[];
  failures: Failure[];
}

function find(nodes: SheetNode[], id: string): SheetNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const hit = n.children ? find(n.children, id) : null;
    if (hit) return hit;
  }
  return null;
}

/** Scored lines of a sheet: each leaf indicator, except that a leaf scoring indicator rows counts its rows. */
export function indicatorCount(nodes: SheetNode[]): number {
  return nodes.reduce((s, n) => s + (n.children ? indicatorCount(n.children) : n.trace?.rows ? n.trace.rows.length : 1), 0);
}

function row(o: ScoredCase): BatchRow {
  return {
    case: o.file,
    name: o.kase.doc.name,
    fundsScore: find(o.sheet.nodes, 'funds')?.score ?? null,
    computedTotal: o.sheet.total,
    reportedTotal: o.audit.reported.total,
    grade: o.sheet.grade,
    differences: o.audit.differences,
    ...(o.sheet.adjustments?.length ? { adjustments: o.sheet.adjustments } : {}),
    ...(o.sheet.issues?.length ? { warnings: o.sheet.issues } : {}),
  };
}

/** Decimal places of the summary's mean (分): 2, whatever the schemes' places. */
const MEAN_PLACES = 2;

/** Builds the report (rows and summary) and the display extras from case outcomes. */
export function batchReport(outcomes: CaseOutcome[]): { report: BatchReport; extras: BatchExtras } {
  const scored = outcomes.filter((o): o is ScoredCase => o.ok);
  const rows = scored.map(row);
  // the grades of every scheme met, in the order each declares them (zero counts included)
  const gradeOrder = scored.flatMap((o) => o.scheme.compiled.scheme.grades.map((g) => g.grade));
  const totals = summarizeTotals(
    rows.map((r) => ({ total: r.computedTotal, grade: r.grade })),
    MEAN_PLACES,
    gradeOrder,
  );
  const summary: BatchSummary = {
    count: totals.scored,
    mean: totals.average,
    grades: totals.grades,
    discrepancies: rows.reduce((s, r) => s + r.differences.length, 0),
    failed: outcomes.length - scored.length,
  };
  return {
    report: { rows, summary },
    extras: {
      indicators: scored.map((o) => indicatorCount(o.sheet.nodes)),
      places: scored.map((o) => o.scheme.compiled.scheme.rounding.places),
      failures: outcomes.flatMap((o) => (o.ok ? [] : o.failures)),
    },
  };
}
