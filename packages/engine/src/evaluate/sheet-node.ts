/**
 * Sheet nodes built in one literal each, with every key they will have, in the order the sheet
 * documents them (id … warnings, criterion, children | trace, reason). An object literal grown key by
 * key afterwards takes a second allocation for the keys that do not fit; a sheet has dozens of nodes.
 */
import type { CompiledNode } from '../compile/compile.ts';
import { plain, type Dec } from '../decimal/dec.ts';
import type { ScoreStatus, SheetNode, Trace } from '../sheet/types.ts';

/**
 * The warnings of a node that has none: one shared, frozen empty list instead of a new `[]` in each of a
 * sheet's ~35 nodes (16 bytes each in every kept sheet). Frozen, so a caller adding to it fails loudly.
 */
export const NO_WARNINGS = Object.freeze([]) as unknown as string[];

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
  // `reason` in the literal too: a key added afterwards takes a separate property array (40 bytes)
  if (reason) {
    return criterion === undefined
      ? { id, name, level, points, score, status, warnings, trace, reason }
      : { id, name, level, points, score, status, warnings, criterion, trace, reason };
  }
  return criterion === undefined
    ? { id, name, level, points, score, status, warnings, trace }
    : { id, name, level, points, score, status, warnings, criterion, trace };
}

/** A leaf that could not be scored (its issue is reported with the evaluation): 0, no trace. */
export function failedLeaf(node: CompiledNode): SheetNode {
  const { id, name, level, pointsText: points, criterion } = node;
  return criterion === undefined
    ? { id, name, level, points, score: '0', status: 'computed', warnings: NO_WARNINGS }
    : { id, name, level, points, score: '0', status: 'computed', warnings: NO_WARNINGS, criterion };
}

/**
 * Score texts already written, shared by every sheet: `SCORE_TEXTS[k][n]` is the text of n / 10^k for
 * 0 ≤ k ≤ 4 and 0 ≤ n < 20,000 (a scheme's scores are few distinct values: 0…100 points at 2 places
 * is n < 10,000). A sheet's ~35 scores are then one array read each instead of writing digits (a third
 * of the number type's time in `evaluate`), and every kept sheet points at the same strings instead of
 * keeping ~35 of its own (~24 bytes each). Bounded: each row is made on first use (160 KB); other values
 * are written as before.
 */
const SCORE_TEXTS: (string | undefined)[][] = [];
const SCORE_TEXT_LIMIT = 20_000;

/** A score as its sheet shows it: `plain(d)` ("12.76", "0"), the same string for the same small score. */
export function scoreText(d: Dec): string {
  const q = d.q;
  const k = q === 1 ? 0 : q === 10 ? 1 : q === 100 ? 2 : q === 1000 ? 3 : q === 10000 ? 4 : -1;
  const n = d.n;
  // a wide value has q = 0 (k = −1); −0 is written "0", as 0 is
  if (k < 0 || !(n >= 0 && n < SCORE_TEXT_LIMIT)) return plain(d);
  const row = (SCORE_TEXTS[k] ??= new Array<string | undefined>(SCORE_TEXT_LIMIT).fill(undefined));
  return (row[n] ??= plain(d));
}
