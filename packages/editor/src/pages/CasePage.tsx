/**
 * 案例填报 (`#/case/<family>/<year>/<caseId>`): one department's (or project's) case under its scheme —
 * the facts generated from the scheme's declarations (or, for a project, the 自评表), the reviewer's
 * 酌情 items, the live score sheet beside them (the engine in the analysis worker), saving with the
 * version it was based on, status buttons (提交 / 审核通过 / 退回), the history with restore, and the
 * official outputs (导出 Word / Excel from the office routes, 打印视图). Unsaved edits are kept per tab
 * (useCaseDoc): another tab's are reported, a closed tab's offered; a save refused because the case changed
 * meanwhile lists what differs (CaseConflictPanel) so the user's edits can be kept over the server's version.
 */
import { useEffect, useMemo, useState } from 'react';
import { CASE_FIELD_LABELS, reportFileName, showScore } from '@jixiao/engine';
import type { CaseDoc, Input, Issue, Scheme, SheetNode } from '../model/types.ts';
import { api, ApiError, downloadFile, officeUrls } from '../api/client.ts';
import { useCaseDoc } from '../state/useCaseDoc.ts';
import { dropPendingCase, pendingCase } from '../state/pending-cases.ts';
import { useAnalysis } from '../worker/useAnalysis.ts';
import { issuesByFact, judgementItems, rowBandsOf, rowsFactOf, withFact, withReviewer } from '../model/case-form.ts';
import { STATUS_ZH, factsEditable, mayDelete, reviewerEditable, statusActions, type StatusAction } from '../model/case-status.ts';
import { FactForm } from '../components/FactForm.tsx';
import { ReviewerForm } from '../components/ReviewerForm.tsx';
import { SelfEvalTable } from '../components/SelfEvalTable.tsx';
import { Adjustments } from '../components/Adjustments.tsx';
import { CaseHistory } from '../components/CaseHistory.tsx';
import { SheetRows, scoreIssuesTitle } from '../components/CasePanel.tsx';
import { TracePanel } from '../components/TracePanel.tsx';
import { IssueList } from '../components/fields.tsx';
import { EditorContext, namesOf } from '../components/editor-context.tsx';
import { useSessionUser } from '../session/SessionGate.tsx';
import { OtherTabsBanners } from '../components/OtherTabsBanners.tsx';
import { CaseConflictPanel } from '../components/CaseConflictPanel.tsx';
import type { CaseMergeItem } from '../state/case-merge.ts';

function findNode(nodes: SheetNode[], id: string): SheetNode | null {
  for (const n of nodes) {
    if (n.id === id) return n;
    const c = n.children ? findNode(n.children, id) : null;
    if (c) return c;
  }
  return null;
}

/**
 * The band the facts chose for reviewer item `key` (bands with conditions): from the score sheet's branch
 * ("属“…”档", "酌情评分（…）"), or, when the entry stops scoring, from the engine's issue naming the band.
 */
