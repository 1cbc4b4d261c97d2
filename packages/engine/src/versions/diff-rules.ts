/**
 * Diff of two rules of the same indicator (计分规则变更): the kind, then each kind's own parameters
 * (tiers, options, ratio, formula, parts, checklist items, deduction, linear penalty, judgement,
 * targets policy), then what every rule may carry (veto, exemption, rounding, rendering hints).
 */
import { plain, roundingText, type RoundMode } from '../decimal/dec.ts';
import type {
  ChecklistRule,
  DeductionRule,
  LinearPenaltyRule,
  OptionsRule,
  Part,
  RatioRule,
  Rule,
  SumRule,
  TargetsRule,
  TiersRule,
  JudgementRule,
  FormulaRule,
  RoundT,
} from '../format/scheme-types.ts';
import { bounds } from '../rules/interval.ts';
import type { Decls } from '../rules/kind.ts';
import { add, conditionText, num, pairUp, pts, rangeText, refChange, restDiff, sameJson, sameNum, short, shown, textChange, type DiffCtx, type Place } from './diff-context.ts';

/** Chinese name of each rule kind. */
export const RULE_KIND_ZH: Record<Rule['kind'], string> = {
  tiers: '分档计分',
  options: '枚举分档',
  ratio: '比率计分',
  formula: '公式计分',
  sum: '分项合计',
  checklist: '评分要点',
  deduction: '扣分',
  linearPenalty: '线性扣分',
  judgement: '酌情评分',
  targets: '年度指标行',
};

const COMMON = ['kind', 'veto', 'exempt', 'round', 'render'] as const;

/**
 * Compares rule `x` (older) with rule `y` (newer) at `place` (pointers of the two rules).
 * A change of kind is reported alone: the parameters of different kinds are not comparable.
 */
export function diffRule(ctx: DiffCtx, place: Place, x: Rule, y: Rule): void {
  if (x.kind !== y.kind) {
    add(ctx, place, 'rule-kind-changed', `${place.label}：计分方式 ${RULE_KIND_ZH[x.kind] ?? x.kind} → ${RULE_KIND_ZH[y.kind] ?? y.kind}`, `${place.label}: rule kind ${x.kind} → ${y.kind}`, {
      sub: ['kind'],
      before: x.kind,
      after: y.kind,
    });
    return;
  }
  const handled = KINDS[x.kind](ctx, place, x as never, y as never);
  diffCommon(ctx, place, x, y);
  restDiff(ctx, place, x, y, [...COMMON, ...handled]);
}

type KindDiff<R> = (ctx: DiffCtx, place: Place, x: R, y: R) => readonly string[];

const KINDS: { [K in Rule['kind']]: KindDiff<Extract<Rule, { kind: K }>> } = {
  tiers: diffTiers,
  options: diffOptions,
  ratio: diffRatio,
  formula: diffFormula,
  sum: diffSum,
  checklist: diffChecklist,
  deduction: diffDeduction,
  linearPenalty: diffLinearPenalty,
  judgement: diffJudgement,
  targets: diffTargets,
};

function metricChange(ctx: DiffCtx, place: Place, key: string, what: string, x: string, y: string): void {
  if (x === y) return;
  add(ctx, place, 'rule-metric-changed', `${place.label}：${what} ${refChange(ctx, x, y)}`, `${place.label}: ${key} ${x} → ${y}`, { sub: [key], before: x, after: y });
}

