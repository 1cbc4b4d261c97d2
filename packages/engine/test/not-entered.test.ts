/**
 * Whose entry a "not entered yet" issue awaits (evaluate/not-entered.ts): under `/reviewer` the
 * reviewer's (待评审), elsewhere the department's. On the real 2024 Shenzhen department case (seed 002)
 * with its reviewer entries taken away, and on a 自评表 row the department left without its self-score.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { awaitsReviewer, compile, evaluate, factsToEnter, isNotEntered, type CaseInput, type Issue } from '../src/index.ts';

const root = new URL('../../../', import.meta.url);
const json = (rel: string) => JSON.parse(readFileSync(new URL(rel, root), 'utf8')) as Record<string, unknown>;

function issuesOf(schemeRel: string, doc: Record<string, unknown>): Issue[] {
  const c = compile(json(schemeRel));
  if (!c.ok) throw new Error('scheme does not compile');
  const r = evaluate(c.compiled, doc as unknown as CaseInput);
  return r.ok ? [] : r.issues;
}

describe('awaitsReviewer', () => {
  it('the judgement items of a department case without reviewer entries await the reviewer; a missing fact is the department\'s', () => {
    const doc = json('schemes/shenzhen-department/cases/2024/shenzhen-commerce.json');
    delete doc['reviewer'];
    const issues = issuesOf('schemes/shenzhen-department/2024.json', doc);
    // 政府采购执行情况 (政策), 财务合规性 (支出), 效果性 are 酌情评分 items; 满意度 was recorded only as the reviewer's 未披露 entry
    expect(issues.filter(awaitsReviewer).map((i) => `${i.code} ${i.path}`).sort()).toEqual(
      ['judgement-missing /reviewer/financial-compliance~1spending', 'judgement-missing /reviewer/outcomes', 'judgement-missing /reviewer/procurement~1policy'],
    );
    expect(issues.filter((i) => !awaitsReviewer(i)).map((i) => `${i.code} ${i.path}`)).toEqual(['fact-missing /facts/满意度']);
    expect(issues.every(isNotEntered)).toBe(true);
  });

  it('a 自评表 row needing judgement without its self-score is the department\'s, not the reviewer\'s', () => {
    const row: Issue = { code: 'row-judgement-missing', severity: 'error', message: '', messageEn: '', path: '/facts/rows/3' };
    const band: Issue = { ...row, code: 'band-missing' };
    const reviewerBand: Issue = { ...band, path: '/reviewer/quality' };
    const wrong: Issue = { ...row, code: 'judgement-range', path: '/reviewer/quality' };
    expect([row, band, reviewerBand, wrong].map(awaitsReviewer)).toEqual([false, false, true, false]);
    expect(isNotEntered(wrong)).toBe(false);
  });
});

describe('factsToEnter: the facts a submission asks for, all at once', () => {
  const scheme = () => {
    const c = compile(json('schemes/shenzhen-department/2024.json'));
    if (!c.ok) throw new Error('scheme does not compile');
    return c.compiled;
  };
  const commerce = () => json('schemes/shenzhen-department/cases/2024/shenzhen-commerce.json') as unknown as CaseInput;

  it('商务局 2024 as filed: none — 满意度 is blank, but its indicator is scored from the reviewer’s entry (未披露), so 提交 does not ask for it', () => {
    const doc = commerce();
    expect(doc.facts['满意度']).toBeUndefined();
    expect(factsToEnter(scheme(), doc)).toEqual([]);
  });

  it('without the reviewer’s entries: 满意度 is the department’s to enter (the 酌情 items await the reviewer and are not listed)', () => {
    const doc = commerce();
    delete doc.reviewer;
    expect(factsToEnter(scheme(), doc)).toEqual(['满意度']);
  });

  it('both facts of 政府采购执行率 = 实际采购金额 / 采购计划金额 blank: both listed, though one scoring names only the first', () => {
    const doc = commerce();
    delete doc.facts['实际采购金额'];
    delete doc.facts['采购计划金额'];
    const once = issuesOf('schemes/shenzhen-department/2024.json', doc as unknown as Record<string, unknown>).filter((i) => i.code === 'fact-missing').map((i) => i.fact);
    expect(once).toEqual(['实际采购金额']);
    expect(factsToEnter(scheme(), doc).sort()).toEqual(['实际采购金额', '采购计划金额'].sort());
  });
});
