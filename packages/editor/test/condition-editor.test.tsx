/**
 * The condition editor on the real 一票否决 of 财务合规性 in the Shenzhen 2024 scheme (seed 002: 发生超范围、
 * 超标准支出……本项指标得0分 — `存在违规支出 equal true`): it offers only the operators the engine's registry
 * allows for the chosen fact's type, and a value input that fits the operator (a list for 属于 / 不属于).
 */
import './dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { operatorsFor } from '@jixiao/engine';
import { ConditionEditor } from '../src/rules/ConditionEditor.tsx';
import { getIn, parsePointer, setIn } from '../src/model/pointer.ts';
import type { Condition, Scheme } from '../src/model/types.ts';
import { DocHarness, findIndicator, loadScheme, type Probe } from './harness.tsx';

afterEach(cleanup);

const LABEL = '一票否决';

function setup() {
  const doc = loadScheme();
  const { ptr } = findIndicator(doc, (n) => n.name === '财务合规性');
  const whenPtr = `${ptr}/rule/veto/when`;
  const probe: Probe = { doc, issues: [] };
  render(
    <DocHarness initial={doc} probe={probe}>
      {(d, setDoc) => <ConditionEditor label={LABEL} value={getIn(d, parsePointer(whenPtr)) as Condition} onChange={(c) => setDoc((prev) => setIn(prev, parsePointer(whenPtr), c) as Scheme)} />}
    </DocHarness>,
  );
  const when = () => getIn(probe.doc, parsePointer(whenPtr)) as Condition;
  /** The engine's issues about this condition. */
  const conditionIssues = () => probe.issues.filter((i) => i.path.startsWith(whenPtr));
  return { when, conditionIssues };
}

const combo = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;
const optionTexts = (name: string) => within(combo(name)).getAllByRole('option').map((o) => o.textContent);
const optionValues = (name: string) => within(combo(name)).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);

