/**
 * The summary of a batch of scored cases — the CLI's `batch` summary and the editor's 项目总览/部门总览:
 * how many were scored, their average computed total (分) and how many fell in each grade (等级). One
 * function, so that both faces say the same average and list the grades the same way.
 */
import { Dec } from '../decimal/exact.ts';
import { showStatistic } from '../display/statistic.ts';
import type { Shown } from '../display/value.ts';
import { NO_GRADE_BANDS } from './types.ts';

/** One scored case as the summary reads it: its computed total (分, a sheet's decimal string or a Dec) and its grade. */
export interface ScoredTotal {
  total: Shown;
  grade: string;
}

/** What `summarizeTotals` gives. */
export interface TotalsSummary {
  /** Cases summed (the scored ones given). */
  scored: number;
  /**
   * The mean of the totals (分): computed exactly (the engine's Dec), then shown once at `places`, half-up
   * (showStatistic: 82.29495 at 2 places is "82.29"); null when no case was given.
   */
  average: string | null;
  /**
   * Cases per grade: first the grades of `gradeOrder` in that order (as the schemes declare them,
   * 优、良、中、差, zero counts included), then any other grade met, in the order met. A scheme without grade
   * bands (its sheets' grade NO_GRADE_BANDS) has none: {}.
   */
  grades: Record<string, number>;
}

/**
 * Sums up scored cases: their count, the average computed total at `places` (half-up, from the exact
 * mean) and the count per grade in `gradeOrder` (then other grades met). Failed cases are not passed in;
 * each face counts those itself.
 * @param scored the scored cases' totals (分) and grades; a total that is not a decimal throws (DecError)
 * @param places decimal places of the average (a scheme's `rounding.places`, 0–10; the CLI writes 2)
 * @param gradeOrder grade names in the schemes' declared order, listed even when no case has them
 */
export function summarizeTotals(scored: readonly ScoredTotal[], places: number, gradeOrder: readonly string[] = []): TotalsSummary {
  const grades: Record<string, number> = {};
  for (const g of gradeOrder) grades[g] ??= 0;
  for (const s of scored) if (s.grade !== NO_GRADE_BANDS) grades[s.grade] = (grades[s.grade] ?? 0) + 1;
  const sum = scored.reduce((acc, s) => acc.plus(s.total), new Dec(0));
  return {
    scored: scored.length,
    average: scored.length ? showStatistic(sum.div(scored.length), places) : null,
    grades,
  };
}
