/**
 * Which database (数据库配置) and opening it. One setting chooses: `--database` or the environment
 * variable `JIXIAO_DATABASE` — a `postgres://` (or `postgresql://`) URL for PostgreSQL, or the path of
 * a SQLite file; without either, the embedded default `<data folder>/jixiao.sqlite`, where the data
 * folder is `JIXIAO_DATA` or `<repository>/data`.
 *
 * SQLite (better-sqlite3) runs in WAL mode with full sync (an acknowledged save survives a crash of
 * the process and of the machine), foreign keys on, and waits up to `busyTimeoutMs` for another
 * process's write. PostgreSQL goes through a `pg` pool.
 */
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Dialect } from './migrations.ts';
import type { StoreDatabase } from './schema.ts';

/** Where the store lives. */
export type DatabaseConfig = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

/** The file name of the embedded database inside the data folder. */
export const DEFAULT_DATABASE_FILE = 'jixiao.sqlite';

/** The repository root (this file is `packages/store/src/db/connect.ts`). */
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** The data folder: `JIXIAO_DATA`, else `<repository>/data`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['JIXIAO_DATA']?.trim();
  return fromEnv ? resolve(fromEnv) : resolve(REPO_ROOT, 'data');
}

const PG_URL = /^postgres(ql)?:\/\//i;

/**
 * The database a command or server uses: `database` (the `--database` option), else
 * `JIXIAO_DATABASE`, else the SQLite file under `dataDir` (default `defaultDataDir(env)`).
 * A relative SQLite path is taken from `cwd`.
 */
export function resolveDatabaseConfig(opts: { database?: string; env?: NodeJS.ProcessEnv; dataDir?: string; cwd?: string } = {}): DatabaseConfig {
  const env = opts.env ?? process.env;
  const value = opts.database?.trim() || env['JIXIAO_DATABASE']?.trim();
  if (value && PG_URL.test(value)) return { dialect: 'postgres', url: value };
  if (value) return { dialect: 'sqlite', file: isAbsolute(value) ? value : resolve(opts.cwd ?? process.cwd(), value) };
  return { dialect: 'sqlite', file: resolve(opts.dataDir ?? defaultDataDir(env), DEFAULT_DATABASE_FILE) };
}

/** How a configuration is shown to a person: the file, or the URL without its password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.dialect === 'sqlite') return `SQLite ${config.file}`;
  try {
    const u = new URL(config.url);
    if (u.password) u.password = '***';
    return `PostgreSQL ${u.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}

export interface OpenOptions {
  /** How long a SQLite write waits for another process's write (ms); default 15 000. */
  busyTimeoutMs?: number;
  /** Connections of the PostgreSQL pool; default 4. */
  poolSize?: number;
}

/** Opens a Kysely instance on the configured database (creating a SQLite file and its folder if needed). */
export function openKysely(config: DatabaseConfig, opts: OpenOptions = {}): { db: Kysely<StoreDatabase>; dialect: Dialect } {
  if (config.dialect === 'sqlite') {
    mkdirSync(dirname(config.file), { recursive: true });
    const database = new BetterSqlite3(config.file, { timeout: opts.busyTimeoutMs ?? 15_000 });
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    return { db: new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database }) }), dialect: 'sqlite' };
  }
  // pg is loaded when the first query needs the pool: loading it costs every start of the CLI and the
  // server ~0.1 s (more on a busy machine), and most never use PostgreSQL
  const pool = async () => {
    const { default: pg } = await import('pg');
    const p = new pg.Pool({ connectionString: config.url, max: opts.poolSize ?? 4 });
    // An idle connection dropped by the server must not crash the process; the next query reconnects.
    p.on('error', () => {});
    return p;
  };
  return { db: new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
}
