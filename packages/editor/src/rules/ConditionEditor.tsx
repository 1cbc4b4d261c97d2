/**
 * Editing a condition (条件, json-rules-engine's condition JSON): a single comparison `{ fact, operator,
 * value }` is edited with three fields; compound conditions (all / any / not) are shown as JSON and edited
 * in the JSON view, where the schema guides the author.
 *
 * The operator menu offers only the operators the engine's registry allows for the chosen fact's type
 * (a yes/no fact: 等于 / 不等于), and the value input fits the operator: a list for 属于 / 不属于 (option
 * boxes for an enum, “、”-separated values otherwise), one value of the fact's type for the others, or
 * another fact or metric of a comparable type.
 */
import { useEffect, useState } from 'react';
import { comparableTypes, operatorDef, operatorsFor, type OperatorDef } from '@jixiao/engine';
import type { Condition } from '../model/types.ts';
import { NumField, Select, TextField } from '../components/fields.tsx';
import { MetricPicker } from './MetricPicker.tsx';
import { useEditorContext, type NameInfo } from '../components/editor-context.tsx';
import { numToText, parseNumText } from '../model/num.ts';

type Simple = Extract<Condition, { fact: string }>;
type Literal = string | number | boolean;

const NUMERIC = ['number', 'percent', 'money', 'count'];

function isSimple(c: Condition): c is Simple {
  return typeof c === 'object' && c !== null && 'fact' in c;
}

function isFactRef(v: Simple['value']): v is { fact: string } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The menu label of an operator: 大于等于（≥）, 属于. */
function opLabel(o: OperatorDef): string {
  return o.symbol === o.zh ? o.zh : `${o.zh}（${o.symbol}）`;
}

/** A fresh value of the fact's type for an operator: a list for in / notIn, else one literal. */
function defaultValue(fact: NameInfo | undefined, op: OperatorDef | undefined): Simple['value'] {
  const first = fact?.options?.[0]?.value;
  if (op?.takes === 'list') return first !== undefined ? [first] : [];
  if (fact?.type === 'boolean') return true;
  if (first !== undefined) return first;
  return fact && NUMERIC.includes(fact.type) ? 0 : '';
}

/** The value carried over to another operator: one literal becomes a list of it and back. */
function carryOver(v: Simple['value'], from: OperatorDef | undefined, to: OperatorDef, fact: NameInfo | undefined): Simple['value'] {
  if (from?.takes === to.takes) return v;
  if (to.takes === 'list') return isFactRef(v) || Array.isArray(v) ? defaultValue(fact, to) : [v];
  return Array.isArray(v) && v.length > 0 ? v[0]! : defaultValue(fact, to);
}

