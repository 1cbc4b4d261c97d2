/**
 * 假设分析: the case's facts, editable to ask "what if". Changed values are highlighted and can be
 * restored one by one; they are never written back to the case file.
 */
import { useState } from 'react';
import { factOf, factText } from '../model/facts.ts';
import { parseNumText } from '../model/num.ts';
import { useEditorContext } from './editor-context.tsx';

export interface FactsEditorProps {
  facts: Record<string, unknown>;
  overrides: Record<string, unknown>;
  onOverride: (id: string, value: unknown | undefined) => void;
}

const NUMERIC = new Set(['number', 'percent', 'money', 'count']);

export function FactsEditor({ facts, overrides, onOverride }: FactsEditorProps) {
  const { names } = useEditorContext();
  const inputs = names.filter((n) => n.kind === 'fact');
  // a field is re-created only when its value is restored (not on the first keystroke, which would lose focus)
  const [restores, setRestores] = useState<Record<string, number>>({});
  const restore = (id: string) => {
    setRestores((r) => ({ ...r, [id]: (r[id] ?? 0) + 1 }));
    onOverride(id, undefined);
  };
  return (
    <table className="facts-table" aria-label="案例事实">
      <tbody>
        {inputs.map((n) => {
          const orig = factOf(facts[n.id]);
          const changed = n.id in overrides;
          const value = changed ? overrides[n.id] : orig.value;
          const label = `事实 ${n.label}`;
          let control;
          if (n.type === 'rows') control = <span className="muted">{Array.isArray(value) ? `${value.length} 行` : '—'}</span>;
          else if (n.type === 'boolean')
            control = (
              <select aria-label={label} value={value === true ? 'true' : value === false ? 'false' : ''} onChange={(e) => onOverride(n.id, e.target.value === '' ? null : e.target.value === 'true')}>
                <option value="">（未提供）</option>
                <option value="true">是</option>
                <option value="false">否</option>
              </select>
            );
          else if (n.options)
            control = (
              <select aria-label={label} value={typeof value === 'string' ? value : ''} onChange={(e) => onOverride(n.id, e.target.value || null)}>
                <option value="">（未提供）</option>
                {n.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            );
          else
            control = (
              <input
                aria-label={label}
                defaultValue={factText(value)}
                key={`${n.id}-${restores[n.id] ?? 0}-${factText(orig.value)}`}
                onChange={(e) => {
                  const t = e.target.value;
                  if (NUMERIC.has(n.type)) {
                    const v = parseNumText(t);
                    e.target.classList.toggle('invalid', v === null && t.trim() !== '');
                    if (v !== null) onOverride(n.id, typeof v === 'number' ? String(v) : v);
                  } else onOverride(n.id, t);
                }}
              />
            );
          return (
            <tr key={n.id} className={changed ? 'changed' : undefined} title={orig.source ? `出处：${orig.source}` : undefined}>
              <th>
                {n.label}
                {n.unit ? <span className="muted">（{n.unit}）</span> : null}
              </th>
              <td>{control}</td>
              <td className="row-actions">
                {changed ? (
                  <button type="button" className="link" onClick={() => restore(n.id)} title={`恢复为 ${factText(orig.value) || '未提供'}`}>
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
