/**
 * Command-line options of `pnpm start`:
 *   --port <n>            port (default: env PORT, else 5178; 0 = any free port)
 *   --database <url|file> the store: a postgres:// URL or a SQLite file (default: env JIXIAO_DATABASE,
 *                         else the SQLite file <data folder>/jixiao.sqlite, see `resolveDatabaseConfig`)
 *   --schemes <dir>       the schemes folder a first start imports into an empty store (default: env
 *                         JIXIAO_SCHEMES, else <repo>/schemes)
 *   --no-open             never open a browser
 *   --no-build            do not build the editor even when it is missing or out of date
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';

export const DEFAULT_PORT = 5178;

export interface ServerArgs {
  port: number;
  /** The `--database` value as given (undefined: `JIXIAO_DATABASE` or the embedded default). */
  database?: string;
  schemesDir: string;
  open: boolean;
  build: boolean;
}

/** Parses `argv` (without node and script) with `env` fallbacks; throws on a bad port. */
export function parseServerArgs(argv: string[], env: NodeJS.ProcessEnv, repoRoot: string): ServerArgs {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      port: { type: 'string' },
      database: { type: 'string' },
      schemes: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const rawPort = values.port ?? env['PORT'] ?? String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!/^[0-9]+$/.test(rawPort) || port > 65535) {
    throw new Error(`端口不合法：${rawPort} (invalid port)`);
  }
  const args: ServerArgs = {
    port,
    schemesDir: resolve(values.schemes ?? env['JIXIAO_SCHEMES'] ?? resolve(repoRoot, 'schemes')),
    open: !values['no-open'],
    build: !values['no-build'],
  };
  if (values.database?.trim()) args.database = values.database.trim();
  return args;
}
