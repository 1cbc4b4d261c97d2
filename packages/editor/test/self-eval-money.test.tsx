/**
 * Money and row numbers in the 项目支出绩效自评表 (SelfEvalTable), on seed 001 表 6 (商务运行保障-综合法规专项,
 * schemes/shenzhen-project/cases/2020/06-legal-regulation.json: money stored as decimal text such as
 * "4036597.38", rows with numeric 分值 and 自评得分 such as `"points": 15`).
 * - An amount typed in the form keeps its decimal text once made plain: "150000.10" stays "150000.10" (not the
 *   JSON number 150000.1), "１００，０００．００" is "100000.00".
 * - The printed funds block shows money as finance staff write it (seed 001 表 6: 4,485,000.00 | 4,485,000.00 |
 *   4,036,597.38), and an amount stored as text "150000.10" as "150,000.10" — never the stored value.
 * - A row's 分值 / 自评得分 typed as "20" is stored in the JSON type the rows use: the number 20.
 * - The official form's unscored facts (项目金额, 实施单位, the 其中 funds lines, 年度总体目标) have inputs labelled as
 *   seed 001 writes them, and the funds block lists its lines in the seed's order.
 */
import './dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useState } from 'react';
import { compile, evaluate, type ScoreSheet } from '@jixiao/engine';
import { SelfEvalTable } from '../src/components/SelfEvalTable.tsx';
import { withFact } from '../src/model/case-form.ts';
import type { CaseDoc, Input } from '../src/model/types.ts';
import { loadScheme } from './harness.tsx';

afterEach(cleanup);

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const base = JSON.parse(readFileSync(join(repoRoot, 'schemes', 'shenzhen-project', 'cases', '2020', '06-legal-regulation.json'), 'utf8')) as CaseDoc;
const scheme = loadScheme('shenzhen-project/2020.json');
const inputs = (scheme.inputs ?? []) as Input[];

function sheetOf(doc: CaseDoc): ScoreSheet {
  const c = compile(scheme);
  if (!c.ok) throw new Error('the 2020 scheme compiles');
  const r = evaluate(c.compiled, { facts: doc.facts as Record<string, unknown> });
  if (!r.ok) throw new Error('case 06 is scored');
  return r.sheet;
}

const saved: { doc: CaseDoc } = { doc: base };
function EditableTable() {
  const [doc, setDoc] = useState<CaseDoc>(base);
  saved.doc = doc;
  const s = sheetOf(base);
  return <SelfEvalTable inputs={inputs} rowsFact="rows" doc={doc} sheet={s} places={s.places} onFact={(id, v, source) => setDoc((d) => withFact(d, id, v, source))} />;
}
const fact = (id: string): unknown => {
  const f = (saved.doc.facts as Record<string, unknown>)[id];
  return f !== null && typeof f === 'object' && 'value' in f ? (f as { value: unknown }).value : f;
};
const rowsNow = () => fact('rows') as { points?: unknown; selfScore?: unknown }[];

