/**
 * 部门绩效目标行 (deptTargets): targets set by the department in a 部门整体 scheme (issue 10 item 11). Each row's
 * 年度指标值 and 实际完成值 are compared as the project scheme does (targets/compare.ts); the row's 完成率 (1 when
 * met, the completion ratio when not) is scored by the scheme's shared band table or 按完成比例; 定性 and
 * incomparable rows take the reviewer's entry `<indicator>/<row>`; 不适用 rows leave the base. The leaf's
 * score = Σ row scores ÷ Σ row 分值 × the leaf's 分值.
 */
import { Dec, ONE, ZERO, dec, plain, showNumber, showPercent, toDec, toPlainDec } from '../../decimal/dec.ts';
import { shared } from '../../errors/shared.ts';
import { looksPercentPoints } from '../percent-bounds.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import { CannotCompute } from '../../evaluate/context.ts';
import type { RowResult } from '../../sheet/types.ts';
import { compareTarget } from '../../targets/index.ts';
import { checkRef } from '../refs-check.ts';
import { bounds, contains, renderInterval } from '../interval.ts';
import { prose, type KindRule, type RuleKind, type RuleSite } from '../kind.ts';
import { enteredScore, ruleMessages } from '../messages.ts';
import { targetsMessages } from '../targets/messages.ts';
import { bandsMessages } from '../bands/messages.ts';
import { shareText } from '../bands/bands.ts';
import { deptTargetsMessages as m } from './messages.ts';

type DeptTargetsRule = KindRule<'deptTargets'>;

function tableOf(rule: DeptTargetsRule, site: RuleSite) {
  return rule.by === 'proportional' ? null : (site.decls.bandTables?.get(rule.by.table) ?? null);
}

