/**
 * `jixiao import-store <dir>` / `jixiao export-store <dir>`: the schemes folder layout
 * (`<dir>/<family>/<year>.json`, `<dir>/<family>/cases/<year>/<case>.json`) moved into the database
 * store and out of it. The database is `--database` (a `postgres://` URL or a SQLite file), else
 * `JIXIAO_DATABASE`, else the embedded SQLite file under the data folder.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { describeDatabase, exportFiles, importFiles, openStore, resolveAuthor, resolveDatabaseConfig, type DocumentStore } from '@jixiao/store';
import { CliError, EXIT, usageError, type ExitCode, type Io } from '../io.ts';
import { issueLines } from '../issues.ts';

export const DATABASE_HELP = '数据库：postgres:// 地址或 SQLite 文件路径；缺省取 JIXIAO_DATABASE，再缺省为数据目录下的 jixiao.sqlite（database: a postgres:// URL or a SQLite file）';

/** Opens the store named by `--database` (or the environment); a failure is a CliError naming the database. */
export async function openDatabase(database: string | undefined, io: Io): Promise<DocumentStore> {
  const config = resolveDatabaseConfig({ database, cwd: io.cwd });
  try {
    return await openStore(config);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new CliError(EXIT.invalid, [`无法打开数据库 ${describeDatabase(config)}：${msg}`, `    cannot open the database: ${msg}`]);
  }
}

async function requireDir(dir: string, io: Io): Promise<string> {
  const abs = resolve(io.cwd, dir);
  const s = await stat(abs).catch(() => null);
  if (!s?.isDirectory()) throw usageError(`找不到目录 ${dir}`, `no such folder: ${dir}`);
  return abs;
}

/** Runs `import-store`. @returns 0, or 1 when some file was refused (the others are imported). */
export async function importStoreCommand(dir: string, opts: { database?: string }, io: Io): Promise<ExitCode> {
  const abs = await requireDir(dir, io);
  const store = await openDatabase(opts.database, io);
  try {
    const r = await importFiles(store, abs, { author: resolveAuthor({ cwd: io.cwd }) });
    for (const f of r.refused) io.err(`拒绝导入 ${f.path}（refused）：\n${issueLines(f.issues).map((l) => `  ${l}`).join('\n')}\n`);
    for (const s of r.skipped) io.err(`跳过 ${s.path}：${s.reason}\n`);
    const n = (o: string) => r.imported.filter((f) => f.outcome === o).length;
    io.out(
      `已导入 ${dir} 到 ${store.description}（imported）：` +
        `新建 ${n('created')} 个、更新 ${n('updated')} 个、未变 ${n('unchanged')} 个；拒绝 ${r.refused.length} 个；跳过 ${r.skipped.length} 个\n` +
        `  created ${n('created')}, updated ${n('updated')}, unchanged ${n('unchanged')}, refused ${r.refused.length}, skipped ${r.skipped.length}\n`,
    );
    return r.refused.length ? EXIT.invalid : EXIT.ok;
  } finally {
    await store.close();
  }
}

/** Runs `export-store`. */
export async function exportStoreCommand(dir: string, opts: { database?: string; family?: string }, io: Io): Promise<ExitCode> {
  const abs = resolve(io.cwd, dir);
  const store = await openDatabase(opts.database, io);
  try {
    const r = await exportFiles(store, abs, opts.family ? { family: opts.family } : {});
    io.out(
      `已从 ${store.description} 导出到 ${dir}（exported）：写入 ${r.written.length} 个文件，未变 ${r.unchanged.length} 个\n` +
        `  written ${r.written.length}, unchanged ${r.unchanged.length}\n`,
    );
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new CliError(EXIT.invalid, [`导出失败：${msg}`, `    export failed: ${msg}`]);
  } finally {
    await store.close();
  }
}

/** Registers `import-store` and `export-store`. Called once from program.ts. */
export function registerStoreCommands(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command('import-store')
    .description('把方案目录（<方案族>/<年度>.json 与 cases/）导入数据库（import a schemes folder into the database）')
    .argument('<dir>', '方案目录，如 schemes（schemes folder）')
    .option('--database <url|file>', DATABASE_HELP)
    .action(async (dir: string, opts: { database?: string }) => setExit(await importStoreCommand(dir, opts, io)));

  program
    .command('export-store')
    .description('把数据库中的方案与案例导出为方案目录结构（export the database as a schemes folder）')
    .argument('<dir>', '输出目录（output folder）')
    .option('--database <url|file>', DATABASE_HELP)
    .option('--family <name>', '只导出一个方案族（only one family）')
    .action(async (dir: string, opts: { database?: string; family?: string }) => setExit(await exportStoreCommand(dir, opts, io)));
}
