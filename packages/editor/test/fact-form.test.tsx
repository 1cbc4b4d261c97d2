/**
 * 事实填报 (src/components/FactForm.tsx) with the engine's own messages: the seed 002 case 深圳市商务局 2024
 * on 深圳市部门整体 2024, whose 社会公众或服务对象满意度 is a percent declared from 0 to 1 (0%–100%).
 * The form takes percent points (95 is 95%): 0.95 typed there is 0.95% and the row says so; a value out
 * of range is told in percent; the user's own text is quoted as typed.
 */
import './dom.ts';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { analyse } from '../src/worker/analyse.ts';
import { FactForm } from '../src/components/FactForm.tsx';
import { issuesByFact, withFact } from '../src/model/case-form.ts';
import type { CaseDoc, Input, Scheme } from '../src/model/types.ts';

afterEach(cleanup);

const root = new URL('../../../schemes/shenzhen-department/', import.meta.url);
const read = (p: string): unknown => JSON.parse(readFileSync(new URL(p, root), 'utf8'));
const scheme = read('2024.json') as Scheme;
const base = read('cases/2024/shenzhen-commerce.json') as CaseDoc;

/** The case as the form last set it (read by the tests). */
const saved: { doc: CaseDoc } = { doc: base };

/** The form on the case, re-checked by the engine (as the worker does) after every keystroke. */
function Form() {
  const [doc, setDoc] = useState<CaseDoc>(base);
  saved.doc = doc;
  const r = analyse({ seq: 1, doc: scheme, input: { facts: doc.facts, reviewer: doc.reviewer } });
  return <FactForm inputs={scheme.inputs as Input[]} doc={doc} issues={issuesByFact(r.scoreIssues)} readOnly={false} onFact={(id, v, src) => setDoc((d) => withFact(d, id, v, src))} toEnter={r.factsToEnter} />;
}

const type = (text: string) => {
  fireEvent.change(screen.getByLabelText('事实 社会公众或服务对象满意度'), { target: { value: text } });
  return document.querySelector('tr[data-fact="满意度"]')!.textContent ?? '';
};

describe('a percent fact in the case form', () => {
  it('95 is 95%: no warning, no error', () => {
    render(<Form />);
    const row = type('95');
    expect(row).not.toContain('⚠');
    expect((screen.getByLabelText('事实 社会公众或服务对象满意度') as HTMLInputElement).value).toBe('95');
  });

  it('0.95 is 0.95%, and the row warns that 95% is written 95', () => {
    render(<Form />);
    expect(type('0.95')).toContain('0.95 即 0.95%；若指 95%，请填 95');
  });

  it('150 is above the upper limit 100% (said in percent, not "1.5 above 1"); -1 below the lower limit 0%', () => {
    render(<Form />);
    const high = type('150');
    expect(high).toContain('为 150%，高于上限 100%');
    expect(high).not.toContain('1.5');
    expect(type('-1')).toContain('为 -1%，低于下限 0%');
  });

  it('abc is quoted as typed, without an added %', () => {
    render(<Form />);
    const row = type('abc');
    expect(row).toContain('应为数字，实际为 "abc"');
    expect(row).not.toContain('abc%');
    expect((screen.getByLabelText('事实 社会公众或服务对象满意度') as HTMLInputElement).value).toBe('abc');
  });

  it('full-width ９５ is 95%: no warning, no error, shown as typed', () => {
    render(<Form />);
    expect(type('９５')).not.toContain('⚠');
    expect((screen.getByLabelText('事实 社会公众或服务对象满意度') as HTMLInputElement).value).toBe('９５');
  });

  it('the hint says how the form reads a percent', () => {
    render(<Form />);
    expect(screen.getByLabelText('事实填报').textContent).toContain('百分比按百分数填写（填 95 即 95%，填 0.95 即 0.95%）');
  });
});

/** The stored value of fact `id` (bare, or the `value` beside its 来源). */
const stored = (id: string): unknown => {
  const f = (saved.doc.facts as Record<string, unknown>)[id];
  return f !== null && typeof f === 'object' && 'value' in f ? (f as { value: unknown }).value : f;
};
/** The box of fact `id`, found by its Chinese label as a user finds it. */
const field = (id: string) => {
  const label = (scheme.inputs as Input[]).find((i) => i.id === id)!.label;
  return screen.getByLabelText(`事实 ${label}`) as HTMLInputElement;
};
const typeIn = (id: string, text: string) => fireEvent.change(field(id), { target: { value: text } });

