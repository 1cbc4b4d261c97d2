/**
 * 项目总览 / 部门总览 (`#/projects/<family>/<year>`): every saved case of a family under the scheme of that
 * year — for a project family every project (项目名称), for a 部门整体 family every 部门（单位）(部门（单位）名称,
 * the engine's CASE_FIELD_LABELS and caseSubject) — with each top-level indicator's score, the computed
 * total, the self-reported total and their difference, sortable by any column, and the batch summary (how
 * many scored, average total, how many differ from the self-evaluation, grades). Scores come from the
 * engine (one batch job in the versions worker), shown with showScore/showDelta; a case that cannot be
 * scored says why across its score columns (the engine's first issue, "等 N 项", all in the title), linked
 * to its case page as its name is; the average and the grade counts by the engine's summarizeTotals, as
 * the CLI's batch summary, the average at the scheme's places (half-up: 82.29, not 82.2947).
 */
import { useEffect, useMemo, useState } from 'react';
import { CASE_FIELD_LABELS, Dec, caseSubject, renderIssue, showDelta, showPoints, showScore, summarizeTotals, type EvaluationKind, type Issue } from '@jixiao/engine';
import { api } from '../api/client.ts';
import type { CaseSummary } from '../api/types.ts';
import type { CaseDoc, Scheme } from '../model/types.ts';
import { useVersionsJob } from '../worker/useVersionsJob.ts';
import type { BatchJob, BatchOutcome } from '../worker/versions-protocol.ts';
import { STATUS_ZH } from '../model/case-status.ts';
import { caseHash } from '../state/pending-cases.ts';
import { IssueList } from '../components/fields.tsx';
import { evaluationKindOf, factEntry, rowsFactOf } from '../model/case-form.ts';

/** One line of the overview, as sorted and shown. */
export interface OverviewRow {
  key: string;
  id: string;
  year: number;
  name: string;
  status: CaseSummary['status'];
  scores: Record<string, string>;
  total: string | null;
  grade: string | null;
  /** 自评总分 (分): a project case's from its rows' 自评得分 as entered, a department case's as reported. */
  reported: string | null;
  /** "原报告自评总分 X 分" where a project case's reported 总分 differs from its entered self-scores (the cell's note). */
  reportedNote?: string;
  /** total − reported (分), null unless both are known. */
  difference: string | null;
  /** Why the case could not be scored (`failureReason`'s text), null when it was scored. */
  failed: string | null;
  /** Every reason, one per line (`failureReason`'s detail), for the cell's title. */
  failedDetail?: string;
}

/**
 * Why a case could not be scored, from the engine's issues as the case page lists them (each issue's
 * Chinese text, rendered by the engine's renderIssue): `text` the first error's message — with 无法计分
 * in front when the message does not say so itself — followed by "等 N 项" when there are N > 1 errors;
 * `detail` every message, numbered, one per line (the cell's title). Warnings are left out when errors
 * exist. No issue at all: "无法计分".
 */
export function failureReason(issues: readonly Issue[]): { text: string; detail: string } {
  const errors = issues.filter((i) => i.severity === 'error');
  const list = (errors.length ? errors : issues).map((i) => renderIssue(i).zh);
  const first = list[0];
  if (first === undefined) return { text: '无法计分', detail: '无法计分' };
  const head = first.includes('无法计分') ? first : `无法计分：${first}`;
  return {
    text: list.length > 1 ? `${head}等 ${list.length} 项` : head,
    detail: list.length > 1 ? list.map((m, n) => `${n + 1}. ${m}`).join('\n') : head,
  };
}

/**
 * The cells of a case that could not be scored, across its score and 计算总分 columns (`span` of them): the
 * reason, a link to the case's page (where every issue is listed at its field), every reason in its title.
 */
export function FailedCells({ row, span, href }: { row: Pick<OverviewRow, 'failed' | 'failedDetail'>; span: number; href: string }) {
  return (
    <td className="failed-reason" colSpan={span} data-col="total">
      <a className="error-text" href={href} title={row.failedDetail ?? row.failed ?? ''}>
        {row.failed ?? '无法计分'}
      </a>
    </td>
  );
}

export type SortKey = 'name' | 'total' | 'reported' | 'difference' | `score:${string}`;

