/**
 * The 总分 row's 自评得分 of the 项目支出绩效自评表 (engine `selfEvalTotalRow`, shown by Word, Excel and the 打印视图).
 * Seed 001 defines it: the 得分 column adds up to 总分, 资金执行率's 得分 plus every row's 得分 — 表1: 9.90 + (3 × 3
 * + 2 × 3 + 3 + 2 + 3 + 3 + 2 + 2 + 2 + 2 + 2 + 2 + 10 + 0 + 8 + 9 + 10 + 0 + 9 = 84) = 93.9; 表6: 9.00 + (15 + 10 +
 * 0 + 10 + 10 + 14 + 14 + 9 = 82) = 91. The figure follows the self-scores as entered; the case's transcribed
 * `reported.total` is said beside it where it differs.
 */
import { describe, expect, it } from 'vitest';
import { compile, evaluate, selfEvalTotalRow, showSelfEvalTotal, type ScoreSheet } from '@jixiao/engine';
import { casesOf, type LoadedCase } from './load.ts';

const cases = casesOf('shenzhen-project');
const byFile = (name: string) => cases.find((c) => c.file.endsWith(name))!;
type Row = { selfScore?: number | string };

function scored(c: LoadedCase, change?: (rows: Row[]) => void): { sheet: ScoreSheet; rows: Row[] } {
  const doc = structuredClone(c.doc) as unknown as { facts: { rows: Row[] } };
  change?.(doc.facts.rows);
  const compiled = compile(c.scheme.doc);
  if (!compiled.ok) throw new Error('scheme does not compile');
  const r = evaluate(compiled.compiled, doc);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return { sheet: r.sheet, rows: doc.facts.rows };
}

describe('selfEvalTotalRow', () => {
  it('表1 as filed: 9.90 + 84 = 93.9, the published 总分; no note', () => {
    const { sheet, rows } = scored(byFile('01-fund-foreign-trade.json'));
    const r = selfEvalTotalRow(sheet, rows, '93.9');
    expect(r.self?.toString()).toBe('93.9');
    expect(r.note).toBeNull();
    expect(showSelfEvalTotal(r, 2)).toBe('93.90');
  });

  it('every one of the 57 bundled tables adds up to its published 总分 (none gets a note)', () => {
    expect(cases.length).toBe(57);
    for (const c of cases) {
      const { sheet, rows } = scored(c);
      const r = selfEvalTotalRow(sheet, rows, c.doc.reported?.total);
      expect(r.note, c.file).toBeNull();
      expect(r.self?.eq(r.reported!), c.file).toBe(true);
    }
  });

  it('表6 with r03 “系统维护” self-scored 5 instead of 0: the figure follows (9.00 + 87 = 96), the report’s 91 is said beside it', () => {
    const { sheet, rows } = scored(byFile('06-legal-regulation.json'), (rs) => {
      rs[2]!.selfScore = 5;
    });
    const r = selfEvalTotalRow(sheet, rows, '91');
    expect(r.self?.toString()).toBe('96');
    expect(r.reported?.toString()).toBe('91');
    expect(r.note).toBe('原报告自评总分 91.00 分');
    expect(showSelfEvalTotal(r, 2)).toBe('96.00（原报告自评总分 91.00 分）');
    // a case without a reported total says nothing more
    expect(showSelfEvalTotal(selfEvalTotalRow(sheet, rows, undefined), 2)).toBe('96.00');
  });

  it('self-scores that cannot be added give no figure, and the report’s is still named, never shown as the figure', () => {
    const { sheet } = scored(byFile('06-legal-regulation.json'));
    const r = selfEvalTotalRow(sheet, [{ selfScore: 15 }, { selfScore: 'abc' }], 91);
    expect(r.self).toBeNull();
    expect(showSelfEvalTotal(r, 2)).toBe('—（原报告自评总分 91.00 分）');
    expect(showSelfEvalTotal(selfEvalTotalRow(sheet, [{ selfScore: 'abc' }], undefined), 2)).toBe('');
  });
});
