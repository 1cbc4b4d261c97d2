/** 得分说明: how one indicator's score came about — rule branch, inputs, arithmetic, warnings. */
import { useEffect, useRef } from 'react';
import { ORIGIN_NAME, STATUS_TEXT, showCounted, showPoints, showScore } from '@jixiao/engine';
import type { SheetNode, Trace } from '../model/types.ts';
import { kindLabel } from '../model/rule-kinds.ts';

export interface TracePanelProps {
  node: SheetNode;
  /** The sheet's decimal places of scores (ScoreSheet.places): every score is shown at them. */
  places: number;
  reported?: string;
  onClose: () => void;
  /** Offered when the score is a reviewer's entry: score it from the facts instead ("what if"). */
  onDropReviewer?: () => void;
}

export function TracePanel({ node, places, reported, onClose, onDropReviewer }: TracePanelProps) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [node.id]);
  return (
    <section ref={ref} className="trace-panel" aria-label={`得分说明：${node.name}`}>
      <div className="trace-head">
        <strong>{node.name}</strong>
        <button type="button" className="link" onClick={onClose}>
          关闭
        </button>
      </div>
      <div className="trace-score">
        得分 <b>{showScore(node.score, places)}</b> / {showPoints(node.points)}分 · {STATUS_TEXT[node.status]}
        {reported !== undefined ? <span className="muted"> · 报告得分 {showScore(reported, places)}</span> : null}
      </div>
      {node.reason ? <div className="trace-reason">理由：{node.reason}</div> : null}
      {onDropReviewer ? (
        <button type="button" className="link" onClick={onDropReviewer}>
          假设分析：不采用评审录入，按规则从事实计算
        </button>
      ) : null}
      {node.trace ? <TraceBody trace={node.trace} places={places} /> : null}
      {node.warnings.length ? (
        <ul className="trace-warnings">
          {node.warnings.map((w, i) => (
            <li key={i}>⚠ {w}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * A trace as the engine wrote it; a part's score and a row's as they are counted before the indicator is
 * rounded (the engine's showCounted: "0.98755（未取整）", never a rounded figure such as 0.99 marked 未取整, and
 * never rounded across a band's bound).
 */
function TraceBody({ trace, places }: { trace: Trace; places: number }) {
  return (
    <div className="trace-body">
      <div className="trace-branch">
        <span className="tag">{kindLabel(trace.kind)}</span> {trace.branch}
      </div>
      {trace.inputs.length ? (
        <table className="trace-inputs" aria-label="所用数据">
          <tbody>
            {trace.inputs.map((i) => (
              <tr key={i.id}>
                <th>{i.label}</th>
                <td>{i.display}</td>
                <td className="muted">{ORIGIN_NAME[i.origin]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {trace.arithmetic.length ? (
        <ol className="trace-arith" aria-label="计算过程">
          {trace.arithmetic.map((a, i) => (
            <li key={i}>{a}</li>
          ))}
        </ol>
      ) : null}
      {trace.parts?.map((p) => (
        <div key={p.id} className="trace-part">
          <div>
            分项 <b>{p.name}</b>（{showPoints(p.points)}分）：得 {showCounted(p.score, places)}分
          </div>
          <TraceBody trace={p} places={places} />
        </div>
      ))}
      {trace.rows?.length ? (
        <table className="trace-rows" aria-label="指标行">
          <thead>
            <tr>
              <th>指标</th>
              <th>年度指标值</th>
              <th>实际完成值</th>
              <th>分值</th>
              <th>得分</th>
              <th>说明</th>
            </tr>
          </thead>
          <tbody>
            {trace.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.level3}</td>
                <td>{r.target}</td>
                <td>{r.actual}</td>
                <td>{showPoints(r.points)}</td>
                <td>{showCounted(r.score, places)}</td>
                <td>{r.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
