/**
 * The score sheet (评分表) that `evaluate` returns. Every number is an exact decimal string ("5.73",
 * never 5.7299999; "5", not "5.00"), every leaf says how its score came about. Faces show the scores
 * at the sheet's `places` through the engine's display module (showScore).
 */
import type { Issue } from '../errors/issue.ts';

/** One input value a rule read, with how it is shown (e.g. `0.9314` shown `93.14%`). */
export interface TraceInput {
  id: string;
  label: string;
  /** Exact decimal string, fractions for percents ("0.9314"), or the raw text/boolean as a string. */
  value: string;
  /** As the finance staff write it: "93.14%", "1,511.77 万元", "是". */
  display: string;
  /** `fact` given by the case, `metric` computed by the scheme's formula, `default` from the scheme. */
  origin: 'fact' | 'metric' | 'default';
}

/** How one rule (or part of a rule) produced its score. */
export interface Trace {
  /** Rule kind (`tiers`, `ratio`, ...). */
  kind: string;
  /** The branch taken, in Chinese: "第1档：满意度≥95%，得6分", "一票否决：……得0分". */
  branch: string;
  /** Inputs read, in the order used. */
  inputs: TraceInput[];
  /** The arithmetic written out: ["93.14% × 1分 = 0.9314分", "0.9314 → 0.93（保留2位小数）"]. */
  arithmetic: string[];
  /** Score of this rule or part, decimal string. */
  score: string;
  /** For `sum` rules: each part's trace, with the part's id, name and points. */
  parts?: (Trace & { id: string; name: string; points: string })[];
  /** For `targets` rules: one entry per row. */
  rows?: RowResult[];
}

/** A project indicator row (年度绩效指标行) as scored by a `targets` rule. */
export interface RowResult {
  id: string;
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  points: string;
  /** The rule's score for the row, or null when the policy leaves the row to judgement. */
  ruleScore: string | null;
  /** The department's self-score as reported. */
  selfScore: string | null;
  /** The score counted in the total. */
  score: string;
  /** 达成 / 未达成 / 定性 / 不适用 / 无法比较. */
  outcome: 'met' | 'notMet' | 'qualitative' | 'notApplicable' | 'incomparable';
  /** Chinese explanation, e.g. "目标≥3个，实际1个，未达成：规则得0分；自评0分". */
  explanation: string;
  warnings: string[];
}

/**
 * How a node's score is established:
 * - `computed`: by the rule from the facts (可复核);
 * - `judgement`: the reviewer's judgement, as the rule prescribes (酌情);
 * - `mixed`: a sum whose parts are partly computed, partly judgement;
 * - `unverified`: the report withheld facts a mechanical rule needs; the reported score is used (未核实);
 * - `exempt` / `vetoed`: an exemption or veto condition held.
 */
export type ScoreStatus = 'computed' | 'judgement' | 'mixed' | 'unverified' | 'exempt' | 'vetoed';

export interface SheetNode {
  id: string;
  name: string;
  /** 1 = 一级指标, 2 = 二级, 3 = 三级 ... */
  level: number;
  /** 分值 (points), decimal string. */
  points: string;
  /** 得分 (score), decimal string, rounded as the scheme says. */
  score: string;
  status: ScoreStatus;
  /** Leaves only. */
  trace?: Trace;
  /** For reviewer-entered scores: the reviewer's reason. */
  reason?: string;
  /** The official 参考评分标准 text, when the scheme stores it. */
  criterion?: string;
  /** 不适用: the indicator's not-applicable clause held (its text); the node is not scored (score "0") and its 分值 leaves the base of the 百分制 conversion. */
  notApplicable?: string;
  warnings: string[];
  children?: SheetNode[];
}

export interface ScoreSheet {
  scheme: { id: string; year: number; version: string; title: string };
  /** 总分, decimal string. */
  total: string;
  /** Declared total points (usually "100"). */
  totalPoints: string;
  /**
   * Decimal places of scores: the scheme's `rounding.places`. Every face shows a score of this sheet
   * with `showScore(score, places)` ("5.00", "9.70"; display/score.ts).
   */
  places: number;
  /**
   * 评分等级, e.g. 优; `NO_GRADE_BANDS` when the scheme declares no grade bands (an excerpt whose total is not the
   * 100 points the bands are meant for), `NO_MATCHING_GRADE` when its bands leave the total without a grade.
   */
  grade: string;
  nodes: SheetNode[];
  warnings: string[];
  /**
   * Steps from the sum of the tree to `total`, in order, when the scheme has them (issue 10): 不适用 indicators
   * renormalised to 百分制, then a cap on the total tied to a value (the strictest band containing it).
   */
  adjustments?: { kind: 'renormalise' | 'cap'; before: string; after: string; text: string }[];
  /**
   * Coded warnings found while scoring (severity warning, with code, params, indicator and path), absent when
   * there are none. Each is also among its node's `warnings` (its message). A server acts on the codes:
   * `submissionBlockers(sheet)` (evaluate/submission.ts) lists those that keep a case from being submitted (提交),
   * e.g. `rows-points-sum` (指标行分值合计与本项分值不符), `row-self-score-over-points` (自评得分超过分值);
   * `row-actual-in-words` only warns.
   */
  issues?: Issue[];
}

/** The grade of a sheet whose scheme declares no grade bands (`grades: []`): it is given no grade, and says so. */
export const NO_GRADE_BANDS = '无（方案不设等级区间）';

/** The grade of a sheet whose total falls in no grade band of its scheme (validation reports such a gap). */
export const NO_MATCHING_GRADE = '（无对应等级）';
