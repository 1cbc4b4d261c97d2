/**
 * 影响预览 as a finance user reads it: per real case the total under the baseline and under the
 * draft, the change and the grade change (with the indicators that moved); per indicator the
 * average change; the score distribution before/after as a bar chart. Pure presentation of the
 * engine's `simulate` result — every number here is the engine's, shown by its display module at the
 * draft's places (totals 94.56, changes +1.00 / -0.50 / 无变化, "6.00 → 5.00（-1.00）").
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { Dec, showChange, showDelta, showPoints, showScore, showStatistic, showStatisticChange, showStatisticDelta, statisticChange, type CaseImpact, type Issue, type SimulationResult } from '@jixiao/engine';

// ECharts (~0.5 MB) is loaded with the chart, when an impact is first shown, not with the first view
const ScoreDistributionChart = lazy(() => import('./ScoreDistributionChart.tsx').then((m) => ({ default: m.ScoreDistributionChart })));

export interface ImpactViewProps {
  result: SimulationResult;
  /** The draft's decimal places of scores (`rounding.places`): every score and change is shown at them. */
  places: number;
  /** e.g. ["2024年方案（基准）", "2025年草稿"]: chart legend. */
  labels: [string, string];
  /** e.g. ["2024年", "2025年"]: headings of the two total columns. */
  columns: [string, string];
  /** Leaf indicator ids of the draft: the per-case changes list only these (not their parents). */
  leafIds?: ReadonlySet<string>;
  warnings?: readonly Issue[];
  /** The result is of an earlier state of the draft (the current one cannot be computed). */
  stale?: boolean;
  pending?: boolean;
  /** Removes an added case (ids starting with "added/"). */
  onRemoveCase?: (id: string) => void;
}

/** Above this many cases, the table offers to show only those whose total moved. */
const MANY_CASES = 8;

/** Sign of a change (a decimal string of the engine): −1, 0 or 1. */
const signOf = (s: string) => new Dec(s).cmp(0);

const changeClass = (s: string | null) => (s === null ? '' : ['down', 'same', 'up'][signOf(s) + 1]);

