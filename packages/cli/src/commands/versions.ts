/**
 * Registers the version commands (年度版本): new-year, diff, simulate, publish, history, restore.
 * Called once from program.ts. new-year, publish, history and restore act through the database store
 * (store-versions.ts) — the server's: `--database`, else `JIXIAO_DATABASE`, else the embedded SQLite
 * file under the data folder; with `--files` they act on the scheme files and their `.history/`
 * folders instead (the file workflow of earlier versions). diff and simulate read plain files.
 */
import { Option, type Command } from 'commander';
import { usageError, type ExitCode, type Io } from '../io.ts';
import { diffCommand } from './diff.ts';
import { historyCommand } from './history.ts';
import { newYearCommand } from './new-year.ts';
import { publishCommand } from './publish.ts';
import { restoreCommand } from './restore.ts';
import { simulateCommand } from './simulate.ts';
import { DATABASE_HELP } from './store-exchange.ts';
import { chosenDatabase, historyInStore, newYearInStore, publishInStore, restoreInStore } from './store-versions.ts';

const BASED_ON_HELP = '仅当数据库中该方案的最新一条历史记录仍是此序号时才写入，缺省为开始时读到的序号（write only if the scheme\'s latest history entry is still this one）';
const FILES_HELP = '直接作用于方案文件及其 .history/ 目录，不用数据库（act on the files, not the database）';

/**
 * The help of a scheme path of new-year, publish, history and restore: in database mode (the default) the
 * path only names the document by its place in the exchange layout, `<方案族>/<年度>.json`, and no file is
 * read; with `--files` it is the scheme file itself.
 */
export const SCHEME_PATH_HELP =
  '方案：数据库模式（缺省）下按交换布局 <方案族>/<年度>.json 只用作名称，指明数据库中的方案，不直接读写该文件；--files 时为方案文件本身' +
  '（the scheme: in the database (default) <family>/<year>.json only names the document, the file itself is not read or written; with --files, the scheme file）';

/**
 * Whether a command runs on the files (`--files`); `--database` and `--based-on` belong to the
 * database store, so with `--files` they are a usage error.
 */
function fileMode(opts: { files?: boolean; database?: string; basedOn?: string }): boolean {
  if (!opts.files) return false;
  if (opts.database !== undefined) throw usageError('--files 与 --database 不能同时使用', '--files and --database exclude each other');
  if (opts.basedOn !== undefined) throw usageError('--based-on 只用于数据库方案库（去掉 --files）', '--based-on needs the database store (drop --files)');
  return true;
}

export function registerVersionCommands(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command('new-year')
    .description('以某年方案为基础新建另一年度的草稿（create a new year\'s draft from a scheme）')
    .requiredOption('--from <scheme>', `基础方案，如 schemes/shenzhen-department/2024.json。${SCHEME_PATH_HELP}`)
    .requiredOption('--year <YYYY>', '新草稿的年度（year of the new draft）')
    .option('--out <scheme>', '新草稿：数据库模式下以 <方案族>/<年度>.json 指明新方案的名称（不写文件），缺省为基础方案的方案族与 --year；--files 时为输出文件，缺省 schemes/<方案族>/<年度>.json，不覆盖已有文件（the new draft: in the database, <family>/<year>.json names it, no file is written; with --files, the output file, never overwritten）')
    .option('--database <url|file>', `在数据库方案库中新建；${DATABASE_HELP}`)
    .option('--files', FILES_HELP)
    .action((opts: { from: string; year: string; out?: string; database?: string; files?: boolean }) => {
      if (fileMode(opts)) return newYearCommand(opts, io);
      return newYearInStore({ ...opts, database: chosenDatabase(opts.database) }, io);
    });

  program
    .command('diff')
    .description('比较两个版本的方案，逐项列出变更（list every change between two scheme versions）')
    .argument('<a>', '较早的版本（older version）')
    .argument('<b>', '较新的版本（newer version）')
    .addOption(new Option('--format <format>', '输出格式（output format）').choices(['text', 'json']).default('text'))
    .action((a: string, b: string, opts: { format: 'text' | 'json' }) => diffCommand(a, b, opts, io));

  program
    .command('simulate')
    .description('影响预览：草稿与基准方案下各案例的得分变化（impact of a draft on every case）')
    .requiredOption('--draft <file>', '草稿方案（draft scheme）')
    .requiredOption('--baseline <file>', '基准方案，通常是草稿所基于的版本（baseline scheme）')
    .requiredOption('--cases <dir>', '案例目录（递归），如 schemes/<方案族>/cases（cases folder, recursive）')
    .addOption(new Option('--format <format>', '输出格式（output format）').choices(['table', 'json']).default('table'))
    .action((opts: { draft: string; baseline: string; cases: string; format: 'table' | 'json' }) => setExit(simulateCommand(opts, io)));

  program
    .command('publish')
    .description('发布草稿：仅有效的草稿可发布，发布后不可修改（publish a valid draft; it is frozen afterwards）')
    .argument('<scheme>', SCHEME_PATH_HELP)
    .option('--database <url|file>', `在数据库方案库中发布；${DATABASE_HELP}`)
    .option('--based-on <seq>', BASED_ON_HELP)
    .option('--files', FILES_HELP)
    .option('--accept-warnings', '方案有警告时仍发布（如存储的评分标准原文与规则不符；默认不发布并列出警告）（publish although validation warns）')
    .action((file: string, opts: { database?: string; basedOn?: string; files?: boolean; acceptWarnings?: boolean }) => {
      if (fileMode(opts)) return publishCommand(file, io, opts);
      return publishInStore(file, { ...opts, database: chosenDatabase(opts.database) }, io);
    });

  program
    .command('history')
    .description('列出方案的修改历史（list the saved states of a scheme）')
    .argument('<scheme>', SCHEME_PATH_HELP)
    .addOption(new Option('--format <format>', '输出格式（output format）').choices(['table', 'json']).default('table'))
    .option('--database <url|file>', `数据库方案库中的历史；${DATABASE_HELP}`)
    .option('--files', FILES_HELP)
    .action((file: string, opts: { format: 'table' | 'json'; database?: string; files?: boolean }) => {
      if (fileMode(opts)) return historyCommand(file, opts, io);
      return historyInStore(file, { ...opts, database: chosenDatabase(opts.database) }, io);
    });

  program
    .command('restore')
    .description('恢复历史中的某条记录为当前草稿（恢复本身也记入历史）（restore a history entry; recorded too）')
    .argument('<scheme>', SCHEME_PATH_HELP)
    .argument('<seq>', '记录序号，见 jixiao history（entry number）')
    .option('--database <url|file>', `在数据库方案库中恢复；${DATABASE_HELP}`)
    .option('--based-on <seq>', BASED_ON_HELP)
    .option('--files', FILES_HELP)
    .action((file: string, seq: string, opts: { database?: string; basedOn?: string; files?: boolean }) => {
      if (fileMode(opts)) return restoreCommand(file, seq, io);
      return restoreInStore(file, seq, { ...opts, database: chosenDatabase(opts.database) }, io);
    });
}
