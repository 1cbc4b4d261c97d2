/**
 * The Excel/Word commands (`@jixiao/office`):
 * - `jixiao template --scheme <file> --out <file.xlsx> [--projects N] [--rows N]`: the fill-in workbook;
 * - `jixiao import --scheme <file> <file.xlsx> [--out <case.json | dir>]`: a filled workbook into case
 *   document(s), every problem named by sheet and cell; nothing is written while a problem is an error;
 * - `jixiao report --scheme <file> (--facts <case.json> | --cases <dir>) --out <file.docx | file.xlsx>`: the
 *   official table of one case (部门整体支出绩效评分表 / 项目支出绩效自评表), or a family's batch in one file.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { countEn } from '@jixiao/engine';
import type { CellProblem, ScoredCase } from '@jixiao/office';
import { EXIT, inputError, usageError, type ExitCode, type Io } from '../io.ts';
import { showPath } from '../json-file.ts';
import { loadFactsCase, loadScheme, refuseOtherScheme } from '../load.ts';
import { readCaseFiles, runCases } from '../run-cases.ts';
import { scoreSheet } from '../score-case.ts';

/**
 * The Excel and Word libraries (exceljs, docx: ~1.3 MB of JavaScript, ~0.1 s to load), imported by the
 * commands that write or read those files only: every other command starts without them.
 */
const office = () => import('@jixiao/office');

/** The lines of one workbook problem: `错误 [code] 事实表!C12：…` and the English beside, indented. */
export function problemLines(p: CellProblem): string[] {
  return [`${p.severity === 'error' ? '错误' : '警告'} [${p.code}] ${p.message}`, `    ${p.messageEn}`];
}

/** Writes `bytes` to `out` (its folder made), or fails with the reason in Chinese and English. */
function writeOut(out: string, bytes: Uint8Array | string, shown: string): void {
  try {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, bytes);
  } catch (e) {
    throw inputError([`错误 [write] 无法写入 ${shown}（cannot write ${shown}: ${e instanceof Error ? e.message : String(e)}）`]);
  }
}

function wantExt(out: string, allowed: readonly string[]): string {
  const ext = extname(out).toLowerCase();
  if (!allowed.includes(ext)) throw usageError(`--out 的扩展名应为 ${allowed.join('、')}，而不是“${ext || '（无）'}”`, `--out must end in ${allowed.join(', ')}`);
  return ext;
}

/** A positive whole number option (`--projects 10`). */
function count(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,3}$/.test(value)) throw usageError(`${name} 应为 1 至 9999 的整数，而不是“${value}”`, `${name} must be a whole number from 1 to 9999`);
  return Number(value);
}

/** Runs `template`. @throws CliError (2: bad --out or scheme path; 1: invalid scheme). */
export async function templateCommand(opts: { scheme: string; out: string; projects?: string; rows?: string }, io: Io): Promise<void> {
  wantExt(opts.out, ['.xlsx']);
  const projects = count(opts.projects, '--projects');
  const rows = count(opts.rows, '--rows');
  const scheme = loadScheme(opts.scheme, io.cwd);
  const out = resolve(io.cwd, opts.out);
  const shown = showPath(out, io.cwd);
  const { templateXlsx } = await office();
  const bytes = await templateXlsx(scheme.compiled.scheme, { ...(projects ? { projects } : {}), ...(rows ? { rowsPerProject: rows } : {}) });
  writeOut(out, bytes, shown);
  io.out(`已写入填报模板 ${shown}（template written）\n`);
}

/** Runs `import`. Returns 1 when the workbook has errors (nothing written then). */
export async function importCommand(file: string, opts: { scheme: string; out?: string }, io: Io): Promise<ExitCode> {
  const scheme = loadScheme(opts.scheme, io.cwd);
  const path = resolve(io.cwd, file);
  if (!existsSync(path)) throw usageError(`找不到工作簿 ${file}`, `file not found: ${file}`);
  if (!statSync(path).isFile()) throw usageError(`${file} 不是文件`, `not a file: ${file}`);
  const { importWorkbook } = await office();
  const result = await importWorkbook(scheme.compiled.scheme, readFileSync(path), scheme.compiled);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (result.problems.length) io.err(result.problems.flatMap(problemLines).join('\n') + '\n');
  if (errors.length) {
    io.err(`工作簿 ${file} 有 ${errors.length} 个错误，未写出案例（${countEn(errors.length, 'error')} in ${file}; no case written）\n`);
    return EXIT.invalid;
  }
  if (!result.cases.length) {
    io.err(`工作簿 ${file} 中没有填写任何案例（no case filled in ${file}）\n`);
    return EXIT.invalid;
  }
  const docs = result.cases.map((c) => c.doc);
  if (!opts.out) {
    io.out(JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2) + '\n');
    return EXIT.ok;
  }
  const out = resolve(io.cwd, opts.out);
  const single = docs.length === 1 && extname(out).toLowerCase() === '.json';
  const targets = single ? [out] : docs.map((d) => join(out, `${d.id}.json`));
  if (!single && existsSync(out) && !statSync(out).isDirectory()) {
    throw usageError(`工作簿中有 ${docs.length} 个案例，--out 应为文件夹`, `the workbook holds ${docs.length} cases; --out must be a folder`);
  }
  const taken = targets.filter((t) => existsSync(t));
  if (taken.length) throw usageError(`不覆盖已有文件：${taken.map((t) => showPath(t, io.cwd)).join('、')}`, `refusing to overwrite ${taken.map((t) => showPath(t, io.cwd)).join(', ')}`);
  docs.forEach((d, k) => writeOut(targets[k]!, JSON.stringify(d, null, 2) + '\n', showPath(targets[k]!, io.cwd)));
  for (const t of targets) io.out(`已写入案例 ${showPath(t, io.cwd)}（case written）\n`);
  const unfilled = result.problems.filter((p) => p.code === 'office-not-entered').length;
  if (unfilled) {
    io.err(`有 ${unfilled} 项未填写：案例已写出（填报中），补填后方可提交（${countEn(unfilled, 'cell')} not filled in: the case is written, to be completed before it is submitted）\n`);
  }
  return EXIT.ok;
}