function diffTiers(ctx: DiffCtx, place: Place, x: TiersRule, y: TiersRule): readonly string[] {
  metricChange(ctx, place, 'metric', '分档对象', x.metric, y.metric);
  const subjA = x.render?.subject ?? ctx.da.label(x.metric);
  const subjB = y.render?.subject ?? ctx.db.label(y.metric);
  const showA = (d: Parameters<typeof plain>[0]) => ctx.da.showValue(x.metric, plain(d));
  const showB = (d: Parameters<typeof plain>[0]) => ctx.db.showValue(y.metric, plain(d));
  const ta = x.tiers ?? [];
  const tb = y.tiers ?? [];
  const rangeA = (i: number) => rangeText(bounds(ta[i]!), subjA, showA);
  const rangeB = (j: number) => rangeText(bounds(tb[j]!), subjB, showB);
  const exact = (t: (typeof ta)[number]) => `${num(t.min)}|${t.min === undefined ? '' : String(t.minInclusive)}|${num(t.max)}|${t.max === undefined ? '' : String(t.maxInclusive)}`;
  const { pairs, onlyA, onlyB } = pairUp(ta, tb, [exact]);
  // tiers whose interval changed are paired in order
  const restPairs: [number, number][] = onlyA.slice(0, Math.min(onlyA.length, onlyB.length)).map((i, n) => [i, onlyB[n]!]);
  const all = [...pairs, ...restPairs].sort((p, q) => p[1] - q[1]);
  for (const [i, j] of all) {
    const p = ta[i]!;
    const q = tb[j]!;
    const sub = ['tiers', j];
    const at = { sub, pathBefore: `${place.pa}/tiers/${i}` };
    const valuesMoved = !sameNum(p.min, q.min) || !sameNum(p.max, q.max);
    const inclMoved = (p.min !== undefined && p.minInclusive !== q.minInclusive) || (p.max !== undefined && p.maxInclusive !== q.maxInclusive);
    if (valuesMoved) {
      add(ctx, place, 'tier-bound-changed', `${place.label}：第${j + 1}档 ${rangeA(i)} → ${rangeB(j)}`, `${place.label}: tier ${j + 1} bounds changed`, {
        ...at,
        before: { min: p.min, max: p.max },
        after: { min: q.min, max: q.max },
      });
    } else if (inclMoved) {
      const ends: string[] = [];
      if (p.min !== undefined && p.minInclusive !== q.minInclusive) ends.push(`下限由${p.minInclusive ? '含' : '不含'}改为${q.minInclusive ? '含' : '不含'}`);
      if (p.max !== undefined && p.maxInclusive !== q.maxInclusive) ends.push(`上限由${p.maxInclusive ? '含' : '不含'}改为${q.maxInclusive ? '含' : '不含'}`);
      add(ctx, place, 'tier-inclusivity-changed', `${place.label}：第${j + 1}档 ${rangeA(i)} → ${rangeB(j)}（${ends.join('，')}）`, `${place.label}: tier ${j + 1} bound inclusivity changed`, {
        ...at,
        before: { minInclusive: p.minInclusive, maxInclusive: p.maxInclusive },
        after: { minInclusive: q.minInclusive, maxInclusive: q.maxInclusive },
      });
    }
    if (!sameNum(p.score, q.score)) {
      add(ctx, place, 'tier-score-changed', `${place.label}：第${j + 1}档 ${rangeB(j)} 得分 ${pts(p.score)} → ${pts(q.score)}`, `${place.label}: tier ${j + 1} score ${num(p.score)} → ${num(q.score)}`, {
        ...at,
        sub: [...sub, 'score'],
        pathBefore: `${place.pa}/tiers/${i}/score`,
        before: p.score,
        after: q.score,
      });
    }
    if ((p.label ?? '') !== (q.label ?? '')) {
      add(ctx, place, 'tier-label-changed', `${place.label}：第${j + 1}档说明 ${textChange(p.label, q.label)}`, `${place.label}: tier ${j + 1} label changed`, {
        ...at,
        sub: [...sub, 'label'],
        pathBefore: `${place.pa}/tiers/${i}/label`,
        before: p.label,
        after: q.label,
      });
    }
    restDiff(ctx, { ...place, pa: `${place.pa}/tiers/${i}`, pb: `${place.pb}/tiers/${j}` }, p, q, ['min', 'minInclusive', 'max', 'maxInclusive', 'score', 'label']);
  }
  for (const i of onlyA.slice(restPairs.length)) {
    add(ctx, place, 'tier-removed', `${place.label}：删除第${i + 1}档 ${rangeA(i)} 得${pts(ta[i]!.score)}`, `${place.label}: tier ${i + 1} removed`, {
      sub: ['tiers', i],
      pathAfter: null,
      before: ta[i],
    });
  }
  for (const j of onlyB.slice(restPairs.length)) {
    add(ctx, place, 'tier-added', `${place.label}：新增第${j + 1}档 ${rangeB(j)} 得${pts(tb[j]!.score)}`, `${place.label}: tier ${j + 1} added`, {
      sub: ['tiers', j],
      pathBefore: null,
      after: tb[j],
    });
  }
  return ['metric', 'tiers'];
}

