/**
 * The bundled 财预〔2020〕10号 项目支出绩效自评 scheme (schemes/caiyu-2020-project, draft): a hand-made case with one row
 * of each shape, and seed 001 表3 scored under it against Shenzhen's 2020 practice. Every figure by hand arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { compile, criterionMatches, evaluate, type ScoreSheet, type SheetNode } from '@jixiao/engine';
import { allSchemes, casesOf } from './load.ts';

function sheetOf(file: string): ScoreSheet {
  const c = casesOf('caiyu-2020-project').find((x) => x.file.endsWith(file))!;
  const compiled = compile(c.scheme.doc);
  if (!compiled.ok) throw new Error('scheme does not compile');
  const r = evaluate(compiled.compiled, c.doc);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.sheet;
}
const leaf = (s: ScoreSheet, id: string): SheetNode => s.nodes.find((n) => n.id === id)!;
const rowScores = (n: SheetNode) => Object.fromEntries(n.trace!.rows!.map((r) => [r.id, r.score]));

describe('caiyu-2020-project (财预〔2020〕10号 项目支出绩效自评表)', () => {
  const scheme = allSchemes().find((s) => s.doc.family === 'caiyu-2020-project')!;

  it('is a draft and its stored 评分标准 are what the rules render', () => {
    expect(scheme.doc.status).toBe('draft');
    for (const id of ['budget', 'performance']) expect(criterionMatches(scheme.doc, id)!.match).toBe(true);
  });

  it('hand-made case: 460 ÷ 500 = 92% × 10 = 9.2; rows 16 + 8 + 10 + 10 + 27 + 9 = 80; total 89.2 良', () => {
    const s = sheetOf('training-subsidy-example.json');
    expect(leaf(s, 'budget').score).toBe('9.2');
    const perf = leaf(s, 'performance');
    // r1 800 ÷ 1000 × 20 = 16; r2 (reverse) 500 ÷ 625 × 10 = 8; r3, r4 met 10; r5 30 → 27 for 偏离度 50%; r6 达成 band 9
    expect(rowScores(perf)).toEqual({ r1: '16', r2: '8', r3: '10', r4: '10', r5: '27', r6: '9' });
    expect(perf.score).toBe('80');
    expect(s.total).toBe('89.2');
    expect(s.grade).toBe('良');
  });

  it('seed 001 表3 under 财预: overshoot cuts with reasons stand (9, 4, 8), a met row without overshoot is full (10, not the self 8): 10 + 84 = 94, where Shenzhen’s 2020 practice gives 98', () => {
    const s = sheetOf('seed001-03-fund-investment-promotion.json');
    expect(leaf(s, 'budget').score).toBe('10'); // 4050 ÷ 4050 = 100% × 10
    const perf = leaf(s, 'performance');
    expect(rowScores(perf)).toEqual({ r01: '9', r02: '5', r03: '4', r04: '10', r05: '10', r06: '10', r07: '8', r08: '10', r09: '8', r10: '0', r11: '10' });
    expect(perf.score).toBe('84'); // 9 + 5 + 4 + 10 + 10 + 10 + 8 + 10 + 8 + 0 + 10
    expect(perf.warnings).toEqual([]); // 产出 50, 效益 30, 满意度 10: every group adds up to its weight
    expect(s.total).toBe('94');
  });
});
