/** 择一考核 (choice): the enum fact, measures added or removed, and each paired measure's own rule. */
import type { DiffOps, KindRule } from '../kind.ts';
import { add, metricChange, pairUp, type DiffCtx, type Place } from '../../versions/diff-context.ts';

type ChoiceRule = KindRule<'choice'>;

/** The change kinds this diff reports, with their Chinese names. */
export const CHOICE_CHANGES = {
  'choice-option-added': '新增考核口径',
  'choice-option-removed': '删除考核口径',
  'choice-option-renamed': '考核口径更名',
} as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffChoice(ctx: DiffCtx, place: Place, x: ChoiceRule, y: ChoiceRule, rules: DiffOps): readonly string[] {
  metricChange(ctx, place, 'by', '考核口径事实', x.by, y.by);
  const oa = x.options ?? [];
  const ob = y.options ?? [];
  const { pairs, onlyA, onlyB } = pairUp(oa, ob, [(o) => o.value, (o) => o.name]);
  for (const [i, j] of pairs) {
    const p = oa[i]!;
    const q = ob[j]!;
    const at: Place = { ...place, label: `${place.label}·${q.name}`, pa: `${place.pa}/options/${i}`, pb: `${place.pb}/options/${j}` };
    if (p.name !== q.name || p.value !== q.value) {
      add(ctx, at, 'choice-option-renamed', `${place.label}：考核口径 ${p.name}（${p.value}）→ ${q.name}（${q.value}）`, `${place.label}: option ${p.value} → ${q.value}`, { before: { value: p.value, name: p.name }, after: { value: q.value, name: q.name } });
    }
    rules.diff(ctx, { ...at, pa: `${at.pa}/rule`, pb: `${at.pb}/rule` }, p.rule, q.rule);
  }
  for (const i of onlyA) add(ctx, place, 'choice-option-removed', `${place.label}：删除考核口径 ${oa[i]!.name}`, `${place.label}: option ${oa[i]!.value} removed`, { sub: ['options', i], pathAfter: null, before: oa[i] });
  for (const j of onlyB) add(ctx, place, 'choice-option-added', `${place.label}：新增考核口径 ${ob[j]!.name}`, `${place.label}: option ${ob[j]!.value} added`, { sub: ['options', j], pathBefore: null, after: ob[j] });
  return ['by', 'options'];
}
