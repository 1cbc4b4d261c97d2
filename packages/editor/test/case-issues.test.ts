/** A case that cannot be scored is the case's fault, not the scheme's, when the scheme compiles. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/worker/analyse.ts';
import { scoreIssuesTitle } from '../src/components/CasePanel.tsx';
import type { Issue } from '../src/model/types.ts';

const root = new URL('../../../schemes/shenzhen-department/', import.meta.url);
const read = (p: string): unknown => JSON.parse(readFileSync(new URL(p, root), 'utf8'));

const issue = (code: string, path = ''): Issue => ({ code, severity: 'error', message: '', messageEn: '', path });

describe('case issues', () => {
  it('a percent fact written as 95 is a case error, with the engine message listed', () => {
    const doc = read('2024.json');
    const c = read('cases/2024/shenzhen-commerce.json') as { facts: Record<string, unknown>; reviewer: Record<string, unknown> };
    const r = analyse({ seq: 1, doc, input: { facts: { ...c.facts, 满意度: 95 }, reviewer: c.reviewer } });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.sheet).toBeNull();
    expect(r.scoreStage).toBe('evaluate');
    expect(r.scoreIssues.map((i) => i.message).join()).toContain('0.95');
    expect(scoreIssuesTitle(r.scoreStage, r.scoreIssues)).toBe('案例数据有误，无法计分');
  });

  it('titles: scheme errors, missing reviewer entries, what the department has not entered yet, other case data', () => {
    expect(scoreIssuesTitle('compile', [issue('points-mismatch')])).toBe('方案有错误，暂时无法计分');
    expect(scoreIssuesTitle('evaluate', [issue('judgement-missing', '/reviewer/outcomes')])).toBe('案例缺少评审录入，无法计分');
    // a 自评表 row without its 自评得分 is the department's to enter, not the reviewer's
    expect(scoreIssuesTitle('evaluate', [issue('row-judgement-missing', '/facts/年度绩效指标/value/2/selfScore')])).toBe('案例尚有未填写的内容，无法计分');
    expect(scoreIssuesTitle('evaluate', [issue('judgement-missing', '/reviewer/outcomes'), issue('fact-missing', '/facts/满意度')])).toBe('案例尚有未填写的内容，无法计分');
    expect(scoreIssuesTitle('evaluate', [issue('judgement-missing', '/reviewer/outcomes'), issue('fact-negative', '/facts/在编人数')])).toBe('案例数据有误，无法计分');
  });
});