/** Runs `report`. @throws CliError (2: usage; 1: invalid scheme or case). Returns 1 when a case of a batch could not be scored. */
export async function reportCommand(opts: { scheme: string; facts?: string; cases?: string; out: string }, io: Io): Promise<ExitCode> {
  const ext = wantExt(opts.out, ['.docx', '.xlsx']);
  if ((opts.facts === undefined) === (opts.cases === undefined)) {
    throw usageError('请给出 --facts <案例文件>（一个案例）或 --cases <目录>（整批）之一', 'give exactly one of --facts <case file> or --cases <folder>');
  }
  const scheme = loadScheme(opts.scheme, io.cwd);
  const doc = scheme.compiled.scheme;
  const out = resolve(io.cwd, opts.out);
  const shown = showPath(out, io.cwd);
  const { batchDocx, batchWorkbook, reportDocx, reportWorkbook, xlsxBytes } = await office();
  if (opts.facts !== undefined) {
    const kase = loadFactsCase(opts.facts, io.cwd, doc);
    refuseOtherScheme(kase, scheme, { zh: '出表', en: 'reported' });
    const ref = kase.doc.scheme;
    if (ref && (ref.id !== doc.id || ref.year !== doc.year)) {
      io.err(`警告 案例指明的方案是 ${ref.id}（${ref.year}年），现按 ${doc.id}（${doc.year}年）出表\n    the case names scheme ${ref.id} ${ref.year}, reported with ${doc.id} ${doc.year}\n`);
    }
    const scored: ScoredCase = { doc: kase.doc, sheet: scoreSheet(scheme, kase) };
    writeOut(out, ext === '.docx' ? await reportDocx(doc, scored) : await xlsxBytes(reportWorkbook(doc, scored)), shown);
    io.out(`已写入 ${shown}（written）\n`);
    return EXIT.ok;
  }
  const outcomes = await runCases(readCaseFiles(opts.cases!, io.cwd), io.cwd, scheme);
  const scored: ScoredCase[] = outcomes.flatMap((o) => (o.ok ? [{ doc: o.kase.doc, sheet: o.sheet }] : []));
  for (const o of outcomes) if (!o.ok) io.err(`✗ 已跳过 ${o.file}（skipped）：\n${o.lines.map((l) => `  ${l}`).join('\n')}\n`);
  if (!scored.length) throw inputError([`目录 ${opts.cases} 下没有可计分的案例（no case below ${opts.cases} could be scored）`]);
  writeOut(out, ext === '.docx' ? await batchDocx(doc, scored) : await xlsxBytes(batchWorkbook(doc, scored)), shown);
  io.out(`已写入 ${shown}：${scored.length} 个案例（written: ${countEn(scored.length, 'case')}）\n`);
  return scored.length === outcomes.length ? EXIT.ok : EXIT.invalid;
}

/** Registers template, import and report on the program (called once from program.ts). */
export function registerOfficeCommands(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command('template')
    .description('写出方案的 Excel 填报模板：事实表、评审表，项目方案为自评表（write the fill-in workbook of a scheme）')
    .requiredOption('--scheme <file>', '方案文件（scheme file）')
    .requiredOption('--out <file.xlsx>', '输出的工作簿（output workbook）')
    .option('--projects <n>', '项目方案：自评表中的项目块数，缺省 5（project schemes: project blocks, default 5）')
    .option('--rows <n>', '项目方案：每个项目的指标行数，缺省 25（project schemes: indicator rows per project, default 25）')
    .action((opts: { scheme: string; out: string; projects?: string; rows?: string }) => templateCommand(opts, io));

  program
    .command('import')
    .description('读入填好的工作簿，生成案例文件；问题按工作表与单元格列出（read a filled workbook into case documents）')
    .argument('<workbook>', '填好的 .xlsx 工作簿（the filled workbook）')
    .requiredOption('--scheme <file>', '方案文件（scheme file）')
    .option('--out <file|dir>', '一个案例写到 .json 文件，多个项目写到文件夹（每个项目一个文件）；缺省输出到屏幕（a .json file, or a folder for several projects; default stdout）')
    .action(async (file: string, opts: { scheme: string; out?: string }) => setExit(await importCommand(file, opts, io)));

  program
    .command('report')
    .description('写出官方评分表：部门整体支出绩效评分表或项目支出绩效自评表，Word 或 Excel（write the official score table as .docx or .xlsx）')
    .requiredOption('--scheme <file>', '方案文件（scheme file）')
    .option('--facts <file>', '一个案例文件（one case file）')
    .option('--cases <dir>', '整批：目录下全部案例写成一个文件（a batch: every case below the folder in one file）')
    .requiredOption('--out <file>', '输出文件：.docx / .xlsx（output file）')
    .action(async (opts: { scheme: string; facts?: string; cases?: string; out: string }) => setExit(await reportCommand(opts, io)));
}
