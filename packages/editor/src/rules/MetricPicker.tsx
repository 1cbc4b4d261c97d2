/** Picks a fact or computed metric the scheme declares (输入事实 / 计算指标), by Chinese label. */
import { Select } from '../components/fields.tsx';
import { useEditorContext } from '../components/editor-context.tsx';

export interface MetricPickerProps {
  value: string | undefined;
  onChange: (id: string) => void;
  label: string;
  /** Restrict to these types (e.g. ['boolean'] for checklist facts, ['count'] for deductions). */
  types?: readonly string[];
  /** Facts only (no computed metrics). */
  factsOnly?: boolean;
}

export function MetricPicker({ value, onChange, label, types, factsOnly }: MetricPickerProps) {
  const { names } = useEditorContext();
  const options = names
    .filter((n) => (!types || types.includes(n.type)) && (!factsOnly || n.kind === 'fact'))
    .map((n) => ({ value: n.id, label: `${n.label}${n.label !== n.id ? `（${n.id}）` : ''}${n.kind === 'metric' ? ' · 计算指标' : ''}` }));
  return <Select label={label} value={value} options={options} onChange={onChange} placeholder="请选择事实或指标" />;
}
