/**
 * Sheet nodes built in one literal each, with every key they will have, in the order the sheet
 * documents them (id … warnings, criterion, children | trace, reason). An object literal grown key by
 * key afterwards takes a second allocation for the keys that do not fit; a sheet has dozens of nodes.
 */
import type { CompiledNode } from '../compile/compile.ts';
import type { ScoreStatus, SheetNode, Trace } from '../sheet/types.ts';

/**
 * The warnings of a node that has none: one shared, frozen empty list instead of a new `[]` in each of a
 * sheet's ~35 nodes (16 bytes each in every kept sheet). Frozen, so a caller adding to it fails loudly.
 */
const NO_WARNINGS = Object.freeze([]) as unknown as string[];

/** A parent (一级/二级指标) with its children and subtotal (decimal string). */
export function parentNode(node: CompiledNode, score: string, status: ScoreStatus, children: SheetNode[]): SheetNode {
  const { id, name, level, pointsText: points, criterion } = node;
  return criterion === undefined
    ? { id, name, level, points, score, status, warnings: NO_WARNINGS, children }
    : { id, name, level, points, score, status, warnings: NO_WARNINGS, criterion, children };
}

/** A leaf with its score (decimal string), status, trace and warnings; `reason` for reviewer-entered scores. */
export function leafNode(node: CompiledNode, score: string, status: ScoreStatus, trace: Trace, given: string[] | undefined, reason: string | undefined): SheetNode {
  const { id, name, level, pointsText: points, criterion } = node;
  const warnings = given?.length ? [...given] : NO_WARNINGS;
  const out: SheetNode =
    criterion === undefined
      ? { id, name, level, points, score, status, warnings, trace }
      : { id, name, level, points, score, status, warnings, criterion, trace };
  if (reason) out.reason = reason;
  return out;
}

/** A leaf that could not be scored (its issue is reported with the evaluation): 0, no trace. */
export function failedLeaf(node: CompiledNode): SheetNode {
  const { id, name, level, pointsText: points, criterion } = node;
  return criterion === undefined
    ? { id, name, level, points, score: '0', status: 'computed', warnings: NO_WARNINGS }
    : { id, name, level, points, score: '0', status: 'computed', warnings: NO_WARNINGS, criterion };
}