// Money is stored as its decimal text made plain (half-width, no thousands separators), not as a JSON number:
// a finance user's 分 stay as typed ("100000.00", not 100000), as the bundled cases store money ("148620.00");
// the engine reads the text exactly. A count is still stored as the number read (below).
describe('the case stores the amount typed, and the box keeps what was typed', () => {
  it('采购计划金额 typed 7,341.03 (seed 002, 万元) is stored as the text "7341.03", shown as typed, and converted to 元', () => {
    render(<Form />);
    typeIn('采购计划金额', '7,341.03');
    expect(stored('采购计划金额')).toBe('7341.03');
    expect(field('采购计划金额').value).toBe('7,341.03');
    // 7341.03 万元 × 10000 = 73,410,300 元
    expect(document.querySelector('tr[data-fact="采购计划金额"]')!.textContent).toContain('＝ 73,410,300.00 元');
  });

  it('full-width １２，３４５．６ is stored as "12345.6" and shown as typed; ９５ for 满意度 is stored as "95%"', () => {
    render(<Form />);
    typeIn('实际采购金额', '１２，３４５．６');
    expect(stored('实际采购金额')).toBe('12345.6');
    expect(field('实际采购金额').value).toBe('１２，３４５．６');
    typeIn('满意度', '９５');
    expect(stored('满意度')).toBe('95%');
    expect(field('满意度').value).toBe('９５');
  });

  it('typing 1.05 letter by letter is not cut back at "1." (stored "1", the box still says 1.)', () => {
    render(<Form />);
    for (const t of ['1', '1.', '1.0', '1.05']) {
      typeIn('部门预算总规模', t);
      expect(field('部门预算总规模').value).toBe(t);
    }
    expect(stored('部门预算总规模')).toBe('1.05');
  });

  it('an amount keeps its 分 as typed: 150000.10 stays "150000.10", 100000.00 stays "100000.00"; 1,500.5 is "1500.5"', () => {
    render(<Form />);
    typeIn('部门预算总规模', '150000.10');
    expect(stored('部门预算总规模')).toBe('150000.10');
    typeIn('部门预算总规模', '100000.00');
    expect(stored('部门预算总规模')).toBe('100000.00');
    typeIn('部门预算总规模', '1,500.5');
    expect(stored('部门预算总规模')).toBe('1500.5');
    // cleared: not given (未填) — the fact has a 来源 in the seed case, so withFact keeps it with the value null
    typeIn('部门预算总规模', '');
    expect(stored('部门预算总规模')).toBeNull();
  });

  it('a count (核定编制数) is still stored as the number read: 1,024 → 1024', () => {
    render(<Form />);
    typeIn('核定编制数', '1,024');
    expect(stored('核定编制数')).toBe(1024);
    expect(field('核定编制数').value).toBe('1,024');
  });

  it('a money amount with more digits than a JS number holds is stored as its exact decimal text', () => {
    render(<Form />);
    typeIn('部门预算总规模', '123,456,789,012.3456789');
    expect(stored('部门预算总规模')).toBe('123456789012.3456789');
    expect(field('部门预算总规模').value).toBe('123,456,789,012.3456789');
  });

  it('text it cannot read is stored as typed and the box says so (today\'s behaviour)', () => {
    render(<Form />);
    typeIn('部门预算总规模', '一千万');
    expect(stored('部门预算总规模')).toBe('一千万');
    expect(document.querySelector('tr[data-fact="部门预算总规模"]')!.textContent).toContain('"一千万"');
  });
});

// Review finding 4: a number typed with its point at an end is a number ("95." is 95, ".5" is 0.5), as the engine
// reads it (decimal/dec.ts toDec), on every kind of number field; "1.2.3" and "1e3" are still not numbers.
describe('"95." and ".5" are numbers', () => {
  const row = (id: string) => document.querySelector(`tr[data-fact="${id}"]`)!.textContent ?? '';

  it('满意度 (a percent) 95. is 95%, .5 is 0.5%: no 应为数字, stored with its sign, shown as typed', () => {
    render(<Form />);
    typeIn('满意度', '95.');
    expect(row('满意度')).not.toContain('应为数字');
    expect(stored('满意度')).toBe('95%');
    expect(field('满意度').value).toBe('95.');
    typeIn('满意度', '.5');
    expect(row('满意度')).not.toContain('应为数字');
    expect(stored('满意度')).toBe('0.5%');
  });

  it('an amount (部门预算总规模) 95. is "95", .5 is "0.5"; a count (核定编制数) 95. is 95', () => {
    render(<Form />);
    typeIn('部门预算总规模', '95.');
    expect(stored('部门预算总规模')).toBe('95');
    expect(row('部门预算总规模')).not.toContain('⚠');
    typeIn('部门预算总规模', '.5');
    expect(stored('部门预算总规模')).toBe('0.5');
    typeIn('核定编制数', '95.');
    expect(stored('核定编制数')).toBe(95);
    expect(row('核定编制数')).not.toContain('⚠');
  });

  it('1.2.3 and 1e3 are still refused, quoted as typed', () => {
    render(<Form />);
    typeIn('部门预算总规模', '1.2.3');
    expect(row('部门预算总规模')).toContain('"1.2.3"');
    typeIn('部门预算总规模', '1e3');
    expect(row('部门预算总规模')).toContain('"1e3"');
  });
});

// Review finding 3: the count of 必填未填 is what 提交 asks for (the engine's factsToEnter), not every blank fact.
describe('the form counts the facts a submission needs', () => {
  const summary = () => screen.getByTestId('facts-to-enter').textContent ?? '';

  it('商务局 2024 as filed: 满意度 is blank, but its indicator is scored from the reviewer’s entry, so nothing is owed', () => {
    render(<Form />);
    expect(stored('满意度')).toBeUndefined();
    expect(summary()).toContain('必填项均已填写');
    expect(summary()).not.toContain('尚有');
    expect(row('满意度')).toContain('未填（提交不需要）');
    expect(document.querySelector('tr[data-fact="满意度"] .badge.warning')).toBeNull();
  });

  it('clearing both facts of 政府采购执行率 (实际采购金额 / 采购计划金额): 尚有 2 项必填未填, each marked 未填', () => {
    render(<Form />);
    typeIn('实际采购金额', '');
    typeIn('采购计划金额', '');
    expect(summary()).toContain('尚有 2 项必填未填');
    for (const id of ['实际采购金额', '采购计划金额']) expect(document.querySelector(`tr[data-fact="${id}"] .badge.warning`)?.textContent).toBe('未填');
  });
});

const row = (id: string) => document.querySelector(`tr[data-fact="${id}"]`)!.textContent ?? '';
