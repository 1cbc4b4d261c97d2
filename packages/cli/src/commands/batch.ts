/**
 * `jixiao batch --cases <dir> [--scheme <file>] --out <file.csv|file.md|file.json|file.xlsx> [--wide]`: scores
 * every case below the folder (under `--scheme`, or the scheme each case names), with a progress bar
 * on a terminal; writes one row per case and a summary in the format of the output's extension, and
 * prints the table and summary, fitted to the terminal's width unless `--wide`. Bad cases are reported (file, JSON path, message) and skipped; they
 * make the exit code 1 once everything else is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { EXIT, inputError, usageError, type ExitCode, type Io } from '../io.ts';
import { shortCasePath } from '../find-cases.ts';
import { showPath } from '../json-file.ts';
import { loadScheme, type LoadedScheme } from '../load.ts';
import { fittedTable, wrapLine } from '../present/fit.ts';
import { readCaseFiles, runCases } from '../run-cases.ts';
import { adjustmentLinesOf, ROW_HEAD, ROW_NUMERIC, rowCells, summaryLine, warningLinesOf } from '../batch/cells.ts';
import { batchReport } from '../batch/rows.ts';
import { toCsv, toJson, toMarkdown } from '../batch/text-forms.ts';

export interface BatchOptions {
  cases: string;
  scheme?: string;
  out: string;
  /** Print the table at its full width instead of fitting it to the terminal. */
  wide?: boolean;
}

const FORMATS = ['.csv', '.md', '.json', '.xlsx'] as const;

/** Runs `batch`. @throws CliError (2: bad folder, output extension or scheme path; 1: invalid --scheme). */
export async function batchCommand(opts: BatchOptions, io: Io): Promise<ExitCode> {
  const ext = extname(opts.out).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(ext)) {
    throw usageError(`--out 的扩展名应为 ${FORMATS.join('、')}，而不是“${ext || '（无）'}”`, `--out must end in ${FORMATS.join(', ')}`);
  }
  const fixed: LoadedScheme | undefined = opts.scheme ? loadScheme(opts.scheme, io.cwd) : undefined;
  const files = readCaseFiles(opts.cases, io.cwd);

  const bar = io.errIsTTY && io.errStream && files.files.length
    ? new cliProgress.SingleBar({ stream: io.errStream, format: '计分 {bar} {value}/{total} 个案例', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(files.files.length, 0);
  const outcomes = await runCases(files, io.cwd, fixed, (done) => bar?.update(done));
  bar?.stop();

  const { report, extras } = batchReport(outcomes);
  const out = resolve(io.cwd, opts.out);
  try {
    mkdirSync(dirname(out), { recursive: true });
    // exceljs is loaded only for an .xlsx report: it costs ~50 ms at every start otherwise
    if (ext === '.xlsx') await (await import('../batch/xlsx.ts')).writeXlsx(out, report, extras);
    else writeFileSync(out, ext === '.csv' ? toCsv(report, extras) : ext === '.md' ? toMarkdown(report, extras) : toJson(report));
  } catch (e) {
    throw inputError([`错误 [write] 无法写入 ${opts.out}（cannot write ${opts.out}: ${e instanceof Error ? e.message : String(e)}）`]);
  }

  const cells = rowCells(report, extras).map(([file, ...rest]) => [shortCasePath(resolve(io.cwd, file!), opts.cases, io.cwd), ...rest]);
  const width = opts.wide ? null : (io.columns ?? null);
  io.out(fittedTable(['案例', ...ROW_HEAD.slice(1)], cells, ROW_NUMERIC, width) + '\n');
  const adjusted = adjustmentLinesOf(report, extras);
  if (adjusted.length) io.out(['总分调整（adjustments to the total）：', ...adjusted.map((l) => wrapLine(`  - ${l}`, width, 4))].join('\n') + '\n');
  const warned = warningLinesOf(report);
  if (warned.length) io.out(['警告（warnings）：', ...warned.map((l) => wrapLine(`  - ${l}`, width, 4))].join('\n') + '\n');
  io.out(wrapLine(summaryLine(report), width) + '\n');
  io.out(`已写入 ${showPath(out, io.cwd)}（written）\n`);
  for (const o of outcomes) if (!o.ok) io.err(`✗ 已跳过 ${o.file}（skipped）：\n${o.lines.map((l) => `  ${l}`).join('\n')}\n`);
  if (files.files.length === 0) io.err(`警告 目录 ${opts.cases} 下没有案例文件（no case files below ${opts.cases}）\n`);
  return report.summary.failed ? EXIT.invalid : EXIT.ok;
}
