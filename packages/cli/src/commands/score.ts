/**
 * `jixiao score --scheme <file> --facts <file> [--format table|json|md]`: one case's score sheet in the
 * official layout (一级/二级/三级指标, 分值, 得分), the steps from the indicators' sum to the total (不适用折算,
 * 总分封顶: before, after and why), the total and the grade.
 */
import type { ScoreSheet, SheetNode } from '@jixiao/engine';
import type { Io } from '../io.ts';
import { issueLines } from '../issues.ts';
import { loadFactsCase, loadScheme, refuseOtherScheme } from '../load.ts';
import { adjustmentLines } from '../present/adjustments.ts';
import { layoutCells, layoutSheet } from '../present/layout.ts';
import { markdownTable } from '../present/markdown.ts';
import { textTable } from '../present/table.ts';
import { scoreSheet } from '../score-case.ts';

export interface ScoreOptions {
  scheme: string;
  facts: string;
  format: 'table' | 'json' | 'md';
}

/** Every indicator of a sheet, flattened in sheet order: `{ id, name, level, points, score, status }`. */
export function flatIndicators(nodes: SheetNode[]): { id: string; name: string; level: number; points: string; score: string; status: string }[] {
  return nodes.flatMap((n) => [{ id: n.id, name: n.name, level: n.level, points: n.points, score: n.score, status: n.status }, ...(n.children ? flatIndicators(n.children) : [])]);
}

/** Every indicator's warnings, each prefixed with the indicator's name: "项目完成及时性：公式结果 7.2 超过分值 6…". */
export function indicatorWarnings(nodes: SheetNode[]): string[] {
  return nodes.flatMap((n) => [...n.warnings.map((w) => `${n.name}：${w}`), ...(n.children ? indicatorWarnings(n.children) : [])]);
}

/** The JSON form: the engine's sheet (nested, decimal strings) plus a flat `indicators` list. */
export function sheetJson(sheet: ScoreSheet): ScoreSheet & { indicators: ReturnType<typeof flatIndicators> } {
  return { ...sheet, indicators: flatIndicators(sheet.nodes) };
}

/** Runs `score`. @throws CliError (1: invalid scheme/facts; 2: missing file, an Excel workbook, a case of another scheme). */
export function scoreCommand(opts: ScoreOptions, io: Io): void {
  const scheme = loadScheme(opts.scheme, io.cwd);
  const kase = loadFactsCase(opts.facts, io.cwd, scheme.compiled.scheme);
  refuseOtherScheme(kase, scheme, { zh: '计分', en: 'scored' });
  const warnings = [...scheme.warnings, ...kase.warnings];
  if (warnings.length) io.err(issueLines(warnings, scheme.compiled.scheme).join('\n') + '\n');
  const ref = kase.doc.scheme;
  const s = scheme.compiled.scheme;
  if (ref && (ref.id !== s.id || ref.year !== s.year)) {
    io.err(`警告 案例指明的方案是 ${ref.id}（${ref.year}年），现按 ${s.id}（${s.year}年）计分\n    the case names scheme ${ref.id} ${ref.year}, scored with ${s.id} ${s.year}\n`);
  }
  const sheet = scoreSheet(scheme, kase);
  if (opts.format === 'json') {
    io.out(JSON.stringify(sheetJson(sheet), null, 2) + '\n');
    return;
  }
  const layout = layoutSheet(sheet, s.rounding.places);
  const cols = layout.head.length;
  const right = [cols - 3, cols - 2];
  const name = kase.doc.name ?? kase.file.shown;
  const title = `${name} — ${s.title}`;
  const total = layout.lines[layout.lines.length - 1]!;
  // 不适用折算 and 总分封顶 come before the total they explain
  const adjusted = adjustmentLines(sheet, s.rounding.places);
  const foot = [...adjusted, ...(adjusted.length ? [''] : []), `总分：${total.score} / ${total.points}\u3000等级：${sheet.grade}`];
  // the sheet's warnings and each indicator's (a formula above its points, a reviewer entry that
  // differs from what the rule computes): visible here, not only in `explain`
  const warned = [...sheet.warnings, ...indicatorWarnings(sheet.nodes)];
  if (warned.length) foot.push('', '警告：', ...warned.map((w) => `  - ${w}`));
  if (opts.format === 'md') {
    io.out(`## ${title}\n\n${markdownTable(layout.head, layoutCells(layout), right)}\n\n${foot.map((l) => (l.startsWith('  - ') ? l.slice(2) : l)).join('\n')}\n`);
    return;
  }
  io.out(`${title}\n${textTable(layout.head, layoutCells(layout), right, [layout.lines.length - 1])}\n${foot.join('\n')}\n`);
}
