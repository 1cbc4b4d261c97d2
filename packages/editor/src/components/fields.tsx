/**
 * Small form fields shared by the visual editors. Numbers are typed as text and stored only when
 * they are decimals (see model/num.ts); a field that holds an unfinished or wrong value shows it in
 * red with the reason, and does not change the document until it is a number again — except a field
 * with `keepUnreadable` (tier bounds), which stores the text so the document holds what the box shows.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { fractionToPercentText, isNumValue, numToText, parseNumText, percentTextToFraction } from '../model/num.ts';
import type { Issue, NumT } from '../model/types.ts';
import { useEditorContext } from './editor-context.tsx';

interface NumFieldProps {
  value: unknown;
  onChange: (v: NumT | undefined) => void;
  /** Accessible name, e.g. "第1档得分". */
  label: string;
  /** Allows clearing the field (→ undefined), e.g. an open tier bound or an optional cap. */
  optional?: boolean;
  placeholder?: string;
  width?: number;
  /** Unit shown after the field: 分, %, 元… */
  unit?: string;
  invalid?: boolean;
  /**
   * The value is a fraction shown and typed in percent: 0.95 shows as 95 (with the unit %), typing 95
   * or 95% stores 0.95 (model/num.ts, exact).
   */
  percent?: boolean;
  /**
   * Text that is not a number ("abc", "1e400") is stored as typed instead of being held back in the
   * field, so the document holds what the box shows and the scheme's check reports it as an error until
   * it is fixed (the caller shows its own message at the cell). Without it, such text only marks the field.
   */
  keepUnreadable?: boolean;
}

/** A decimal input (分值, 得分, bounds). */
export function NumField({ value, onChange, label, optional, placeholder, width = 72, unit, invalid, percent, keepUnreadable }: NumFieldProps) {
  const { readOnly } = useEditorContext();
  const shown = percent ? fractionToPercentText : numToText;
  // a stored text that is not a number is shown as it is (never as an empty box or another value)
  const show = (v: unknown) => (typeof v === 'string' && !isNumValue(v) ? v : shown(v));
  const parse = percent ? percentTextToFraction : parseNumText;
  const [text, setText] = useState(show(value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    const parsed = parse(text);
    if (parsed === null || numToText(parsed) !== numToText(value)) {
      setText(show(value));
      setBad(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- sync only when the document changes
  }, [value]);
  return (
    <span className="num-field">
      <input
        aria-label={label}
        title={bad ? (percent ? '请输入百分数，如 95 或 95%' : '请输入数字，如 6、0.95 或 95%') : label}
        className={bad || invalid ? 'invalid' : undefined}
        style={{ width }}
        value={text}
        placeholder={placeholder}
        disabled={readOnly}
        inputMode="decimal"
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          if (t.trim() === '' && optional) {
            setBad(false);
            onChange(undefined);
            return;
          }
          const v = parse(t);
          if (v === null && keepUnreadable) {
            setBad(false);
            onChange(t.trim());
            return;
          }
          setBad(v === null);
          if (v !== null) onChange(v);
        }}
      />
      {percent || unit ? <span className="unit">{percent ? '%' : unit}</span> : null}
      {/* a box the rule does not take is said at the box, not only by its red outline: the rule keeps its last number */}
      {bad ? (
        <span className="cell-issue error field-issue" role="alert">
          {label}应为{percent ? '百分数，如 95 或 95%' : '数字，如 6、0.95 或 95%'}；规则仍为 {shown(value) || '空'}
        </span>
      ) : null}
    </span>
  );
}

interface TextFieldProps {
  value: unknown;
  onChange: (v: string) => void;
  label: string;
  multiline?: boolean;
  width?: number | string;
  placeholder?: string;
}

/** A text input or textarea for names and original wording. */
export function TextField({ value, onChange, label, multiline, width, placeholder }: TextFieldProps) {
  const { readOnly } = useEditorContext();
  const common = {
    'aria-label': label,
    title: label,
    value: typeof value === 'string' ? value : '',
    disabled: readOnly,
    placeholder,
    style: width !== undefined ? { width } : undefined,
  };
  return multiline ? (
    <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <input {...common} onChange={(e) => onChange(e.target.value)} />
  );
}

interface SelectProps<T extends string> {
  value: T | undefined;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
  label: string;
  /** Shown (and selectable as "") when the value is empty or not among the options. */
  placeholder?: string;
}

/** A select over fixed options; an unknown current value is kept visible. */
export function Select<T extends string>({ value, options, onChange, label, placeholder }: SelectProps<T>) {
  const { readOnly } = useEditorContext();
  const known = options.some((o) => o.value === value);
  return (
    <select aria-label={label} title={label} value={value ?? ''} disabled={readOnly} onChange={(e) => onChange(e.target.value as T)}>
      {!known ? <option value={value ?? ''}>{value ? `${value}（未定义）` : (placeholder ?? '请选择')}</option> : null}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A labelled row in a form: label on the left, control(s) on the right. */
export function Row({ label, children, hint }: { label: string; children: ReactNode; hint?: ReactNode }) {
  const id = useId();
  return (
    <div className="form-row" role="group" aria-labelledby={id}>
      <span className="form-label" id={id}>
        {label}
      </span>
      <span className="form-control">
        {children}
        {hint ? <span className="hint">{hint}</span> : null}
      </span>
    </div>
  );
}

/** The engine's issues, as a list of Chinese messages (errors red, warnings amber). */
export function IssueList({ issues, title }: { issues: readonly Issue[]; title?: string }) {
  const { showCalendar, readOnly } = useEditorContext();
  if (issues.length === 0) return null;
  return (
    <div className="issue-list" role="alert">
      {title ? <div className="issue-title">{title}</div> : null}
      <ul>
        {issues.map((i, n) => (
          <li key={`${i.code}-${i.path}-${n}`} className={i.severity} title={`${i.messageEn}\n[${i.code}] ${i.path}`}>
            <span className="sev">{i.severity === 'error' ? '错误' : '提醒'}</span>
            {i.message}
            {/* a 时间节点 without this year's date: the fix is a date in the calendar editor, not the JSON view */}
            {i.code === 'milestone-no-date' && showCalendar && !readOnly && typeof i.params?.['year'] === 'number' ? (
              <>
                {' '}
                <button type="button" className="link fix-link" onClick={() => showCalendar(i.params!['year'] as number)}>
                  补充{i.params['year']}年日期
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Small icon-like button with a Chinese accessible name. */
export function IconButton({ label, onClick, children, disabled }: { label: string; onClick: () => void; children: ReactNode; disabled?: boolean }) {
  const { readOnly } = useEditorContext();
  return (
    <button type="button" className="icon-btn" aria-label={label} title={label} disabled={readOnly || disabled} onClick={onClick}>
      {children}
    </button>
  );
}
