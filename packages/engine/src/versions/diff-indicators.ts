/**
 * Diff of the indicator tree (指标体系变更). Indicators are matched by id, then (for those left) by
 * name, wherever they sit in the tree; a matched pair is compared (name, place, points, texts,
 * rule), an unmatched one is added or removed — reported once, at the root of the added or removed
 * subtree.
 */
import type { Indicator } from '../format/scheme-types.ts';
import { add, pairUp, pts, restDiff, sameNum, num, textChange, type DiffCtx, type Place } from './diff-context.ts';
import { diffNotApplicable } from './diff-policies.ts';
import { diffRule, RULE_KIND_ZH } from './diff-rules.ts';

/** One indicator with where it sits. */
interface Node {
  ind: Indicator;
  path: string;
  /** Index of the parent in the flat list, or -1 for a 一级指标. */
  parent: number;
  /** Position among its siblings. */
  index: number;
  /** Names of its ancestors, from the top. */
  chain: string[];
}

function flatten(list: readonly Indicator[] | undefined, base: string, parent: number, chain: string[], out: Node[]): Node[] {
  (list ?? []).forEach((ind, index) => {
    const path = `${base}/${index}`;
    const me = out.length;
    out.push({ ind, path, parent, index, chain });
    if (Array.isArray(ind.children)) flatten(ind.children, `${path}/children`, me, [...chain, ind.name], out);
  });
  return out;
}

const where = (chain: string[]) => (chain.length ? chain.join(' › ') : '一级指标');

/**
 * Indices (into `seq`) of a longest strictly increasing subsequence: the siblings that kept their
 * relative order; the others count as moved.
 */
function keptInOrder(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  seq.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = prev[i]!) kept.add(i);
  return kept;
}

/** Compares the indicator trees of the two documents, appending to `ctx.out` in the newer document's order. */
export function diffIndicators(ctx: DiffCtx): void {
  const na = flatten(ctx.a.indicators, '/indicators', -1, [], []);
  const nb = flatten(ctx.b.indicators, '/indicators', -1, [], []);
  const { pairs, onlyA } = pairUp(
    na.map((n) => n.ind),
    nb.map((n) => n.ind),
    [(i) => i.id, (i) => i.name],
  );
  const aOf = new Map<number, number>(pairs.map(([i, j]) => [j, i]));
  const bOf = new Map<number, number>(pairs.map(([i, j]) => [i, j]));
  const removedA = new Set(onlyA);

  const removedUnder = (aParent: number) => {
    for (const i of removedA) {
      const n = na[i]!;
      if (n.parent !== aParent) continue;
      add(ctx, { label: n.ind.name, indicator: n.ind.id, indicatorName: n.ind.name, pa: n.path, pb: '' }, 'indicator-removed', `删除指标 ${n.ind.name} ${pts(n.ind.points)}${n.chain.length ? `（原在 ${where(n.chain)} 下）` : ''}`, `indicator removed: ${n.ind.id}`, {
        pathAfter: null,
        before: n.ind,
      });
    }
  };

  // siblings whose relative order changed under the same (matched) parent
  const reordered = new Set<number>();
  const parentsB = [-1, ...nb.map((_, j) => j)];
  for (const pj of parentsB) {
    const kids = nb.map((n, j) => ({ n, j })).filter(({ n, j }) => n.parent === pj && aOf.has(j));
    const pa = pj === -1 ? -1 : aOf.get(pj);
    if (pa === undefined) continue;
    const same = kids.filter(({ j }) => na[aOf.get(j)!]!.parent === pa);
    const kept = keptInOrder(same.map(({ j }) => na[aOf.get(j)!]!.index));
    same.forEach(({ j }, k) => {
      if (!kept.has(k)) reordered.add(j);
    });
  }

  removedUnder(-1);
  nb.forEach((nodeB, j) => {
    const i = aOf.get(j);
    if (i === undefined) {
      if (nodeB.parent !== -1 && !aOf.has(nodeB.parent)) return; // inside an added subtree: reported with its root
      const ind = nodeB.ind;
      const rule = ind.rule ? `，${RULE_KIND_ZH[ind.rule.kind] ?? ind.rule.kind}` : '';
      add(ctx, { label: ind.name, indicator: ind.id, indicatorName: ind.name, pa: '', pb: nodeB.path }, 'indicator-added', `新增指标 ${ind.name} ${pts(ind.points)}${nodeB.chain.length ? `（${where(nodeB.chain)} 下${rule}）` : rule ? `（${rule.slice(1)}）` : ''}`, `indicator added: ${ind.id}`, {
        pathBefore: null,
        after: ind,
      });
      return;
    }
    diffNode(ctx, na, nb, i, j, bOf, reordered.has(j));
    removedUnder(i);
  });
}