function diffOptions(ctx: DiffCtx, place: Place, x: OptionsRule, y: OptionsRule): readonly string[] {
  metricChange(ctx, place, 'fact', '分档依据', x.fact, y.fact);
  const oa = x.options ?? [];
  const ob = y.options ?? [];
  const { pairs, onlyA, onlyB } = pairUp(oa, ob, [(o) => o.value, (o) => o.text]);
  for (const [i, j] of pairs) {
    const p = oa[i]!;
    const q = ob[j]!;
    const what: string[] = [];
    if (p.value !== q.value) what.push(`取值 ${p.value} → ${q.value}`);
    if (!sameNum(p.score, q.score)) what.push(`得分 ${pts(p.score)} → ${pts(q.score)}`);
    if (p.text !== q.text) what.push(`文字 ${textChange(p.text, q.text)}`);
    if (what.length) {
      add(ctx, place, 'option-changed', `${place.label}：选项“${short(q.text, 30)}” ${what.join('；')}`, `${place.label}: option ${q.value} changed`, {
        sub: ['options', j],
        pathBefore: `${place.pa}/options/${i}`,
        before: p,
        after: q,
      });
    }
    restDiff(ctx, { ...place, pa: `${place.pa}/options/${i}`, pb: `${place.pb}/options/${j}` }, p, q, ['value', 'score', 'text']);
  }
  for (const i of onlyA) add(ctx, place, 'option-removed', `${place.label}：删除选项“${short(oa[i]!.text, 30)}”（${pts(oa[i]!.score)}）`, `${place.label}: option ${oa[i]!.value} removed`, { sub: ['options', i], pathAfter: null, before: oa[i] });
  for (const j of onlyB) add(ctx, place, 'option-added', `${place.label}：新增选项“${short(ob[j]!.text, 30)}”（${pts(ob[j]!.score)}）`, `${place.label}: option ${ob[j]!.value} added`, { sub: ['options', j], pathBefore: null, after: ob[j] });
  return ['fact', 'options'];
}

function diffRatio(ctx: DiffCtx, place: Place, x: RatioRule, y: RatioRule): readonly string[] {
  metricChange(ctx, place, 'metric', '比率', x.metric, y.metric);
  if (!sameNum(x.multiplier, y.multiplier)) {
    add(ctx, place, 'ratio-multiplier-changed', `${place.label}：${ctx.db.label(y.metric)}×${pts(x.multiplier)} → ×${pts(y.multiplier)}`, `${place.label}: multiplier ${num(x.multiplier)} → ${num(y.multiplier)}`, {
      sub: ['multiplier'],
      before: x.multiplier,
      after: y.multiplier,
    });
  }
  if (!sameNum(x.cap, y.cap)) {
    const capText = (c: unknown) => (c === undefined ? '本项分值' : pts(c));
    add(ctx, place, 'ratio-cap-changed', `${place.label}：封顶 ${capText(x.cap)} → ${capText(y.cap)}`, `${place.label}: cap ${num(x.cap)} → ${num(y.cap)}`, {
      sub: ['cap'],
      pathBefore: x.cap === undefined ? null : undefined,
      pathAfter: y.cap === undefined ? null : undefined,
      before: x.cap,
      after: y.cap,
    });
  }
  clause(ctx, place, 'zeroWhen', 'ratio-zero-rule-changed', '得0分条款', x.zeroWhen, y.zeroWhen);
  return ['metric', 'multiplier', 'cap', 'zeroWhen'];
}

