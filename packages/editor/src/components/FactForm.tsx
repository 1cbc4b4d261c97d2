/**
 * 事实填报: every fact the scheme declares, as a field with its Chinese label, unit (元/万元 with the
 * conversion shown, %, 个/家/人…), declared range, enum options and a 来源/佐证 note, with the engine's
 * Chinese message under any value it cannot read. Facts of type `rows` (a project's 年度绩效指标) are
 * edited in the 自评表 (SelfEvalTable), not here.
 */
import { useState } from 'react';
import type { CaseDoc, Input, Issue } from '../model/types.ts';
import { factEntry, moneyConversion, moneyValue, numericValue, percentPointsWarning, percentText, percentValue, rangeText, unitOf, valueText } from '../model/case-form.ts';

export interface FactFormProps {
  inputs: readonly Input[];
  doc: CaseDoc;
  /** The engine's issues by fact id (issuesByFact). */
  issues: Map<string, Issue[]>;
  readOnly: boolean;
  onFact: (id: string, value: unknown, source: string) => void;
  /**
   * The facts a submission still asks for (the engine's `factsToEnter`): counted as 必填未填 and marked 未填;
   * undefined while not known (the scheme does not compile), when no count is given. A blank fact not among
   * them (its indicator scored from the reviewer's entry) is not asked for by 提交.
   */
  toEnter?: readonly string[] | undefined;
}

/** Codes meaning "not given" (shown as 未填, not as an error, while the form is being filled). */
const MISSING = new Set(['fact-missing']);

/** Props of `TypedNumberInput`. */
export interface TypedNumberInputProps {
  /** Accessible name, e.g. "事实 资金到位数". */
  label: string;
  /** The value as the case stores it (a number, a decimal text, "95%", or unreadable text as typed). */
  value: unknown;
  /** The text shown for a stored value (`valueText`, or `percentText` for a percent). */
  toText: (v: unknown) => string;
  /** The stored value of a typed text (`numericValue`, `moneyValue` for money, `percentValue` for a percent). */
  fromText: (text: string) => unknown;
  readOnly?: boolean;
  /** The input's class ("fact-input num" unless given). */
  className?: string;
  onValue: (v: unknown) => void;
}

/**
 * A number field that keeps showing what the user types ("1,234.5", "９５") while the case stores the
 * number read from it (1234.5, "95%"): the typed text stays as long as the stored value is the one it
 * reads to, so typing "1.0" on the way to "1.05" is not cut back to "1". A value changed elsewhere (撤销,
 * another tab, a reload) no longer matches and is shown as stored.
 */
export function TypedNumberInput({ label, value, toText, fromText, readOnly = false, className = 'fact-input num', onValue }: TypedNumberInputProps) {
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed !== null && (fromText(typed) ?? null) === (value ?? null) ? typed : toText(value);
  return (
    <input
      aria-label={label}
      className={className}
      inputMode="decimal"
      readOnly={readOnly}
      value={shown}
      onChange={(e) => {
        setTyped(e.target.value);
        onValue(fromText(e.target.value));
      }}
    />
  );
}

