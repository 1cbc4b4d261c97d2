/**
 * The rows of a list edited in a table — tiers, 评分要点, 情形, 时间节点 — alike: the row's 上移 / 下移 / 删除 buttons
 * (named after the row: 第2档上移, 删除要点2), the list operations behind them, and the row of the engine's issues
 * under a row that has any.
 */
import type { ReactNode } from 'react';
import type { Issue } from '../model/types.ts';
import { IconButton, IssueList } from '../components/fields.tsx';

/** The operations on a list kept by `set`: replace row `i`, move it by `d` (−1 up, 1 down), remove it. */
export interface ListOps<T> {
  setAt(i: number, row: T): void;
  move(i: number, d: number): void;
  remove(i: number): void;
}

/** The operations on `list`, each handing the new list to `set`. A move past either end does nothing. */
export function listOps<T>(list: readonly T[], set: (next: T[]) => void): ListOps<T> {
  return {
    setAt: (i, row) => set(list.map((x, j) => (j === i ? row : x))),
    move: (i, d) => {
      const j = i + d;
      if (j < 0 || j >= list.length) return;
      const next = list.slice();
      [next[i], next[j]] = [next[j] as T, next[i] as T];
      set(next);
    },
    remove: (i) => set(list.filter((_, j) => j !== i)),
  };
}

/**
 * The action cell of row `index` of `count`: 上移 and 下移 (unless `reorder` is false) and 删除, which keeps the
 * last row. `item` names the row in the buttons' labels: `第2档` → 第2档上移, 删除第2档.
 */
export function RowActions<T>({ item, index, count, ops, reorder = true }: { item: string; index: number; count: number; ops: ListOps<T>; reorder?: boolean }) {
  return (
    <td className="row-actions">
      {reorder ? (
        <>
          <IconButton label={`${item}上移`} onClick={() => ops.move(index, -1)} disabled={index === 0}>
            ↑
          </IconButton>
          <IconButton label={`${item}下移`} onClick={() => ops.move(index, 1)} disabled={index === count - 1}>
            ↓
          </IconButton>
        </>
      ) : null}
      <IconButton label={`删除${item}`} onClick={() => ops.remove(index)} disabled={count <= 1}>
        ✕
      </IconButton>
    </td>
  );
}

/**
 * The issues of one row, in a table row of their own under it, spanning `span` columns after an empty first
 * cell (`lead`, under the row's number) — nothing when there are none.
 */
export function RowIssues({ issues, span, lead = true, className }: { issues: readonly Issue[]; span: number; lead?: boolean; className?: string }): ReactNode {
  if (!issues.length) return null;
  return (
    <tr className={className}>
      {lead ? <td /> : null}
      <td colSpan={span}>
        <IssueList issues={issues} />
      </td>
    </tr>
  );
}