/** Orders rows by `key` (numbers exactly, with rows lacking the value last; names by Chinese collation). */
export function sortRows(rows: readonly OverviewRow[], key: SortKey, descending: boolean): OverviewRow[] {
  const value = (r: OverviewRow): string | null => (key === 'name' ? r.name : key.startsWith('score:') ? (r.scores[key.slice(6)] ?? null) : r[key as 'total' | 'reported' | 'difference']);
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (key === 'name') return sign * x.localeCompare(y, 'zh-CN');
    return sign * new Dec(x).cmp(new Dec(y));
  });
}

/** The batch summary of `summarize`. */
export interface OverviewSummary {
  count: number;
  scored: number;
  failed: number;
  /** The mean computed total (分): exact, then shown at the scheme's `places` half-up (showStatistic); null when none was scored. */
  average: string | null;
  differing: number;
  grades: Record<string, number>;
}

/**
 * The batch summary: counts, and — from the engine's summarizeTotals, as the CLI's batch summary — the
 * average computed total (exact mean, shown at `places`) and the grades in `gradeOrder`, the order the
 * scheme declares them (优、良、中、差, zero counts included), then any other grade met.
 */
export function summarize(rows: readonly OverviewRow[], places: number, gradeOrder: readonly string[] = []): OverviewSummary {
  const scored = rows.flatMap((r) => (r.total !== null && r.grade !== null ? [{ total: r.total, grade: r.grade }] : []));
  const totals = summarizeTotals(scored, places, gradeOrder);
  return {
    count: rows.length,
    scored: totals.scored,
    failed: rows.length - totals.scored,
    average: totals.average,
    differing: rows.filter((r) => r.difference !== null && !new Dec(r.difference).isZero()).length,
    grades: totals.grades,
  };
}

/** The page's heading and the table's name: 项目总览 for a project family, 部门总览 for a 部门整体 family. */
export function overviewTitle(kind: EvaluationKind): string {
  return kind === 'project' ? '项目总览' : '部门总览';
}

/** What one case of the family is counted as in the summary: 项目 or 部门（单位）. */
const UNIT: Readonly<Record<EvaluationKind, string>> = { project: '项目', department: '部门（单位）' };

/**
 * The summary sentence: "共 57 个项目，均可计分；平均计算总分 82.29 分；与自评总分不一致 3 个；等级：优 40 个、良 17 个"
 * (the average as `summarize` shows it).
 */
export function summaryText(sum: OverviewSummary, kind: EvaluationKind): string {
  const counted = sum.scored < sum.count ? `（${sum.scored} 个可计分，${sum.failed} 个无法计分）` : '，均可计分';
  const grades =
    Object.entries(sum.grades)
      .map(([g, n]) => `${g} ${n} 个`)
      .join('、') || '—';
  return `共 ${sum.count} 个${UNIT[kind]}${counted}；平均计算总分 ${sum.average ?? '—'} 分；与自评总分不一致 ${sum.differing} 个；等级：${grades}`;
}

