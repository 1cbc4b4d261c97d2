/**
 * 打印视图 (`#/print/<family>/<year>/<caseId>`): the saved case's official table — the 部门整体支出绩效
 * 评分表, or a project's 自评表 (in seed 001's layout, SelfEvalForm, with the engine's 说明 after it) — alone on an A4
 * page with print CSS, so that the browser's 打印 /
 * 另存为PDF gives the same table. Scores are the engine's (analysis worker), shown with showScore. The heading
 * line names what the Word table's head names: the 项目名称 and 主管部门 of a project (seed 001) or the
 * 部门（单位）名称, then the year and the scheme (reportMeta). A project's 总分 line has its 自评得分 as the Word and
 * Excel 总分 row do (the engine's selfEvalTotalRow / showSelfEvalTotal, with "原报告自评总分 …" where the report differs).
 */
import { useEffect, useMemo, useState } from 'react';
import { CASE_FIELD_LABELS, REPORT_TITLE, caseSubject, reportMeta, selfEvalTotalRow, showScore, showSelfEvalTotal, type SelfScored } from '@jixiao/engine';
import { api } from '../api/client.ts';
import type { CaseDoc, Scheme } from '../model/types.ts';
import { useAnalysis } from '../worker/useAnalysis.ts';
import { factEntry, rowsFactOf } from '../model/case-form.ts';
import { OfficialSheet } from '../components/OfficialSheet.tsx';
import { SelfEvalForm } from '../components/SelfEvalForm.tsx';
import { IssueList } from '../components/fields.tsx';

export function PrintPage({ family, year, caseId }: { family: string; year: number; caseId: string }) {
  const [doc, setDoc] = useState<CaseDoc | null>(null);
  const [scheme, setScheme] = useState<Scheme | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const d = (await api.getCase(family, year, caseId)) as CaseDoc;
      const s = (await api.getScheme(family, d.scheme?.year ?? year)).doc as Scheme;
      if (live) {
        setDoc(d);
        setScheme(s);
      }
    })().catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [family, year, caseId]);
  const input = useMemo(() => (doc ? { facts: doc.facts as Record<string, unknown>, ...(doc.reviewer ? { reviewer: doc.reviewer as Record<string, unknown> } : {}) } : null), [doc]);
  const analysis = useAnalysis(scheme, input, 0);
  const result = analysis.result;
  if (error) return <div className="page-message error">无法读取案例：{error}</div>;
  if (!doc || !scheme || !result) return <div className="page-message">正在生成打印视图…</div>;
  const sheet = result.sheet;
  const rowsFact = rowsFactOf(scheme);
  const project = rowsFact !== null;
  const subject = caseSubject(project ? 'project' : 'department', doc);
  // 自评总分 as Word and Excel show it in the 总分 row: the engine's figure from the entered self-scores, the report's other figure beside it
  const rowsValue = rowsFact !== null ? factEntry(doc, rowsFact).value : null;
  const selfTotal = sheet && project ? showSelfEvalTotal(selfEvalTotalRow(sheet, Array.isArray(rowsValue) ? (rowsValue as SelfScored[]) : [], doc.reported?.total), sheet.places) : '';
  return (
    <div className="print-page">
      <div className="no-print print-tools">
        <a href={`#/case/${encodeURIComponent(family)}/${year}/${encodeURIComponent(caseId)}`}>← 返回案例</a>
        <button type="button" className="open-link" onClick={() => window.print()}>
          打印 / 另存为PDF
        </button>
      </div>
      <h1 className="print-title">{REPORT_TITLE[project ? 'project' : 'department']}</h1>
      <div className="print-meta">
        <span>
          {subject.label}：{subject.value}
        </span>
        {project ? (
          <span data-testid="print-department">
            {CASE_FIELD_LABELS.project.department}：{doc.department?.trim() || '—'}
          </span>
        ) : null}
        {reportMeta(doc, scheme).map((m) => (
          <span key={m.label}>
            {m.label}：{m.value}
          </span>
        ))}
      </div>
      {!sheet ? <IssueList issues={result.scoreIssues} title="案例无法计分" /> : null}
      {sheet && project ? (
        <>
          <SelfEvalForm scheme={scheme} doc={doc} sheet={sheet} rowsFact={rowsFact} />
          <p className="print-total">
            按方案规则计算的总分 <b data-testid="print-total">{showScore(sheet.total, sheet.places)}</b>分{'　'}
            {selfTotal ? (
              <>
                自评得分 <span data-testid="print-self-total">{selfTotal}</span>
                {'　'}
              </>
            ) : null}
            等级 {sheet.grade}
          </p>
        </>
      ) : null}
      {sheet && !project ? <OfficialSheet indicators={scheme.indicators} sheet={sheet} rendered={result.rendered} /> : null}
    </div>
  );
}
