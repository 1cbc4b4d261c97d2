/**
 * `pnpm start`: builds the editor if needed, then serves it and the API on 127.0.0.1.
 * Options: see cli-args.ts. Prints the address; opens a browser when there is a display.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { LOCAL_HOST, parseServerArgs } from './cli-args.ts';
import { ensureEditorBuild, editorPaths } from './ensure-build.ts';
import { buildApp } from './app.ts';
import { securityFor } from './security/server-setup.ts';
import { hasDisplay, openBrowser } from './open-browser.ts';
import type { EnginePort } from './engine-port.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

async function main(): Promise<void> {
  const args = parseServerArgs(process.argv.slice(2), process.env, repoRoot);
  if (!existsSync(args.schemesDir)) {
    throw new Error(`方案目录不存在：${args.schemesDir} (schemes folder not found)`);
  }
  const distDir = args.build ? await ensureEditorBuild(repoRoot) : editorPaths(repoRoot).distDir;
  const engine: EnginePort = await import('@jixiao/engine');
  const app = await buildApp({
    schemesDir: args.schemesDir,
    staticDir: distDir,
    engine,
    logger: { level: process.env['JIXIAO_LOG'] ?? 'warn' },
    security: await securityFor({ host: args.host ?? LOCAL_HOST, plainHttp: args.plainHttp ?? false, ...(args.database ? { database: args.database } : {}) }),
  });
  const host = args.host ?? LOCAL_HOST;
  await app.listen({ host, port: args.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : args.port;
  const url = `http://${host === '0.0.0.0' || host === '::' ? LOCAL_HOST : host}:${port}/`;
  console.log(`jixiao 方案编辑器已启动：${url}  (editor listening; schemes: ${args.schemesDir})`);
  if (args.open && hasDisplay(process.env, process.platform)) openBrowser(url);
  const stop = (): void => {
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  const code = (e as { code?: unknown } | null)?.code;
  const msg = e instanceof Error ? e.message : String(e);
  if (code === 'EADDRINUSE') console.error(`端口已被占用，请换一个端口：pnpm start -- --port 8080（${msg}）`);
  else if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') console.error(`未知选项。可用：--port N、--schemes 目录、--no-open、--no-build、--host 地址、--database 数据库、--plain-http（${msg}）`);
  else console.error(msg);
  process.exit(1);
});
