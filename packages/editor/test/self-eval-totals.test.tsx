/**
 * The 合计 row of the 项目支出绩效自评表 (print view and case page), on seed 001 表 6 (商务运行保障-综合法规专项,
 * schemes/shenzhen-project/cases/2020/06-legal-regulation.json) under the 2020 项目自评 scheme, whose policy
 * scores a met quantitative row in full and leaves a not-met or qualitative row to judgement (酌情, the
 * self-score taken).
 *
 * Hand arithmetic from the seed table (分值 / 自评得分 per row):
 * - r01 评审项目数量 ≥50个, 262个: met, 15 / 15   - r02 法律顾问 =1名, 2名: met, 10 / 10
 * - r03 系统维护 通过测评验收, 尚未进行: not met → 酌情, 5 / 0
 * - r04 课题完成时间 12月31日前: met, 10 / 10        - r05 成本控制率 ≤100%, 90%: met, 10 / 10
 * - r06 有效 / r07 有效推进: qualitative → 酌情, 15 / 14 each
 * - r08 满意度 ≥85%, 100%: met, 10 / 9
 * 得分（自评）: 15 + 10 + 0 + 10 + 10 + 14 + 14 + 9 = 82 (seed 001 表 6 总分 91 = 82 + 资金执行率 9.00).
 * 规则得分 of the rows the rule scores: r01 15 + r02 10 + r04 10 + r05 10 + r08 10 = 55.
 * 酌情 rows r03, r06, r07 take the self-scores: 0 + 14 + 14 = 28; the item scores 55 + 28 = 83.
 */
import './dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, evaluate, selfEvalTotals, type ScoreSheet, type SheetNode } from '@jixiao/engine';
import { SelfEvalTable } from '../src/components/SelfEvalTable.tsx';
import type { CaseDoc, Input } from '../src/model/types.ts';
import { loadScheme } from './harness.tsx';

afterEach(cleanup);

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const doc = JSON.parse(readFileSync(join(repoRoot, 'schemes', 'shenzhen-project', 'cases', '2020', '06-legal-regulation.json'), 'utf8')) as CaseDoc;
/** The case's rows, as written in the file (an array under facts.rows). */
const rows = (doc.facts as Record<string, unknown>)['rows'] as { selfScore?: unknown }[];
const scheme = loadScheme('shenzhen-project/2020.json');

function sheet(): ScoreSheet {
  const c = compile(scheme);
  if (!c.ok) throw new Error('the 2020 scheme compiles');
  const r = evaluate(c.compiled, { facts: doc.facts as Record<string, unknown> });
  if (!r.ok) throw new Error('case 06 is scored');
  return r.sheet;
}

function targetsNode(s: ScoreSheet): SheetNode {
  const all: SheetNode[] = [];
  const walk = (ns: SheetNode[]) => ns.forEach((n) => (n.children ? walk(n.children) : all.push(n)));
  walk(s.nodes);
  const t = all.find((n) => n.trace?.kind === 'targets');
  if (!t) throw new Error('the 2020 scheme scores rows');
  return t;
}

describe('selfEvalTotals', () => {
  it('adds the self-scores (82), the rule scores of the rows the rule scores (55) and the 酌情 rows apart (3 rows, 28)', () => {
    const node = targetsNode(sheet());
    const t = selfEvalTotals(rows, node.trace?.rows ?? null);
    expect(t.self?.toString()).toBe('82');
    expect(t.rule?.toString()).toBe('55');
    expect(t.judged.rows).toBe(3);
    expect(t.judged.counted.toString()).toBe('28');
    // 55 + 28 = 83, the item's score as the engine gives it
    expect(t.rule!.plus(t.judged.counted).eq(node.score)).toBe(true);
    expect(node.score).toBe('83');
  });

  it('still adds the self-scores without a sheet, and cannot add a self-score that is not a number', () => {
    expect(selfEvalTotals(rows, null)).toMatchObject({ rule: null, judged: { rows: 0 } });
    expect(selfEvalTotals(rows, null).self?.toString()).toBe('82');
    // 14.5 + 9 = 23.5; a row without a self-score is not counted
    expect(selfEvalTotals([{ selfScore: '14.5' }, { selfScore: 9 }, {}], null).self?.toString()).toBe('23.5');
    expect(selfEvalTotals([{ selfScore: '14.5' }, { selfScore: 'abc' }], null).self).toBeNull();
    expect(selfEvalTotals([{}, { selfScore: '' }], null).self).toBeNull();
  });
});

describe('SelfEvalTable 合计 row (read-only, as printed)', () => {
  it('shows 得分（自评） 82.00, 规则得分 55.00 and the 酌情 rows with the item score 83.00', () => {
    const s = sheet();
    render(<SelfEvalTable inputs={(scheme.inputs ?? []) as Input[]} rowsFact="rows" doc={doc} sheet={s} places={s.places} onFact={null} />);
    const total = screen.getByRole('table', { name: '年度绩效指标' }).querySelector('tr.total-row') as HTMLElement;
    expect(total.querySelector('[data-col="self-total"]')?.textContent).toBe('82.00');
    const rule = total.querySelector('[data-col="rule-total"]') as HTMLElement;
    expect(rule.firstChild?.textContent).toBe('55.00');
    expect(screen.getByTestId('rows-counted').textContent).toBe('另酌情 3 行采用自评 28.00，本项得分 83.00');
    // the 分值 of the rows: 15 + 10 + 5 + 10 + 10 + 15 + 15 + 10 = 90
    expect(total.querySelectorAll('td')[0]?.textContent).toBe('90');
  });
});
