/**
 * 年度绩效指标行 (targets): each project brings its own rows (年度指标值, 实际完成值, 分值, 自评得分); the
 * scheme's policy says how a row is scored. Sources: seed 001 深圳市商务局 2020 项目支出绩效自评表, and
 * 财预〔2020〕10号 项目支出绩效自评 (as quoted in issue 10):
 *
 * - 定量指标: "完成指标值的，记该指标所赋全部分值；对完成值高于指标值较多的，要分析原因，如果是由于年初指标值设定明显
 *   偏低造成的，要按照偏离度适度调减分值；未完成指标值的，按照完成值与指标值的比例记分" — `proportional`: 完成值 ÷
 *   指标值 × 分值, and for a reverse indicator (≤ targets, lower is better) 年度指标值 ÷ 全年实际值 × 分值;
 *   `overshoot.then` `judgement` with no threshold.
 * - 定性指标: three bands 100–80%（含）/ 80–60%（含）/ 60–0% of the row's points (`qualitative: 'bands'`).
 * - Overshoot as provinces write it: "完成值超过年初设置指标值30%及以上的指标，定义为指标偏离并减2分"
 *   (`overshoot` { over 0.3, then deduct, deduct 2 }); "实际完成未达到预期指标或超过预期指标30%以上的，均不计分"
 *   (`quantitativeNotMet: 'zero'`, `overshoot` { over 0.3, inclusive false, then zero }).
 * - Weights: 产出指标50、效益指标30、满意度指标10, "如未设置满意度指标，则其权重统一调整至效益指标" (`weights`):
 *   each group's rows should add up to its weight; the sheet says where they do not.
 *
 * The rule score of every row is shown beside the department's self-score, with the reason.
 */
import { Dec, ONE, ZERO, plain, showNumber, showPercent, toDec, toPlainDec } from '../../decimal/dec.ts';
import { pointer, type Issue } from '../../errors/issue.ts';
import type { TargetsRule } from '../../format/scheme-types.ts';
import type { TargetRowT } from '../../format/case-types.ts';
import type { RowResult } from '../../sheet/types.ts';
import { CannotCompute, type EvalContext } from '../../evaluate/context.ts';
import { compareTarget, type Comparison } from '../../targets/index.ts';
import { checkRef } from '../refs-check.ts';
import { prose, type RuleKind, type RuleSite } from '../kind.ts';
import { enteredScore } from '../messages.ts';
import { bandRefs, checkBands, compileBands, judgeInBands, renderBands, type BandEntry, type CompiledBands } from '../judgement/bands.ts';
import { targetsMessages as m } from './messages.ts';

type Policy = TargetsRule['policy'];
type Overshoot = NonNullable<Policy['overshoot']>;

/**
 * The entry that judges a row: the row's own self-evaluation (自评得分, 所选档次, 偏差原因分析 as the reason). A
 * reviewer's separate entry per row is not read (reviewer keys name indicators and parts of the scheme, and a
 * row belongs to the case).
 */
function rowEntry(row: TargetRowT): (BandEntry & { from: 'self' }) | undefined {
  if (row.selfScore === undefined) return undefined;
  return { band: row.band, score: row.selfScore, reason: row.deviation, from: 'self' };
}

/** How far the actual exceeds the target, as a share of the target (偏离度), for a met 正向 quantitative row; null when it does not. */
function overshootOf(cmp: Comparison): Dec | null {
  const n = cmp.numbers;
  if (!n || n.reverse || !n.target.gt(ZERO) || !n.actual.gt(n.target)) return null;
  return n.actual.minus(n.target).div(n.target);
}

/** Whether a 偏离度 is beyond the overshoot threshold (no threshold: any overshoot). */
function beyond(o: Overshoot, dev: Dec): boolean {
  if (o.over === undefined) return true;
  const t = toDec(o.over) ?? ZERO;
  return o.inclusive === false ? dev.gt(t) : dev.gte(t);
}

/** "30%及以上" / "30%以上". */
function overText(o: Overshoot): string {
  return `${showPercent(toDec(o.over ?? 0) ?? ZERO)}${o.inclusive === false ? '以上' : '及以上'}`;
}

