/**
 * 项目总览 / 部门总览: a case that cannot be scored says why — the engine's first issue as the case page lists
 * it, "等 N 项" for more, every reason in the cell's title — and the reason links to the case's page.
 * The case is seed 001 表 1 (01-fund-foreign-trade) with two facts taken out: 全年执行数 (资金执行率 needs it)
 * and the rows of 年度绩效指标, so the engine reports exactly two missing facts.
 */
import './dom.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '@jixiao/engine';
import { runBatch } from '../src/worker/versions-jobs.ts';
import { FailedCells, failureReason } from '../src/pages/ProjectsPage.tsx';
import { caseHash } from '../src/state/pending-cases.ts';
import { loadScheme } from './harness.tsx';

afterEach(cleanup);

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const caseFile = join(repoRoot, 'schemes', 'shenzhen-project', 'cases', '2020', '01-fund-foreign-trade.json');

/** The issues the batch job gives for case 01 without 全年执行数 and without its rows. */
function missingTwo(): Issue[] {
  const doc = JSON.parse(readFileSync(caseFile, 'utf8')) as { name: string; facts: Record<string, unknown> };
  const { 全年执行数: _spent, rows: _rows, ...facts } = doc.facts;
  const out = runBatch({ kind: 'batch', scheme: loadScheme('shenzhen-project/2020.json'), cases: [{ id: '2020/01', name: doc.name, input: { facts } }] });
  if (!out.ok) throw new Error('the 2020 scheme compiles');
  const c = out.cases[0];
  if (!c || c.ok) throw new Error('case 01 without 全年执行数 and rows cannot be scored');
  return c.issues;
}

const issue = (message: string, severity: Issue['severity'] = 'error'): Issue => ({ code: 'x-test', severity, message, messageEn: 'test', path: '' });

describe('failureReason', () => {
  it('gives the first issue as the case page shows it, "等 2 项" for the two, and both in the detail', () => {
    const issues = missingTwo();
    expect(issues.map((i) => i.code)).toEqual(['fact-missing', 'fact-missing']);
    const why = failureReason(issues);
    // the engine's own text of the first issue (what the case page lists), which already says 无法计分
    expect(why.text).toBe(`${issues[0]!.message}等 2 项`);
    expect(why.text.startsWith('指标“资金执行率”无法计分：')).toBe(true);
    expect(why.text).toContain('全年执行数');
    expect(why.detail.split('\n')).toEqual([`1. ${issues[0]!.message}`, `2. ${issues[1]!.message}`]);
    expect(why.detail).toContain('年度绩效指标');
  });

  it('says 无法计分 in front of a reason that does not, and leaves warnings out when there are errors', () => {
    expect(failureReason([issue('提醒一', 'warning'), issue('事实“满意度”不是数字')])).toEqual({ text: '无法计分：事实“满意度”不是数字', detail: '无法计分：事实“满意度”不是数字' });
    expect(failureReason([]).text).toBe('无法计分');
  });
});

describe('FailedCells', () => {
  it('spans the score and total columns, links to the case page, and holds every reason in its title', () => {
    const why = failureReason(missingTwo());
    const href = caseHash('shenzhen-project', 2020, 'shenzhen-project-2020-01-fund-foreign-trade');
    render(
      <table>
        <tbody>
          <tr>
            <FailedCells row={{ failed: why.text, failedDetail: why.detail }} span={3} href={href} />
          </tr>
        </tbody>
      </table>,
    );
    const link = screen.getByRole('link', { name: why.text });
    expect(link.getAttribute('href')).toBe('#/case/shenzhen-project/2020/shenzhen-project-2020-01-fund-foreign-trade');
    expect(link.getAttribute('title')).toBe(why.detail);
    // two indicator columns (资金执行率, 年度绩效指标) and 计算总分
    expect(link.closest('td')?.getAttribute('colspan')).toBe('3');
  });
});
