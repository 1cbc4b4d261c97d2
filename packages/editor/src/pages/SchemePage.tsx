/**
 * One scheme: the official table with visual editing, the indicator structure, the JSON document,
 * the comparison with other versions and the history of saves; beside it the selected case's live
 * score sheet, or the impact preview of the draft on every real case. Saving and publishing go
 * through the server, which validates with the engine; unsaved work is kept in the browser until
 * saved. A published scheme is read-only and offers to start the next year's draft from it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import type { CaseSummary, SchemeSummary } from '../api/types.ts';
import type { SimulationCase } from '@jixiao/engine';
import type { CaseDoc, Indicator, Issue, Scheme, ScoreSheet, SheetNode } from '../model/types.ts';
import { useDraft, type SaveOutcome } from '../state/useDraft.ts';
import { useAnalysis } from '../worker/useAnalysis.ts';
import { EditorContext, namesOf } from '../components/editor-context.tsx';
import { SchemeTable } from '../components/SchemeTable.tsx';
import { StructureTree } from '../components/StructureTree.tsx';
import { JsonView } from '../components/JsonView.tsx';
import { CasePanel, caseKeyOf } from '../components/CasePanel.tsx';
import { IssueList } from '../components/fields.tsx';
import { applyOverrides } from '../model/facts.ts';
import { setFormulaNames } from '../monaco/formula-language.ts';
import { SaveBar } from '../components/SaveBar.tsx';
import { DeclarationsEditor } from '../components/DeclarationsEditor.tsx';
import { schemeModelPath } from '../monaco/scheme-schema.ts';
import { applyReviewerOverrides, type ReviewerEntryView, type ReviewerOverrides } from '../components/ReviewerEditor.tsx';
import { NewYearAction } from '../versions/NewYearAction.tsx';
import { CompareView } from '../versions/CompareView.tsx';
import { HistoryPanel, timeText } from '../versions/HistoryPanel.tsx';
import { ImpactPanel, defaultBaseline } from '../versions/ImpactPanel.tsx';
import { PublishDialog } from '../versions/PublishDialog.tsx';

type View = 'table' | 'structure' | 'declarations' | 'json' | 'compare' | 'history';
type Side = 'case' | 'impact';

function flatten(nodes: SheetNode[] | undefined, into = new Map<string, SheetNode>()): Map<string, SheetNode> {
  for (const n of nodes ?? []) {
    into.set(n.id, n);
    flatten(n.children, into);
  }
  return into;
}

function looksLikeScheme(doc: unknown): doc is Scheme {
  return !!doc && typeof doc === 'object' && Array.isArray((doc as { indicators?: unknown }).indicators);
}

export function SchemePage({ family, year }: { family: string; year: string }) {
  const draft = useDraft(family, year);
  const [view, setView] = useState<View>('table');
  const [selected, setSelected] = useState<string | null>(null);
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [caseKey, setCaseKey] = useState<string | null>(null);
  const [caseDoc, setCaseDoc] = useState<CaseDoc | null>(null);
  const [overrides, setOverrides] = useState<Record<string, unknown>>({});
  const [reviewerOverrides, setReviewerOverrides] = useState<ReviewerOverrides>({});
  const [traceId, setTraceId] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveOutcome | { kind: 'saving' } | null>(null);
  const [reveal, setReveal] = useState<string | null>(null);
  const [side, setSide] = useState<Side>('case');
  const [versions, setVersions] = useState<SchemeSummary[]>([]);
  const [versionsKey, setVersionsKey] = useState(0);
  const [publishing, setPublishing] = useState(false);
  /** Counts writes made from this page (save, publish, restore): the history reloads on it. */
  const [writes, setWrites] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  const doc = draft.doc;
  const scheme = looksLikeScheme(doc) ? doc : null;
  const names = useMemo(() => namesOf(doc), [doc]);
  useEffect(() => setFormulaNames(names.filter((n) => n.type !== 'rows').map((n) => ({ id: n.id, label: n.label, kind: n.kind }))), [names]);

  useEffect(() => {
    let live = true;
    api.listSchemes().then(
      (list) => live && setVersions(list.filter((v) => v.family === family)),
      (e: unknown) => console.warn('方案列表读取失败 (schemes):', e),
    );
    return () => {
      live = false;
    };
  }, [family, versionsKey]);

  useEffect(() => {
    let live = true;
    api
      .listCases(family)
      .then((list) => {
        if (!live) return;
        setCases(list);
        const same = list.find((c) => c.scheme?.year === Number(year)) ?? list[0];
        setCaseKey(same ? caseKeyOf(same) : null);
      })
      .catch((e: unknown) => console.warn('案例列表读取失败 (cases):', e));
    return () => {
      live = false;
    };
  }, [family, year]);

  useEffect(() => {
    setOverrides({});
    setReviewerOverrides({});
    setTraceId(null);
    const c = cases.find((x) => caseKeyOf(x) === caseKey);
    if (!c) {
      setCaseDoc(null);
      return;
    }
    let live = true;
    api
      .getCase(family, c.year, c.id)
      .then((d) => live && setCaseDoc(d as CaseDoc))
      .catch((e: unknown) => console.warn('案例读取失败 (case):', e));
    return () => {
      live = false;
    };
  }, [caseKey, cases, family]);

  const input = useMemo(() => {
    if (!caseDoc) return null;
    const reviewer = applyReviewerOverrides(caseDoc.reviewer as Record<string, ReviewerEntryView> | undefined, reviewerOverrides);
    return { facts: applyOverrides(caseDoc.facts as Record<string, unknown>, overrides), ...(reviewer ? { reviewer: reviewer as Record<string, unknown> } : {}) };
  }, [caseDoc, overrides, reviewerOverrides]);
  const analysis = useAnalysis(draft.loading ? null : doc, input);
  const result = analysis.result;
  const issues: Issue[] = result?.issues ?? [];
  // While the draft cannot be scored (e.g. weights that do not add up yet), keep showing the last
  // sheet of this case, marked as such, instead of an empty panel.
  const [lastSheet, setLastSheet] = useState<{ key: string | null; sheet: ScoreSheet } | null>(null);
  useEffect(() => {
    if (result?.sheet) setLastSheet({ key: caseKey, sheet: result.sheet });
  }, [result, caseKey]);
  const staleSheet = !result?.sheet && lastSheet && lastSheet.key === caseKey ? lastSheet.sheet : null;
  const scores = useMemo(() => flatten(result?.sheet?.nodes ?? staleSheet?.nodes), [result, staleSheet]);
  const issuesText = analysis.forDoc === doc && !draft.parseError ? draft.text : null;

  const setDoc = draft.setDoc;
  const declareFact = useCallback(
    (id: string, label: string) =>
      setDoc((prev: unknown) => {
        const d = prev as Scheme;
        return { ...d, inputs: [...(d.inputs ?? []), { id, label, type: 'boolean' }] };
      }),
    [setDoc],
  );

  const onSave = async () => {
    setSaveState({ kind: 'saving' });
    const r = await draft.save();
    setSaveState(r);
    if (r.kind === 'saved') setWrites((n) => n + 1);
  };

  const whatIf = useMemo(() => {
    if (!caseDoc || !input) return null;
    const changed = Object.keys(overrides).length + Object.keys(reviewerOverrides).length;
    return { name: `${caseDoc.name ?? '案例'}${changed ? '（含假设值）' : ''}`, input: input as unknown as SimulationCase['input'] };
  }, [caseDoc, input, overrides, reviewerOverrides]);

  if (draft.loading && !scheme) return <div className="page-message">正在读取方案…</div>;
  if (draft.loadError) return <div className="page-message error">无法读取方案：{draft.loadError}</div>;

  const readOnly = draft.published;
  const errorsCount = issues.filter((i) => i.severity === 'error').length;
  const yearNum = Number(year);
  const publishBlocker = draft.parseError
    ? 'JSON 有语法错误，改正并保存后才能发布'
    : draft.dirty
      ? '请先保存修改：发布的是已保存的版本'
      : analysis.pending || analysis.forDoc !== doc
        ? '正在校验方案…'
        : errorsCount
          ? `方案有 ${errorsCount} 个错误，改正后才能发布`
          : null;
  const publishedAt = typeof (doc as { publishedAt?: unknown } | null)?.publishedAt === 'string' ? (doc as { publishedAt: string }).publishedAt : null;
  const compareA = defaultBaseline(doc, yearNum, versions);
  return (
    <EditorContext.Provider value={{ readOnly: readOnly || draft.parseError !== null, names }}>
      <div className="scheme-page">
        <SaveBar
          family={family}
          year={year}
          title={scheme?.title ?? ''}
          published={draft.published}
          dirty={draft.dirty}
          saveState={saveState}
          errorsCount={errorsCount}
          pending={analysis.pending}
          onSave={onSave}
          onDiscard={async () => {
            if (window.confirm('放弃全部未保存的修改，恢复为服务器上的版本？')) {
              await draft.discard();
              setSaveState(null);
            }
          }}
          onOverwrite={async () => {
            await draft.rebaseOnServer();
            setSaveState({ kind: 'saving' });
            setSaveState(await draft.save());
          }}
          onReloadServer={async () => {
            await draft.discard();
            setSaveState(null);
          }}
          onIssueClick={(ptr) => {
            setView('json');
            setReveal(ptr);
          }}
          publishBlocker={publishBlocker}
          onPublish={() => setPublishing(true)}
        />
        {publishing ? (
          <PublishDialog
            family={family}
            year={yearNum}
            doc={doc}
            etag={draft.baseEtag}
            onCancel={() => setPublishing(false)}
            onPublished={() => {
              setPublishing(false);
              setSaveState(null);
              setNotice(`已发布${year}年方案：现在它是只读的正式版本。`);
              setVersionsKey((n) => n + 1);
              setWrites((n) => n + 1);
              void draft.discard();
            }}
          />
        ) : null}
        {notice ? (
          <div className="banner ok" role="status" data-testid="page-notice">
            {notice}
          </div>
        ) : null}
        {draft.restored ? (
          <div className="banner info" role="status">
            已恢复您{draft.restored.savedAt ? `在 ${new Date(draft.restored.savedAt).toLocaleString('zh-CN')} ` : ''}未保存的修改。
            {draft.restored.serverChanged ? <b> 注意：此后服务器上的方案已被修改，保存时会提示冲突，请确认后再处理。</b> : null}
          </div>
        ) : null}
        {draft.otherTab ? <div className="banner warn">另一个窗口也在编辑这个方案。保存时如有冲突，会提示您，不会互相覆盖。</div> : null}
        {draft.published ? (
          <div className="banner info published-banner" data-testid="published-banner">
            <div>
              该方案已发布，只读{publishedAt ? `（发布于 ${timeText(publishedAt)}）` : ''}，不能修改。如需调整，请以它为基础新建下一年度的草稿：
            </div>
            <NewYearAction family={family} baseYears={[yearNum]} baseYear={yearNum} existingYears={versions.map((v) => v.year)} />
          </div>
        ) : null}
        {draft.publication.filter((i) => i.severity === 'error').map((i, n) => (
          <div key={n} className="banner error">
            {i.message}
          </div>
        ))}
        {draft.parseError ? (
          <div className="banner error">
            {draft.parseError}。可视化编辑已暂停（得分按最后一次正确的文档计算）
          </div>
        ) : null}
        <div className="scheme-body">
          <main className="scheme-main">
            <div className="tabs" role="tablist">
              {(
                [
                  ['table', '评分表'],
                  ['structure', '指标结构与分值'],
                  ['declarations', '事实与计算指标'],
                  ['json', 'JSON'],
                  ['compare', '版本对比'],
                  ['history', '修改历史'],
                ] as const
              ).map(([v, label]) => (
                <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'active' : ''} onClick={() => setView(v)}>
                  {label}
                </button>
              ))}
              <span className="tab-status">
                {draft.parseError ? (
                  <span className="badge error" title={draft.parseError}>
                    JSON 语法错误
                  </span>
                ) : errorsCount ? (
                  <span className="badge error">{errorsCount} 个错误</span>
                ) : (
                  <span className="badge ok">校验通过</span>
                )}
                {issues.length - errorsCount ? <span className="badge warning">{issues.length - errorsCount} 个提醒</span> : null}
              </span>
            </div>
            {view === 'table' && scheme ? (
              <div className="view-scroll">
                <IssueList issues={issues.filter((i) => !i.path.startsWith('/indicators/'))} title="方案检查" />
                <SchemeTable
                  doc={scheme}
                  onDocChange={setDoc}
                  issues={issues}
                  rendered={result?.rendered ?? {}}
                  renderErrors={result?.renderErrors ?? {}}
                  scores={scores}
                  scoresStale={!result?.sheet && staleSheet !== null}
                  selected={selected}
                  onSelect={setSelected}
                  onShowTrace={(id) => {
                    setTraceId(id);
                    setSide('case');
                  }}
                  declareFact={declareFact}
                />
              </div>
            ) : null}
            {view === 'structure' && scheme ? (
              <div className="view-scroll">
                <StructureTree
                  doc={scheme}
                  issues={issues}
                  onChange={(indicators: Indicator[]) => setDoc({ ...scheme, indicators })}
                  onTotalChange={(v) => setDoc({ ...scheme, totalPoints: v })}
                  onOpen={(ptr) => {
                    setSelected(ptr);
                    setView('table');
                  }}
                />
              </div>
            ) : null}
            {view === 'declarations' && scheme ? (
              <div className="view-scroll">
                <DeclarationsEditor doc={scheme} issues={issues} onChange={(update) => setDoc((prev: unknown) => update(prev as Scheme))} />
              </div>
            ) : null}
            {view === 'compare' ? (
              <div className="view-scroll">
                <CompareView
                  family={family}
                  versions={versions}
                  current={{ year: yearNum, doc, dirty: draft.dirty, published: draft.published }}
                  initialA={compareA === null ? null : Math.min(compareA, yearNum)}
                  initialB={compareA === null ? null : Math.max(compareA, yearNum)}
                />
              </div>
            ) : null}
            {view === 'history' ? (
              <div className="view-scroll">
                <HistoryPanel
                  family={family}
                  year={yearNum}
                  published={draft.published}
                  etag={draft.baseEtag}
                  dirty={draft.dirty}
                  refreshKey={writes}
                  onRestored={() => {
                    setSaveState(null);
                    setWrites((n) => n + 1);
                    void draft.discard();
                  }}
                />
              </div>
            ) : null}
            {view !== 'json' && view !== 'compare' && view !== 'history' && !scheme ? <div className="page-message">文档结构不完整（缺少 indicators），请在 JSON 视图中修正。</div> : null}
            {view === 'json' ? (
              <JsonView
                path={schemeModelPath(family, year)}
                text={draft.text}
                onText={draft.setText}
                issues={issues}
                issuesText={issuesText}
                readOnly={readOnly}
                reveal={reveal}
              />
            ) : null}
          </main>
          <aside className={`side-panel${side === 'impact' ? ' wide' : ''}`}>
            <div className="side-tabs" role="tablist" aria-label="右侧面板">
              <button type="button" role="tab" aria-selected={side === 'case'} className={side === 'case' ? 'active' : ''} onClick={() => setSide('case')}>
                案例得分
              </button>
              <button type="button" role="tab" aria-selected={side === 'impact'} className={side === 'impact' ? 'active' : ''} onClick={() => setSide('impact')}>
                影响预览
              </button>
            </div>
            {side === 'impact' ? (
              <div className="side-scroll">
                <ImpactPanel family={family} year={yearNum} doc={doc} versions={versions} whatIf={whatIf} />
              </div>
            ) : (
          <CasePanel
            cases={cases}
            caseKey={caseKey}
            onPickCase={setCaseKey}
            caseDoc={caseDoc}
            sheet={result?.sheet ?? null}
            staleSheet={staleSheet}
            scoreIssues={result?.scoreIssues ?? []}
            scoreStage={result?.scoreStage}
            pending={analysis.pending}
            traceId={traceId}
            onTrace={setTraceId}
            overrides={overrides}
            onOverride={(id, v) =>
              setOverrides((o) => {
                const n = { ...o };
                if (v === undefined) delete n[id];
                else n[id] = v;
                return n;
              })
            }
            reviewerOverrides={reviewerOverrides}
            onReviewerOverride={(key, v) =>
              setReviewerOverrides((o) => {
                const n = { ...o };
                if (v === undefined) delete n[key];
                else n[key] = v;
                return n;
              })
            }
            onResetOverrides={() => {
              setOverrides({});
              setReviewerOverrides({});
            }}
            schemeYear={scheme?.year ?? null}
          />
            )}
          </aside>
        </div>
      </div>
    </EditorContext.Provider>
  );
}