describe('SelfEvalTable money and row numbers', () => {
  it('stores a typed amount as its plain decimal text: 150000.10 stays "150000.10", １００，０００．００ is "100000.00"', () => {
    render(<EditableTable />);
    const spent = screen.getByLabelText('事实 全年执行数（年度资金总额）') as HTMLInputElement;
    fireEvent.change(spent, { target: { value: '150000.10' } });
    expect(fact('全年执行数')).toBe('150000.10');
    expect(spent.value).toBe('150000.10');
    const budget = screen.getByLabelText('事实 年初预算数（年度资金总额）') as HTMLInputElement;
    fireEvent.change(budget, { target: { value: '１００，０００．００' } });
    expect(fact('年初预算数')).toBe('100000.00');
    expect(budget.value).toBe('１００，０００．００');
  });

  it('has inputs for the official form’s 项目金额, 实施单位, 其中 lines and 年度总体目标, labelled as seed 001 writes them', () => {
    render(<EditableTable />);
    // seed 001 表 6: 项目金额 4,485,000.00, 实施单位 深圳市商务局 (the case holds them as transcribed)
    expect((screen.getByLabelText('事实 项目金额') as HTMLInputElement).value).toBe('4485000.00');
    const unit = screen.getByLabelText('事实 实施单位') as HTMLInputElement;
    expect(unit.value).toBe('深圳市商务局');
    fireEvent.change(unit, { target: { value: '深圳市商务发展促进中心' } });
    expect(fact('实施单位')).toBe('深圳市商务发展促进中心');
    fireEvent.change(screen.getByLabelText('事实 全年执行数（上年结转资金）'), { target: { value: '1200.50' } });
    expect(fact('上年结转资金全年执行数')).toBe('1200.50');
    const goal = screen.getByLabelText('事实 预期目标（年度总体目标）') as HTMLTextAreaElement;
    expect(goal.value.startsWith('<p>(一) 持续提升经济运行分析质量')).toBe(true);
    fireEvent.change(goal, { target: { value: '' } });
    // cleared: no value left (the case keeps the fact's source, as for any fact cleared in the form)
    expect(fact('预期目标') ?? null).toBeNull();
    expect(screen.getByLabelText('事实 实际完成情况（年度总体目标）')).toBeTruthy();
    expect([...document.querySelectorAll('table[aria-label="年度总体目标"] th')].map((th) => th.textContent)).toEqual(['年度总体目标', '预期目标', '实际完成情况']);
  });

  it('stores a row 分值 / 自评得分 typed "20" as the number 20, as the other rows hold theirs (15, 10 …)', () => {
    render(<EditableTable />);
    fireEvent.change(screen.getByLabelText('分值 第1行'), { target: { value: '20' } });
    fireEvent.change(screen.getByLabelText('自评得分 第1行'), { target: { value: '20' } });
    expect(rowsNow()[0]).toMatchObject({ points: 20, selfScore: 20 });
    // typing 14.5 letter by letter is not cut back at "14." (stored 14)
    const self = screen.getByLabelText('自评得分 第2行') as HTMLInputElement;
    for (const t of ['1', '14', '14.', '14.5']) {
      fireEvent.change(self, { target: { value: t } });
      expect(self.value).toBe(t);
    }
    expect(rowsNow()[1]?.selfScore).toBe(14.5);
    // cleared: no self-score
    fireEvent.change(self, { target: { value: '' } });
    expect(rowsNow()[1] && 'selfScore' in rowsNow()[1]!).toBe(false);
  });

  it('prints the funds as money (seed 001 表 6: 4,485,000.00 | 4,485,000.00 | 4,036,597.38), and "150000.10" as 150,000.10', () => {
    const s = sheetOf(base);
    const { unmount } = render(<SelfEvalTable inputs={inputs} rowsFact="rows" doc={base} sheet={s} places={s.places} onFact={null} />);
    const line = (label: string) => [...document.querySelectorAll(`table[aria-label="项目资金"] tr[data-funds="${label}"] td[data-fact]`)].map((td) => td.textContent);
    const cells = () => line('年度资金总额');
    expect(cells()).toEqual(['4,485,000.00', '4,485,000.00', '4,036,597.38']);
    // the seed's other funds lines, in its order: 其中：当年财政拨款 the same amounts; 上年结转资金 "-" (recorded 0)
    expect([...document.querySelectorAll('table[aria-label="项目资金"] tr[data-funds] th')].map((th) => th.textContent)).toEqual(['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金']);
    expect(line('其中：当年财政拨款')).toEqual(['4,485,000.00', '4,485,000.00', '4,036,597.38']);
    expect(line('上年结转资金')).toEqual(['0.00', '0.00', '0.00']);
    unmount();
    const typed = withFact(withFact(base, '全年执行数', '150000.10', ''), '年初预算数', 100000, '');
    render(<SelfEvalTable inputs={inputs} rowsFact="rows" doc={typed} sheet={s} places={s.places} onFact={null} />);
    // an amount stored as the JSON number 100000 (as earlier editors wrote it) prints the same way: 100,000.00
    expect(cells()).toEqual(['100,000.00', '4,485,000.00', '150,000.10']);
  });
});
