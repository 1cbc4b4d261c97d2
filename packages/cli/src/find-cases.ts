/** Finding case documents below a folder (recursively), for `audit` and `batch`. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { usageError } from './io.ts';

/**
 * Every `*.json` file below `dir` (recursive), sorted by path, excluding `*.schema.json` and hidden
 * folders such as `.history/` (saved versions of drafts); a single
 * `.json` file given instead of a folder is taken as it is.
 * Whether each is a case or a scheme is decided after reading it (see `isSchemeDoc`).
 * @throws CliError exit 2 when `dir` does not exist or is not a folder.
 */
export function listJsonFiles(dir: string, cwd: string): string[] {
  const abs = resolve(cwd, dir);
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw usageError(`找不到案例目录 ${dir}`, `cases folder not found: ${dir}`);
  }
  if (st.isFile() && abs.endsWith('.json')) return [abs];
  if (!st.isDirectory()) throw usageError(`${dir} 不是目录`, `not a folder: ${dir}`);
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && !f.split(/[\\/]/).some((seg) => seg === 'node_modules' || seg.startsWith('.')))
    .map((f) => join(abs, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** A scheme document (it has an indicator tree and no facts), met when a folder holds schemes and cases. */
export function isSchemeDoc(doc: unknown): boolean {
  return Boolean(doc && typeof doc === 'object' && !Array.isArray(doc) && 'indicators' in doc && !('facts' in doc));
}

/** A case path as shown in a terminal table: relative to the cases folder given on the command line. */
export function shortCasePath(abs: string, casesDir: string, cwd: string): string {
  const base = resolve(cwd, casesDir);
  const rel = relative(base, abs);
  return rel && !rel.startsWith('..') ? rel : relative(cwd, abs) || abs;
}