/** A `{ when, text }` clause (得0分、一票否决、免评): added, removed, condition or text changed. */
function clause(
  ctx: DiffCtx,
  place: Place,
  key: 'zeroWhen' | 'veto' | 'exempt',
  kind: 'ratio-zero-rule-changed' | 'veto-changed' | 'exempt-changed',
  zh: string,
  x: { when: Parameters<typeof conditionText>[1]; text: string } | undefined,
  y: { when: Parameters<typeof conditionText>[1]; text: string } | undefined,
): void {
  if (sameJson(x, y)) return;
  const extra = { sub: [key], pathBefore: x ? undefined : null, pathAfter: y ? undefined : null, before: x, after: y };
  if (!x) return add(ctx, place, kind, `${place.label}：新增${zh}：${y!.text}（条件：${conditionText(ctx.db, y!.when)}）`, `${place.label}: ${key} added`, extra);
  if (!y) return add(ctx, place, kind, `${place.label}：删除${zh}：${x.text}`, `${place.label}: ${key} removed`, extra);
  const what: string[] = [];
  if (!sameJson(x.when, y.when)) what.push(`条件 ${conditionText(ctx.da, x.when)} → ${conditionText(ctx.db, y.when)}`);
  if (x.text !== y.text) what.push(`文字 ${textChange(x.text, y.text)}`);
  if (!what.length) what.push(`${short(x)} → ${short(y)}`);
  add(ctx, place, kind, `${place.label}：${zh}${what.join('；')}`, `${place.label}: ${key} changed`, extra);
}

function diffFormula(ctx: DiffCtx, place: Place, x: FormulaRule, y: FormulaRule): readonly string[] {
  if (x.expression !== y.expression) {
    add(ctx, place, 'formula-changed', `${place.label}：计分公式 ${x.expression} → ${y.expression}`, `${place.label}: formula ${x.expression} → ${y.expression}`, {
      sub: ['expression'],
      before: x.expression,
      after: y.expression,
    });
  }
  return ['expression'];
}

function diffSum(ctx: DiffCtx, place: Place, x: SumRule, y: SumRule): readonly string[] {
  const pa = x.parts ?? [];
  const pb = y.parts ?? [];
  const { pairs, onlyA, onlyB } = pairUp<Part>(pa, pb, [(p) => p.id, (p) => p.name]);
  for (const [i, j] of pairs) {
    const p = pa[i]!;
    const q = pb[j]!;
    const at: Place = { ...place, label: `${place.label}·${q.name}`, pa: `${place.pa}/parts/${i}`, pb: `${place.pb}/parts/${j}` };
    if (p.name !== q.name) add(ctx, at, 'part-renamed', `${place.label}：分项更名 ${p.name} → ${q.name}`, `${place.label}: part renamed ${p.name} → ${q.name}`, { sub: ['name'], before: p.name, after: q.name });
    if (p.id !== q.id) add(ctx, at, 'part-renamed', `${place.label}·${q.name}：分项标识 ${p.id} → ${q.id}`, `${place.label}: part id ${p.id} → ${q.id}`, { sub: ['id'], before: p.id, after: q.id });
    if (!sameNum(p.points, q.points)) add(ctx, at, 'part-points-changed', `${at.label} ${pts(p.points)} → ${pts(q.points)}`, `${at.label}: points ${num(p.points)} → ${num(q.points)}`, { sub: ['points'], before: p.points, after: q.points });
    if (p.rule && q.rule) diffRule(ctx, { ...at, pa: `${at.pa}/rule`, pb: `${at.pb}/rule` }, p.rule, q.rule);
    restDiff(ctx, at, p, q, ['id', 'name', 'points', 'rule']);
  }
  for (const i of onlyA) add(ctx, place, 'part-removed', `${place.label}：删除分项 ${pa[i]!.name} ${pts(pa[i]!.points)}`, `${place.label}: part ${pa[i]!.id} removed`, { sub: ['parts', i], pathAfter: null, before: pa[i] });
  for (const j of onlyB) {
    const q = pb[j]!;
    add(ctx, place, 'part-added', `${place.label}：新增分项 ${q.name} ${pts(q.points)}（${RULE_KIND_ZH[q.rule?.kind] ?? ''}）`, `${place.label}: part ${q.id} added`, { sub: ['parts', j], pathBefore: null, after: q });
  }
  return ['parts'];
}