/** The input control of one fact (the value as the case stores it: a number read from the text, exact). */
export function FactControl({ input, value, readOnly, onValue }: { input: Input; value: unknown; readOnly: boolean; onValue: (v: unknown) => void }) {
  const label = `事实 ${input.label}`;
  if (input.type === 'boolean')
    return (
      <select aria-label={label} disabled={readOnly} value={value === true ? 'true' : value === false ? 'false' : ''} onChange={(e) => onValue(e.target.value === '' ? undefined : e.target.value === 'true')}>
        <option value="">（未填）</option>
        <option value="true">是</option>
        <option value="false">否</option>
      </select>
    );
  if (input.type === 'enum')
    return (
      <select aria-label={label} disabled={readOnly} value={typeof value === 'string' ? value : ''} onChange={(e) => onValue(e.target.value || undefined)}>
        <option value="">（未填）</option>
        {(input.options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  if (input.type === 'percent')
    return <TypedNumberInput label={label} readOnly={readOnly} value={value} toText={percentText} fromText={percentValue} onValue={onValue} />;
  if (input.type === 'text')
    return <input aria-label={label} className="fact-input" readOnly={readOnly} value={valueText(value)} onChange={(e) => onValue(e.target.value === '' ? undefined : e.target.value)} />;
  // money keeps its decimal text ("150000.10"); a number or count is stored as the number read
  return <TypedNumberInput label={label} readOnly={readOnly} value={value} toText={valueText} fromText={input.type === 'money' ? moneyValue : numericValue} onValue={onValue} />;
}

export function FactForm({ inputs, doc, issues, readOnly, onFact, toEnter }: FactFormProps) {
  const shown = inputs.filter((i) => i.type !== 'rows');
  const owed = toEnter === undefined ? null : new Set(toEnter);
  const missing = owed === null ? null : shown.filter((i) => owed.has(i.id));
  return (
    <section className="fact-form" aria-label="事实填报">
      <p className="muted small" data-testid="facts-to-enter">
        共 {shown.length} 项事实{missing === null ? '' : missing.length ? `，尚有 ${missing.length} 项必填未填` : '，必填项均已填写'}。数值按所示单位填写；百分比按百分数填写（填 95 即 95%，填 0.95 即 0.95%）。
      </p>
      <table className="facts-table fact-form-table">
        <thead>
          <tr>
            <th>事实</th>
            <th>填报值</th>
            <th>来源/佐证</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((input) => {
            const e = factEntry(doc, input.id);
            const own = (issues.get(input.id) ?? []).filter((i) => !MISSING.has(i.code));
            const isMissing = e.value === undefined || e.value === null;
            const unit = unitOf(input);
            const range = rangeText(input);
            const conversion = input.type === 'money' ? moneyConversion(valueText(e.value), input.unit) : null;
            const pointsWarning = input.type === 'percent' ? percentPointsWarning(percentText(e.value)) : null;
            return (
              <tr key={input.id} data-fact={input.id} className={own.length ? 'row-error' : undefined}>
                <th>
                  {input.label}
                  {input.required === false || input.default !== undefined ? <span className="muted small">（选填{input.default !== undefined ? `，缺省 ${String(input.default === true ? '是' : input.default === false ? '否' : input.default)}` : ''}）</span> : null}
                  {input.description ? <div className="hint">{input.description}</div> : null}
                </th>
                <td>
                  <FactControl input={input} value={e.value} readOnly={readOnly} onValue={(v) => onFact(input.id, v, e.source)} />
                  {unit ? <span className="unit">{unit}</span> : null}
                  {isMissing && owed?.has(input.id) ? <span className="badge warning">未填</span> : null}
                  {isMissing && owed && !owed.has(input.id) && input.default === undefined ? (
                    <span className="muted small" title="计分与提交都不需要此项（如所属指标按评审录入的得分计分）">未填（提交不需要）</span>
                  ) : null}
                  {conversion ? <div className="hint conversion">{conversion}</div> : null}
                  {pointsWarning ? (
                    <div className="cell-issue warning" role="status">
                      ⚠ {pointsWarning}
                    </div>
                  ) : null}
                  {range ? <div className="hint">范围：{range}</div> : null}
                  {own.map((i, n) => (
                    <div key={n} className="cell-issue error" role="alert" title={i.messageEn}>
                      ⚠ {i.message}
                    </div>
                  ))}
                </td>
                <td>
                  <textarea
                    aria-label={`来源 ${input.label}`}
                    className="source-input"
                    rows={1}
                    readOnly={readOnly}
                    placeholder="报告原句或佐证材料"
                    value={e.source}
                    onChange={(ev) => onFact(input.id, e.value === null ? undefined : e.value, ev.target.value)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