export const deptTargets: RuleKind<DeptTargetsRule> = {
  refs: (r) => [r.rowsFact],

  check(rule, site) {
    const out: Issue[] = [...checkRef(rule.rowsFact, site, 'rowsFact', 'rows')];
    if (rule.by !== 'proportional' && !tableOf(rule, site)) {
      out.push(bandsMessages.issue('band-table-unknown', { name: site.name, table: rule.by.table, known: [...(site.decls.bandTables?.keys() ?? [])] }, { path: pointer(site.path, 'by', 'table'), indicator: site.indicator }));
    }
    // the rows are scored by 完成率, a percent: the table's bounds are fractions (100% is 1, not 100)
    const table = rule.by === 'proportional' ? undefined : tableOf(rule, site);
    const i = table ? [...(site.decls.bandTables?.keys() ?? [])].indexOf(table.id) : -1;
    table?.bands.forEach((b, j) => {
      for (const k of ['min', 'max'] as const) {
        const w = b[k];
        const d = w === undefined || (typeof w === 'string' && w.trim().endsWith('%')) ? null : toDec(w);
        if (d === null || !looksPercentPoints(d, null)) continue;
        const params = { at: 'bound', what: `共用分档表“${table.name}”第${j + 1}档的${k === 'min' ? '下限' : '上限'}`, whatEn: `band table ${table.id} band ${j + 1} ${k}`, fact: rule.rowsFact, label: '完成率', value: plain(d), percent: plain(d.times(100)), fraction: plain(d.div(100)) } as const;
        out.push(shared.issue('percent-scale', params, { path: pointer('/bandTables', i, 'bands', j, k), indicator: site.indicator }));
      }
    });
    return out;
  },

  maxScore: (_r, site) => site.points,

  compile(rule, site) {
    const table = tableOf(rule, site);
    const bands = table?.bands.map((b) => ({ b: bounds(b), share: dec(b.share) })) ?? null;
    return (ctx) => {
      const rows = ctx.rows(rule.rowsFact);
      const results: RowResult[] = [];
      let got = ZERO;
      let base = ZERO;
      rows.forEach((row, i) => {
        const where = { indicator: site.indicator, fact: rule.rowsFact, path: `/facts/${rule.rowsFact}/${i}` };
        const points = toPlainDec(row.points);
        if (points === null || points.lt(ZERO)) throw new CannotCompute(targetsMessages.issue('row-points', { row: i + 1, name: row.level3, value: enteredScore(row.points) }, where));
        const cmp = compareTarget(row.target, row.actual, { indicator: row.level3, category: row.level2, year: site.decls.year });
        const rowKey = `${ctx.key}/${row.id ?? String(i + 1)}`;
        const out = (score: Dec | null, counted: Dec, how: string): void => {
          results.push({
            id: row.id ?? String(i + 1),
            level1: row.level1,
            level2: row.level2,
            level3: row.level3,
            target: row.target,
            actual: row.actual,
            points: plain(points),
            ruleScore: score === null ? null : plain(score),
            selfScore: row.selfScore === undefined ? null : String(row.selfScore),
            score: plain(counted),
            outcome: cmp.outcome,
            explanation: `${cmp.explanation}：${how}`,
            warnings: [...cmp.warnings],
          });
        };
        if (cmp.outcome === 'notApplicable') {
          out(null, ZERO, '不适用，不计入');
          return;
        }
        base = base.plus(points);
        if (cmp.outcome === 'met' || cmp.outcome === 'notMet') {
          const rate = cmp.outcome === 'met' ? ONE : Dec.max(ZERO, Dec.min(ONE, cmp.ratio ?? ZERO));
          let share = rate;
          let how = `完成率${showPercent(rate, 2)}，按完成比例 ${showPercent(rate, 2)} × ${plain(points)}分`;
          if (bands) {
            const k = bands.findIndex((x) => contains(x.b, rate));
            if (k < 0) throw new CannotCompute(bandsMessages.issue('band-no-match', { name: site.name, subject: '完成率', shown: showPercent(rate, 2), table: table!.name }, where));
            share = bands[k]!.share;
            how = `完成率${showPercent(rate, 2)}，落在“${table!.name}”第${k + 1}档 → ${showPercent(share, 2)} × ${plain(points)}分`;
          }
          const score = share.times(points);
          got = got.plus(score);
          out(score, score, `${how} = ${showNumber(score)}分`);
          return;
        }
        const entry = ctx.reviewer(rowKey);
        const why = cmp.outcome === 'qualitative' ? '为定性指标' : '目标与实际无法比较';
        if (!entry) throw new CannotCompute(m.issue('dept-row-judgement-missing', { name: site.name, row: i + 1, level3: row.level3, key: rowKey, why }, { indicator: site.indicator, path: pointer('/reviewer', rowKey) }));
        const s = toPlainDec(entry.score);
        if (s === null || s.lt(ZERO) || s.gt(points)) throw new CannotCompute(ruleMessages.issue('reviewer-range', { name: `${site.name}·${row.level3}`, key: rowKey, score: enteredScore(entry.score), points: plain(points) }, { indicator: site.indicator, path: pointer('/reviewer', rowKey) }));
        if (typeof entry.reason !== 'string' || !entry.reason.trim()) throw new CannotCompute(ruleMessages.issue('judgement-reason', { name: `${site.name}·${row.level3}`, key: rowKey, entry: 'judgement' }, { indicator: site.indicator, path: pointer('/reviewer', rowKey) }));
        got = got.plus(s);
        out(null, s, `评审给分 ${plain(s)}分（${entry.reason}）`);
      });
      if (base.isZero()) throw new CannotCompute(m.issue('dept-rows-empty', { name: site.name }, { indicator: site.indicator, fact: rule.rowsFact, path: pointer('/facts', rule.rowsFact) }));
      const score = got.div(base).times(site.points);
      const judged = results.some((r) => r.ruleScore === null && r.outcome !== 'notApplicable');
      return {
        score,
        branch: `部门绩效目标${results.length}行${bands ? `，按“${table!.name}”计分` : '，按完成比例计分'}`,
        arithmetic: [...results.map((r) => `${r.level3}：${r.explanation}`), () => `各行得分 ${showNumber(got)} ÷ 各行分值 ${plain(base)} × ${plain(site.points)}分 = ${showNumber(score)}分`],
        status: judged ? 'mixed' : 'computed',
        rows: results,
      };
    };
  },

  /** "按部门设定的绩效指标逐项评价：完成率≥100%的，得满分；…" or "…：按完成比例计算得分，满分为止。" */
  render(rule, site) {
    const pts = plain(site.points);
    const t = tableOf(rule, site);
    const show = (d: Dec) => showPercent(d, 2);
    const how = t ? `${t.bands.map((b) => `${b.text ?? renderInterval(bounds(b), '完成率', show)}的，${shareText(dec(b.share))}`).join('；')}。` : '按完成比例计算得分，满分为止。';
    return `${prose(rule.render?.before, pts)}${how}${prose(rule.render?.after, pts)}`;
  },
};