/** Effective weights: a group without rows hands its weight to `absentTo`. */
function weightLines(rule: TargetsRule, rows: readonly TargetRowT[], scores: readonly Dec[], warnings: string[]): string[] {
  const groups = rule.weights;
  if (!groups) return [];
  const names = (g: (typeof groups)[number]) => g.match ?? [g.name];
  // a row belongs to the group naming its 二级指标 (满意度指标 listed under 效益指标, as seed 001 does), else its 一级指标
  const groupOf = (r: TargetRowT) => {
    const by2 = groups.findIndex((g) => names(g).includes(r.level2.trim()));
    return by2 >= 0 ? by2 : groups.findIndex((g) => names(g).includes(r.level1.trim()));
  };
  const members = groups.map(() => [] as number[]);
  rows.forEach((r, i) => {
    const g = groupOf(r);
    if (g < 0) warnings.push(`第${i + 1}行“${r.level3}”的一级指标“${r.level1}”不属于任何权重分组（${groups.map((x) => x.name).join('、')}）`);
    else members[g]!.push(i);
  });
  const weight = groups.map((g) => toPlainDec(g.points) ?? ZERO);
  const moved: string[] = [];
  groups.forEach((g, i) => {
    if (members[i]!.length > 0 || g.absentTo === undefined) return;
    const to = groups.findIndex((x) => x.name === g.absentTo);
    if (to < 0) return;
    weight[to] = weight[to]!.plus(weight[i]!);
    moved.push(`未设置${g.name}，其权重${plain(weight[i]!)}分调整至${g.absentTo}`);
    weight[i] = ZERO;
  });
  const lines: string[] = [];
  groups.forEach((g, i) => {
    const rowsOf = members[i]!;
    const pts = rowsOf.reduce((s, j) => s.plus(toPlainDec(rows[j]!.points) ?? ZERO), ZERO);
    const got = rowsOf.reduce((s, j) => s.plus(scores[j]!), ZERO);
    if (rowsOf.length === 0 && weight[i]!.eq(ZERO)) return;
    lines.push(`${g.name}：权重${plain(weight[i]!)}分，${rowsOf.length}行分值合计${plain(pts)}分，得分${showNumber(got)}分`);
    if (!pts.eq(weight[i]!)) warnings.push(`${g.name}各行分值合计${plain(pts)}分，与权重${plain(weight[i]!)}分不符`);
  });
  return moved.length ? [moved.join('；'), ...lines] : lines;
}

/** Checks of the policy's parts that the JSON Schema cannot say: bands for `bands`, a threshold and an amount for overshoot, weights that add up. */
function checkPolicy(rule: TargetsRule, site: RuleSite): Issue[] {
  const out: Issue[] = [];
  const at = (...s: (string | number)[]) => ({ path: pointer(site.path, ...s), indicator: site.indicator });
  if (rule.policy.qualitative === 'bands' && !rule.bands) out.push(m.issue('targets-bands-missing', { name: site.name }, at('bands')));
  if (rule.bands) out.push(...checkBands(rule.bands, site, pointer(site.path, 'bands'), null));
  const o = rule.policy.overshoot;
  if (o) {
    const over = o.over === undefined ? null : toDec(o.over);
    if (o.then !== 'judgement' && o.over === undefined) out.push(m.issue('targets-overshoot-threshold', { name: site.name, then: o.then }, at('policy', 'overshoot')));
    if (over !== null && !over.gt(ZERO)) out.push(m.issue('targets-overshoot-threshold', { name: site.name, then: o.then }, at('policy', 'overshoot', 'over')));
    const d = o.deduct === undefined ? null : toPlainDec(o.deduct);
    if (o.then === 'deduct' && (d === null || !d.gt(ZERO))) out.push(m.issue('targets-overshoot-deduct', { name: site.name }, at('policy', 'overshoot', o.deduct === undefined ? 'then' : 'deduct')));
  }
  if (rule.weights) {
    const names = rule.weights.map((g) => g.name);
    const sum = rule.weights.reduce((s, g) => s.plus(toPlainDec(g.points) ?? ZERO), ZERO);
    if (!sum.eq(site.points)) out.push(m.issue('targets-weights-sum', { name: site.name, sum: plain(sum), points: plain(site.points) }, at('weights')));
    rule.weights.forEach((g, i) => {
      if (names.indexOf(g.name) !== i) out.push(m.issue('targets-weights-duplicate', { name: site.name, group: g.name }, at('weights', i, 'name')));
      if (g.absentTo !== undefined && (!names.includes(g.absentTo) || g.absentTo === g.name)) {
        out.push(m.issue('targets-weights-absent-to', { name: site.name, group: g.name, to: g.absentTo, groups: names.join('、') }, at('weights', i, 'absentTo')));
      }
    });
  }
  return out;
}

