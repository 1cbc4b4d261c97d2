/**
 * 案例得分: pick a real case of the scheme's family and see its score sheet for the current draft
 * (computed by the engine in the worker), each score with its explanation, and the facts open to
 * "what if" changes.
 */
import { awaitsReviewer, isNotEntered, showPoints, showScore } from '@jixiao/engine';
import type { CaseSummary } from '../api/types.ts';
import type { CaseChoice } from '../state/default-case.ts';
import type { CaseDoc, Issue, ScoreSheet, SheetNode } from '../model/types.ts';
import { IssueList } from './fields.tsx';
import { TracePanel } from './TracePanel.tsx';
import { Adjustments } from './Adjustments.tsx';
import { FactsEditor } from './FactsEditor.tsx';
import { sameDecimal } from '../model/num.ts';
import { ReviewerEditor, type ReviewerEntryView, type ReviewerOverrides } from './ReviewerEditor.tsx';

export interface CasePanelProps {
  cases: CaseSummary[];
  caseKey: string | null;
  onPickCase: (key: string | null) => void;
  /** Why the chosen case is shown (state/default-case.ts): said under the picker; null while it is being chosen. */
  choice?: CaseChoice | null;
  caseDoc: CaseDoc | null;
  sheet: ScoreSheet | null;
  /** The last sheet of this case, shown (marked) while the draft cannot be scored. */
  staleSheet?: ScoreSheet | null;
  scoreIssues: readonly Issue[];
  /** `evaluate`: the scheme is fine but the case data is not (see the worker's `scoreStage`). */
  scoreStage?: 'compile' | 'evaluate' | undefined;
  pending: boolean;
  traceId: string | null;
  onTrace: (id: string | null) => void;
  overrides: Record<string, unknown>;
  onOverride: (id: string, v: unknown | undefined) => void;
  reviewerOverrides: ReviewerOverrides;
  onReviewerOverride: (key: string, v: null | { score: string } | undefined) => void;
  onResetOverrides: () => void;
  schemeYear: number | null;
}

export const caseKeyOf = (c: CaseSummary) => `${c.year}/${c.id}`;

/** What the page says under the case picker about the case it shows. */
export function choiceNote(choice: CaseChoice | null | undefined): string {
  if (choice === undefined) return '';
  if (choice === null) return '正在选择可以计分的案例…';
  if (choice.by === 'user') return choice.key === null ? '您选择了不显示案例（已记住，可随时在上面重新选择）。' : '这是您选择的案例（已记住，下次打开本方案仍显示它）。';
  if (choice.key === null) return '';
  return choice.scorable
    ? '默认显示第一个可以计分的案例；可在上面选择其他案例，您的选择会被记住。'
    : '没有找到可以按本方案计分的案例，显示的是排在第一的案例；可在上面选择其他案例。';
}

function findNode(nodes: SheetNode[], id: string): SheetNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const c = n.children ? findNode(n.children, id) : null;
    if (c) return c;
  }
  return null;
}

function reportedOf(doc: CaseDoc | null, id: string): string | undefined {
  const v = doc?.reported?.scores?.[id];
  return v === undefined ? undefined : String(v);
}

