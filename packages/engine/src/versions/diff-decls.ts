/**
 * Diff of what surrounds the indicator tree: declared inputs (输入事实) and metrics (计算指标), grade
 * bands (等级区间), the rounding policy (舍入政策), total points (总分) and the scheme's title and
 * jurisdiction. Version identity (year, version, status, basedOn, publication stamps, source) is not
 * a change of policy and is not reported.
 */
import { plain, roundingText, type RoundMode } from '../decimal/dec.ts';
import type { Input, Metric, Scheme } from '../format/scheme-types.ts';
import { TYPE_ZH } from '../format/type-names.ts';
import { bounds, renderInterval } from '../rules/interval.ts';
import { add, num, pairUp, pts, restDiff, sameJson, sameNum, short, textChange, type DiffCtx, type Place } from './diff-context.ts';


const top = (label: string): Place => ({ label, pa: '', pb: '' });

/** Field-by-field differences of two declarations, as "单位 万元 → 元" phrases. */
function fieldChanges(x: Record<string, unknown>, y: Record<string, unknown>, fields: [string, string][]): string[] {
  const out: string[] = [];
  for (const [k, zh] of fields) {
    const p = x[k];
    const q = y[k];
    const numeric = k === 'min' || k === 'max' || k === 'default';
    if (numeric ? sameNum(p, q) : sameJson(p, q)) continue;
    if (k === 'type') out.push(`${zh} ${TYPE_ZH[String(p)] ?? short(p)} → ${TYPE_ZH[String(q)] ?? short(q)}`);
    else if (typeof p === 'string' && typeof q === 'string' && (k === 'description' || k === 'label' || k === 'formula')) out.push(`${zh} ${k === 'description' ? textChange(p, q) : `${p} → ${q}`}`);
    else out.push(`${zh} ${p === undefined ? '—' : numeric ? num(p) : short(p)} → ${q === undefined ? '—' : numeric ? num(q) : short(q)}`);
  }
  return out;
}

const INPUT_FIELDS: [string, string][] = [
  ['label', '名称'],
  ['type', '类型'],
  ['unit', '单位'],
  ['min', '下限'],
  ['max', '上限'],
  ['required', '必填'],
  ['default', '缺省值'],
  ['options', '可选值'],
  ['description', '说明'],
];
const METRIC_FIELDS: [string, string][] = [
  ['label', '名称'],
  ['type', '类型'],
  ['formula', '公式'],
  ['round', '舍入'],
  ['onZeroDenominator', '分母为0时'],
  ['description', '说明'],
];

function diffDeclList<T extends Input | Metric>(ctx: DiffCtx, key: 'inputs' | 'metrics', xs: readonly T[], ys: readonly T[]): void {
  const zh = key === 'inputs' ? '输入事实' : '计算指标';
  const kind = key === 'inputs' ? 'input' : 'metric';
  const fields = key === 'inputs' ? INPUT_FIELDS : METRIC_FIELDS;
  const { pairs, onlyA, onlyB } = pairUp(xs, ys, [(d) => d.id]);
  for (const i of onlyA) {
    const d = xs[i]!;
    add(ctx, top(zh), `${kind}-removed`, `删除${zh} ${d.label}（${d.id}）`, `${key}: ${d.id} removed`, { pathBefore: `/${key}/${i}`, pathAfter: null, before: d });
  }
  for (const [i, j] of pairs) {
    const x = xs[i]! as unknown as Record<string, unknown>;
    const y = ys[j]! as unknown as Record<string, unknown>;
    const what = fieldChanges(x, y, fields);
    if (what.length) {
      add(ctx, top(zh), `${kind}-changed`, `${zh}“${String(y['label'])}”：${what.join('；')}`, `${key}: ${String(y['id'])} changed`, {
        pathBefore: `/${key}/${i}`,
        pathAfter: `/${key}/${j}`,
        before: x,
        after: y,
      });
    }
    restDiff(ctx, { label: `${zh}“${String(y['label'])}”`, pa: `/${key}/${i}`, pb: `/${key}/${j}` }, x, y, ['id', ...fields.map(([k]) => k)]);
  }
  for (const j of onlyB) {
    const d = ys[j]!;
    const detail = 'formula' in d ? `= ${d.formula}` : `${TYPE_ZH[d.type] ?? d.type}${'unit' in d && d.unit ? `，${d.unit}` : ''}`;
    add(ctx, top(zh), `${kind}-added`, `新增${zh} ${d.label}（${d.id}，${detail}）`, `${key}: ${d.id} added`, { pathBefore: null, pathAfter: `/${key}/${j}`, after: d });
  }
}

