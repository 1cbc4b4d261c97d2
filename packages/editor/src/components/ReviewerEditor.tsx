/**
 * 评审录入 in "what if": each reviewer entry of the case (a judgement score, or a reported score
 * taken because the report withheld the facts) can be left out — so the rule computes from facts
 * the user supplies — or given another score. Nothing is written to the case file.
 */
import { useEditorContext } from './editor-context.tsx';
import { parseNumText } from '../model/num.ts';

export interface ReviewerEntryView {
  score: number | string;
  reason: string;
  basis?: 'judgement' | 'undisclosed';
}

/** Per entry key: `null` = not used (计算), `{ score }` = another score. */
export type ReviewerOverrides = Record<string, null | { score: string }>;

/** The case's reviewer entries with the overrides applied. */
export function applyReviewerOverrides(entries: Record<string, ReviewerEntryView> | undefined, o: ReviewerOverrides): Record<string, ReviewerEntryView> | undefined {
  if (!entries) return undefined;
  const out: Record<string, ReviewerEntryView> = {};
  for (const [k, e] of Object.entries(entries)) {
    const ov = o[k];
    if (ov === null) continue;
    out[k] = ov ? { ...e, score: ov.score, reason: `${e.reason}（假设分）` } : e;
  }
  return out;
}

export interface ReviewerEditorProps {
  entries: Record<string, ReviewerEntryView>;
  overrides: ReviewerOverrides;
  onOverride: (key: string, v: null | { score: string } | undefined) => void;
  /** Indicator names by id, for labels. */
  nameOf: (key: string) => string;
}

export function ReviewerEditor({ entries, overrides, onOverride, nameOf }: ReviewerEditorProps) {
  useEditorContext();
  const keys = Object.keys(entries);
  if (!keys.length) return <p className="muted">该案例没有评审录入。</p>;
  return (
    <table className="facts-table" aria-label="评审录入">
      <tbody>
        {keys.map((k) => {
          const e = entries[k] as ReviewerEntryView;
          const ov = overrides[k];
          const used = ov !== null;
          const name = nameOf(k);
          return (
            <tr key={k} className={ov !== undefined ? 'changed' : undefined} title={e.reason}>
              <th>
                {name}
                <span className="muted">（{e.basis === 'undisclosed' ? '照录报告，未核实' : '酌情'}）</span>
              </th>
              <td>
                <label className="inline">
                  <input type="checkbox" aria-label={`采用评审录入 ${name}`} checked={used} onChange={(ev) => onOverride(k, ev.target.checked ? undefined : null)} />
                  采用
                </label>{' '}
                <input
                  aria-label={`评审给分 ${name}`}
                  style={{ width: 64 }}
                  disabled={!used}
                  defaultValue={String(ov ? ov.score : e.score)}
                  key={`${k}-${ov === undefined ? 'o' : 'c'}`}
                  onChange={(ev) => {
                    const v = parseNumText(ev.target.value);
                    ev.target.classList.toggle('invalid', v === null);
                    if (v !== null) onOverride(k, String(v) === String(e.score) ? undefined : { score: String(v) });
                  }}
                />{' '}
                分
              </td>
              <td className="row-actions">
                {ov !== undefined ? (
                  <button type="button" className="link" onClick={() => onOverride(k, undefined)}>
                    恢复
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
