/**
 * Who is saving (作者), from local configuration, in this order: the environment variable
 * `JIXIAO_AUTHOR`; `{"author": "…"}` in a `jixiao.config.json` in the working folder or one above it;
 * git's `user.name`; the operating-system user name; else "未知作者".
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const UNKNOWN_AUTHOR = '未知作者';

function fromConfig(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    try {
      const cfg = JSON.parse(readFileSync(join(dir, 'jixiao.config.json'), 'utf8')) as { author?: unknown };
      if (typeof cfg.author === 'string' && cfg.author.trim()) return cfg.author.trim();
    } catch {
      // no config here (or unreadable): look further up
    }
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