/** A row's rule score under the policy, with its words, or null when the row is left to judgement without bands. */
interface RowRule {
  score: Dec | null;
  /** What the rule did, for the row's explanation ("完成值 ÷ 指标值 × 分值 = 1 ÷ 4 × 6 = 1.5分"). */
  text: string;
  /** True when the score is a judgement (the entry's), recorded as such. */
  judged: boolean;
  /** True when `text` already says whose judgement it is. */
  own?: boolean;
  warnings: string[];
}

/** 完成值 ÷ 指标值 × 分值 (正向) or 年度指标值 ÷ 全年实际值 × 分值 (反向), written out. */
function proportionalText(cmp: Comparison, points: Dec, score: Dec): string {
  const n = cmp.numbers;
  if (!n) return `按完成比例${showPercent(cmp.ratio ?? ZERO)} × ${plain(points)}分 = ${showNumber(score)}分`;
  return n.reverse
    ? `反向指标：年度指标值 ÷ 全年实际值 × 分值 = ${n.shownTarget} ÷ ${n.shownActual} × ${plain(points)}分 = ${showNumber(score)}分`
    : `完成值 ÷ 指标值 × 分值 = ${n.shownActual} ÷ ${n.shownTarget} × ${plain(points)}分 = ${showNumber(score)}分`;
}

/**
 * True for a 定量 row (年度指标值 a quantity, percent, date or time limit) whose 实际完成值 is written in words
 * ("≥300人" / "二百人"): `compareTarget` reads it as 需酌情判断 (qualitative), but the indicator is not 定性.
 */
export function wordsForNumber(cmp: Comparison): boolean {
  return cmp.outcome === 'qualitative' && cmp.actual.kind === 'qualitative' && cmp.target.kind !== 'qualitative' && cmp.target.kind !== 'notApplicable';
}

function scoreRow(
  policy: Policy,
  bands: CompiledBands | null,
  cmp: Comparison,
  points: Dec,
  entry: ReturnType<typeof rowEntry>,
  place: { row: number; name: string; key: string; where: { indicator: string; path: string; fact: string } },
  ctx: EvalContext,
): RowRule {
  const judged = (): RowRule => {
    if (!entry) return { score: null, text: '', judged: true, warnings: [] };
    const s = toPlainDec(entry.score);
    return { score: s === null ? null : Dec.min(s, points), text: '', judged: true, warnings: [] };
  };
  if (cmp.outcome === 'met') {
    const o = policy.overshoot;
    const dev = o ? overshootOf(cmp) : null;
    if (o && dev !== null && beyond(o, dev)) {
      const n = cmp.numbers!;
      const head = `完成值超过指标值 (${n.shownActual} − ${n.shownTarget}) ÷ ${n.shownTarget} = ${showPercent(dev)}`;
      if (o.then === 'zero') return { score: ZERO, text: `${head}，超过${overText(o)}，不计分`, judged: false, warnings: [] };
      if (o.then === 'deduct') {
        const d = toPlainDec(o.deduct) ?? ZERO;
        const s = Dec.max(ZERO, points.minus(d));
        return { score: s, text: `${head}，${overText(o)}，指标偏离减${plain(d)}分：${plain(points)} − ${plain(d)} = ${plain(s)}分`, judged: false, warnings: [] };
      }
      // 按照偏离度适度调减分值: the entry's score (reason required), or full points with a reminder
      if (!entry || toPlainDec(entry.score)?.gte(points)) {
        return { score: points, text: `${head}，记全部分值`, judged: false, warnings: [`完成值高于指标值${showPercent(dev)}，须分析原因；如系年初指标值设定明显偏低，应按偏离度适度调减分值`] };
      }
      const s = toPlainDec(entry.score);
      if (s === null) return judged();
      if (typeof entry.reason !== 'string' || !entry.reason.trim()) {
        throw new CannotCompute(m.issue('row-reason-missing', { row: place.row, name: place.name, why: 'overshoot' }, place.where));
      }
      return { score: Dec.max(ZERO, s), text: `${head}，按偏离度调减为${plain(s)}分（${entry.reason}）`, judged: true, warnings: [] };
    }
    return { score: points, text: `记全部分值${plain(points)}分`, judged: false, warnings: [] };
  }
  // a 定量 row with its actual in words is not scored as 定性 (its target is a number): it is judged, as a row that cannot be compared
  const mode = cmp.outcome === 'notMet' ? policy.quantitativeNotMet : cmp.outcome === 'qualitative' && !wordsForNumber(cmp) ? policy.qualitative : cmp.outcome === 'notApplicable' ? policy.notApplicable : 'judgement';
  if (mode === 'full') return { score: points, text: `得满分${plain(points)}分`, judged: false, warnings: [] };
  if (mode === 'zero') return { score: ZERO, text: '得0分', judged: false, warnings: [] };
  if (mode === 'proportional') {
    const s = points.times(Dec.min(ONE, Dec.max(ZERO, cmp.ratio ?? ZERO)));
    return { score: s, text: proportionalText(cmp, points, s), judged: false, warnings: [] };
  }
  if (mode === 'bands' && bands) {
    const j = judgeInBands(bands, entry, { name: place.name, row: place.row, key: place.key, where: place.where, points, by: '自评' }, ctx);
    return { score: j.score, text: j.text, judged: !j.fixed, warnings: [], own: true };
  }
  return judged();
}

