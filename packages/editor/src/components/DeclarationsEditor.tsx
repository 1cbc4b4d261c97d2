/**
 * 事实与计算指标: the facts a case must supply (inputs: name, type, unit) and the metrics the scheme
 * computes from them (formula in the formula editor, with completion), then the scheme's 节点日期 (calendar,
 * CalendarEditor.tsx). Identifiers are shown but
 * not renamed here — cases and rules refer to them; the engine reports any dangling reference.
 */
import type { Input, Issue, Metric, Scheme } from '../model/types.ts';
import { IconButton, IssueList, Select, TextField } from './fields.tsx';
import { FormulaField } from '../rules/FormulaEditor.tsx';
import { issuesUnder } from '../model/issues.ts';
import { NewId } from './NewId.tsx';
import { CalendarEditor, type CalendarFocus } from './CalendarEditor.tsx';

const INPUT_TYPES: { value: Input['type']; label: string }[] = [
  { value: 'number', label: '数值' },
  { value: 'percent', label: '百分比' },
  { value: 'money', label: '金额' },
  { value: 'count', label: '计数' },
  { value: 'boolean', label: '是/否' },
  { value: 'enum', label: '枚举' },
  { value: 'text', label: '文本' },
  { value: 'rows', label: '指标行' },
];
const METRIC_TYPES = INPUT_TYPES.slice(0, 4) as { value: Metric['type']; label: string }[];

export interface DeclarationsEditorProps {
  doc: Scheme;
  onChange: (update: (prev: Scheme) => Scheme) => void;
  issues: readonly Issue[];
  /** A year whose 节点日期 the user came to add (“补充2021年日期”; `n` counts the requests): the calendar is scrolled to and its first empty date focused. */
  calendarFocus?: CalendarFocus | null;
}

export function DeclarationsEditor({ doc, onChange, issues, calendarFocus }: DeclarationsEditorProps) {
  const inputs = doc.inputs ?? [];
  const metrics = doc.metrics ?? [];
  const taken = new Set([...inputs.map((i) => i.id), ...metrics.map((m) => m.id)]);
  const setInput = (i: number, v: Input) => onChange((d) => ({ ...d, inputs: d.inputs.map((x, j) => (j === i ? v : x)) }));
  const setMetric = (i: number, v: Metric) => onChange((d) => ({ ...d, metrics: (d.metrics ?? []).map((x, j) => (j === i ? v : x)) }));
  return (
    <div className="declarations">
      <h3>输入事实（案例须提供的数据）</h3>
      <table className="checklist-table" aria-label="输入事实">
        <thead>
          <tr>
            <th>标识</th>
            <th>名称</th>
            <th>类型</th>
            <th>单位</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {inputs.map((inp, i) => {
            const ii = issuesUnder(issues, `/inputs/${i}`);
            return [
              <tr key={`r${i}`} className={ii.length ? 'row-error' : undefined}>
                <td className="mono">{inp.id}</td>
                <td>
                  <TextField label={`事实 ${inp.id} 名称`} value={inp.label} width="100%" onChange={(t) => setInput(i, { ...inp, label: t })} />
                </td>
                <td>
                  <Select label={`事实 ${inp.id} 类型`} value={inp.type} options={INPUT_TYPES} onChange={(t) => setInput(i, { ...inp, type: t })} />
                </td>
                <td>
                  <TextField
                    label={`事实 ${inp.id} 单位`}
                    value={inp.unit}
                    width={70}
                    onChange={(t) => {
                      const next = { ...inp };
                      if (t) next.unit = t;
                      else delete next.unit;
                      setInput(i, next);
                    }}
                  />
                </td>
                <td className="row-actions">
                  <IconButton label={`删除事实 ${inp.id}`} onClick={() => onChange((d) => ({ ...d, inputs: d.inputs.filter((_, j) => j !== i) }))}>
                    ✕
                  </IconButton>
                </td>
              </tr>,
              ii.length ? (
                <tr key={`i${i}`}>
                  <td colSpan={5}>
                    <IssueList issues={ii} />
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
      <NewId
        label="新增事实"
        taken={taken}
        onAdd={(id) => onChange((d) => ({ ...d, inputs: [...d.inputs, { id, label: id, type: 'number' }] }))}
      />

      <h3>计算指标（由事实计算得出）</h3>
      <table className="checklist-table" aria-label="计算指标">
        <thead>
          <tr>
            <th>标识</th>
            <th>名称</th>
            <th>类型</th>
            <th>计算公式</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {metrics.map((m, i) => {
            const mi = issuesUnder(issues, `/metrics/${i}`);
            return [
              <tr key={`r${i}`} className={mi.length ? 'row-error' : undefined}>
                <td className="mono">{m.id}</td>
                <td>
                  <TextField label={`指标 ${m.id} 名称`} value={m.label} width="100%" onChange={(t) => setMetric(i, { ...m, label: t })} />
                </td>
                <td>
                  <Select label={`指标 ${m.id} 类型`} value={m.type} options={METRIC_TYPES} onChange={(t) => setMetric(i, { ...m, type: t })} />
                </td>
                <td className="formula-cell">
                  <FormulaField label={`指标 ${m.id} 计算公式`} value={m.formula} onChange={(f) => setMetric(i, { ...m, formula: f })} />
                </td>
                <td className="row-actions">
                  <IconButton label={`删除指标 ${m.id}`} onClick={() => onChange((d) => ({ ...d, metrics: (d.metrics ?? []).filter((_, j) => j !== i) }))}>
                    ✕
                  </IconButton>
                </td>
              </tr>,
              mi.length ? (
                <tr key={`i${i}`}>
                  <td colSpan={5}>
                    <IssueList issues={mi} />
                  </td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
      <NewId
        label="新增计算指标"
        taken={taken}
        onAdd={(id) => onChange((d) => ({ ...d, metrics: [...(d.metrics ?? []), { id, label: id, type: 'number', formula: '0' }] }))}
      />

      <CalendarEditor doc={doc} onChange={onChange} issues={issues} focus={calendarFocus ?? null} />
    </div>
  );
}
