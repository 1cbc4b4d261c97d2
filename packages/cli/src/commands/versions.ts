/**
 * Registers the version commands (年度版本): new-year, diff, simulate, publish, history, restore.
 * Called once from program.ts. With `--database` (or `JIXIAO_DATABASE`), new-year, publish, history and
 * restore act through the database store (store-versions.ts); without, on the files.
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

const BASED_ON_HELP = '仅当数据库中的方案仍是此版本时才写入，缺省为开始时读到的版本（write only if the scheme is still this version）';

/** `--based-on` belongs to the database store; with the files it is a usage error. */
function fileMode(opts: { basedOn?: string }): void {
  if (opts.basedOn !== undefined) throw usageError('--based-on 只用于数据库方案库（需 --database 或 JIXIAO_DATABASE）', '--based-on needs the database store (--database or JIXIAO_DATABASE)');
}

export function registerVersionCommands(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command('new-year')
    .description('以某年方案为基础新建另一年度的草稿（create a new year\'s draft from a scheme）')
    .requiredOption('--from <file>', '基础方案文件，如 schemes/shenzhen-department/2024.json（base scheme）')
    .requiredOption('--year <YYYY>', '新草稿的年度（year of the new draft）')
    .option('--out <file>', '输出文件，缺省 schemes/<方案族>/<年度>.json；不覆盖已有文件（output file; never overwritten）')
    .option('--database <url|file>', `在数据库方案库中新建；${DATABASE_HELP}`)
    .action((opts: { from: string; year: string; out?: string; database?: string }) => {
      const database = chosenDatabase(opts.database);
      return database ? newYearInStore({ ...opts, database }, io) : newYearCommand(opts, io);
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
    .argument('<file>', '方案文件（scheme file）')
    .option('--database <url|file>', `在数据库方案库中发布；${DATABASE_HELP}`)
    .option('--based-on <version>', BASED_ON_HELP)
    .action((file: string, opts: { database?: string; basedOn?: string }) => {
      const database = chosenDatabase(opts.database);
      if (database) return publishInStore(file, { database, ...opts }, io);
      fileMode(opts);
      return publishCommand(file, io);
    });

  program
    .command('history')
    .description('列出方案文件的修改历史（list the saved states of a scheme file）')
    .argument('<file>', '方案文件（scheme file）')
    .addOption(new Option('--format <format>', '输出格式（output format）').choices(['table', 'json']).default('table'))
    .option('--database <url|file>', `数据库方案库中的历史；${DATABASE_HELP}`)
    .action((file: string, opts: { format: 'table' | 'json'; database?: string }) => {
      const database = chosenDatabase(opts.database);
      return database ? historyInStore(file, { ...opts, database }, io) : historyCommand(file, opts, io);
    });

  program
    .command('restore')
    .description('恢复历史中的某条记录为当前草稿（恢复本身也记入历史）（restore a history entry; recorded too）')
    .argument('<file>', '方案文件（scheme file）')
    .argument('<seq>', '记录序号，见 jixiao history（entry number）')
    .option('--database <url|file>', `在数据库方案库中恢复；${DATABASE_HELP}`)
    .option('--based-on <version>', BASED_ON_HELP)
    .action((file: string, seq: string, opts: { database?: string; basedOn?: string }) => {
      const database = chosenDatabase(opts.database);
      if (database) return restoreInStore(file, seq, { database, ...opts }, io);
      fileMode(opts);
      return restoreCommand(file, seq, io);
    });
}
