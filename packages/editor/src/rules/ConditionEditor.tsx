/**
 * Editing a json-rules-engine condition (条件): a single comparison `{ fact, operator, value }` is
 * edited with three fields; compound conditions (all / any / not) are shown as JSON and edited in
 * the JSON view, where the schema guides the author.
 */
import type { Condition } from '../model/types.ts';
import { Select, TextField } from '../components/fields.tsx';
import { MetricPicker } from './MetricPicker.tsx';
import { useEditorContext } from '../components/editor-context.tsx';

type Simple = Extract<Condition, { fact: string }>;
type Operator = Simple['operator'];

export const OPERATORS: { value: Operator; label: string }[] = [
  { value: 'equal', label: '等于' },
  { value: 'notEqual', label: '不等于' },
  { value: 'greaterThanInclusive', label: '大于等于（≥）' },
  { value: 'greaterThan', label: '大于（>）' },
  { value: 'lessThanInclusive', label: '小于等于（≤）' },
  { value: 'lessThan', label: '小于（<）' },
  { value: 'in', label: '属于' },
  { value: 'notIn', label: '不属于' },
];

function isSimple(c: Condition): c is Simple {
  return typeof c === 'object' && c !== null && 'fact' in c;
}

/** The value as typed: true/false/是/否 → boolean, a decimal → number, else text. */
function parseValue(text: string): Simple['value'] {
  const t = text.trim();
  if (t === 'true' || t === '是') return true;
  if (t === 'false' || t === '否') return false;
  if (/^-?[0-9]+(\.[0-9]+)?$/.test(t) && String(Number(t)) === t) return Number(t);
  return t;
}

function valueText(v: Simple['value']): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  return String(v);
}

export function ConditionEditor({ value, onChange, label }: { value: Condition; onChange: (c: Condition) => void; label: string }) {
  const { names } = useEditorContext();
  if (!isSimple(value)) {
    return (
      <div className="condition-json">
        <code>{JSON.stringify(value)}</code>
        <span className="hint">复合条件（全部/任一/非）请在“JSON”视图中编辑</span>
      </div>
    );
  }
  const fact = names.find((n) => n.id === value.fact);
  return (
    <span className="condition-simple">
      <MetricPicker label={`${label}：事实`} value={value.fact} onChange={(f) => onChange({ ...value, fact: f })} />
      <Select label={`${label}：比较`} value={value.operator} options={OPERATORS} onChange={(o) => onChange({ ...value, operator: o })} />
      {fact?.type === 'boolean' ? (
        <Select
          label={`${label}：取值`}
          value={value.value === true ? 'true' : value.value === false ? 'false' : undefined}
          options={[
            { value: 'true', label: '是' },
            { value: 'false', label: '否' },
          ]}
          onChange={(v) => onChange({ ...value, value: v === 'true' })}
        />
      ) : fact?.options ? (
        <Select
          label={`${label}：取值`}
          value={typeof value.value === 'string' ? value.value : undefined}
          options={fact.options.map((o) => ({ value: o.value, label: o.label }))}
          onChange={(v) => onChange({ ...value, value: v })}
        />
      ) : (
        <TextField label={`${label}：取值`} value={valueText(value.value)} width={100} onChange={(t) => onChange({ ...value, value: parseValue(t) })} />
      )}
    </span>
  );
}

/** A fresh condition on the first declared boolean fact (or an empty id). */
export function newCondition(firstBoolean: string | undefined): Condition {
  return { fact: firstBoolean ?? '', operator: 'equal', value: true };
}