export function CasePanel(p: CasePanelProps) {
  const traced = p.sheet && p.traceId ? findNode(p.sheet.nodes, p.traceId) : null;
  const reportedTotal = p.caseDoc?.reported?.total;
  const overrideCount = Object.keys(p.overrides).length + Object.keys(p.reviewerOverrides).length;
  const nameOf = (key: string) => {
    const [id, part] = key.split('/');
    const n = p.sheet ? findNode(p.sheet.nodes, id as string) : null;
    return `${n?.name ?? id}${part ? ` / ${part}` : ''}`;
  };
  return (
    <section className="case-panel" aria-label="案例得分">
      <div className="case-head">
      <h2>案例得分</h2>
      <label className="case-picker">
        <span>案例</span>
        <select aria-label="选择案例" value={p.caseKey ?? ''} onChange={(e) => p.onPickCase(e.target.value || null)}>
          <option value="">（不选案例）</option>
          {p.cases.map((c) => (
            <option key={caseKeyOf(c)} value={caseKeyOf(c)}>
              {c.year}年 · {c.name}
              {p.schemeYear !== null && c.scheme && c.scheme.year !== p.schemeYear ? `（原用${c.scheme.year}年方案）` : ''}
            </option>
          ))}
        </select>
      </label>
      {p.cases.length === 0 ? <p className="muted">该方案族下还没有案例。</p> : <p className="muted small case-choice" data-testid="case-choice">{choiceNote(p.choice)}</p>}
      {p.caseKey && p.sheet ? (
        <div className={`total-box${p.pending ? ' pending' : ''}`}>
          <div>
            总分 <b data-testid="case-total">{showScore(p.sheet.total, p.sheet.places)}</b>分<span className="grade">等级 {p.sheet.grade}</span>
          </div>
          <Adjustments sheet={p.sheet} />
          {reportedTotal !== undefined ? (
            <div className="muted">
              报告总分 {showScore(String(reportedTotal), p.sheet.places)}
              {sameDecimal(reportedTotal, p.sheet.total) ? '（一致）' : '（不一致）'}
            </div>
          ) : null}
          {overrideCount ? (
            <div className="what-if-note">
              含 {overrideCount} 项假设值{' '}
              <button type="button" className="link" onClick={p.onResetOverrides}>
                全部恢复
              </button>
            </div>
          ) : null}
          {p.pending ? <div className="muted small">计算中…</div> : null}
        </div>
      ) : null}
      </div>
      {p.caseKey && !p.sheet ? <IssueList issues={p.scoreIssues} title={scoreIssuesTitle(p.scoreStage, p.scoreIssues)} /> : null}
      {p.caseKey && !p.sheet && p.staleSheet ? (
        <div className="total-box stale" aria-label="修改前的得分">
          <div>
            修改前最后一次可计分的结果：总分 <b>{showScore(p.staleSheet.total, p.staleSheet.places)}</b>分<span className="grade">等级 {p.staleSheet.grade}</span>
          </div>
          <Adjustments sheet={p.staleSheet} />
          <div className="muted small">{p.scoreStage === 'evaluate' ? '修正上面的案例数据（或撤销假设值）后，得分会重新计算。' : '修正上面的错误后，得分会按当前草稿重新计算。'}</div>
        </div>
      ) : null}
      {traced ? (
        <TracePanel
          node={traced}
          places={p.sheet!.places}
          {...withReported(reportedOf(p.caseDoc, traced.id))}
          onClose={() => p.onTrace(null)}
          {...(p.caseDoc?.reviewer?.[traced.id] && p.reviewerOverrides[traced.id] !== null ? { onDropReviewer: () => p.onReviewerOverride(traced.id, null) } : {})}
        />
      ) : null}
      {p.sheet ? (
        <details open className="sheet-tree">
          <summary>得分明细（点击查看计算过程）</summary>
          <SheetRows nodes={p.sheet.nodes} places={p.sheet.places} caseDoc={p.caseDoc} onTrace={p.onTrace} traceId={p.traceId} />
        </details>
      ) : null}
      {p.caseDoc ? (
        <details className="facts" {...(!p.sheet && p.scoreStage === 'evaluate' ? { open: true } : {})}>
          <summary>假设分析：修改案例事实{overrideCount ? `（已改 ${overrideCount} 项）` : ''}</summary>
          <FactsEditor facts={p.caseDoc.facts as Record<string, unknown>} overrides={p.overrides} onOverride={p.onOverride} />
          <h3 className="sub">评审录入</h3>
          <p className="muted small">取消“采用”则该项按规则从事实计算（可在上方补充事实；假设值不保存，要保存到案例请点“填报/审核此案例”）。</p>
          <ReviewerEditor
            entries={(p.caseDoc.reviewer ?? {}) as Record<string, ReviewerEntryView>}
            overrides={p.reviewerOverrides}
            onOverride={p.onReviewerOverride}
            nameOf={nameOf}
          />
        </details>
      ) : null}
    </section>
  );
}

/**
 * Heading over the issues that stopped scoring: the scheme's fault, or the case's — and of the case's, whose
 * hand is awaited when nothing is wrong but missing (the engine's `awaitsReviewer` / `isNotEntered`: under
 * /reviewer the reviewer's entries, elsewhere the department's, such as a 自评表 row's 自评得分).
 */
export function scoreIssuesTitle(stage: 'compile' | 'evaluate' | undefined, issues: readonly Issue[]): string {
  if (stage !== 'evaluate') return '方案有错误，暂时无法计分';
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length && errors.every((i) => awaitsReviewer(i))) return '案例缺少评审录入，无法计分';
  if (errors.length && errors.every((i) => isNotEntered(i))) return '案例尚有未填写的内容，无法计分';
  return '案例数据有误，无法计分';
}

function withReported(r: string | undefined): { reported?: string } {
  return r === undefined ? {} : { reported: r };
}

/** The sheet's nodes, each score at the sheet's places (the engine's showScore), 分值 as written. */
export function SheetRows({ nodes, places, caseDoc, onTrace, traceId }: { nodes: SheetNode[]; places: number; caseDoc: CaseDoc | null; onTrace: (id: string) => void; traceId: string | null }) {
  return (
    <ul className="sheet-rows">
      {nodes.map((n) => {
        const rep = reportedOf(caseDoc, n.id);
        return (
          <li key={n.id} className={`lvl-${n.level}`}>
            <button type="button" className={`sheet-row${traceId === n.id ? ' active' : ''}`} onClick={() => onTrace(n.id)} data-indicator={n.id}>
              <span className="name">{n.name}</span>
              <span className="pts">{showPoints(n.points)}</span>
              <span className="score">{showScore(n.score, places)}</span>
              {rep !== undefined && !sameDecimal(rep, n.score) ? <span className="diff" title={`报告得分 ${showScore(rep, places)}`}>报告 {showScore(rep, places)}</span> : null}
            </button>
            {n.children ? <SheetRows nodes={n.children} places={places} caseDoc={caseDoc} onTrace={onTrace} traceId={traceId} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