export const targets: RuleKind<TargetsRule> = {
  refs: (r) => [r.rowsFact, ...bandRefs(r.bands)],
  check: (rule, site) => [...checkRef(rule.rowsFact, site, 'rowsFact', 'rows'), ...checkPolicy(rule, site)],
  maxScore: (_r, site) => site.points,

  compile(rule, site) {
    const policy = rule.policy;
    const bands = rule.bands ? compileBands(rule.bands, site) : null;
    return (ctx) => {
      const rows = ctx.rows(rule.rowsFact);
      const results: RowResult[] = [];
      const scores: Dec[] = [];
      let total = ZERO;
      let pointsSum = ZERO;
      const warnings: string[] = [];
      const notices: Issue[] = [];
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
        if (self !== null && self.lt(ZERO)) {
          throw new CannotCompute(m.issue('row-self-score-negative', { row: i + 1, name: row.level3, selfScore: plain(self), points: plain(points) }, { ...where, path: `${where.path}/selfScore` }));
        }
        pointsSum = pointsSum.plus(points);
        const cmp = compareTarget(row.target, row.actual, { indicator: row.level3, category: row.level2, year: site.decls.year });
        const rowWarnings = [...cmp.warnings];
        const entry = rowEntry(row);
        const r = scoreRow(policy, bands, cmp, points, entry, { row: i + 1, name: row.level3, key: `${ctx.key}/${row.id ?? String(i + 1)}`, where }, ctx);
        rowWarnings.push(...r.warnings);
        const ruleScore = r.judged ? null : r.score;
        let score: Dec;
        if (r.score !== null) score = r.score;
        else {
          throw new CannotCompute(m.issue('row-judgement-missing', { row: i + 1, name: row.level3, outcome: cmp.outcome }, where));
        }
        if (self !== null && self.gt(points)) {
          // a scoring error, not a style point: coded, on the sheet, and blocking 提交 (evaluate/submission.ts)
          const over = m.issue('row-self-score-over-points', { row: i + 1, name: row.level3, selfScore: plain(self), points: plain(points) }, { ...where, path: `${where.path}/selfScore`, severity: 'warning' });
          rowWarnings.push(over.message);
          notices.push(over);
        }
        const words = wordsForNumber(cmp);
        if (words) {
          notices.push(m.issue('row-actual-in-words', { row: i + 1, name: row.level3, target: row.target.trim(), actual: row.actual.trim(), score: plain(score) }, { ...where, severity: 'warning' }));
        }
        const ruleText = r.judged
          ? r.text
            ? r.own
              ? r.text
              : `${r.text}（自评）`
            : `酌情（采用自评${self === null ? '' : ` ${plain(Dec.min(self, points))}分`}）`
          : r.text && r.text !== `记全部分值${plain(points)}分` && r.text !== `得满分${plain(points)}分` && r.text !== '得0分'
            ? `规则得${showNumber(r.score!)}分（${r.text}）`
            : `规则得${showNumber(r.score!)}分`;
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
          outcome: words ? 'incomparable' : cmp.outcome,
          explanation: `${cmp.explanation}：${ruleText}；自评${self === null ? '无' : `${plain(self)}分`}`,
          warnings: rowWarnings,
        });
        scores.push(score);
        total = total.plus(score);
      });
      if (!pointsSum.eq(site.points)) {
        const p = { name: site.name, sum: plain(pointsSum), points: plain(site.points), scoreSum: plain(total), counted: plain(Dec.min(total, site.points)) };
        notices.unshift(m.issue('rows-points-sum', p, { indicator: site.indicator, fact: rule.rowsFact, path: `/facts/${rule.rowsFact}`, severity: 'warning' }));
      }
      const weightText = weightLines(rule, rows, scores, warnings);
      return {
        score: total,
        branch: `年度绩效指标 ${rows.length} 行`,
        arithmetic: [...weightText, () => `${results.map((r) => showNumber(r.score)).join(' + ') || '0'} = ${showNumber(total)}分`],
        status: results.some((r) => r.ruleScore === null) ? 'mixed' : 'computed',
        rows: results,
        warnings,
        ...(notices.length ? { notices } : {}),
      };
    };
  },

  render(rule, site) {
    const pts = plain(site.points);
    const body = rule.render?.style === 'caiyu-2020' ? renderCaiyu(rule, site) : renderPlain(rule, site);
    return `${prose(rule.render?.before, pts)}${body}${prose(rule.render?.after, pts)}`;
  },
};

