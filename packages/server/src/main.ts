/**
 * `pnpm start`: builds the editor if needed, opens the store (the embedded SQLite file under the data
 * folder, or `--database` / `JIXIAO_DATABASE`: a postgres:// URL or another SQLite file), imports the
 * schemes folder on the first start, then serves the editor and the API on 127.0.0.1 (or `--host`,
 * with accounts). Options: see cli-args.ts. Prints the address; opens a browser when there is a display.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { LOCAL_HOST, parseServerArgs } from './cli-args.ts';
import { ensureEditorBuild, editorPaths } from './ensure-build.ts';
import { buildApp } from './app.ts';
import { securityFor } from './security/server-setup.ts';
import { hasDisplay, openBrowser } from './open-browser.ts';
import { localUrl, startLines } from './start-message.ts';
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
    ...(args.database ? { database: args.database } : {}),
    staticDir: distDir,
    engine,
    logger: { level: process.env['JIXIAO_LOG'] ?? 'warn' },
    security: await securityFor({ host: args.host ?? LOCAL_HOST, plainHttp: args.plainHttp ?? false, ...(args.database ? { database: args.database } : {}) }),
  });
  const { description, imported } = app.jixiao;
  if (imported) {
    const n = imported.imported.length;
    console.log(`首次启动：已从 ${args.schemesDir} 导入 ${n} 个方案与案例（first start: imported ${n} documents）`);
    for (const f of imported.refused) console.warn(`  未能导入 ${f.path}：${f.issues.map((i) => i.message).join('；')}（not imported）`);
    for (const s of imported.skipped) console.warn(`  跳过 ${s.path}：${s.reason}`);
  }
  const host = args.host ?? LOCAL_HOST;
  await app.listen({ host, port: args.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : args.port;
  const url = localUrl(host, port);
  for (const line of startLines({ host, port, database: description, plainHttp: args.plainHttp ?? false })) console.log(line);
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
  else if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') console.error(`未知选项。可用：--port N、--database 地址或文件、--schemes 目录、--no-open、--no-build、--host 地址、--plain-http（${msg}）`);
  else console.error(msg);
  process.exit(1);
});
