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
import type { RowResult } from '../../sheet/types.ts';

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