function gradeText(g: Scheme['grades'][number]): string {
  return renderInterval(bounds(g), '总分', (d) => plain(d));
}

function roundingPolicyText(r: Scheme['rounding']): string {
  const STAGE_ZH: Record<string, string> = { part: '分项', leaf: '末级指标', subtotal: '上级指标', total: '总分' };
  const stages = (r.stages ?? []).map((s) => STAGE_ZH[s] ?? s).join('、') || '不舍入';
  return `${roundingText(r.places, (r.mode ?? 'half-up') as RoundMode)}，在${stages}舍入`;
}

/** Compares the scheme-level settings: title, jurisdiction, total points, rounding policy, grade bands. */
export function diffHeader(ctx: DiffCtx): void {
  const { a, b } = ctx;
  for (const [k, zh] of [
    ['title', '方案名称'],
    ['jurisdiction', '适用地区'],
    ['id', '方案标识'],
    ['family', '方案族'],
  ] as const) {
    if (a[k] !== b[k]) add(ctx, top(zh), 'meta-changed', `${zh}：${a[k]} → ${b[k]}`, `${k}: ${a[k]} → ${b[k]}`, { pathBefore: `/${k}`, pathAfter: `/${k}`, before: a[k], after: b[k] });
  }
  if (!sameNum(a.totalPoints, b.totalPoints)) {
    add(ctx, top('总分'), 'total-points-changed', `总分 ${pts(a.totalPoints)} → ${pts(b.totalPoints)}`, `totalPoints ${num(a.totalPoints)} → ${num(b.totalPoints)}`, {
      pathBefore: '/totalPoints',
      pathAfter: '/totalPoints',
      before: a.totalPoints,
      after: b.totalPoints,
    });
  }
  if (!sameJson(a.rounding, b.rounding)) {
    add(ctx, top('舍入政策'), 'rounding-changed', `舍入政策：${roundingPolicyText(a.rounding)} → ${roundingPolicyText(b.rounding)}`, 'rounding policy changed', {
      pathBefore: '/rounding',
      pathAfter: '/rounding',
      before: a.rounding,
      after: b.rounding,
    });
  }
  const ga = a.grades ?? [];
  const gb = b.grades ?? [];
  const { pairs, onlyA, onlyB } = pairUp(ga, gb, [(g) => g.grade]);
  for (const [i, j] of pairs) {
    const x = ga[i]!;
    const y = gb[j]!;
    const moved = !sameNum(x.min, y.min) || !sameNum(x.max, y.max) || (x.min !== undefined && x.minInclusive !== y.minInclusive) || (x.max !== undefined && x.maxInclusive !== y.maxInclusive);
    if (moved) {
      add(ctx, top('等级区间'), 'grades-changed', `等级“${y.grade}”：${gradeText(x)} → ${gradeText(y)}`, `grade ${y.grade}: band changed`, { pathBefore: `/grades/${i}`, pathAfter: `/grades/${j}`, before: x, after: y });
    }
  }
  for (const i of onlyA) add(ctx, top('等级区间'), 'grades-changed', `删除等级“${ga[i]!.grade}”（${gradeText(ga[i]!)}）`, `grade ${ga[i]!.grade} removed`, { pathBefore: `/grades/${i}`, pathAfter: null, before: ga[i] });
  for (const j of onlyB) add(ctx, top('等级区间'), 'grades-changed', `新增等级“${gb[j]!.grade}”（${gradeText(gb[j]!)}）`, `grade ${gb[j]!.grade} added`, { pathBefore: null, pathAfter: `/grades/${j}`, after: gb[j] });
}

/** Compares the declared inputs and metrics. */
export function diffDeclarations(ctx: DiffCtx): void {
  diffDeclList(ctx, 'inputs', ctx.a.inputs ?? [], ctx.b.inputs ?? []);
  diffDeclList(ctx, 'metrics', ctx.a.metrics ?? [], ctx.b.metrics ?? []);
}
