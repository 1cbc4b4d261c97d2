/**
 * `jixiao simulate --draft <file> --baseline <file> --cases <dir> [--format table|json]`: 影响预览 —
 * every case below the folder scored under the baseline and under the draft (engine `simulate`):
 * per case the totals, the change and the grade change; per indicator the average change; the score
 * distribution before/after. Every case is scored under both versions whatever scheme year it names.
 * Exit 1 when some case cannot be scored under a version or cannot be read (the rest is reported).
 */
import { relative, resolve, sep } from 'node:path';
import { showChange, showDelta, showPoints, showScore, showStatistic, showStatisticChange, showStatisticDelta, simulate, type SimulationCase, type SimulationResult } from '@jixiao/engine';
import { CliError, EXIT, type ExitCode, type Io } from '../io.ts';
import { issueLines } from '../issues.ts';
import { isSchemeDoc, listJsonFiles } from '../find-cases.ts';
import { readJsonFile, showPath } from '../json-file.ts';
import { checkCase, loadScheme } from '../load.ts';
import { textTable } from '../present/table.ts';

export interface SimulateOptions {
  draft: string;
  baseline: string;
  cases: string;
  format: 'table' | 'json';
}

/** Reads the cases below `dir` (skipping scheme documents and dot-folders such as `.history`). */
function readCases(dir: string, io: Io): { cases: SimulationCase[]; failures: { file: string; lines: string[] }[] } {
  const cases: SimulationCase[] = [];
  const failures: { file: string; lines: string[] }[] = [];
  const base = resolve(io.cwd, dir);
  for (const abs of listJsonFiles(dir, io.cwd)) {
    if (relative(base, abs).split(sep).some((s) => s.startsWith('.'))) continue;
    const shown = showPath(abs, io.cwd);
    try {
      const f = readJsonFile(abs, io.cwd, '案例文件');
      if (isSchemeDoc(f.doc)) continue;
      const c = checkCase(f, false);
      const sc: SimulationCase = { id: shown, name: c.doc.name ?? shown, input: c.doc };
      if (c.doc.scheme) sc.scheme = c.doc.scheme;
      cases.push(sc);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      failures.push({ file: shown, lines: e.lines });
    }
  }
  return { cases, failures };
}

/**
 * The table form of a simulation. Every score, average and change is shown by the engine's display
 * module at the draft's places: totals "93.87", changes "+0.25" / "-0.50" / "无变化", a score before
 * and after "93.87 → 94.12（+0.25）".
 */
export function simulationText(r: SimulationResult, places: number): string {
  const out: string[] = [];
  out.push(`影响预览：基准 ${r.baseline.id} ${r.baseline.year}年（${r.baseline.status === 'published' ? '已发布' : '草稿'}） → 草稿 ${r.draft.id} ${r.draft.year}年（${r.draft.status === 'published' ? '已发布' : '草稿'}）`);
  out.push(`${r.note}（${r.noteEn}）`, '');
  const rows = r.cases.map((c) => [
    c.id,
    c.name,
    c.scheme ? String(c.scheme.year) : '',
    c.before.ok ? showScore(c.before.total, places) : '无法计分',
    c.after.ok ? showScore(c.after.total, places) : '无法计分',
    c.change === null ? '—' : showDelta(c.change, places),
    c.before.ok ? c.before.grade : '—',
    c.after.ok ? c.after.grade : '—',
  ]);
  out.push(textTable(['案例', '名称', '案例年度', '基准总分', '草稿总分', '变化', '基准等级', '草稿等级'], rows, [3, 4, 5]));
  for (const c of r.cases) {
    if (c.change !== null && c.indicators.length) {
      out.push(`  ${c.id} 得分变化的指标：${c.indicators.map((i) => `${i.name} ${showChange(i.before, i.after, places)}`).join('；')}`);
    }
    for (const [side, o] of [['基准方案', c.before], ['草稿', c.after]] as const) {
      if (!o.ok) out.push(`  ✗ ${c.id} 在${side}下无法计分（cannot be scored under the ${side === '草稿' ? 'draft' : 'baseline'}）：`, ...issueLines(o.issues).map((l) => `    ${l}`));
    }
  }
  const changed = r.indicators.filter((i) => i.averageChange !== '0' || i.pointsBefore !== i.pointsAfter);
  out.push('', `指标平均变化（${r.summary.scored} 个案例；仅列出分值或得分有变化的指标）（average change per indicator）：`);
  if (changed.length) {
    out.push(
      textTable(
        ['指标', '名称', '分值（基准→草稿）', '平均得分（基准）', '平均得分（草稿）', '平均变化'],
        changed.map((i) => [
          i.id,
          `${'  '.repeat(i.level - 1)}${i.name}`,
          `${i.pointsBefore === null ? '—' : showPoints(i.pointsBefore)} → ${i.pointsAfter === null ? '—' : showPoints(i.pointsAfter)}`,
          showStatistic(i.averageBefore, places),
          showStatistic(i.averageAfter, places),
          showStatisticDelta(i.averageBefore, i.averageAfter, places),
        ]),
        [3, 4, 5],
      ),
    );
  } else out.push('  （无）');
  out.push('', '得分分布（score distribution）：');
  out.push(textTable(['区间', '基准方案', '草稿'], r.distribution.bins.map((b) => [b.label, String(b.before), String(b.after)]), [1, 2]));
  const s = r.summary;
  out.push(
    '',
    `共 ${s.cases} 个案例：${s.scored} 个两版均可计分，${s.failed} 个无法计分；上升 ${s.raised}，下降 ${s.lowered}，不变 ${s.unchanged}，等级变化 ${s.gradeChanged}` +
      (s.averageBefore !== null && s.averageAfter !== null ? `；平均总分 ${showStatisticChange(s.averageBefore, s.averageAfter, places)}` : '') +
      `（${s.cases} cases, ${s.scored} scored under both, ${s.failed} failed; ${s.raised} up, ${s.lowered} down, ${s.unchanged} unchanged, ${s.gradeChanged} grade changes）`,
  );
  return out.join('\n');
}

/** Runs `simulate`. @throws CliError (2: missing file or folder; 1: invalid scheme). */
export function simulateCommand(opts: SimulateOptions, io: Io): ExitCode {
  const draft = loadScheme(opts.draft, io.cwd);
  const baseline = loadScheme(opts.baseline, io.cwd);
  const { cases, failures } = readCases(opts.cases, io);
  const r = simulate(draft.compiled, baseline.compiled, cases);
  if (opts.format === 'json') {
    io.out(JSON.stringify({ files: { draft: draft.file.shown, baseline: baseline.file.shown }, ...r, unreadable: failures }, null, 2) + '\n');
  } else {
    io.out(simulationText(r, draft.compiled.scheme.rounding.places) + '\n');
  }
  if (!cases.length && !failures.length) io.err(`警告 目录 ${opts.cases} 下没有案例文件（no case files below ${opts.cases}）\n`);
  for (const f of failures) io.err(`无法读取案例 ${f.file}（cannot read case）：\n${f.lines.join('\n')}\n`);
  return failures.length || r.summary.failed ? EXIT.invalid : EXIT.ok;
}
