/**
 * Who is saving (作者), from local configuration, in this order: the environment variable
 * `JIXIAO_AUTHOR`; `{"author": "…"}` in a `jixiao.config.json` in the working folder or one above it;
 * git's `user.name`; the operating-system user name; else "未知作者".
 */
import { execFileSync } from 'node:child_process';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readJsonFileSync } from './json-file.ts';

export const UNKNOWN_AUTHOR = '未知作者';

function fromConfig(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    // no config here (or not readable as JSON): look further up
    const r = readJsonFileSync(join(dir, 'jixiao.config.json'));
    const cfg = r.ok && typeof r.doc === 'object' && r.doc !== null ? (r.doc as { author?: unknown }) : {};
    if (typeof cfg.author === 'string' && cfg.author.trim()) return cfg.author.trim();
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function fromGit(cwd: string): string | null {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return name || null;
  } catch {
    return null;
  }
}

/** The author to record for saves made from `cwd`. */
export function resolveAuthor(options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): string {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const fromEnv = env['JIXIAO_AUTHOR']?.trim();
  if (fromEnv) return fromEnv;
  const found = fromConfig(cwd) ?? fromGit(cwd);
  if (found) return found;
  try {
    return userInfo().username || UNKNOWN_AUTHOR;
  } catch {
    return UNKNOWN_AUTHOR;
  }
}
