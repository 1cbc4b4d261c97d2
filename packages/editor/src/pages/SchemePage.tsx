/**
 * One scheme: the official table with visual editing, the indicator structure, the JSON document,
 * the comparison with other versions and the history of saves; beside it the selected case's live
 * score sheet, or the impact preview of the draft on every real case. Saving and publishing go
 * through the server, which validates with the engine; unsaved work is kept in the browser until
 * saved. A published scheme is read-only and offers to start the next year's draft from it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { showScore } from '@jixiao/engine';
import type { Indicator, Scheme } from '../model/types.ts';
import { useDraft } from '../state/useDraft.ts';
import { useSchemeNavigation } from '../state/useSchemeNavigation.ts';
import { useFamilyVersions } from '../state/useFamilyVersions.ts';
import { useCaseWorkbench } from '../state/useCaseWorkbench.ts';
import { OtherTabsBanners } from '../components/OtherTabsBanners.tsx';
import { useSchemeAnalysis } from '../state/useSchemeAnalysis.ts';
import { useSaveFlow } from '../state/useSaveFlow.ts';
import { canScoreCase } from '../worker/score-case.ts';
import { EditorContext, namesOf } from '../components/editor-context.tsx';
import { SchemeTable } from '../components/SchemeTable.tsx';
import { StructureTree } from '../components/StructureTree.tsx';
import { JsonView } from '../components/JsonView.tsx';
import { CasePanel } from '../components/CasePanel.tsx';
import { IssueList } from '../components/fields.tsx';
import { setFormulaNames } from '../monaco/formula-language.ts';
import { SaveBar } from '../components/SaveBar.tsx';
import { DeclarationsEditor } from '../components/DeclarationsEditor.tsx';
import type { CalendarFocus } from '../components/CalendarEditor.tsx';
import { schemeModelPath } from '../monaco/scheme-schema.ts';
import { NewYearAction } from '../versions/NewYearAction.tsx';
import { CompareView } from '../versions/CompareView.tsx';
import { HistoryPanel, timeText } from '../versions/HistoryPanel.tsx';
import { ImpactPanel, defaultBaseline } from '../versions/ImpactPanel.tsx';
import { PublishDialog } from '../versions/PublishDialog.tsx';
import { RuleReach } from '../rules/RuleReach.tsx';
import { CaseActions } from '../components/CaseActions.tsx';
import { SelfEvalTable } from '../components/SelfEvalTable.tsx';
import { rowsFactOf } from '../model/case-form.ts';
import type { Input } from '../model/types.ts';

function looksLikeScheme(doc: unknown): doc is Scheme {
  return !!doc && typeof doc === 'object' && Array.isArray((doc as { indicators?: unknown }).indicators);
}

/**
 * The page composes one hook per concern (packages/editor/src/state/): the draft and its saving
 * (`useDraft`, `useSaveFlow`), where the user is (`useSchemeNavigation`), the family's versions
 * (`useFamilyVersions`), the case tried with its what-if values (`useCaseWorkbench`), and the engine's
 * analysis of the draft (`useSchemeAnalysis`).
 */
