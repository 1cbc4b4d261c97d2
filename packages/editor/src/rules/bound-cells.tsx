/**
 * The bounds of an interval row — a tier of 分档计分, a 评分档次 — as the tier and band tables edit them: the
 * bound and its 含/不含 flag, kept together (the format has the flag exactly when it has the bound), and the
 * 含/不含 choice beside each bound.
 */
import { Select } from '../components/fields.tsx';

/** A row with a lower and an upper bound, each optional, each with its 含/不含 flag. */
export interface Bounded {
  min?: unknown;
  max?: unknown;
  minInclusive?: boolean;
  maxInclusive?: boolean;
}

/** The flag of a side: `minInclusive` or `maxInclusive`. */
const flagOf = (side: 'min' | 'max') => (side === 'min' ? 'minInclusive' : 'maxInclusive');

/** Sets a bound (undefined removes it) and keeps its 含/不含 flag present exactly when the bound is (included when new). */
export function withBound<T extends Bounded>(row: T, side: 'min' | 'max', value: T['min'] | undefined): T {
  const flag = flagOf(side);
  const next: T = { ...row };
  if (value === undefined) {
    delete next[side];
    delete next[flag];
  } else {
    next[side] = value;
    if (next[flag] === undefined) next[flag] = true;
  }
  return next;
}

/** The 含/不含 choices of a lower bound (≥ / >) and of an upper one (≤ / <). */
export const INCLUSIVE_OPTIONS = {
  min: [
    { value: 'incl', label: '含（≥）' },
    { value: 'excl', label: '不含（>）' },
  ],
  max: [
    { value: 'incl', label: '含（≤）' },
    { value: 'excl', label: '不含（<）' },
  ],
} as const;

/** The table cell choosing 含/不含 for one bound of `row` (a dash when the bound is absent); `label` names the bound (第2档下限). */
export function InclusiveCell<T extends Bounded>({ row, side, label, onChange }: { row: T; side: 'min' | 'max'; label: string; onChange: (row: T) => void }) {
  const flag = flagOf(side);
  return (
    <td>
      {row[side] !== undefined ? (
        <Select label={`${label}是否包含`} value={row[flag] === false ? 'excl' : 'incl'} options={[...INCLUSIVE_OPTIONS[side]]} onChange={(v) => onChange({ ...row, [flag]: v === 'incl' })} />
      ) : (
        <span className="muted">—</span>
      )}
    </td>
  );
}
