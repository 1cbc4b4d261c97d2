/** Scoring every case below a folder (audit, batch): scheme documents met on the way are skipped. */
import { CliError } from './io.ts';
import { readJsonFile, showPath } from './json-file.ts';
import { isSchemeDoc, listJsonFiles } from './find-cases.ts';
import { SchemeFinder } from './find-scheme.ts';
import { failuresOf, scoreCaseDoc, type CaseOutcome } from './score-case.ts';
import type { LoadedScheme } from './load.ts';

/** The case files below `dir`, read once: parse failures are kept (as failures), schemes dropped. */
export interface CaseFiles {
  files: { abs: string; doc?: unknown; error?: CliError }[];
}

/** Lists and reads the JSON files below `dir`, dropping scheme documents. @throws CliError 2 for a bad folder. */
export function readCaseFiles(dir: string, cwd: string): CaseFiles {
  const files: CaseFiles['files'] = [];
  for (const abs of listJsonFiles(dir, cwd)) {
    try {
      const { doc } = readJsonFile(abs, cwd, '案例文件');
      if (!isSchemeDoc(doc)) files.push({ abs, doc });
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      files.push({ abs, error: e });
    }
  }
  return { files };
}

/**
 * Scores each case file; `onEach` is called after every case (for a progress bar), and the event loop
 * gets a turn between cases so the bar can redraw.
 * @param fixed a scheme for every case (batch --scheme); otherwise each case finds its own.
 */
export async function runCases(cases: CaseFiles, cwd: string, fixed?: LoadedScheme, onEach?: (done: number, total: number) => void): Promise<CaseOutcome[]> {
  const finder = new SchemeFinder(cwd);
  const out: CaseOutcome[] = [];
  for (const f of cases.files) {
    if (f.error) {
      const file = showPath(f.abs, cwd);
      out.push({ ok: false, file, schemeId: null, lines: f.error.lines, failures: failuresOf(f.error, file) });
    } else {
      out.push(scoreCaseDoc(f.abs, cwd, finder, fixed, f.doc));
    }
    if (onEach) {
      onEach(out.length, cases.files.length);
      await new Promise((r) => setImmediate(r));
    }
  }
  return out;
}