/** A list value typed as text, “、” between values; numbers stored as numbers (or decimal text like "95%"). */
function ListField({ value, numeric, label, onChange }: { value: readonly Literal[]; numeric: boolean; label: string; onChange: (v: Literal[]) => void }) {
  const shown = value.map((x) => (typeof x === 'boolean' ? String(x) : numToText(x))).join('、');
  const [text, setText] = useState(shown);
  const parse = (t: string): Literal[] =>
    t
      .split(/[、,，;；\s]+/)
      .filter((x) => x !== '')
      .map((x) => (numeric ? (parseNumText(x) ?? x) : x));
  useEffect(() => {
    // follow the document when it changes from elsewhere, not while the user's text says the same
    if (JSON.stringify(parse(text)) !== JSON.stringify(value)) setText(shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- sync only when the document changes
  }, [shown]);
  return (
    <TextField
      label={label}
      value={text}
      width={160}
      placeholder={numeric ? '如 1、2、3' : '用“、”分隔'}
      onChange={(t) => {
        setText(t);
        onChange(parse(t));
      }}
    />
  );
}

/** Option boxes of an enum fact for 属于 / 不属于; the list keeps the options' order. */
function OptionBoxes({ fact, value, label, onChange }: { fact: NameInfo; value: readonly Literal[]; label: string; onChange: (v: string[]) => void }) {
  const { readOnly } = useEditorContext();
  const options = fact.options ?? [];
  return (
    <span role="group" aria-label={label} className="condition-options">
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="checkbox"
            disabled={readOnly}
            checked={value.includes(o.value)}
            onChange={(e) => onChange(options.map((x) => x.value).filter((x) => (x === o.value ? e.target.checked : value.includes(x))))}
          />
          {o.label}
        </label>
      ))}
    </span>
  );
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
  const ops = operatorsFor(fact?.type);
  const op = operatorDef(value.operator);
  const valueLabel = `${label}：取值`;
  const set = (v: Simple['value']) => onChange({ ...value, value: v });

  const changeFact = (id: string) => {
    const next = names.find((n) => n.id === id);
    const fits = operatorsFor(next?.type);
    const keep = fits.find((o) => o.name === value.operator) ?? fits[0];
    const sameType = next?.type === fact?.type && JSON.stringify(next?.options) === JSON.stringify(fact?.options);
    onChange({ fact: id, operator: keep?.name ?? value.operator, value: sameType && keep === op ? value.value : defaultValue(next, keep) });
  };
  const changeOperator = (name: string) => {
    const to = operatorDef(name);
    if (to) onChange({ ...value, operator: name, value: carryOver(value.value, op, to, fact) });
  };

  let input;
  if (op?.takes === 'list') {
    const list = Array.isArray(value.value) ? value.value : [];
    input = fact?.type === 'enum' ? (
      <OptionBoxes fact={fact} value={list} label={valueLabel} onChange={set} />
    ) : (
      <ListField value={list} numeric={NUMERIC.includes(fact?.type ?? '')} label={valueLabel} onChange={set} />
    );
  } else if (isFactRef(value.value)) {
    input = <MetricPicker label={`${label}：比较的事实或指标`} value={value.value.fact} types={comparableTypes(fact?.type)} onChange={(f) => set({ fact: f })} />;
  } else if (fact?.type === 'boolean') {
    input = (
      <Select
        label={valueLabel}
        value={value.value === true ? 'true' : value.value === false ? 'false' : undefined}
        options={[
          { value: 'true', label: '是' },
          { value: 'false', label: '否' },
        ]}
        onChange={(v) => set(v === 'true')}
      />
    );
  } else if (fact?.options) {
    input = (
      <Select label={valueLabel} value={typeof value.value === 'string' ? value.value : undefined} options={fact.options.map((o) => ({ value: o.value, label: o.label }))} onChange={set} />
    );
  } else if (fact && NUMERIC.includes(fact.type)) {
    input = (
      <NumField
        label={valueLabel}
        value={value.value}
        width={100}
        unit={fact.type === 'percent' ? '%' : fact.unit}
        percent={fact.type === 'percent'}
        placeholder={fact.type === 'percent' ? '95' : undefined}
        onChange={(v) => set(v ?? 0)}
      />
    );
  } else {
    input = <TextField label={valueLabel} value={typeof value.value === 'string' ? value.value : ''} width={100} onChange={set} />;
  }

  // a comparison with one value may instead compare with another fact or metric (not for yes/no)
  const canCompareFacts = op?.takes === 'single' && fact !== undefined && fact.type !== 'boolean';
  return (
    <span className="condition-simple">
      <MetricPicker label={`${label}：事实`} value={value.fact} onChange={changeFact} />
      <Select label={`${label}：比较`} value={value.operator} options={ops.map((o) => ({ value: o.name, label: opLabel(o) }))} onChange={changeOperator} />
      {canCompareFacts ? (
        <Select
          label={`${label}：比较对象`}
          value={isFactRef(value.value) ? 'fact' : 'value'}
          options={[
            { value: 'value', label: '取值' },
            { value: 'fact', label: '另一事实或指标' },
          ]}
          onChange={(k) => {
            if (k === 'value') set(defaultValue(fact, op));
            else set({ fact: names.find((n) => comparableTypes(fact.type).includes(n.type) && n.id !== fact.id)?.id ?? fact.id });
          }}
        />
      ) : null}
      {input}
    </span>
  );
}

/** A fresh condition on the first declared boolean fact (or an empty id). */
export function newCondition(firstBoolean: string | undefined): Condition {
  return { fact: firstBoolean ?? '', operator: 'equal', value: true };
}
