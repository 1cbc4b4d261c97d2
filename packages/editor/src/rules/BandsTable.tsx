/**
 * 评分档次 table, shared by 酌情评分 (judgement `bands`) and 年度绩效指标行 (targets `bands`, the qualitative
 * rows): for each band its wording, its lower and upper bound with 含/不含, and the unit of the bounds —
 * 占分值比例 (share, typed and shown in percent: 80 → stored 0.8, exactly) or 分. A band chosen by a
 * condition (`when`) keeps it; that condition is edited in the JSON view.
 * Source: 财预〔2020〕10号 定性指标 "达成年度指标 100-80%（含）、部分达成年度指标并具有一定效果 80-60%（含）、
 * 未达成年度指标且效果较差 60-0%".
 */
import type { JudgementRule } from '../model/types.ts';
import { IconButton, NumField, Select, TextField } from '../components/fields.tsx';
import { InclusiveCell, withBound } from './bound-cells.tsx';
import { RowActions, listOps } from './list-rows.tsx';

/** One 评分档次 as the format writes it. */
export type Band = NonNullable<JudgementRule['bands']>[number];

/** A new band below the last one: its upper bound is the last band's lower bound (not included). */
function nextBand(bands: readonly Band[]): Band {
  const last = bands[bands.length - 1];
  if (last && last.min !== undefined) return { label: '', max: last.min, maxInclusive: !last.minInclusive, min: 0, minInclusive: true, ...(last.unit ? { unit: last.unit } : {}) };
  return { label: '', min: 0, minInclusive: true, max: 1, maxInclusive: true };
}

/** The three qualitative bands of 财预〔2020〕10号, a start for a new band table. */
export const CAIYU_BANDS: Band[] = [
  { label: '达成年度指标', min: 0.8, minInclusive: true, max: 1, maxInclusive: true },
  { label: '部分达成年度指标并具有一定效果', min: 0.6, minInclusive: true, max: 0.8, maxInclusive: false },
  { label: '未达成年度指标且效果较差', min: 0, minInclusive: true, max: 0.6, maxInclusive: false },
];

/** The band table: edits `bands` in place (add, remove, wording, unit, bounds with 含/不含); `title` names it for screen readers. */
export function BandsTable({ bands, onChange, title }: { bands: readonly Band[]; onChange: (b: Band[]) => void; title: string }) {
  const ops = listOps(bands, onChange);
  const set = ops.setAt;
  const bound = (b: Band, i: number, side: 'min' | 'max') => {
    const name = `第${i + 1}档${side === 'min' ? '下限' : '上限'}`;
    return (
      <>
        <td>
          <NumField label={name} value={b[side]} optional percent={b.unit !== 'points'} unit={b.unit === 'points' ? '分' : undefined} onChange={(v) => set(i, withBound(b, side, v))} />
        </td>
        <InclusiveCell row={b} side={side} label={name} onChange={(next) => set(i, next)} />
      </>
    );
  };
  return (
    <div className="bands-table">
      <table className="tier-table" aria-label={title}>
        <thead>
          <tr>
            <th>档次名称（原文）</th>
            <th>区间单位</th>
            <th colSpan={2}>下限</th>
            <th colSpan={2}>上限</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {bands.map((b, i) => (
            <tr key={i}>
              <td>
                <TextField label={`第${i + 1}档名称`} value={b.label} width="100%" onChange={(t) => set(i, { ...b, label: t })} />
                {b.when ? <div className="hint">按条件选择本档，条件请在 JSON 视图中编辑</div> : null}
              </td>
              <td>
                <Select
                  label={`第${i + 1}档区间单位`}
                  value={b.unit ?? 'share'}
                  options={[
                    { value: 'share', label: '占分值比例（%）' },
                    { value: 'points', label: '分' },
                  ]}
                  onChange={(u) => {
                    const next = { ...b };
                    if (u === 'share') delete next.unit;
                    else next.unit = u;
                    set(i, next);
                  }}
                />
              </td>
              {bound(b, i, 'min')}
              {bound(b, i, 'max')}
              <RowActions item={`第${i + 1}档`} index={i} count={bands.length} ops={ops} reorder={false} />
            </tr>
          ))}
        </tbody>
      </table>
      <div className="table-actions">
        <IconButton label={`${title}：添加一档`} onClick={() => onChange([...bands, nextBand(bands)])}>
          ＋ 添加一档
        </IconButton>
      </div>
    </div>
  );
}