function diffNode(ctx: DiffCtx, na: Node[], nb: Node[], i: number, j: number, bOf: Map<number, number>, reordered: boolean): void {
  const A = na[i]!;
  const B = nb[j]!;
  const x = A.ind;
  const y = B.ind;
  const place: Place = { label: y.name, indicator: y.id, indicatorName: y.name, pa: A.path, pb: B.path };
  if (x.name !== y.name) add(ctx, place, 'indicator-renamed', `指标更名：${x.name} → ${y.name}`, `indicator renamed: ${x.name} → ${y.name}`, { sub: ['name'], before: x.name, after: y.name });
  if (x.id !== y.id) add(ctx, place, 'indicator-renamed', `${y.name}：指标标识 ${x.id} → ${y.id}（评审录入按标识对应，请核对案例）`, `indicator id ${x.id} → ${y.id}`, { sub: ['id'], before: x.id, after: y.id });
  const parentMoved = (A.parent === -1 ? -1 : bOf.get(A.parent)) !== B.parent;
  if (parentMoved) {
    add(ctx, place, 'indicator-moved', `${y.name}：从 ${where(A.chain)} 移至 ${where(B.chain)}`, `${y.id} moved from ${A.chain.join('/') || 'top'} to ${B.chain.join('/') || 'top'}`, {
      before: A.chain,
      after: B.chain,
    });
  } else if (reordered) {
    add(ctx, place, 'indicator-moved', `${y.name}：在 ${where(B.chain)} 中的次序 第${A.index + 1}位 → 第${B.index + 1}位`, `${y.id} reordered: ${A.index + 1} → ${B.index + 1}`, {
      before: A.index,
      after: B.index,
    });
  }
  if (!sameNum(x.points, y.points)) add(ctx, place, 'points-changed', `${y.name} ${pts(x.points)} → ${pts(y.points)}`, `${y.id}: points ${num(x.points)} → ${num(y.points)}`, { sub: ['points'], before: x.points, after: y.points });
  const text = (key: 'description' | 'criterion', kind: 'description-changed' | 'criterion-changed', zh: string) => {
    const p = x[key];
    const q = y[key];
    if ((p ?? '') === (q ?? '')) return;
    add(ctx, place, kind, `${y.name}：${zh}：${textChange(p, q)}`, `${y.id}: ${key} changed`, {
      sub: [key],
      pathBefore: p === undefined ? null : undefined,
      pathAfter: q === undefined ? null : undefined,
      before: p,
      after: q,
    });
  };
  text('description', 'description-changed', '指标说明文字变更');
  text('criterion', 'criterion-changed', '评分标准文字变更');
  if (x.rule && y.rule) diffRule(ctx, { ...place, pa: `${A.path}/rule`, pb: `${B.path}/rule` }, x.rule, y.rule);
  else if (x.rule && !y.rule) {
    add(ctx, place, 'rule-kind-changed', `${y.name}：由末级指标（${RULE_KIND_ZH[x.rule.kind] ?? x.rule.kind}）改为上级指标`, `${y.id}: leaf became a parent`, { sub: ['rule'], pathAfter: `${B.path}/children`, before: x.rule.kind });
  } else if (!x.rule && y.rule) {
    add(ctx, place, 'rule-kind-changed', `${y.name}：由上级指标改为末级指标（${RULE_KIND_ZH[y.rule.kind] ?? y.rule.kind}）`, `${y.id}: parent became a leaf`, { sub: ['rule'], pathBefore: `${A.path}/children`, after: y.rule.kind });
  }
  diffNotApplicable(ctx, place, x, y);
  restDiff(ctx, place, x, y, ['id', 'name', 'points', 'description', 'criterion', 'rule', 'children', 'notApplicable']);
}
