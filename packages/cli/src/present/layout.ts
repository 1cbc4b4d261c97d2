/**
 * The score sheet in the official layout (一级/二级/三级指标, 分值, 得分): one line per indicator, its
 * name in the column of its level (the blank cells are the official table's merged cells), a project's
 * indicator rows (年度绩效指标) under the indicator that scores them, and the total. Presentation only:
 * every number is the engine's, shown by the engine's display module (showScore at the scheme's
 * places, showPoints as written).
 */
import { Dec, showPoints, showScore, type ScoreSheet, type SheetNode } from '@jixiao/engine';
import { levelName, OUTCOME_NAME, STATUS_NOTE } from './names.ts';

export interface LayoutLine {
  kind: 'indicator' | 'row' | 'total';
  /** One cell per level column. */
  levels: string[];
  points: string;
  score: string;
  /** 备注: status (酌情, 未核实…) or a row's outcome and self-score. */
  note: string;
  /** Indicator id (or row id) for machine use. */
  id: string;
}

export interface Layout {
  head: string[];
  lines: LayoutLine[];
}

function depth(nodes: SheetNode[]): number {
  return nodes.reduce((m, n) => Math.max(m, n.level, n.children ? depth(n.children) : 0), 0);
}

/**
 * Lays out a sheet.
 * @param places decimals shown for scores (the scheme's rounding places).
 */
export function layoutSheet(sheet: ScoreSheet, places: number): Layout {
  const cols = Math.max(3, depth(sheet.nodes));
  const head = [...Array.from({ length: cols }, (_, i) => levelName(i + 1)), '分值', '得分', '备注'];
  const lines: LayoutLine[] = [];
  const blank = () => Array.from({ length: cols }, () => '');
  const walk = (n: SheetNode) => {
    const levels = blank();
    levels[n.level - 1] = n.name;
    lines.push({ kind: 'indicator', id: n.id, levels, points: showPoints(n.points), score: showScore(n.score, places), note: STATUS_NOTE[n.status] });
    n.children?.forEach(walk);
    let prev: string[] = [];
    for (const r of n.trace?.rows ?? []) {
      const names = [r.level1, r.level2, r.level3];
      const cells = blank();
      // repeated 一级/二级 names left blank, as merged cells in the official table
      names.forEach((name, i) => (cells[i] = i < 2 && names.slice(0, i + 1).join('\u0000') === prev.slice(0, i + 1).join('\u0000') ? '' : name));
      prev = names;
      const self = r.selfScore !== null && !new Dec(r.selfScore).eq(r.score) ? `，自评${showScore(r.selfScore, places)}` : '';
      lines.push({ kind: 'row', id: r.id, levels: cells, points: showPoints(r.points), score: showScore(r.score, places), note: `${OUTCOME_NAME[r.outcome]}${self}` });
    }
  };
  sheet.nodes.forEach(walk);
  const total = blank();
  total[0] = '总分';
  lines.push({ kind: 'total', id: 'total', levels: total, points: showPoints(sheet.totalPoints), score: showScore(sheet.total, places), note: `等级：${sheet.grade}` });
  return { head, lines };
}

/** A layout as plain cell rows (for tables, Markdown, spreadsheets). */
export function layoutCells(l: Layout): string[][] {
  return l.lines.map((x) => [...x.levels, x.points, x.score, x.note]);
}
