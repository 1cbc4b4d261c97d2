/**
 * The 项目支出绩效自评表's figures and 说明 (display/self-eval-form.ts) on bundled seed-001 cases, against the seed:
 * seed 001 (001_d496ccbf7d5c702a.txt) 表2 商务发展专项资金——商贸流通领域 prints its funds lines as
 *   年度资金总额 247,818,900.00 | 337,078,900.00 | 333,645,048.00 | 10 | 0.99 | 9.90
 *   其中：当年财政拨款 247,818,900.00 | 332,260,000.00 | 329,791,188.00 | — | 0.99 | —
 *   上年结转资金 - | 4,818,900.00 | 3,853,860.00 | — | 0.80 | —      (3,853,860 / 4,818,900 = 0.7997… → 0.80)
 *   其他资金 - | - | - | — | 0.00 | —                              (全年预算数 0: 0.00, as the funds metric declares)
 * and 表6 综合法规专项's rows add up, by hand, to 自评 15 + 10 + 0 + 10 + 10 + 14 + 14 + 9 = 82; the rows the rule
 * scores (met) 15 + 10 + 10 + 10 + 10 = 55; the three 酌情 rows 0 + 14 + 14 = 28; the item 55 + 28 = 83.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile, evaluate, selfEvalForm, selfEvalGrid, showRate, type CaseDoc, type Scheme, type TargetRowT } from '../src/index.ts';

const read = <T>(rel: string): T => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../schemes/shenzhen-project/${rel}`, import.meta.url)), 'utf8')) as T;
const scheme = read<Scheme>('2020.json');

function formOf(file: string) {
  const doc = read<CaseDoc>(`cases/2020/${file}.json`);
  const c = compile(scheme);
  if (!c.ok) throw new Error('the scheme compiles');
  const r = evaluate(c.compiled, doc);
  if (!r.ok) throw new Error('the case is scored');
  const rows = (doc.facts['rows'] as { value?: unknown }).value ?? doc.facts['rows'];
  return selfEvalForm(scheme, r.sheet, doc, rows as TargetRowT[]);
}

describe('selfEvalForm', () => {
  it('seed 001 表2: the four funds lines, amounts as the seed prints them, 执行率 of each line at 2 places', () => {
    const f = formOf('02-fund-commerce-circulation');
    expect(f.funds.map((l) => [l.label, l.initial.text, l.budget.text, l.spent.text, l.points, l.rate, l.score])).toEqual([
      ['年度资金总额', '247,818,900.00', '337,078,900.00', '333,645,048.00', '10', '0.99', '9.90'],
      ['其中：当年财政拨款', '247,818,900.00', '332,260,000.00', '329,791,188.00', '—', '0.99', '—'],
      ['上年结转资金', '0.00', '4,818,900.00', '3,853,860.00', '—', '0.80', '—'],
      ['其他资金', '0.00', '0.00', '0.00', '—', '0.00', '—'],
    ]);
    // amounts keep their exact value for a spreadsheet's number cell
    expect(f.funds[2]!.spent.value).toBe('3853860');
    expect(f.amount.text).toBe('247,818,900.00');
  });

  it('leaves a cell blank when the case does not give its fact (seed 001 表49 prints no 项目金额)', () => {
    const f = formOf('49-office-equipment');
    expect(f.amount).toEqual({ text: '', value: null });
    const grid = selfEvalGrid(f);
    expect(grid[0]!.map((c) => c.text)).toEqual(['项目名称', f.name, '项目金额', '']);
  });

  it('seed 001 表6: the engine’s reading of the rows and their sums are in the 说明, not in the cells', () => {
    const f = formOf('06-legal-regulation');
    expect(f.notes.some((n) => n.startsWith('专项资金评审项目数量：目标≥50个，实际262个，达成'))).toBe(true);
    expect(f.notes).toContain('年度绩效指标自评得分合计 82.00 分；按规则计分的行合计 55.00 分；酌情评分 3 行，计 28.00 分；本项得分 83.00 分。');
    const cells = selfEvalGrid(f).flat().map((c) => c.text);
    expect(cells.some((t) => t.includes('规则得') || t.includes('达成'))).toBe(false);
  });

  it('showRate prints a fraction at the places, half-up: 0.7997 → 0.80, 1 → 1.00', () => {
    expect(showRate('0.7997', 2)).toBe('0.80');
    expect(showRate('1', 2)).toBe('1.00');
    expect(showRate('—', 2)).toBe('—');
  });
});