function CaseRow({ c, places, leafIds, onRemove }: { c: CaseImpact; places: number; leafIds: ReadonlySet<string> | undefined; onRemove: ((id: string) => void) | undefined }) {
  const moved = c.indicators.filter((i) => !leafIds || leafIds.has(i.id));
  const year = c.id.startsWith('added/') ? '添加' : c.id.split('/')[0];
  const failed = !c.before.ok ? c.before : !c.after.ok ? c.after : null;
  return (
    <>
      <tr data-case={c.id} className={c.gradeChanged ? 'grade-changed' : ''}>
        <th scope="row" className="case-name">
          {c.name}
          <span className="muted small"> {year}</span>
          {onRemove && c.id.startsWith('added/') ? (
            <button type="button" className="link small remove-case" onClick={() => onRemove(c.id)} aria-label={`移除案例 ${c.name}`}>
              移除
            </button>
          ) : null}
        </th>
        <td className="num" data-col="before">{c.before.ok ? showScore(c.before.total, places) : '无法计分'}</td>
        <td className="num" data-col="after">{c.after.ok ? showScore(c.after.total, places) : '无法计分'}</td>
        <td className={`num change ${changeClass(c.change)}`} data-col="change">
          {c.change === null ? '—' : showDelta(c.change, places)}
        </td>
        <td className="grade-cell" data-col="grade">
          {c.before.ok && c.after.ok ? (c.gradeChanged ? <b className="grade-move">{`${c.before.grade} → ${c.after.grade}`}</b> : c.after.grade) : '—'}
        </td>
      </tr>
      {moved.length || failed ? (
        <tr className="case-detail">
          <td colSpan={5}>
            {failed && !failed.ok ? (
              <span className="error-text">
                在{!c.before.ok ? '基准方案' : '草稿'}下无法计分：{failed.issues.slice(0, 2).map((i) => i.message).join('；')}
              </span>
            ) : (
              <span className="muted">
                {moved.map((i, n) => (
                  <span key={i.id} className="moved">
                    {n ? '；' : ''}
                    {i.name} {showChange(i.before, i.after, places)}
                  </span>
                ))}
              </span>
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function ImpactView(p: ImpactViewProps) {
  const { result: r } = p;
  const [allIndicators, setAllIndicators] = useState(false);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const shownCases = onlyChanged ? r.cases.filter((c) => c.change === null || signOf(c.change) !== 0 || c.gradeChanged) : r.cases;
  const s = r.summary;
  const indicators = useMemo(
    () => r.indicators.filter((i) => allIndicators || signOf(i.averageChange) !== 0 || i.pointsBefore !== i.pointsAfter),
    [r.indicators, allIndicators],
  );
  return (
    <div className={`impact-view${p.stale ? ' stale' : ''}${p.pending ? ' pending' : ''}`} data-testid="impact-view">
      {p.warnings?.map((w, n) => (
        <div key={n} className="banner warn inline">
          {w.message}
        </div>
      ))}
      <p className="impact-summary" data-testid="impact-summary">
        共 {s.cases} 个案例：上升 <b>{s.raised}</b>，下降 <b>{s.lowered}</b>，不变 <b>{s.unchanged}</b>，等级变化 <b>{s.gradeChanged}</b>
        {s.failed ? <span className="error-text">，无法计分 {s.failed}</span> : null}
        {s.averageBefore !== null && s.averageAfter !== null && s.averageChange !== null ? (
          <>
            <br />
            平均总分 <span className={`change ${changeClass(statisticChange(s.averageBefore, s.averageAfter, p.places)?.toString() ?? null)}`}>{showStatisticChange(s.averageBefore, s.averageAfter, p.places)}</span>
          </>
        ) : null}
      </p>

      <h3 className="sub">
        各案例总分
        {r.cases.length > MANY_CASES ? (
          <label className="inline small muted show-all">
            <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> 只看总分有变化的案例
          </label>
        ) : null}
      </h3>
      <table className="impact-table" aria-label="各案例总分变化">
        <thead>
          <tr>
            <th>案例</th>
            <th className="num">{p.columns[0]}</th>
            <th className="num">{p.columns[1]}</th>
            <th className="num">变化</th>
            <th>等级</th>
          </tr>
        </thead>
        <tbody>
          {shownCases.map((c) => (
            <CaseRow key={c.id} c={c} places={p.places} leafIds={p.leafIds} onRemove={p.onRemoveCase} />
          ))}
        </tbody>
      </table>

      <h3 className="sub">
        各指标平均得分变化
        <label className="inline small muted show-all">
          <input type="checkbox" checked={allIndicators} onChange={(e) => setAllIndicators(e.target.checked)} /> 显示全部指标
        </label>
      </h3>
      {indicators.length ? (
        <table className="impact-table indicators" aria-label="各指标平均得分变化">
          <thead>
            <tr>
              <th>指标</th>
              <th className="num">分值</th>
              <th className="num">基准平均</th>
              <th className="num">草稿平均</th>
              <th className="num">变化</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => (
              <tr key={i.id} data-indicator={i.id} className={`lvl-${i.level}`}>
                <th scope="row" style={{ paddingLeft: 4 + (i.level - 1) * 12 }}>
                  {i.name}
                </th>
                <td className="num">{i.pointsBefore === i.pointsAfter ? showPoints(i.pointsAfter) : `${i.pointsBefore === null ? '—' : showPoints(i.pointsBefore)} → ${i.pointsAfter === null ? '—' : showPoints(i.pointsAfter)}`}</td>
                <td className="num" data-col="before">{showStatistic(i.averageBefore, p.places)}</td>
                <td className="num" data-col="after">{showStatistic(i.averageAfter, p.places)}</td>
                <td className={`num change ${changeClass(statisticChange(i.averageBefore, i.averageAfter, p.places)?.toString() ?? null)}`} data-col="change">
                  {showStatisticDelta(i.averageBefore, i.averageAfter, p.places)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">各指标的平均得分都没有变化。</p>
      )}

      <h3 className="sub">得分分布</h3>
      <Suspense fallback={<div className="chart-loading">正在加载图表…</div>}>
        <ScoreDistributionChart data={r.distribution.chart} labels={p.labels} />
      </Suspense>
      <p className="muted small">{r.note}</p>
    </div>
  );
}
