/** 枚举分档 (options): options added, removed or changed (value, score, text). */
import type { OptionsRule } from '../../format/scheme-types.ts';
import { add, pairUp, pts, restDiff, sameNum, short, textChange, metricChange, type DiffCtx, type Place } from '../../versions/diff-context.ts';

/** The change kinds this diff reports, with their Chinese names. */
export const OPTIONS_CHANGES = {
  'option-added': '新增选项',
  'option-removed': '删除选项',
  'option-changed': '选项变更',
} as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffOptions(ctx: DiffCtx, place: Place, x: OptionsRule, y: OptionsRule): readonly string[] {
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
