/**
 * Audit (核对): a computed score sheet against the scores a report published. Every leaf is
 * reproduced (computed by the rules and equal), unverified (the report withheld the facts; its score
 * was recorded), judgement (the reviewer's own score), or differing — and every difference is listed
 * with its reason: the case's documented discrepancy, or "unexplained".
 */
import { Dec, plain, toDec } from '../decimal/dec.ts';
import type { CaseDoc } from '../format/case-types.ts';
import type { ScoreSheet, SheetNode } from '../sheet/types.ts';

export interface AuditDifference {
  /** Indicator id, or `total` for 综合评分. */
  indicator: string;
  /** 名称. */
  name: string;
  reported: string;
  computed: string;
  reason: string;
  /**
   * Whether the difference is explained: the case documents it (the report's own arithmetic contradicts
   * its rule), or it is a project row whose rule score differs from the self-score (with the row's
   * reason), or it is the total and equals the sum of the explained differences.
   */
  documented: boolean;
  /** `discrepancy` (case-documented), `row` (rule vs self-score of a 年度绩效指标 row), `total`, `unexplained`. */
  kind: 'discrepancy' | 'row' | 'total' | 'unexplained';
}

export interface AuditReport {
  computed: { total: string; grade: string };
  reported: { total: string | null; grade: string | null };
  differences: AuditDifference[];
  /** Leaves computed by the rules whose score equals the reported one. */
  reproduced: number;
  /** Leaves whose score is the report's own, recorded because the report withheld the facts. */
  unverified: number;
  /** Leaves scored by the reviewer's judgement (酌情). */
  judgement: number;
  /** Leaves whose computed score differs from the reported one. */
  differing: number;
  /** Leaves the report gives no score for. */
  unreported: number;
  /** Project rows (年度绩效指标) whose rule score differs from the department's self-score. */
  rowsDiffering: number;
}

function leaves(nodes: SheetNode[]): SheetNode[] {
  return nodes.flatMap((n) => (n.children ? leaves(n.children) : [n]));
}

/**
 * Compares a sheet with the case's `reported` scores and `discrepancies`.
 * Scores are compared as decimals ("5.70" equals "5.7").
 */
export function auditCase(sheet: ScoreSheet, caseDoc: Pick<CaseDoc, 'reported' | 'discrepancies'>): AuditReport {
  const reported = caseDoc.reported?.scores ?? {};
  const listed = new Map((caseDoc.discrepancies ?? []).map((d) => [d.indicator, d]));
  const report: AuditReport = {
    computed: { total: sheet.total, grade: sheet.grade },
    reported: {
      total: caseDoc.reported?.total !== undefined ? plain(toDec(caseDoc.reported.total) ?? new Dec(0)) : null,
      grade: caseDoc.reported?.grade ?? null,
    },
    differences: [],
    reproduced: 0,
    unverified: 0,
    judgement: 0,
    differing: 0,
    unreported: 0,
    rowsDiffering: 0,
  };
  const differ = (indicator: string, name: string, rep: Dec, comp: Dec) => {
    const d = listed.get(indicator);
    const documentedComputed = d ? toDec(d.computed) : null;
    const agrees = documentedComputed !== null && documentedComputed.eq(comp);
    report.differences.push({
      indicator,
      name,
      reported: plain(rep),
      computed: plain(comp),
      reason: d
        ? agrees
          ? d.reason
          : `${d.reason}（注意：案例记载的计算值为 ${String(d.computed)}，引擎计算为 ${plain(comp)}）`
        : '未解释的差异：报告得分与规则计算不一致，案例未记载原因',
      documented: Boolean(d) && agrees,
      kind: d && agrees ? 'discrepancy' : 'unexplained',
    });
  };
  let explainedDelta = new Dec(0);
  for (const leaf of leaves(sheet.nodes)) {
    const r = reported[leaf.id];
    const rep = r === undefined ? null : toDec(r);
    if (rep === null) {
      report.unreported++;
      continue;
    }
    const comp = new Dec(leaf.score);
    if (leaf.status === 'unverified') report.unverified++;
    else if (leaf.status === 'judgement') report.judgement++;
    if (!rep.eq(comp)) {
      report.differing++;
      differ(leaf.id, leaf.name, rep, comp);
      if (report.differences[report.differences.length - 1]!.documented) explainedDelta = explainedDelta.plus(comp.minus(rep));
    } else if (leaf.status !== 'unverified' && leaf.status !== 'judgement') report.reproduced++;
  }
  // project rows: the rule's score against the department's self-score, each with its reason
  for (const leaf of leaves(sheet.nodes)) {
    for (const row of leaf.trace?.rows ?? []) {
      if (row.ruleScore === null || row.selfScore === null || new Dec(row.ruleScore).eq(row.selfScore)) continue;
      report.differences.push({
        indicator: `${leaf.id}#${row.id}`,
        name: row.level3,
        reported: row.selfScore,
        computed: row.ruleScore,
        reason: row.explanation,
        documented: true,
        kind: 'row',
      });
      report.rowsDiffering++;
      if (reported[leaf.id] === undefined) explainedDelta = explainedDelta.plus(new Dec(row.ruleScore).minus(row.selfScore));
    }
  }
  const repTotal = caseDoc.reported?.total !== undefined ? toDec(caseDoc.reported.total) : null;
  if (repTotal !== null && !repTotal.eq(sheet.total)) {
    const delta = new Dec(sheet.total).minus(repTotal);
    if (delta.eq(explainedDelta) && !listed.has('total')) {
      report.differences.push({
        indicator: 'total',
        name: '综合评分',
        reported: plain(repTotal),
        computed: sheet.total,
        reason: `总分差 ${plain(delta)} 分，等于上列各项差异之和`,
        documented: true,
        kind: 'total',
      });
    } else differ('total', '综合评分', repTotal, new Dec(sheet.total));
  }
  return report;
}
