/**
 * The scheme as the official table (评分表): 一级/二级/三级指标 with their 分值, 指标说明, the
 * 评分标准 rendered by the engine from the rules (what is read is what is computed), and the
 * selected case's 得分. Clicking a row opens its editor right under it.
 */
import { Fragment, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { STATUS_NOTE, showScore } from '@jixiao/engine';
import type { Indicator, Issue, SheetNode } from '../model/types.ts';
import { leafCount, leafRows } from '../model/tree.ts';
import { issuesAt, issuesUnder, worst } from '../model/issues.ts';
import { numToText } from '../model/num.ts';
import { IndicatorEditor } from './IndicatorEditor.tsx';
import { setIn, parsePointer } from '../model/pointer.ts';

export interface SchemeTableProps {
  /** The scheme; its `rounding.places` are the places scores are shown at (2 while it has none). */
  doc: { indicators: Indicator[]; rounding?: { places?: number } };
  /** Receives an updater of the latest document (so several updates in one event compose). */
  onDocChange: (update: (prev: unknown) => unknown) => void;
  issues: readonly Issue[];
  rendered: Record<string, string>;
  renderErrors: Record<string, string>;
  /** Score sheet nodes by indicator id, when a case is scored. */
  scores: Map<string, SheetNode>;
  /** The scores are the last ones computed, not the current draft's (the draft or case cannot be scored now). */
  scoresStale?: boolean;
  selected: string | null;
  onSelect: (ptr: string | null) => void;
  onShowTrace: (id: string) => void;
  declareFact?: (id: string, label: string) => void;
  /** Shown under the open leaf's rule: which cases it scores (RuleReach). */
  renderReach?: (indicatorId: string) => ReactNode;
}

/**
 * 指标说明 in a table cell: cut to four lines while closed, with a button (keyboard-reachable) to read
 * the whole text in place and one to fold it again; the full text is also the cell's tooltip. The
 * button appears only when the text is really cut.
 */
export function ClampedText({ text, open: forced }: { text: string; open?: boolean }) {
  const [open, setOpen] = useState(false);
  const [cut, setCut] = useState(false);
  const box = useRef<HTMLDivElement | null>(null);
  const shownOpen = forced === true || open;
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      if (!el.classList.contains('clamp')) return;
      setCut(el.scrollHeight > el.clientHeight + 1);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [text, shownOpen]);
  if (!text) return null;
  return (
    <div className="clamped-text">
      <div ref={box} className={shownOpen ? '' : 'clamp'} title={cut && !shownOpen ? text : undefined} data-testid="description-text">
        {text}
      </div>
      {forced !== true && (cut || open) ? (
        <button type="button" className="link small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '收起' : '展开全文'}
        </button>
      ) : null}
    </div>
  );
}


