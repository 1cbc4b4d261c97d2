/** The indicator tree (指标体系) of a draft: rows for the official table and structural edits. */
import type { Indicator } from './types.ts';
import { toPointer, type Seg } from './pointer.ts';
import { uniqueId } from './ids.ts';

/** A leaf with its ancestors (一级, 二级 …) and pointers. */
export interface LeafRow {
  leaf: Indicator;
  ptr: string;
  /** Ancestors from the top, each with its pointer. */
  ancestors: { node: Indicator; ptr: string }[];
}

/** Leaves in document order (an indicator without children is a leaf). */
export function leafRows(indicators: unknown): LeafRow[] {
  const rows: LeafRow[] = [];
  const visit = (list: unknown, path: Seg[], anc: LeafRow['ancestors']): void => {
    if (!Array.isArray(list)) return;
    (list as Indicator[]).forEach((node, i) => {
      if (!node || typeof node !== 'object') return;
      const here = [...path, i];
      const ptr = toPointer(here);
      if (Array.isArray(node.children) && node.children.length) visit(node.children, [...here, 'children'], [...anc, { node, ptr }]);
      else rows.push({ leaf: node, ptr, ancestors: anc });
    });
  };
  visit(indicators, ['indicators'], []);
  return rows;
}

/** Number of leaves under a node (itself when it is a leaf). */
export function leafCount(node: Indicator): number {
  return Array.isArray(node.children) && node.children.length ? node.children.reduce((n, c) => n + leafCount(c), 0) : 1;
}

/** A new indicator with a fresh id, judged by a reviewer until its rule is chosen. */
export function newIndicator(taken: ReadonlySet<string>): Indicator {
  const id = uniqueId('新指标', taken);
  return { id, name: id, points: 0, rule: { kind: 'judgement' } };
}

/**
 * Adds a child to `node`. A leaf becomes a parent: its rule and 评分标准 move to the new child,
 * which takes the leaf's points, so the scores stay the same until the user changes them.
 */
export function withNewChild(node: Indicator, taken: ReadonlySet<string>): Indicator {
  const child = newIndicator(taken);
  if (Array.isArray(node.children) && node.children.length) return { ...node, children: [...node.children, child] };
  const moved: Indicator = { ...child, points: node.points };
  if (node.rule) moved.rule = node.rule;
  if (node.criterion) moved.criterion = node.criterion;
  const parent: Indicator = { ...node, children: [moved] };
  delete parent.rule;
  delete parent.criterion;
  return parent;
}