/** The overshoot clause in the provinces' words. */
function overshootClause(o: Overshoot): string {
  if (o.then === 'deduct') return `完成值超过年初设置指标值${overText(o)}的指标，定义为指标偏离并减${plain(toPlainDec(o.deduct) ?? ZERO)}分`;
  if (o.then === 'zero') return `超过预期指标${overText(o)}的，不计分`;
  return o.over === undefined
    ? '对完成值高于指标值较多的，要分析原因，如果是由于年初指标值设定明显偏低造成的，要按照偏离度适度调减分值'
    : `完成值超过指标值${overText(o)}的，要分析原因，如果是由于年初指标值设定明显偏低造成的，要按照偏离度适度调减分值`;
}

/** The weights sentence: "一级指标权重：产出指标50分、效益指标30分、满意度指标10分；如未设置满意度指标，则其权重统一调整至效益指标。" */
function weightsClause(rule: TargetsRule): string {
  const w = rule.weights;
  if (!w) return '';
  const moves = w.filter((g) => g.absentTo !== undefined).map((g) => `如未设置${g.name}，则其权重统一调整至${g.absentTo}`);
  return `一级指标权重：${w.map((g) => `${g.name}${plain(toPlainDec(g.points) ?? ZERO)}分`).join('、')}${moves.length ? `；${moves.join('；')}` : ''}。`;
}

/**
 * 财预〔2020〕10号's wording (`render.style` "caiyu-2020"): "完成指标值的，记该指标所赋全部分值；[overshoot]；未完成指标值的，
 * 按照完成值与指标值的比例记分。" then the qualitative bands' sentence. Provinces' combinations read as they write
 * them: not met → 0 with overshoot → 0 is "实际完成未达到预期指标或超过预期指标30%以上的，均不计分。" The document says
 * nothing of 不适用 rows, so this style does not either (the policy still scores them); `weights` add their sentence.
 */
function renderCaiyu(rule: TargetsRule, site: RuleSite): string {
  const p = rule.policy;
  const o = p.overshoot;
  const parts: string[] = [];
  if (p.quantitativeNotMet === 'zero' && o?.then === 'zero') {
    parts.push(`实际完成未达到预期指标或超过预期指标${overText(o)}的，均不计分。`);
  } else {
    const clauses = ['完成指标值的，记该指标所赋全部分值'];
    if (o) clauses.push(overshootClause(o));
    clauses.push(
      p.quantitativeNotMet === 'proportional' ? '未完成指标值的，按照完成值与指标值的比例记分' : p.quantitativeNotMet === 'zero' ? '未完成指标值的，不计分' : '未完成指标值的，酌情评分',
    );
    parts.push(`${clauses.join('；')}。`);
  }
  if (p.qualitative === 'bands' && rule.bands) parts.push(renderBands(rule.bands, '定性指标', site.points));
  else parts.push(p.qualitative === 'full' ? '定性指标得满分。' : '定性指标酌情评分。');
  return parts.join('') + weightsClause(rule);
}

/** The plain sentence (seed 001's scheme): "定量指标达到年度指标值的，得该指标分值；未达到的，…；定性指标…；不适用的指标…。" */
function renderPlain(rule: TargetsRule, site: RuleSite): string {
  const p = rule.policy;
  const notMet = { proportional: '按完成比例得分', zero: '得0分', judgement: '酌情评分' }[p.quantitativeNotMet];
  const qual = { judgement: '酌情评分', full: '得满分', bands: '按档次酌情评分' }[p.qualitative];
  const na = { full: '得满分', zero: '得0分', judgement: '酌情评分' }[p.notApplicable];
  const over = p.overshoot ? `；${overshootClause(p.overshoot)}` : '';
  const bands = p.qualitative === 'bands' && rule.bands ? renderBands(rule.bands, '定性指标', site.points) : '';
  return `定量指标达到年度指标值的，得该指标分值${over}；未达到的，${notMet}；定性指标${qual}；不适用的指标${na}。${bands}${weightsClause(rule)}`;
}
