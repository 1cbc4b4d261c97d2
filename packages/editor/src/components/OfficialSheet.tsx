/**
 * 部门整体支出绩效评分表 as published (read-only, for the print view): 一级/二级/三级指标, 分值,
 * 指标说明, 评分标准 (rendered by the engine from the rules), 得分, then 总分 and 等级. Every score is
 * the engine's, shown with showScore at the sheet's places; under 合计, each step from the indicators' sum to
 * the total (不适用折算, 总分封顶) in the engine's words, so the table adds up with its reason.
 */
import { adjustmentLines, showPoints, showScore } from '@jixiao/engine';
import type { Indicator, ScoreSheet, SheetNode } from '../model/types.ts';
import { leafCount, leafRows } from '../model/tree.ts';

export interface OfficialSheetProps {
  indicators: Indicator[];
  sheet: ScoreSheet;
  /** 评分标准 rendered by the engine, keyed by the indicator's JSON pointer. */
  rendered: Record<string, string>;
}

function flatten(nodes: SheetNode[], into = new Map<string, SheetNode>()): Map<string, SheetNode> {
  for (const n of nodes) {
    into.set(n.id, n);
    if (n.children) flatten(n.children, into);
  }
  return into;
}

export function OfficialSheet({ indicators, sheet, rendered }: OfficialSheetProps) {
  const rows = leafRows(indicators);
  const depth = Math.min(3, Math.max(2, ...rows.map((r) => r.ancestors.length + 1)));
  const scores = flatten(sheet.nodes);
  const seen = new Set<string>();
  const score = (id: string) => {
    const n = scores.get(id);
    return n ? showScore(n.score, sheet.places) : '—';
  };
  return (
    <table className="official-table print-sheet" aria-label="评分表">
      <thead>
        <tr>
          {['一级指标', '二级指标', '三级指标'].slice(0, depth).map((h) => (
            <th key={h}>{h}</th>
          ))}
          <th>分值</th>
          <th>指标说明</th>
          <th>评分标准</th>
          <th>得分</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const cells = [];
          for (const a of r.ancestors.slice(0, depth - 1)) {
            if (seen.has(a.ptr)) continue;
            seen.add(a.ptr);
            cells.push(
              <td key={a.ptr} rowSpan={leafCount(a.node)} className="group-cell">
                <div className="group-name">{a.node.name}</div>
                <div className="group-points">
                  {showPoints(String(a.node.points))}分（得 {score(a.node.id)}分）
                </div>
              </td>,
            );
          }
          const span = depth - Math.min(r.ancestors.length, depth - 1);
          return (
            <tr key={r.ptr} data-indicator={r.leaf.id}>
              {cells}
              <td colSpan={span}>{r.leaf.name}</td>
              <td className="num">{showPoints(String(r.leaf.points))}</td>
              <td className="desc">{r.leaf.description ?? ''}</td>
              <td className="criterion-text">{rendered[r.ptr] ?? r.leaf.criterion ?? ''}</td>
              <td className="num score">{score(r.leaf.id)}</td>
            </tr>
          );
        })}
        <tr className="total-row">
          <th colSpan={depth}>合计</th>
          <td className="num">{showPoints(sheet.totalPoints)}</td>
          <td colSpan={2}>等级：{sheet.grade}</td>
          <td className="num score" data-testid="print-total">
            {showScore(sheet.total, sheet.places)}
          </td>
        </tr>
        {adjustmentLines(sheet).map((line, k) => (
          <tr key={`adjustment-${k}`} className="adjustment-row" data-testid="print-adjustment">
            <td colSpan={depth + 4}>{line}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