export function ProjectsPage({ family, year }: { family: string; year: number }) {
  const [scheme, setScheme] = useState<Scheme | null>(null);
  const [cases, setCases] = useState<{ summary: CaseSummary; doc: CaseDoc }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'name', desc: false });
  useEffect(() => {
    let live = true;
    (async () => {
      const s = (await api.getScheme(family, year)).doc as Scheme;
      const list = (await api.listCases(family)).filter((c) => !c.error && (c.scheme?.year ?? c.year) === year);
      const docs = await Promise.all(list.map((c) => api.getCase(family, c.year, c.id)));
      if (live) {
        setScheme(s);
        setCases(list.map((summary, i) => ({ summary, doc: docs[i] as CaseDoc })));
      }
    })().catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [family, year]);
  const job = useMemo<BatchJob | null>(
    () =>
      scheme && cases
        ? {
            kind: 'batch',
            scheme,
            cases: cases.map(({ summary, doc }) => {
              const rowsFact = rowsFactOf(scheme);
              return {
                id: `${summary.year}/${summary.id}`,
                name: summary.name,
                input: { facts: doc.facts as Record<string, unknown>, ...(doc.reviewer ? { reviewer: doc.reviewer as Record<string, unknown> } : {}) },
                // a project case's 自评总分 follows its rows' 自评得分 as entered (the 自评表's 总分 row)
                ...(rowsFact !== null ? { rows: factEntry(doc, rowsFact).value, reported: doc.reported?.total } : {}),
              };
            }),
          }
        : null,
    [scheme, cases],
  );
  const state = useVersionsJob<BatchOutcome>(job, 0);
  const kind: EvaluationKind = scheme ? evaluationKindOf(scheme) : 'project';
  const outcome = state.outcome;
  const rows = useMemo<OverviewRow[]>(() => {
    if (!cases || !outcome?.ok) return [];
    return cases.map(({ summary, doc }, i) => {
      const r = outcome.cases[i];
      // 自评总分: a project case's from its entered self-scores (the 自评表's 总分 row), a department's as reported
      const selfTotal = r?.ok ? r.selfTotal : undefined;
      const reported = selfTotal ? selfTotal.self : doc.reported?.total !== undefined ? String(doc.reported.total) : null;
      const total = r?.ok ? r.total : null;
      const why = r && !r.ok ? failureReason(r.issues) : null;
      return {
        key: `${summary.year}/${summary.id}`,
        id: summary.id,
        year: summary.year,
        name: caseSubject(kind, { name: summary.name, department: doc.department }).value,
        status: summary.status,
        scores: r?.ok ? r.scores : {},
        total,
        grade: r?.ok ? r.grade : null,
        reported,
        difference: total !== null && reported !== null ? new Dec(total).minus(new Dec(reported)).toString() : null,
        ...(selfTotal?.note ? { reportedNote: selfTotal.note } : {}),
        failed: why?.text ?? null,
        ...(why ? { failedDetail: why.detail } : {}),
      };
    });
  }, [cases, outcome, kind]);
  if (error) return <div className="page-message error">无法读取：{error}</div>;
  if (!scheme || !cases) return <div className="page-message">正在读取案例…</div>;
  if (outcome && !outcome.ok) return <IssueList issues={outcome.issues} title="方案有错误，无法计分" />;
  const places = outcome?.ok ? outcome.places : 2;
  const indicators = outcome?.ok ? outcome.indicators : [];
  const sorted = sortRows(rows, sort.key, sort.desc);
  const sum = summarize(rows, places, scheme.grades.map((g) => g.grade));
  const title = overviewTitle(kind);
  const head = (key: SortKey, label: string) => (
    <th aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link sort-btn" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'name' }))}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  return (
    <div className="library projects-page">
      <p>
        <a href={`#/scheme/${encodeURIComponent(family)}/${year}`}>← 返回 {scheme.title}</a>
      </p>
      <h1>
        {title} <span className="muted family-id">{scheme.title} · {year}年</span>
      </h1>
      <div className="total-box batch-summary" data-testid="batch-summary">
        {summaryText(sum, kind)}
        {state.pending ? <span className="muted small"> 计算中…</span> : null}
      </div>
      <table className="library-table overview-table" aria-label={title}>
        <thead>
          <tr>
            {head('name', CASE_FIELD_LABELS[kind].subject)}
            {indicators.map((ind) => (
              <th key={ind.id} aria-sort={sort.key === `score:${ind.id}` ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="link sort-btn" onClick={() => setSort((s) => ({ key: `score:${ind.id}`, desc: s.key === `score:${ind.id}` ? !s.desc : true }))}>
                  {ind.name}（{showPoints(ind.points)}分）{sort.key === `score:${ind.id}` ? (sort.desc ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
            {head('total', '计算总分')}
            {head('reported', '自评总分')}
            {head('difference', '差异')}
            <th>状态</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.key} data-case={r.key}>
              <td>
                <a href={caseHash(family, r.year, r.id)}>{r.name}</a>
              </td>
              {r.total === null ? (
                <FailedCells row={r} span={indicators.length + 1} href={caseHash(family, r.year, r.id)} />
              ) : (
                <>
                  {indicators.map((ind) => (
                    <td key={ind.id} className="num">
                      {r.scores[ind.id] !== undefined ? showScore(r.scores[ind.id], places) : '—'}
                    </td>
                  ))}
                  <td className="num" data-col="total">
                    {showScore(r.total, places)}
                  </td>
                </>
              )}
              <td className="num" title={r.reportedNote}>
                {r.reported !== null ? showScore(r.reported, places) : '—'}
                {r.reportedNote ? <span className="muted small">（{r.reportedNote}）</span> : null}
              </td>
              <td className={`num${r.difference !== null && !new Dec(r.difference).isZero() ? ' differs' : ''}`}>{r.difference === null ? '—' : new Dec(r.difference).isZero() ? '一致' : showDelta(r.difference, places)}</td>
              <td>{STATUS_ZH[r.status ?? 'filling']}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