export function SchemeTable(props: SchemeTableProps) {
  const { doc, issues, rendered, renderErrors, scores, selected, onSelect, onShowTrace } = props;
  const rows = leafRows(doc.indicators);
  const depth = Math.max(2, ...rows.map((r) => r.ancestors.length + 1));
  const nameCols = Math.min(depth, 3);
  const hasScores = scores.size > 0;
  const stale = props.scoresStale === true;
  const places = typeof doc.rounding?.places === 'number' ? doc.rounding.places : 2;
  const score = (n: SheetNode) => showScore(n.score, places);
  const totalCols = nameCols + 3 + (hasScores ? 1 : 0);
  const seen = new Set<string>();

  const parentCell = (node: Indicator, ptr: string, extra: number) => {
    const own = [...issuesAt(issues, ptr), ...issuesAt(issues, `${ptr}/points`), ...issuesAt(issues, `${ptr}/children`)];
    const w = worst(own);
    const s = scores.get(node.id);
    return (
      <td key={ptr} rowSpan={leafCount(node) + extra} className={`group-cell${w ? ` cell-${w}` : ''}`} data-ptr={ptr}>
        <div className="group-name">{node.name}</div>
        <div className="group-points">
          {numToText(node.points)}分{s ? <span className="group-score">（得 {score(s)}分）</span> : null}
        </div>
        {own.map((i, n) => (
          <div key={n} className={`cell-issue ${i.severity}`} role="alert" title={i.messageEn}>
            ⚠ {i.message}
          </div>
        ))}
      </td>
    );
  };

  return (
    <table className="scheme-table" aria-label="评分表">
      <thead>
        <tr>
          {['一级指标', '二级指标', '三级指标'].slice(0, nameCols).map((h) => (
            <th key={h} className="col-name">
              {h}
            </th>
          ))}
          <th className="col-points">分值</th>
          <th className="col-desc">指标说明</th>
          <th className="col-criterion">评分标准（由规则生成）</th>
          {hasScores ? (
            <th className="col-score" {...(stale ? { title: '当前无法计分，显示的是上次可计分的结果' } : {})}>
              {stale ? '得分（未更新）' : '得分'}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const isSel = selected === r.ptr;
          const cells = [];
          for (const a of r.ancestors.slice(0, nameCols - 1)) {
            if (seen.has(a.ptr)) continue;
            seen.add(a.ptr);
            const extra = selected && selected.startsWith(a.ptr + '/') ? 1 : 0;
            cells.push(parentCell(a.node, a.ptr, extra));
          }
          const span = nameCols - Math.min(r.ancestors.length, nameCols - 1);
          const ruleIssues = issuesUnder(issues, r.ptr);
          const w = worst(ruleIssues);
          const s = scores.get(r.leaf.id);
          const text = rendered[r.ptr];
          return (
            <Fragment key={r.ptr}>
              <tr
                className={`leaf-row${isSel ? ' selected' : ''}${w ? ` row-${w}` : ''}`}
                data-ptr={r.ptr}
                data-indicator={r.leaf.id}
                onClick={(e) => {
                  if ((e.target as HTMLElement).closest('button')) return;
                  onSelect(isSel ? null : r.ptr);
                }}
              >
                {cells}
                <td colSpan={span} className="leaf-name">
                  <button type="button" className="link leaf-link" aria-expanded={isSel} onClick={() => onSelect(isSel ? null : r.ptr)}>
                    {r.leaf.name}
                  </button>
                  {w ? <span className={`badge ${w}`}>{w === 'error' ? '有错误' : '有提醒'}</span> : null}
                </td>
                <td className="col-points">{numToText(r.leaf.points)}</td>
                <td className="col-desc">
                  <ClampedText text={r.leaf.description ?? ''} open={isSel} />
                </td>
                <td className="col-criterion criterion" data-testid="criterion">
                  {text !== undefined ? (
                    <div className="criterion-text">{text}</div>
                  ) : renderErrors[r.ptr] ? (
                    <div className="cell-issue error">规则无法生成评分标准：{renderErrors[r.ptr]}</div>
                  ) : (
                    <div className="muted">生成中…</div>
                  )}
                </td>
                {hasScores ? (
                  <td className={`col-score${stale ? ' stale' : ''}`}>
                    {s ? (
                      <button type="button" className="score-btn" title="查看得分说明" aria-label={`${r.leaf.name} 得分 ${score(s)}，查看得分说明`} onClick={() => onShowTrace(r.leaf.id)}>
                        {score(s)}
                        {STATUS_NOTE[s.status] ? <span className="status-tag">{STATUS_NOTE[s.status]}</span> : null}
                      </button>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                ) : null}
              </tr>
              {isSel ? (
                <tr className="editor-row">
                  <td colSpan={totalCols - Math.min(r.ancestors.length, nameCols - 1)}>
                    <IndicatorEditor
                      node={r.leaf}
                      ptr={r.ptr}
                      issues={issues}
                      onChange={(n) => props.onDocChange((prev) => setIn(prev, parsePointer(r.ptr), n))}
                      onClose={() => onSelect(null)}
                      rendered={text}
                      reach={props.renderReach?.(r.leaf.id)}
                      {...(props.declareFact ? { declareFact: props.declareFact } : {})}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
