/**
 * The 打印视图 of a 项目支出绩效自评表 and the case form's rows table: the 总分 line's 自评得分 is the engine's
 * (`selfEvalTotalRow`, as the Word and Excel 总分 row), and a 自评得分 above its row's 分值 carries the engine's
 * message in its cell. Seed 001 表6 (06-legal-regulation): 9.00 + (15 + 10 + 0 + 10 + 10 + 14 + 14 + 9 = 82) = 91,
 * the published 总分; r03 “系统维护” self-scored 5 gives 9.00 + 87 = 96 and the report's 91 beside it.
 */
import './dom.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, evaluate } from '@jixiao/engine';
import { analyse } from '../src/worker/analyse.ts';
import { PrintPage } from '../src/pages/PrintPage.tsx';
import { SelfEvalTable } from '../src/components/SelfEvalTable.tsx';
import type { CaseDoc, Input } from '../src/model/types.ts';
import { stubServer } from './fetch-stub.ts';
import { loadScheme } from './harness.tsx';

// the analysis worker's own function, run in the test's thread
vi.mock('../src/worker/useAnalysis.ts', () => ({
  useAnalysis: (doc: unknown, input: unknown) => ({ result: doc && input ? analyse({ seq: 1, doc, input: input as never }) : null, forDoc: doc, pending: false }),
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const filed = JSON.parse(readFileSync(join(repoRoot, 'schemes', 'shenzhen-project', 'cases', '2020', '06-legal-regulation.json'), 'utf8')) as CaseDoc;
const scheme = loadScheme('shenzhen-project/2020.json');
type Row = { selfScore?: number };
function withRows(change: (rows: Row[]) => void): CaseDoc {
  const doc = structuredClone(filed);
  change((doc.facts as Record<string, unknown>)['rows'] as Row[]);
  return doc;
}

function serve(doc: CaseDoc): void {
  stubServer((r) => {
    if (r.url.startsWith('/api/families/shenzhen-project/cases/2020/')) return { status: 200, body: { etag: '"v1"', doc } };
    if (r.url === '/api/schemes/shenzhen-project/2020') return { status: 200, body: { doc: scheme, etag: '"s1"' } };
    return undefined;
  });
}

describe('打印视图 总分 line', () => {
  it('as filed: 总分 92.00, 自评得分 91.00 (no note: the report says 91 too)', async () => {
    serve(filed);
    render(<PrintPage family="shenzhen-project" year={2020} caseId="06-legal-regulation" />);
    await waitFor(() => expect(screen.getByTestId('print-total').textContent).toBe('92.00'));
    expect(screen.getByTestId('print-self-total').textContent).toBe('91.00');
  });

  it('r03 self-scored 5: 自评得分 96.00 with “原报告自评总分 91.00 分” beside it, as Word and Excel print it', async () => {
    serve(
      withRows((rows) => {
        rows[2]!.selfScore = 5;
      }),
    );
    render(<PrintPage family="shenzhen-project" year={2020} caseId="06-legal-regulation" />);
    // 总分 9 + 55 + (5 + 14 + 14) = 97
    await waitFor(() => expect(screen.getByTestId('print-total').textContent).toBe('97.00'));
    expect(screen.getByTestId('print-self-total').textContent).toBe('96.00（原报告自评总分 91.00 分）');
  });
});

describe('a 自评得分 above its row’s 分值 in the rows table', () => {
  it('r01 “评审项目数量” (15 分) self-scored 16: the engine’s message in that cell, in the form and in print', () => {
    const doc = withRows((rows) => {
      rows[0]!.selfScore = 16;
    });
    const c = compile(scheme);
    if (!c.ok) throw new Error('the 2020 scheme compiles');
    const r = evaluate(c.compiled, { facts: doc.facts as Record<string, unknown> });
    if (!r.ok) throw new Error('case 06 is scored');
    for (const onFact of [() => {}, null]) {
      render(<SelfEvalTable inputs={(scheme.inputs ?? []) as Input[]} rowsFact="rows" doc={doc} sheet={r.sheet} places={2} onFact={onFact} />);
      const cell = document.querySelector('tr[data-row="r01"] [data-code="row-self-score-over-points"]');
      expect(cell?.textContent).toMatch(/^⚠ 第1行“.+”的自评得分16分高于本行分值15分，自评得分不能超过分值/);
      expect(document.querySelectorAll('[data-code="row-self-score-over-points"]')).toHaveLength(1);
      cleanup();
    }
  });

  it('r02 self-scored −5: the case cannot be scored (no sheet), and the engine’s error is shown in that row’s cell', () => {
    const doc = withRows((rows) => {
      rows[1]!.selfScore = -5;
    });
    const c = compile(scheme);
    if (!c.ok) throw new Error('the 2020 scheme compiles');
    const r = evaluate(c.compiled, { facts: doc.facts as Record<string, unknown> });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issues = new Map([['rows', r.issues.filter((i) => i.fact === 'rows')]]);
    render(<SelfEvalTable inputs={(scheme.inputs ?? []) as Input[]} rowsFact="rows" doc={doc} sheet={null} issues={issues} places={2} onFact={() => {}} />);
    const cell = document.querySelector('tr[data-row="r02"] [data-code="row-self-score-negative"]');
    expect(cell?.textContent).toMatch(/^⚠ 指标“年度绩效指标”无法计分：第2行“法律顾问数量”的自评得分-5分为负数；自评得分应在0至本行分值10分之间/);
  });
});
