/** 分档计分 (tiers): which tiers were added, removed, moved, rescored or relabelled. */
import { plain } from '../../decimal/dec.ts';
import type { TiersRule } from '../../format/scheme-types.ts';
import { factOf, factTierText, hasFactBound, numericBounds as bounds, type TierBound } from './bounds.ts';
import { add, num, pairUp, pts, rangeText, restDiff, sameNum, textChange, metricChange, type DiffCtx, type Place } from '../../versions/diff-context.ts';

/** The change kinds this diff reports, with their Chinese names. */
export const TIERS_CHANGES = {
  'tier-added': '新增档位',
  'tier-removed': '删除档位',
  'tier-bound-changed': '档位界限变更',
  'tier-inclusivity-changed': '档位界限含/不含变更',
  'tier-score-changed': '档位得分变更',
  'tier-label-changed': '档位说明变更',
} as const;

/** Compares two rules of this kind (x older, y newer); returns the members it compared. */
export function diffTiers(ctx: DiffCtx, place: Place, x: TiersRule, y: TiersRule): readonly string[] {
  metricChange(ctx, place, 'metric', '分档对象', x.metric, y.metric);
  const subjA = x.render?.subject ?? ctx.da.label(x.metric);
  const subjB = y.render?.subject ?? ctx.db.label(y.metric);
  const showA = (d: Parameters<typeof plain>[0]) => ctx.da.showValue(x.metric, plain(d));
  const showB = (d: Parameters<typeof plain>[0]) => ctx.db.showValue(y.metric, plain(d));
  const ta = x.tiers ?? [];
  const tb = y.tiers ?? [];
  // a bound naming a fact (上年结转) is written in words: "本年结余不超过上年结转"
  const rangeA = (i: number) => (hasFactBound(ta[i]!) ? factTierText(ta[i]!, subjA, showA, (id) => ctx.da.label(id)) : rangeText(bounds(ta[i]!), subjA, showA));
  const rangeB = (j: number) => (hasFactBound(tb[j]!) ? factTierText(tb[j]!, subjB, showB, (id) => ctx.db.label(id)) : rangeText(bounds(tb[j]!), subjB, showB));
  const key = (b: TierBound) => {
    const f = factOf(b);
    return f === undefined ? num(b) : `{fact:${f}}`;
  };
  const exact = (t: (typeof ta)[number]) => `${key(t.min)}|${t.min === undefined ? '' : String(t.minInclusive)}|${key(t.max)}|${t.max === undefined ? '' : String(t.maxInclusive)}`;
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
