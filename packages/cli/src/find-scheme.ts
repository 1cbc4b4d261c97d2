/**
 * Finding the scheme a case is scored by. A case names its scheme `{ id, year }`; on disk schemes live at
 * `schemes/<family>/<year>.json` and cases at `schemes/<family>/cases/<year>/<case>.json`. Candidates,
 * in order:
 * 1. the layout itself: from `<family>/cases/<year>/x.json`, the file `<family>/<year>.json`;
 * 2. `<root>/<id>/<year>.json` for each schemes root: an ancestor folder named `schemes`, an ancestor's
 *    `schemes/` subfolder, or `schemes/` in the working directory;
 * 3. every `<root>/*\/<year>.json` of those roots.
 * The first whose document has the case's `id` and `year` wins. Compiled schemes are cached per file.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { compileSchemeFile, type LoadedScheme } from './load.ts';
import { readJsonFile } from './json-file.ts';
import { CliError, inputError } from './io.ts';

/** Schemes roots for a case file: ancestors named `schemes`, ancestors' `schemes/` subfolders, then cwd's. */
function roots(caseFile: string, cwd: string): string[] {
  const out: string[] = [];
  let dir = dirname(caseFile);
  for (;;) {
    if (basename(dir) === 'schemes') out.push(dir);
    const sub = join(dir, 'schemes');
    if (existsSync(sub) && statSync(sub).isDirectory()) out.push(sub);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  out.push(resolve(cwd, 'schemes'));
  return [...new Set(out)].filter((r) => existsSync(r));
}

/** Candidate scheme files for a case, most likely first (see the module comment). */
export function schemeCandidates(caseFile: string, ref: { id: string; year: number }, cwd: string): string[] {
  const out: string[] = [];
  const yearDir = dirname(caseFile);
  const casesDir = dirname(yearDir);
  if (basename(casesDir) === 'cases') out.push(join(dirname(casesDir), `${ref.year}.json`));
  const rs = roots(caseFile, cwd);
  for (const r of rs) out.push(join(r, ref.id, `${ref.year}.json`));
  for (const r of rs) {
    for (const fam of readdirSync(r).sort()) out.push(join(r, fam, `${ref.year}.json`));
  }
  return [...new Set(out)].filter((f) => existsSync(f) && statSync(f).isFile());
}

/** Finds and compiles schemes for cases, each file read and compiled once. */
export class SchemeFinder {
  private readonly compiled = new Map<string, LoadedScheme | CliError>();
  private readonly heads = new Map<string, { id: unknown; year: unknown } | null>();

  constructor(private readonly cwd: string) {}

  /** id and year of a scheme file, or null when it is not readable JSON. */
  private head(file: string): { id: unknown; year: unknown } | null {
    if (!this.heads.has(file)) {
      try {
        const doc = readJsonFile(file, this.cwd).doc as { id?: unknown; year?: unknown } | null;
        this.heads.set(file, doc && typeof doc === 'object' ? { id: doc.id, year: doc.year } : null);
      } catch {
        this.heads.set(file, null);
      }
    }
    return this.heads.get(file)!;
  }

  /** Compiles a scheme file once; an invalid scheme's error is cached and rethrown for every case. */
  load(file: string): LoadedScheme {
    const abs = resolve(this.cwd, file);
    if (!this.compiled.has(abs)) {
      try {
        this.compiled.set(abs, compileSchemeFile(readJsonFile(abs, this.cwd, '方案文件')));
      } catch (e) {
        if (!(e instanceof CliError)) throw e;
        this.compiled.set(abs, e);
      }
    }
    const hit = this.compiled.get(abs)!;
    if (hit instanceof CliError) throw hit;
    return hit;
  }

  /**
   * The compiled scheme a case names.
   * @throws CliError exit 1 when no scheme file with that id and year is found, or it is invalid.
   */
  forCase(caseFile: string, ref: { id: string; year: number }): LoadedScheme {
    for (const f of schemeCandidates(caseFile, ref, this.cwd)) {
      const h = this.head(f);
      if (h && h.id === ref.id && h.year === ref.year) return this.load(f);
    }
    throw inputError([
      `错误 [scheme-not-found] 找不到案例所用的方案 ${ref.id}（${ref.year}年），应在 schemes/<方案族>/${ref.year}.json`,
      `    scheme ${ref.id} ${ref.year} not found (expected schemes/<family>/${ref.year}.json)`,
    ]);
  }
}
