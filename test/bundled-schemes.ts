/**
 * The scheme and case files this repository ships (those git tracks under schemes/). Tests read and copy
 * only these, so drafts a user made by running the editor on the same folder (2025.json, .history/…)
 * never change what the tests see. Outside a git checkout, every file but .history/ counts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCHEMES = join(REPO_ROOT, 'schemes');

let cached: string[] | null = null;

/** Paths relative to schemes/ ("shenzhen-department/2024.json", ".../cases/2021/x.json"). */
export function bundledSchemeFiles(): string[] {
  if (cached) return cached;
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--', 'schemes'], { cwd: REPO_ROOT, encoding: 'utf8' });
    cached = out.split('\0').filter(Boolean).map((p) => relative('schemes', p));
  } catch {
    cached = (readdirSync(SCHEMES, { recursive: true, encoding: 'utf8' }) as string[]).filter((p) => p.endsWith('.json') && !p.split(/[\\/]/).includes('.history'));
  }
  return cached;
}

/** Whether an absolute path under schemes/ is shipped with the repository. */
export function isBundled(absPath: string): boolean {
  return bundledSchemeFiles().includes(relative(SCHEMES, absPath));
}

/** Copies the shipped files (optionally one family's) into `dest`, keeping the layout. */
export function copyBundledSchemes(dest: string, family?: string): void {
  for (const rel of bundledSchemeFiles()) {
    if (family && !rel.startsWith(`${family}/`)) continue;
    mkdirSync(dirname(join(dest, rel)), { recursive: true });
    cpSync(join(SCHEMES, rel), join(dest, rel));
  }
}
