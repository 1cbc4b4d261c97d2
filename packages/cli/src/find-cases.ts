/** Finding case documents below a folder (recursively), for `audit` and `batch`. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { usageError } from './io.ts';

/**
 * Every `*.json` file below `dir` (recursive), sorted by path, excluding `*.schema.json`.
 * Whether each is a case or a scheme is decided after reading it (see `isSchemeDoc`).
 * @throws CliError exit 2 when `dir` does not exist or is not a folder.
 */
export function listJsonFiles(dir: string, cwd: string): string[] {
  const abs = resolve(cwd, dir);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    throw usageError(`找不到案例目录 ${dir}`, `cases folder not found: ${dir}`);
  }
  if (!isDir) throw usageError(`${dir} 不是目录`, `not a folder: ${dir}`);
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json') && !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => join(abs, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** A scheme document (it has an indicator tree and no facts), met when a folder holds schemes and cases. */
export function isSchemeDoc(doc: unknown): boolean {
  return Boolean(doc && typeof doc === 'object' && !Array.isArray(doc) && 'indicators' in doc && !('facts' in doc));
}