describe('ConditionEditor', () => {
  it('on a yes/no fact (存在违规支出) offers only 等于 and 不等于, and a 是/否 value', () => {
    setup();
    expect(combo(`${LABEL}：事实`).value).toBe('存在违规支出');
    expect(optionTexts(`${LABEL}：比较`)).toEqual(['等于（=）', '不等于（≠）']);
    expect(combo(`${LABEL}：取值`).value).toBe('true');
    expect(optionTexts(`${LABEL}：取值`)).toEqual(['是', '否']);
  });

  it('takes its operator menu from the engine’s registry for each fact type', () => {
    setup();
    for (const [fact, type] of [
      ['满意度', 'percent'],
      ['部门预算公开情况', 'enum'],
      ['存在违规支出', 'boolean'],
      ['实际采购金额', 'money'],
    ] as const) {
      fireEvent.change(combo(`${LABEL}：事实`), { target: { value: fact } });
      expect(optionValues(`${LABEL}：比较`)).toEqual(operatorsFor(type).map((o) => o.name));
    }
    expect(operatorsFor('boolean')).toHaveLength(2);
    expect(operatorsFor('percent')).toHaveLength(8);
  });

  it('choosing a percent fact keeps a fitting operator and gives a number value typed in percent, as the tier editor and the case form take it: 95 is 95%', () => {
    const { when, conditionIssues } = setup();
    fireEvent.change(combo(`${LABEL}：事实`), { target: { value: '满意度' } });
    expect(when()).toEqual({ fact: '满意度', operator: 'equal', value: 0 });
    fireEvent.change(combo(`${LABEL}：比较`), { target: { value: 'lessThan' } });
    const value = screen.getByRole('textbox', { name: `${LABEL}：取值` }) as HTMLInputElement;
    // 95 → 95 ÷ 100 = 0.95, the fraction the format stores
    fireEvent.change(value, { target: { value: '95' } });
    expect(when()).toEqual({ fact: '满意度', operator: 'lessThan', value: 0.95 });
    expect(conditionIssues()).toEqual([]);
    // 95.5% → 0.955
    fireEvent.change(value, { target: { value: '95.5%' } });
    expect(when()).toEqual({ fact: '满意度', operator: 'lessThan', value: 0.955 });
  });

  it('属于 on an enum fact is a list: one box per option, ticked boxes in the options’ order', () => {
    const { when, conditionIssues } = setup();
    fireEvent.change(combo(`${LABEL}：事实`), { target: { value: '部门预算公开情况' } });
    fireEvent.change(combo(`${LABEL}：比较`), { target: { value: 'in' } });
    // the single value 按要求公开 (the first option) became a list of it
    expect(when()).toEqual({ fact: '部门预算公开情况', operator: 'in', value: ['按要求公开'] });
    const boxes = within(screen.getByRole('group', { name: `${LABEL}：取值` }));
    expect(boxes.getAllByRole('checkbox')).toHaveLength(3);
    // the boxes read as the options' labels in the scheme
    fireEvent.click(boxes.getByRole('checkbox', { name: '没有进行公开' }));
    fireEvent.click(boxes.getByRole('checkbox', { name: '按规定内容、时限、范围等各项要求进行公开' }));
    fireEvent.click(boxes.getByRole('checkbox', { name: '进行了公开，存在不符合时限、内容、范围等要求' }));
    expect(when()).toEqual({ fact: '部门预算公开情况', operator: 'in', value: ['公开但不符合要求', '未公开'] });
    expect(conditionIssues()).toEqual([]);
    // back to one value: the first of the list
    fireEvent.change(combo(`${LABEL}：比较`), { target: { value: 'notEqual' } });
    expect(when()).toEqual({ fact: '部门预算公开情况', operator: 'notEqual', value: '公开但不符合要求' });
  });

  it('不属于 on a count is a list typed with “、”: numbers stored as numbers', () => {
    const { when, conditionIssues } = setup();
    fireEvent.change(combo(`${LABEL}：事实`), { target: { value: '未完成重点工作数' } });
    fireEvent.change(combo(`${LABEL}：比较`), { target: { value: 'notIn' } });
    const list = screen.getByRole('textbox', { name: `${LABEL}：取值` }) as HTMLInputElement;
    fireEvent.change(list, { target: { value: '0、1、2' } });
    expect(when()).toEqual({ fact: '未完成重点工作数', operator: 'notIn', value: [0, 1, 2] });
    expect(list.value).toBe('0、1、2');
    expect(conditionIssues()).toEqual([]);
  });

  it('switching from a percent to a yes/no fact resets an operator that does not fit (大于 → 等于)', () => {
    const { when, conditionIssues } = setup();
    fireEvent.change(combo(`${LABEL}：事实`), { target: { value: '满意度' } });
    fireEvent.change(combo(`${LABEL}：比较`), { target: { value: 'greaterThan' } });
    fireEvent.change(combo(`${LABEL}：事实`), { target: { value: '涉密部门' } });
    expect(when()).toEqual({ fact: '涉密部门', operator: 'equal', value: true });
    expect(conditionIssues()).toEqual([]);
  });

  it('compares with another fact of a comparable type: 实际采购金额 > 采购计划金额 (seed 000 的得0分条款)', () => {
    const { when, conditionIssues } = setup();
    fireEvent.change(combo(`${LABEL}：事实`), { target: { value: '实际采购金额' } });
    fireEvent.change(combo(`${LABEL}：比较`), { target: { value: 'greaterThan' } });
    fireEvent.change(combo(`${LABEL}：比较对象`), { target: { value: 'fact' } });
    const other = combo(`${LABEL}：比较的事实或指标`);
    // money is compared with money (or a plain number), never with a yes/no, a count or a percent
    expect(optionValues(`${LABEL}：比较的事实或指标`)).not.toContain('存在违规支出');
    expect(optionValues(`${LABEL}：比较的事实或指标`)).not.toContain('满意度');
    fireEvent.change(other, { target: { value: '采购计划金额' } });
    expect(when()).toEqual({ fact: '实际采购金额', operator: 'greaterThan', value: { fact: '采购计划金额' } });
    expect(conditionIssues()).toEqual([]);
  });
});
