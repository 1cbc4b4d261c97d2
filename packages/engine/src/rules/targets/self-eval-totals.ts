/**
 * The 合计 row of the 项目支出绩效自评表's rows table (seed 001: 总分 under 分值 and 得分): what each column of
 * the rows adds up to, kept to what the rows show.
 *
 * - 得分（自评）: the department's self-scores as entered, summed (seed 001 表 6: 15 + 10 + 0 + 10 + 10 + 14 +
 *   14 + 9 = 82).
 * - 规则得分: the scores the `targets` rule gives by itself, summed — only the rows whose 规则得分 is a number;
 *   a row the policy leaves to judgement shows 酌情 there and is not in this sum.
 * - The 酌情 rows are counted at the score the engine takes for them (the self-score, at most the row's 分值);
 *   the rule's score (本项得分, what the rows count toward the total) adds both: 规则得分 + 酌情.
 *
 * Sums are exact (Dec); the 打印视图 and the case page show them with showScore. In the engine, not the
 * editor, so that no face adds scores of its own.
 */
import { Dec, toPlainDec } from '../../decimal/dec.ts';
import { showScore } from '../../display/score.ts';
import type { RowResult, ScoreSheet, SheetNode } from '../../sheet/types.ts';

/** A row of the case as the table reads its 自评得分 (a number, a decimal text, or absent). */
export interface SelfScored {
  selfScore?: unknown;
}

/** What the 合计 row shows. All scores in 分. */
export interface SelfEvalTotals {
  /** Sum of the rows' 自评得分; null when no row has one, or one is not a number (it cannot be added). */
  self: Dec | null;
  /** Sum of the 规则得分 of the rows the rule scores; null when there is no sheet or every row is 酌情. */
  rule: Dec | null;
  /** Rows left to judgement (规则得分 酌情): how many, and the sum of the scores counted for them. */
  judged: { rows: number; counted: Dec };
}

/** A 自评得分 as a Dec (as the rule reads it: toPlainDec); null when absent, undefined when not a number. */
function selfDec(v: unknown): Dec | null | undefined {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
  return toPlainDec(v) ?? undefined;
}

/**
 * The 合计 of the rows table.
 * @param rows the case's rows (their `selfScore` as entered)
 * @param results the engine's row results (the `targets` node's `trace.rows`), null when the case is not scored
 */
export function selfEvalTotals(rows: readonly SelfScored[], results: readonly RowResult[] | null): SelfEvalTotals {
  let self: Dec | null = null;
  let addable = true;
  for (const r of rows) {
    const d = selfDec(r.selfScore);
    if (d === undefined) addable = false;
    else if (d !== null) self = (self ?? new Dec(0)).plus(d);
  }
  let rule: Dec | null = null;
  let judged = { rows: 0, counted: new Dec(0) };
  for (const r of results ?? []) {
    if (r.ruleScore !== null) rule = (rule ?? new Dec(0)).plus(r.ruleScore);
    else judged = { rows: judged.rows + 1, counted: judged.counted.plus(r.score) };
  }
  return {
    self: addable ? self : null,
    rule,
    judged,
  };
}

/** The 总分 row's 自评得分 of a 项目支出绩效自评表, and what the case's report said of it. All scores in 分. */
export interface SelfEvalTotalRow {
  /**
   * The self-evaluated 总分 as the case now stands: the scores of the indicators outside the rows (资金执行率, as
   * computed from the entered amounts) plus the rows' 自评得分 (`selfEvalTotals(...).self`); null when the rows'
   * self-scores cannot be added (none given, or one not a number).
   */
  self: Dec | null;
  /** The case's `reported.total` (the 总分 transcribed from the published table) as a number; null when not given or not a number. */
  reported: Dec | null;
  /**
   * Said beside `self` on every face (Word, Excel, 打印视图) when the report gave a 总分 that is not `self`:
   * "原报告自评总分 93.90 分" (at the sheet's places; text that is not a number as written); null otherwise.
   */
  note: string | null;
}

/** The leaves of a sheet, in order. */
function leavesOf(nodes: readonly SheetNode[]): SheetNode[] {
  return nodes.flatMap((n) => (n.children ? leavesOf(n.children) : [n]));
}

/**
 * The 总分 row's 自评得分 of the 项目支出绩效自评表 and its note. Seed 001 defines it: the table's 得分 column adds
 * up to 总分, the 资金执行率 得分 plus every row's 得分 (表1: 9.90 + 84 = 93.9; 表6: 9.00 + 82 = 91). The case keeps
 * the department's row scores as 自评得分 and the amounts from which the engine computes 资金执行率, so the figure
 * follows what is entered: a changed self-score changes it. The case's `reported.total` (a transcription of the
 * published figure) is never shown instead of it, nor dropped: where it differs, `note` says so.
 * @param sheet the case's score sheet; the leaves the `targets` rule does not score count at their score
 * @param rows the case's rows as entered (their `selfScore`)
 * @param reported the case's `reported.total` (a number or decimal text), undefined when the case has none
 */
export function selfEvalTotalRow(sheet: Pick<ScoreSheet, 'nodes' | 'places'>, rows: readonly SelfScored[], reported: unknown): SelfEvalTotalRow {
  const rowsSelf = selfEvalTotals(rows, null).self;
  const others = leavesOf(sheet.nodes)
    .filter((n) => n.trace?.kind !== 'targets')
    .reduce((sum, n) => sum.plus(new Dec(n.score)), new Dec(0));
  const self = rowsSelf === null ? null : others.plus(rowsSelf);
  const given = reported !== undefined && reported !== null && String(reported).trim() !== '';
  const rep = given ? toPlainDec(reported) : null;
  const differs = given && (rep === null || self === null || !rep.eq(self));
  const shown = rep !== null ? showScore(rep, sheet.places) : String(reported);
  return { self, reported: rep, note: differs ? `原报告自评总分 ${shown} 分` : null };
}

/**
 * The 总分 row's 自评得分 cell as every face shows it (Word, Excel, 打印视图): "93.90", or with the report's other
 * figure beside it, "93.90（原报告自评总分 92.00 分）"; "—（原报告自评总分 92.00 分）" when the self-scores cannot be
 * added; "" when there is neither.
 */
export function showSelfEvalTotal(row: SelfEvalTotalRow, places: number): string {
  const figure = row.self === null ? '' : showScore(row.self, places);
  return row.note === null ? figure : `${figure || '—'}（${row.note}）`;
}
