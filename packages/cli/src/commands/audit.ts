/**
 * `jixiao audit --cases <dir> [--format table|json] [--wide]`: every case below the folder, each scored under the
 * scheme it names, computed against reported scores (engine `auditCase`), every difference listed with
 * its reason, and the steps from the indicators' sum to the total (不适用折算, 总分封顶); the table fits the terminal's width (text columns wrapped) unless `--wide`. Cases that cannot be scored are reported and skipped; they make the exit code 1.
 */
import { resolve } from 'node:path';
import { showScore, type AuditDifference } from '@jixiao/engine';
import { shortCasePath } from '../find-cases.ts';
import { EXIT, type ExitCode, type Io } from '../io.ts';
import { adjustmentText, type Adjustment } from '../present/adjustments.ts';
import { fittedTable, wrapLine } from '../present/fit.ts';
import { readCaseFiles, runCases } from '../run-cases.ts';
import type { CaseOutcome } from '../score-case.ts';

export interface AuditOptions {
  cases: string;
  format: 'table' | 'json';
  /** Print the table at its full width instead of fitting it to the terminal. */
  wide?: boolean;
}

/** One case in `audit --format json`; scores are decimal strings. */
export interface AuditJson {
  case: string;
  scheme: string | null;
  name?: string;
  computed: { total: string; grade: string } | null;
  reported: { total: string | null; grade: string | null } | null;
  differences: AuditDifference[];
  reproduced: number;
  unverified: number;
  judgement: number;
  differing: number;
  unreported: number;
  /** Project rows (年度绩效指标) whose rule score differs from the self-score. */
  rowsDiffering: number;
  /** The steps from the indicators' sum to the computed total (不适用折算, 总分封顶), when the scheme has them. */
  adjustments?: Adjustment[];
  /** Present when the case could not be scored: each problem with file, JSON path and message. */
  error?: { file: string; path: string; code: string; message: string; messageEn: string }[];
}

/** The JSON object of one case outcome. */
export function auditJson(o: CaseOutcome): AuditJson {
  if (!o.ok) {
    return { case: o.file, scheme: o.schemeId, computed: null, reported: null, differences: [], reproduced: 0, unverified: 0, judgement: 0, differing: 0, unreported: 0, rowsDiffering: 0, error: o.failures };
  }
  const a = o.audit;
  return {
    case: o.file,
    scheme: o.sheet.scheme.id,
    name: o.kase.doc.name,
    computed: a.computed,
    reported: a.reported,
    differences: a.differences,
    reproduced: a.reproduced,
    unverified: a.unverified,
    judgement: a.judgement,
    differing: a.differing,
    unreported: a.unreported,
    rowsDiffering: a.rowsDiffering,
    ...(o.sheet.adjustments?.length ? { adjustments: o.sheet.adjustments } : {}),
  };
}

/**
 * Table form: one line per case, its differences (and failures) listed under it; fitted to `width`
 * columns (null: full width) by wrapping the text columns and the listed lines.
 */
function auditText(outcomes: CaseOutcome[], short: (file: string) => string, width: number | null): string {
  const head = ['案例', '名称', '方案', '计算总分', '报告总分', '等级', '复核一致', '未核实', '酌情', '不一致', '指标行与自评不同'];
  const rows: string[][] = [];
  const details: string[] = [];
  for (const o of outcomes) {
    if (!o.ok) {
      rows.push([short(o.file), '', o.schemeId ?? '', '—', '—', '', '', '', '', '无法计分', '']);
      details.push(`✗ ${o.file} 无法计分（cannot be scored）：`, ...o.lines.map((l) => `  ${l}`));
      continue;
    }
    const p = o.scheme.compiled.scheme.rounding.places;
    const a = o.audit;
    rows.push([short(o.file), o.kase.doc.name, o.sheet.scheme.id, showScore(a.computed.total, p), showScore(a.reported.total, p) || '—', a.computed.grade, String(a.reproduced), String(a.unverified), String(a.judgement), String(a.differing), String(a.rowsDiffering)]);
    const steps = o.sheet.adjustments ?? [];
    if (steps.length) details.push(`${o.file}（${o.kase.doc.name}）总分调整（adjustments to the total）：`, ...steps.map((x) => `  - ${adjustmentText(x, p)}`));
    if (a.differences.length) {
      details.push(`${o.file}（${o.kase.doc.name}）差异 ${a.differences.length} 处：`);
      for (const d of a.differences) {
        details.push(`  - ${d.indicator}「${d.name}」报告 ${showScore(d.reported, p)}，计算 ${showScore(d.computed, p)}${d.documented ? '（已记载）' : ''}：${d.reason}`);
      }
    }
  }
  return [fittedTable(head, rows, [3, 4, 6, 7, 8, 9, 10], width), ...(details.length ? ['', ...details.map((l) => wrapLine(l, width, 4))] : [])].join('\n');
}

/** Runs `audit`; returns 1 when some case could not be scored (the others are still reported). */
export async function auditCommand(opts: AuditOptions, io: Io): Promise<ExitCode> {
  const outcomes = await runCases(readCaseFiles(opts.cases, io.cwd), io.cwd);
  const failed = outcomes.filter((o) => !o.ok);
  if (opts.format === 'json') io.out(JSON.stringify(outcomes.map(auditJson), null, 2) + '\n');
  else {
    const width = opts.wide ? null : (io.columns ?? null);
    io.out(auditText(outcomes, (f) => shortCasePath(resolve(io.cwd, f), opts.cases, io.cwd), width) + '\n');
    const ok = outcomes.length - failed.length;
    const diffs = outcomes.reduce((s, o) => s + (o.ok ? o.audit.differences.length : 0), 0);
    io.out(`\n${wrapLine(`共 ${outcomes.length} 个案例：${ok} 个已计分，${failed.length} 个无法计分，差异 ${diffs} 处（${outcomes.length} cases, ${ok} scored, ${failed.length} failed, ${diffs} differences）`, width)}\n`);
  }
  if (outcomes.length === 0) io.err(`警告 目录 ${opts.cases} 下没有案例文件（no case files below ${opts.cases}）\n`);
  if (failed.length && opts.format === 'json') for (const f of failed) io.err(f.lines.join('\n') + '\n');
  return failed.length ? EXIT.invalid : EXIT.ok;
}
