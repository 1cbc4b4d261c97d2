/**
 * Command-line options of `pnpm start`:
 *   --port <n>      port (default: env PORT, else 5178; 0 = any free port)
 *   --schemes <dir> schemes folder (default: env JIXIAO_SCHEMES, else <repo>/schemes)
 *   --no-open       never open a browser
 *   --no-build      do not build the editor even when it is missing or out of date
 *   --host <addr>   address to listen on (default 127.0.0.1); any other than a loopback address
 *                   requires accounts (security/server-setup.ts)
 *   --database <url|file>  the database of the accounts (default env JIXIAO_DATABASE, else the embedded file)
 *   --plain-http    the server is reached over plain HTTP: session cookie without Secure
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';

export const DEFAULT_PORT = 5178;

export interface ServerArgs {
  port: number;
  schemesDir: string;
  open: boolean;
  build: boolean;
  /** `--host` when given (default 127.0.0.1: `LOCAL_HOST`). */
  host?: string;
  database?: string;
  /** `--plain-http` when given. */
  plainHttp?: boolean;
}

/** The address the server listens on without `--host`. */
export const LOCAL_HOST = '127.0.0.1';

/** Parses `argv` (without node and script) with `env` fallbacks; throws on a bad port. */
export function parseServerArgs(argv: string[], env: NodeJS.ProcessEnv, repoRoot: string): ServerArgs {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      port: { type: 'string' },
      schemes: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      host: { type: 'string' },
      database: { type: 'string' },
      'plain-http': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const rawPort = values.port ?? env['PORT'] ?? String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!/^[0-9]+$/.test(rawPort) || port > 65535) {
    throw new Error(`端口不合法：${rawPort} (invalid port)`);
  }
  return {
    port,
    schemesDir: resolve(values.schemes ?? env['JIXIAO_SCHEMES'] ?? resolve(repoRoot, 'schemes')),
    open: !values['no-open'],
    build: !values['no-build'],
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.database !== undefined ? { database: values.database } : {}),
    ...(values['plain-http'] ? { plainHttp: true } : {}),
  };
}