function bandByFacts(sheet: { nodes: SheetNode[] } | null, issues: readonly Issue[], key: string): string | null {
  const [id, part] = key.split('/');
  const node = sheet && id ? findNode(sheet.nodes, id) : null;
  const branch = node?.trace ? (part ? null : node.trace.branch) : null;
  const m = branch ? /属“(.+?)”档|酌情评分（(.+?)）/.exec(branch) : null;
  if (m) return m[1] ?? m[2] ?? null;
  const path = `/reviewer/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const i = issues.find((x) => x.path === path && (x.code === 'band-range' || x.code === 'band-conflict'));
  const named = i?.params?.[i.code === 'band-conflict' ? 'applies' : 'band'];
  return typeof named === 'string' ? named : null;
}

/** Name and 分值 of an indicator or `indicator/part` key in the scheme. */
function describeKey(scheme: Scheme | null, key: string): { name: string; points: string | null } {
  const [id, part] = key.split('/');
  const find = (list: Scheme['indicators']): Scheme['indicators'][number] | null => {
    for (const n of list) {
      if (n.id === id) return n;
      const c = n.children ? find(n.children) : null;
      if (c) return c;
    }
    return null;
  };
  const n = scheme ? find(scheme.indicators) : null;
  if (!n) return { name: key, points: null };
  if (!part) return { name: n.name, points: String(n.points) };
  const p = (n.rule as { parts?: { id: string; name: string; points: unknown }[] } | undefined)?.parts?.find((x) => x.id === part);
  return p ? { name: `${n.name} / ${p.name}`, points: String(p.points) } : { name: key, points: null };
}

export function CasePage({ family, year, caseId }: { family: string; year: number; caseId: string }) {
  const [initial] = useState(() => pendingCase(family, year, caseId));
  // the local user (no accounts) is 政策管理 and may do everything
  const role = useSessionUser()?.role ?? 'policy';
  const c = useCaseDoc(family, year, caseId, initial);
  const [scheme, setScheme] = useState<Scheme | null>(null);
  const [schemeError, setSchemeError] = useState<string | null>(null);
  const [view, setView] = useState<'form' | 'history'>('form');
  const [traceId, setTraceId] = useState<string | null>(null);
  const [returning, setReturning] = useState<StatusAction | null>(null);
  const [reason, setReason] = useState('');
  const [exportError, setExportError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const schemeYear = c.doc?.scheme?.year ?? year;

  useEffect(() => {
    let live = true;
    api.getScheme(family, schemeYear).then(
      (r) => live && setScheme(r.doc as Scheme),
      (e: unknown) => live && setSchemeError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [family, schemeYear]);

  // once the case is on the server (saved, or the user's edits applied over it), the hand-over copy is stale
  useEffect(() => {
    if (!c.loading && !c.isNew && c.doc) dropPendingCase(family, year, caseId);
  }, [c.loading, c.isNew, c.doc, family, year, caseId]);

  // unsaved work is not lost by closing the tab unawares
  useEffect(() => {
    if (!c.dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [c.dirty]);

  const input = useMemo(() => (c.doc ? { facts: c.doc.facts as Record<string, unknown>, ...(c.doc.reviewer ? { reviewer: c.doc.reviewer as Record<string, unknown> } : {}) } : null), [c.doc]);
  const analysis = useAnalysis(scheme, input);
  const result = analysis.result;
  const sheet = result?.sheet ?? null;
  const scoreIssues = useMemo(() => result?.scoreIssues ?? [], [result]);
  const byFact = useMemo(() => issuesByFact(result?.scoreStage === 'evaluate' ? scoreIssues : []), [result, scoreIssues]);
  const names = useMemo(() => namesOf(scheme), [scheme]);
  const items = useMemo(() => (scheme ? judgementItems(scheme) : []), [scheme]);
  const rowsFact = scheme ? rowsFactOf(scheme) : null;
  const label = CASE_FIELD_LABELS[rowsFact ? 'project' : 'department'];
  const rowBands = scheme ? rowBandsOf(scheme) : null;
  const places = typeof scheme?.rounding?.places === 'number' ? scheme.rounding.places : 2;

  const tabBanners = <OtherTabsBanners what="案例" otherTab={c.otherTab} orphans={c.orphans} dirty={c.dirty} onAdopt={c.adoptOrphan} onDiscard={c.discardOrphan} />;
  if (c.loading) return <div className="page-message">正在读取案例…</div>;
  if (c.loadError || !c.doc)
    return (
      <>
        <div className="page-message error">无法读取案例：{c.loadError ?? '案例不存在'}</div>
        {tabBanners}
      </>
    );
  const doc = c.doc;
  const inputs = (scheme?.inputs ?? []) as Input[];
  const factsRO = !factsEditable(c.status, role);
  const reviewerRO = !reviewerEditable(c.status, role);
  const onFact = (id: string, value: unknown, source: string) => c.setDoc((d) => withFact(d, id, value, source));
  const setField = (k: 'name' | 'department' | 'notes', v: string) =>
    c.setDoc((d) => {
      const next = { ...d, [k]: v } as CaseDoc;
      if (k === 'notes' && !v) delete (next as { notes?: string }).notes;
      return next;
    });
  const traced = sheet && traceId ? findNode(sheet.nodes, traceId) : null;
  const saved = !c.isNew && c.etag !== null;
  const FIELD_ZH: Record<string, string> = { name: label.name, department: label.department, notes: '备注', scheme: '所用方案', reported: '报告得分' };
  const mergeLabel = (it: CaseMergeItem) =>
    it.area === 'facts' ? (inputs.find((i) => i.id === it.name)?.label ?? it.name) : it.area === 'reviewer' ? describeKey(scheme, it.name).name : (FIELD_ZH[it.name] ?? it.name);
  const save = async () => {
    if (await c.save()) dropPendingCase(family, year, caseId);
  };
  const runAction = async (a: StatusAction) => {
    if (a.needsReason) {
      setReturning(a);
      return;
    }
    await c.setStatus(a.to);
  };
  const exportAs = async (url: string, filename: string) => {
    setExportError(null);
    if (c.dirty) setExportError('注意：导出的是已保存的版本，表单中未保存的修改不在其中。');
    try {
      await downloadFile(url, filename);
    } catch (e) {
      setExportError(`导出未完成：${e instanceof Error ? e.message : String(e)}`);
    }
  };
  // 删除, after a confirmation: a history entry on the server (政策管理 can restore it); then back to the scheme's cases
  const remove = async () => {
    if (c.etag === null) return;
    const unsaved = c.dirty ? '表单中未保存的修改将一并放弃。' : '';
    if (!window.confirm(`确定删除案例“${doc.name}”？${unsaved}删除会记入修改历史，如需找回，可由政策管理从修改历史中恢复。`)) return;
    setDeleting(true);
    setExportError(null);
    try {
      await api.deleteCase(family, year, caseId, c.etag);
      dropPendingCase(family, year, caseId);
      window.location.hash = `#/scheme/${encodeURIComponent(family)}/${schemeYear}`;
    } catch (e) {
      setExportError(`删除未完成：${e instanceof ApiError ? e.body.message : e instanceof Error ? e.message : String(e)}`);
    } finally {
      setDeleting(false);
    }
  };
  const showFact = (id: string) => {
    const el = document.querySelector(`[data-fact="${CSS.escape(id)}"] input, [data-fact="${CSS.escape(id)}"] select`);
    (el as HTMLElement | null)?.focus();
    (el as HTMLElement | null)?.scrollIntoView?.({ block: 'center' });
  };

  return (
    <EditorContext.Provider value={{ readOnly: true, names }}>
      <div className="scheme-page case-page">
        <div className="save-bar">
          <a className="home-link" href={`#/scheme/${encodeURIComponent(family)}/${schemeYear}`}>
            ← {scheme?.title ?? family} {schemeYear}年
          </a>
          <span className="title" data-testid="case-name">
            {doc.name}
          </span>
          <span className={`status-badge status-${c.status}`} data-testid="case-status">
            {c.isNew ? '未保存的新案例' : STATUS_ZH[c.status]}
          </span>
          <span className="bar-actions">
            <button type="button" className="primary" disabled={c.saving || !c.dirty} onClick={() => void save()}>
              {c.saving ? '正在保存…' : c.isNew ? '创建并保存' : c.dirty ? '保存' : '已保存'}
            </button>
            {saved
              ? statusActions(c.status, role).map((a) => (
                  <button key={a.label} type="button" className="secondary" disabled={c.saving || c.dirty} title={c.dirty ? '请先保存修改' : undefined} onClick={() => void runAction(a)}>
                    {a.label}
                  </button>
                ))
              : null}
            {saved ? (
              <>
                <button type="button" className="secondary" onClick={() => void exportAs(officeUrls.reportDocx(family, year, caseId), reportFileName(rowsFact ? 'project' : 'department', doc, 'docx'))}>
                  导出 Word
                </button>
                <button type="button" className="secondary" onClick={() => void exportAs(officeUrls.reportXlsx(family, year, caseId), reportFileName(rowsFact ? 'project' : 'department', doc, 'xlsx'))}>
                  导出 Excel
                </button>
                <a className="secondary" href={`#/print/${encodeURIComponent(family)}/${year}/${encodeURIComponent(caseId)}`}>
                  打印视图
                </a>
              </>
            ) : null}
            {saved && mayDelete(c.status, role) ? (
              <button type="button" className="danger" disabled={c.saving || deleting} onClick={() => void remove()}>
                {deleting ? '正在删除…' : '删除'}
              </button>
            ) : null}
          </span>
          {returning ? (
            <div className="save-result">
              <label>
                退回理由（必填）：
                <input aria-label="退回理由" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 360 }} />
              </label>{' '}
              <button
                type="button"
                className="danger"
                disabled={!reason.trim() || c.saving}
                onClick={async () => {
                  if (await c.setStatus(returning.to, reason.trim())) {
                    setReturning(null);
                    setReason('');
                  }
                }}
              >
                确认退回
              </button>{' '}
              <button type="button" className="link" onClick={() => setReturning(null)}>
                取消
              </button>
            </div>
          ) : null}
        </div>
        {c.problem ? (
          <div className="banner error" role="alert" data-testid="case-problem">
            {c.problem.message}
            {c.problem.kind === 'conflict' && !c.isNew ? (
              <button
                type="button"
                className="small-btn"
                onClick={() => {
                  if (window.confirm('重新读取服务器上的版本，放弃表单中的修改？')) void c.reload();
                }}
              >
                重新读取服务器版本
              </button>
            ) : null}
            <IssueList issues={c.problem.issues} />
          </div>
        ) : null}
        {c.conflict ? <CaseConflictPanel key={c.conflict.serverEtag} conflict={c.conflict} status={c.status} labelOf={mergeLabel} onResolve={c.resolveConflict} /> : null}
        {exportError ? (
          <div className="banner error" role="alert">
            {exportError}
          </div>
        ) : null}
        {c.notice ? (
          <div className="banner ok" role="status" data-testid="case-notice">
            {c.notice}
          </div>
        ) : null}
        {factsRO && role === 'reviewer' && c.status === 'filling' ? <div className="banner info">案例填报中，事实由部门填写；提交后可审核。</div> : null}
        {factsRO && c.status !== 'filling' ? (
          <div className="banner info">
            案例{STATUS_ZH[c.status]}，事实只读{c.status === 'reviewed' ? '，评审录入也已锁定' : '；评审人员仍可录入评分'}。如需修改，请评审人员“退回”。
          </div>
        ) : null}
        {tabBanners}
        {schemeError ? <div className="banner error">无法读取所用方案（{schemeYear}年）：{schemeError}</div> : null}
        <div className="scheme-body">
          <main className="scheme-main">
            <div className="tabs" role="tablist">
              {(
                [
                  ['form', rowsFact ? '自评表填报' : '填报'],
                  ['history', '修改历史'],
                ] as const
              ).map(([v, label]) => (
                <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'active' : ''} onClick={() => setView(v)}>
                  {label}
                </button>
              ))}
            </div>
            {view === 'history' ? (
              <div className="view-scroll">
                <CaseHistory family={family} year={year} caseId={caseId} etag={c.isNew ? null : c.etag} dirty={c.dirty} refreshKey={c.writes} onRestored={c.restored} />
              </div>
            ) : (
              <div className="view-scroll case-form">
                <section className="case-basics" aria-label="基本信息">
                  <label>
                    {label.name} <input aria-label={label.name} readOnly={factsRO} value={doc.name} onChange={(e) => setField('name', e.target.value)} />
                  </label>
                  <label>
                    {label.department} <input aria-label={label.department} readOnly={factsRO} value={doc.department ?? ''} onChange={(e) => setField('department', e.target.value)} />
                  </label>
                  <span className="muted small">
                    标识 {doc.id} · {doc.year}年度 · 方案 {doc.scheme.id} {doc.scheme.year}年
                  </span>
                </section>
                {!scheme ? <p className="muted">正在读取方案…</p> : null}
                {scheme && rowsFact ? (
                  <>
                    <h3 className="sub">项目支出绩效自评表</h3>
                    <SelfEvalTable inputs={inputs} scheme={scheme} rowsFact={rowsFact} doc={doc} sheet={sheet} places={places} onFact={factsRO ? null : onFact} issues={byFact} bands={rowBands} year={doc.year} />
                  </>
                ) : null}
                {scheme && !rowsFact ? (
                  <>
                    <h3 className="sub">事实</h3>
                    <FactForm inputs={inputs} doc={doc} issues={byFact} readOnly={factsRO} onFact={onFact} toEnter={result?.factsToEnter} />
                  </>
                ) : null}
                {scheme && (items.length || doc.reviewer) ? (
                  <>
                    <h3 className="sub">评审录入</h3>
                    <ReviewerForm
                      items={items}
                      doc={doc}
                      nameOf={(k) => describeKey(scheme, k).name}
                      pointsOf={(k) => describeKey(scheme, k).points}
                      readOnly={reviewerRO}
                      onEntry={(k, e) => c.setDoc((d) => withReviewer(d, k, e))}
                      scoreIssues={scoreIssues}
                      onShowFact={showFact}
                      bandByFacts={(k) => bandByFacts(sheet, scoreIssues, k)}
                    />
                  </>
                ) : null}
                <h3 className="sub">备注</h3>
                <textarea aria-label="备注" className="notes-input" readOnly={factsRO} value={doc.notes ?? ''} onChange={(e) => setField('notes', e.target.value)} />
              </div>
            )}
          </main>
          <aside className="side-panel">
            <section className="case-panel" aria-label="案例得分">
              <h2>得分</h2>
              {sheet ? (
                <div className={`total-box${analysis.pending ? ' pending' : ''}`}>
                  总分 <b data-testid="case-total">{showScore(sheet.total, sheet.places)}</b>分<span className="grade">等级 {sheet.grade}</span>
                  {doc.reported?.total !== undefined ? <div className="muted">报告总分 {showScore(String(doc.reported.total), sheet.places)}</div> : null}
                  <Adjustments sheet={sheet} />
                </div>
              ) : scheme && !analysis.pending ? (
                <IssueList issues={scoreIssues} title={scoreIssuesTitle(result?.scoreStage, scoreIssues)} />
              ) : (
                <p className="muted">计算中…</p>
              )}
              {traced && sheet ? <TracePanel node={traced} places={sheet.places} onClose={() => setTraceId(null)} /> : null}
              {sheet ? <SheetRows nodes={sheet.nodes} places={sheet.places} caseDoc={doc} onTrace={setTraceId} traceId={traceId} /> : null}
            </section>
          </aside>
        </div>
      </div>
    </EditorContext.Provider>
  );
}