function diffChecklist(ctx: DiffCtx, place: Place, x: ChecklistRule, y: ChecklistRule): readonly string[] {
  const ia = x.items ?? [];
  const ib = y.items ?? [];
  const { pairs, onlyA, onlyB } = pairUp(ia, ib, [(t) => t.id, (t) => t.text]);
  for (const [i, j] of pairs) {
    const p = ia[i]!;
    const q = ib[j]!;
    const what: string[] = [];
    if (!sameNum(p.points, q.points)) what.push(`分值 ${pts(p.points)} → ${pts(q.points)}`);
    if (p.text !== q.text) what.push(`文字变更：${textChange(p.text, q.text)}`);
    if (p.fact !== q.fact) what.push(`依据事实 ${refChange(ctx, p.fact, q.fact)}`);
    if (p.id !== q.id) what.push(`标识 ${p.id} → ${q.id}`);
    if (what.length) {
      add(ctx, place, 'checklist-item-changed', `${place.label}：评分要点${j + 1} ${what.join('；')}`, `${place.label}: checklist item ${q.id} changed`, {
        sub: ['items', j],
        pathBefore: `${place.pa}/items/${i}`,
        before: p,
        after: q,
      });
    }
    restDiff(ctx, { ...place, pa: `${place.pa}/items/${i}`, pb: `${place.pb}/items/${j}` }, p, q, ['id', 'text', 'points', 'fact']);
  }
  for (const i of onlyA) add(ctx, place, 'checklist-item-removed', `${place.label}：删除评分要点“${short(ia[i]!.text, 30)}”（${pts(ia[i]!.points)}）`, `${place.label}: checklist item ${ia[i]!.id} removed`, { sub: ['items', i], pathAfter: null, before: ia[i] });
  for (const j of onlyB) add(ctx, place, 'checklist-item-added', `${place.label}：新增评分要点“${short(ib[j]!.text, 30)}”（${pts(ib[j]!.points)}）`, `${place.label}: checklist item ${ib[j]!.id} added`, { sub: ['items', j], pathBefore: null, after: ib[j] });
  return ['items'];
}

function diffDeduction(ctx: DiffCtx, place: Place, x: DeductionRule, y: DeductionRule): readonly string[] {
  if (x.countFact !== y.countFact) {
    add(ctx, place, 'deduction-count-changed', `${place.label}：扣分计数 ${refChange(ctx, x.countFact, y.countFact)}`, `${place.label}: count fact ${x.countFact} → ${y.countFact}`, {
      sub: ['countFact'],
      before: x.countFact,
      after: y.countFact,
    });
  }
  if (!sameNum(x.perItem, y.perItem)) {
    add(ctx, place, 'deduction-per-item-changed', `${place.label}：每项扣分 ${pts(x.perItem)} → ${pts(y.perItem)}`, `${place.label}: per item ${num(x.perItem)} → ${num(y.perItem)}`, {
      sub: ['perItem'],
      before: x.perItem,
      after: y.perItem,
    });
  }
  if (!sameNum(x.floor ?? 0, y.floor ?? 0)) {
    add(ctx, place, 'deduction-floor-changed', `${place.label}：最低得分 ${pts(x.floor ?? 0)} → ${pts(y.floor ?? 0)}`, `${place.label}: floor ${num(x.floor ?? 0)} → ${num(y.floor ?? 0)}`, {
      sub: ['floor'],
      pathBefore: x.floor === undefined ? null : undefined,
      pathAfter: y.floor === undefined ? null : undefined,
      before: x.floor,
      after: y.floor,
    });
  }
  return ['countFact', 'perItem', 'floor'];
}

const STEPPING_ZH: Record<string, string> = { proportional: '按比例计', whole: '只计整步', started: '不足一步按一步' };

function diffLinearPenalty(ctx: DiffCtx, place: Place, x: LinearPenaltyRule, y: LinearPenaltyRule): readonly string[] {
  metricChange(ctx, place, 'metric', '扣分依据', x.metric, y.metric);
  const one = (key: 'threshold' | 'step' | 'deduct', zh: string, show: (d: Decls, r: LinearPenaltyRule, v: unknown) => string) => {
    if (sameNum(x[key], y[key])) return;
    add(ctx, place, 'linear-penalty-changed', `${place.label}：${zh} ${show(ctx.da, x, x[key])} → ${show(ctx.db, y, y[key])}`, `${place.label}: ${key} ${num(x[key])} → ${num(y[key])}`, {
      sub: [key],
      before: x[key],
      after: y[key],
    });
  };
  one('threshold', '阈值', (d, r, v) => shown(d, r.metric, v));
  one('step', '步长', (d, r, v) => shown(d, r.metric, v));
  one('deduct', '每步扣分', (_d, _r, v) => pts(v));
  const sa = x.stepping ?? 'proportional';
  const sb = y.stepping ?? 'proportional';
  if (sa !== sb) {
    add(ctx, place, 'linear-penalty-changed', `${place.label}：不足一步时 ${STEPPING_ZH[sa] ?? sa} → ${STEPPING_ZH[sb] ?? sb}`, `${place.label}: stepping ${sa} → ${sb}`, {
      sub: ['stepping'],
      pathBefore: x.stepping === undefined ? null : undefined,
      pathAfter: y.stepping === undefined ? null : undefined,
      before: x.stepping,
      after: y.stepping,
    });
  }
  return ['metric', 'threshold', 'step', 'deduct', 'stepping'];
}