export function SchemePage({ family, year }: { family: string; year: string }) {
  const draft = useDraft(family, year);
  const nav = useSchemeNavigation();
  const { versions, reload: reloadVersions } = useFamilyVersions(family);
  // the case opened beside the scheme: the user's remembered choice, else the first the loaded scheme can score
  const work = useCaseWorkbench(family, year, draft.loading ? null : draft.doc, canScoreCase);
  const { analysis, result, issues, errorsCount, staleSheet, scores, issuesText } = useSchemeAnalysis(draft, work.input, work.caseKey);
  const flow = useSaveFlow(draft, year, reloadVersions);

  const doc = draft.doc;
  const scheme = looksLikeScheme(doc) ? doc : null;
  const names = useMemo(() => namesOf(doc), [doc]);
  // a project family (its scheme scores 年度绩效指标 rows) opens on the 自评表 of the chosen project
  const rowsFact = scheme ? rowsFactOf(scheme) : null;
  const setView0 = nav.setView;
  useEffect(() => {
    if (rowsFact !== null) setView0('selfeval');
  }, [rowsFact, setView0]);
  useEffect(() => setFormulaNames(names.filter((n) => n.type !== 'rows').map((n) => ({ id: n.id, label: n.label, kind: n.kind }))), [names]);

  const setDoc = draft.setDoc;
  const declareFact = useCallback(
    (id: string, label: string) =>
      setDoc((prev: unknown) => {
        const d = prev as Scheme;
        return { ...d, inputs: [...(d.inputs ?? []), { id, label, type: 'boolean' }] };
      }),
    [setDoc],
  );

  // “补充2021年日期” on a milestone-no-date error: the 节点日期 editor in the declarations tab, at that year
  const [calendarFocus, setCalendarFocus] = useState<CalendarFocus | null>(null);
  const showCalendar = useCallback(
    (y: number) => {
      setView0('declarations');
      setCalendarFocus((prev) => ({ year: y, n: (prev?.n ?? 0) + 1 }));
    },
    [setView0],
  );

  if (draft.loading && !scheme) return <div className="page-message">正在读取方案…</div>;
  if (draft.loadError) return <div className="page-message error">无法读取方案：{draft.loadError}</div>;

  const readOnly = draft.published;
  const { view, setView, side, setSide } = nav;
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
    <EditorContext.Provider value={{ readOnly: readOnly || draft.parseError !== null, names, doc, showCalendar }}>
      <div className="scheme-page">
        <SaveBar
          family={family}
          year={year}
          title={scheme?.title ?? ''}
          published={draft.published}
          dirty={draft.dirty}
          saveState={flow.saveState}
          errorsCount={errorsCount}
          pending={analysis.pending}
          onSave={flow.save}
          onDiscard={async () => {
            if (window.confirm('放弃全部未保存的修改，恢复为服务器上的版本？')) await flow.discard();
          }}
          onOverwrite={flow.overwrite}
          onReloadServer={flow.discard}
          onIssueClick={nav.revealInJson}
          doc={doc}
          liveIssues={analysis.pending || analysis.forDoc !== doc || doc === flow.refusedDoc ? null : issues}
          publishBlocker={publishBlocker}
          onPublish={flow.openPublish}
          onChangeAuthor={flow.changeAuthor}
        />
        {flow.publishing ? (
          <PublishDialog
            family={family}
            year={yearNum}
            doc={doc}
            etag={draft.baseEtag}
            onCancel={flow.cancelPublish}
            onPublished={flow.published}
            warnings={issues}
          />
        ) : null}
        {flow.notice ? (
          <div className="banner ok" role="status" data-testid="page-notice">
            {flow.notice}
          </div>
        ) : null}
        {draft.formatNotice ? (
          <div className="banner info" role="status" data-testid="format-notice">
            {draft.formatNotice}
          </div>
        ) : null}
        {draft.restored ? (
          <div className="banner info" role="status">
            已恢复您{draft.restored.savedAt ? `在 ${new Date(draft.restored.savedAt).toLocaleString('zh-CN')} ` : ''}未保存的修改。
            {draft.restored.serverChanged ? <b> 注意：此后服务器上的方案已被修改，保存时会提示冲突，请确认后再处理。</b> : null}
          </div>
        ) : null}
        <OtherTabsBanners what="方案" otherTab={draft.otherTab} orphans={draft.orphans} dirty={draft.dirty} onAdopt={draft.adoptOrphan} onDiscard={draft.discardOrphan} />
        {draft.published ? (
          <div className="banner info published-banner" data-testid="published-banner">
            <div>
              该方案已发布，只读{publishedAt ? `（发布于 ${timeText(publishedAt)}）` : ''}，不能修改。
              <span className="policy-only">如需调整，请以它为基础新建下一年度的草稿：</span>
              <span className="not-policy">如需调整，请联系政策管理人员新建下一年度的草稿。</span>
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
                  ...(rowsFact !== null ? ([['selfeval', '自评表']] as const) : []),
                  ['table', rowsFact !== null ? '评分规则' : '评分表'],
                  ['structure', '指标结构与分值'],
                  ['declarations', '事实、计算指标与节点日期'],
                  ['json', 'JSON'],
                  ['compare', '版本对比'],
                  ['history', '修改历史'],
                ] as const
              ).map(([v, label]) => (
                <button key={v} type="button" role="tab" aria-selected={view === v} className={view === v ? 'active' : ''} onClick={() => setView(v)}>
                  {label}
                </button>
              ))}
              {rowsFact !== null ? (
                <a className="tab-link" href={`#/projects/${encodeURIComponent(family)}/${year}`}>
                  项目总览
                </a>
              ) : null}
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
            {view === 'selfeval' && scheme && rowsFact !== null ? (
              <div className="view-scroll">
                {work.caseDoc ? (
                  <>
                    <h2 className="selfeval-title">
                      项目支出绩效自评表 · {work.caseDoc.name}
                      {result?.sheet ? (
                        <span className="muted">
                          {' '}
                          计算总分 {showScore(result.sheet.total, result.sheet.places)}分
                          {work.caseDoc.reported?.total !== undefined ? `，自评总分 ${showScore(String(work.caseDoc.reported.total), result.sheet.places)}分` : ''}
                        </span>
                      ) : null}
                    </h2>
                    <SelfEvalTable
                      inputs={(scheme.inputs ?? []) as Input[]}
                      rowsFact={rowsFact}
                      doc={work.caseDoc}
                      sheet={result?.sheet ?? staleSheet}
                      places={typeof scheme.rounding?.places === 'number' ? scheme.rounding.places : 2}
                      onFact={null}
                    />
                    <p className="muted small">在右侧选择项目；修改填报内容请点“填报/审核此案例”。</p>
                  </>
                ) : (
                  <p className="muted">在右侧“案例”中选择一个项目，即可看到它的自评表。</p>
                )}
              </div>
            ) : null}
            {view === 'table' && scheme ? (
              <div className="view-scroll">
                {/* an indicator's issues show at its row; a 时间节点 without this year's date also here, with its “补充…年日期” */}
                <IssueList issues={issues.filter((i) => !i.path.startsWith('/indicators/') || i.code === 'milestone-no-date')} title="方案检查" />
                <SchemeTable
                  doc={scheme}
                  onDocChange={setDoc}
                  issues={issues}
                  rendered={result?.rendered ?? {}}
                  renderErrors={result?.renderErrors ?? {}}
                  scores={scores}
                  scoresStale={!result?.sheet && staleSheet !== null}
                  selected={nav.selected}
                  onSelect={nav.setSelected}
                  onShowTrace={(id) => {
                    work.setTraceId(id);
                    setSide('case');
                  }}
                  declareFact={declareFact}
                  renderReach={(id) => <RuleReach family={family} doc={doc} indicator={id} />}
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
                  onOpen={nav.openInTable}
                />
              </div>
            ) : null}
            {view === 'declarations' && scheme ? (
              <div className="view-scroll">
                <DeclarationsEditor doc={scheme} issues={issues} calendarFocus={calendarFocus} onChange={(update) => setDoc((prev: unknown) => update(prev as Scheme))} />
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
                  refreshKey={flow.writes}
                  onRestored={flow.restored}
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
                reveal={nav.reveal}
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
                <ImpactPanel family={family} year={yearNum} doc={doc} versions={versions} whatIf={work.whatIf} whatIfKey={work.caseKey} />
              </div>
            ) : (
              <>
              <CaseActions family={family} year={yearNum} caseKey={work.caseKey} />
              <CasePanel
                cases={work.cases}
                caseKey={work.caseKey}
                onPickCase={work.setCaseKey}
                choice={work.choice}
                caseDoc={work.caseDoc}
                sheet={result?.sheet ?? null}
                staleSheet={staleSheet}
                scoreIssues={result?.scoreIssues ?? []}
                scoreStage={result?.scoreStage}
                pending={analysis.pending}
                traceId={work.traceId}
                onTrace={work.setTraceId}
                overrides={work.overrides}
                onOverride={work.setOverride}
                reviewerOverrides={work.reviewerOverrides}
                onReviewerOverride={work.setReviewerOverride}
                onResetOverrides={work.resetOverrides}
                schemeYear={scheme?.year ?? null}
              />
              </>
            )}
          </aside>
        </div>
      </div>
    </EditorContext.Provider>
  );
}
