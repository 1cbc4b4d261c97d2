/**
 * Which security a server gets from how it is started (`main.ts`): on a loopback address (127.0.0.1,
 * the default; localhost; ::1) none — the one-user tool, no login; on any other address (`--host
 * 0.0.0.0` or an intranet address) accounts are required, from the database (`--database`, else
 * `JIXIAO_DATABASE`, else the embedded SQLite file), and the server refuses to start when there is
 * no account yet (nobody could sign in).
 */
import { describeDatabase, openAccounts, resolveDatabaseConfig } from '@jixiao/store';
import type { SecurityOptions } from './plugin.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True when `host` (a `--host` value) is this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase();
  return LOOPBACK.has(h) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** How the server is started, as far as security goes. */
export interface SecurityArgs {
  /** The address to listen on. */
  host: string;
  /** `--database` (a postgres:// URL or a SQLite file); default `JIXIAO_DATABASE`, then the embedded file. */
  database?: string;
  /** `--plain-http`: the session cookie without Secure (the server is reached over plain HTTP). */
  plainHttp: boolean;
}

/** The security options for `buildApp`; throws (in Chinese, English beside) when accounts are needed and there are none. */
export async function securityFor(args: SecurityArgs, env: NodeJS.ProcessEnv = process.env): Promise<SecurityOptions> {
  if (isLoopback(args.host)) return { mode: 'local' };
  const config = resolveDatabaseConfig({ ...(args.database !== undefined ? { database: args.database } : {}), env });
  const accounts = await openAccounts(config);
  if ((await accounts.listUsers()).length === 0) {
    await accounts.close();
    throw new Error(
      `在 ${args.host} 上运行需要账号，但数据库 ${describeDatabase(config)} 中还没有账号；请先创建：pnpm jixiao user add 用户名 --role 政策管理 --database …\n` +
        `  (listening on ${args.host} requires accounts, and the database has none: create one with pnpm jixiao user add)`,
    );
  }
  return { mode: 'accounts', accounts, secureCookie: !args.plainHttp, closeAccounts: true };
}