function diffJudgement(ctx: DiffCtx, place: Place, x: JudgementRule, y: JudgementRule): readonly string[] {
  if ((x.guidance ?? '') !== (y.guidance ?? '')) {
    add(ctx, place, 'judgement-guidance-changed', `${place.label}：酌情评分指引文字变更：${textChange(x.guidance, y.guidance)}`, `${place.label}: judgement guidance changed`, {
      sub: ['guidance'],
      pathBefore: x.guidance === undefined ? null : undefined,
      pathAfter: y.guidance === undefined ? null : undefined,
      before: x.guidance,
      after: y.guidance,
    });
  }
  return ['guidance'];
}

const POLICY_ZH: Record<string, string> = {
  quantitativeMet: '定量目标达成',
  quantitativeNotMet: '定量目标未达成',
  qualitative: '定性目标',
  notApplicable: '不适用行',
};
const POLICY_VALUE_ZH: Record<string, string> = { full: '满分', proportional: '按完成比例', zero: '0分', judgement: '酌情' };

function diffTargets(ctx: DiffCtx, place: Place, x: TargetsRule, y: TargetsRule): readonly string[] {
  metricChange(ctx, place, 'rowsFact', '指标行事实', x.rowsFact, y.rowsFact);
  const px = (x.policy ?? {}) as Record<string, string | undefined>;
  const py = (y.policy ?? {}) as Record<string, string | undefined>;
  for (const k of [...new Set([...Object.keys(px), ...Object.keys(py)])]) {
    if (px[k] === py[k]) continue;
    const v = (s: string | undefined) => (s === undefined ? '—' : (POLICY_VALUE_ZH[s] ?? s));
    add(ctx, place, 'targets-policy-changed', `${place.label}：${POLICY_ZH[k] ?? k} ${v(px[k])} → ${v(py[k])}`, `${place.label}: policy ${k} ${px[k] ?? '-'} → ${py[k] ?? '-'}`, {
      sub: ['policy', k],
      before: px[k],
      after: py[k],
    });
  }
  return ['rowsFact', 'policy'];
}

function roundText(r: RoundT | undefined): string {
  return r ? roundingText(r.places, (r.mode ?? 'half-up') as RoundMode) : '不单独舍入';
}

function diffCommon(ctx: DiffCtx, place: Place, x: Rule, y: Rule): void {
  clause(ctx, place, 'veto', 'veto-changed', '一票否决条款', x.veto, y.veto);
  clause(ctx, place, 'exempt', 'exempt-changed', '免评条款', x.exempt, y.exempt);
  if (!sameJson(x.round, y.round)) {
    add(ctx, place, 'rule-rounding-changed', `${place.label}：本项舍入 ${roundText(x.round)} → ${roundText(y.round)}`, `${place.label}: rule rounding changed`, {
      sub: ['round'],
      pathBefore: x.round ? undefined : null,
      pathAfter: y.round ? undefined : null,
      before: x.round,
      after: y.round,
    });
  }
  const ra = (x.render ?? {}) as Record<string, string | undefined>;
  const rb = (y.render ?? {}) as Record<string, string | undefined>;
  for (const k of [...new Set([...Object.keys(ra), ...Object.keys(rb)])]) {
    if (ra[k] === rb[k]) continue;
    add(ctx, place, 'render-changed', `${place.label}：评分标准表述（${k}）变更：${textChange(ra[k], rb[k])}`, `${place.label}: rendering hint ${k} changed`, {
      sub: ['render', k],
      pathBefore: ra[k] === undefined ? null : undefined,
      pathAfter: rb[k] === undefined ? null : undefined,
      before: ra[k],
      after: rb[k],
    });
  }
}
