/**
 * 年度绩效指标行 (targets): each project brings its own rows (年度指标值, 实际完成值, 分值, 自评得分); the
 * scheme's policy says how a row is scored. Source: seed 001 深圳市商务局 2020 项目支出绩效自评表.
 * The rule score of every row is shown beside the department's self-score, with the reason.
 */
import { Dec, ONE, ZERO, plain, showNumber, toPlainDec } from '../../decimal/dec.ts';
import type { TargetsRule } from '../../format/scheme-types.ts';
import type { RowResult } from '../../sheet/types.ts';
import { CannotCompute } from '../../evaluate/context.ts';
import { compareTarget } from '../../targets/index.ts';
import { checkRef } from '../refs-check.ts';
import { prose, type RuleKind } from '../kind.ts';
import { enteredScore } from '../messages.ts';
import { targetsMessages as m } from './messages.ts';

export const targets: RuleKind<TargetsRule> = {
  refs: (r) => [r.rowsFact],
  check: (rule, site) => checkRef(rule.rowsFact, site, 'rowsFact', 'rows'),
  maxScore: (_r, site) => site.points,

  compile(rule, site) {
    const policy = rule.policy;
    return (ctx) => {
      const rows = ctx.rows(rule.rowsFact);
      const results: RowResult[] = [];
      let total = ZERO;
      let pointsSum = ZERO;
      const warnings: string[] = [];
      rows.forEach((row, i) => {
        const where = { indicator: site.indicator, fact: rule.rowsFact, path: `/facts/${rule.rowsFact}/${i}` };
        const points = toPlainDec(row.points);
        if (points === null || points.lt(ZERO)) {
          throw new CannotCompute(m.issue('row-points', { row: i + 1, name: row.level3, value: enteredScore(row.points) }, where));
        }
        const self = row.selfScore === undefined ? null : toPlainDec(row.selfScore);
        if (row.selfScore !== undefined && self === null) {
          throw new CannotCompute(m.issue('row-self-score', { row: i + 1, name: row.level3, value: enteredScore(row.selfScore) }, where));
        }
        pointsSum = pointsSum.plus(points);
        const cmp = compareTarget(row.target, row.actual, { indicator: row.level3, category: row.level2, year: site.decls.year });
        const rowWarnings = [...cmp.warnings];
        let ruleScore: Dec | null;
        const mode =
          cmp.outcome === 'met'
            ? 'full'
            : cmp.outcome === 'notMet'
              ? policy.quantitativeNotMet
              : cmp.outcome === 'qualitative'
                ? policy.qualitative
                : cmp.outcome === 'notApplicable'
                  ? policy.notApplicable
                  : 'judgement';
        if (mode === 'full') ruleScore = points;
        else if (mode === 'zero') ruleScore = ZERO;
        else if (mode === 'proportional') ruleScore = points.times(Dec.min(ONE, Dec.max(ZERO, cmp.ratio ?? ZERO)));
        else ruleScore = null;
        let score: Dec;
        if (ruleScore !== null) score = ruleScore;
        else if (self !== null) score = Dec.min(self, points);
        else {
          throw new CannotCompute(m.issue('row-judgement-missing', { row: i + 1, name: row.level3, outcome: cmp.outcome }, where));
        }
        if (self !== null && self.gt(points)) rowWarnings.push(`自评得分 ${plain(self)} 超过分值 ${plain(points)}`);
        const ruleText = ruleScore === null ? `酌情（采用自评${self === null ? '' : ` ${plain(Dec.min(self, points))}分`}）` : `规则得${showNumber(ruleScore)}分`;
        results.push({
          id: row.id ?? String(i + 1),
          level1: row.level1,
          level2: row.level2,
          level3: row.level3,
          target: row.target,
          actual: row.actual,
          points: plain(points),
          ruleScore: ruleScore === null ? null : plain(ruleScore),
          selfScore: self === null ? null : plain(self),
          score: plain(score),
          outcome: cmp.outcome,
          explanation: `${cmp.explanation}：${ruleText}；自评${self === null ? '无' : `${plain(self)}分`}`,
          warnings: rowWarnings,
        });
        total = total.plus(score);
      });
      if (!pointsSum.eq(site.points)) warnings.push(`指标行分值合计 ${plain(pointsSum)} 分，与本项分值 ${plain(site.points)} 分不符`);
      return {
        score: total,
        branch: `年度绩效指标 ${rows.length} 行`,
        arithmetic: [() => `${results.map((r) => showNumber(r.score)).join(' + ') || '0'} = ${showNumber(total)}分`],
        status: results.some((r) => r.ruleScore === null) ? 'mixed' : 'computed',
        rows: results,
        warnings,
      };
    };
  },

  render(rule, site) {
    const pts = plain(site.points);
    const p = rule.policy;
    const notMet = { proportional: '按完成比例得分', zero: '得0分', judgement: '酌情评分' }[p.quantitativeNotMet];
    const qual = { judgement: '酌情评分', full: '得满分' }[p.qualitative];
    const na = { full: '得满分', zero: '得0分', judgement: '酌情评分' }[p.notApplicable];
    return `${prose(rule.render?.before, pts)}定量指标达到年度指标值的，得该指标分值；未达到的，${notMet}；定性指标${qual}；不适用的指标${na}。${prose(rule.render?.after, pts)}`;
  },
};
