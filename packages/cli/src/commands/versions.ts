/**
 * Registers the version commands (年度版本): new-year, diff, simulate, publish, history, restore.
 * Called once from program.ts.
 */
import { Option, type Command } from 'commander';
import type { ExitCode, Io } from '../io.ts';
import { diffCommand } from './diff.ts';
import { historyCommand } from './history.ts';
import { newYearCommand } from './new-year.ts';
import { publishCommand } from './publish.ts';
import { restoreCommand } from './restore.ts';
import { simulateCommand } from './simulate.ts';

export function registerVersionCommands(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command('new-year')
    .description('以某年方案为基础新建另一年度的草稿（create a new year\'s draft from a scheme）')
    .requiredOption('--from <file>', '基础方案文件，如 schemes/shenzhen-department/2024.json（base scheme）')
    .requiredOption('--year <YYYY>', '新草稿的年度（year of the new draft）')
    .option('--out <file>', '输出文件，缺省 schemes/<方案族>/<年度>.json；不覆盖已有文件（output file; never overwritten）')
    .action((opts: { from: string; year: string; out?: string }) => newYearCommand(opts, io));

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
    .action((file: string) => publishCommand(file, io));

  program
    .command('history')
    .description('列出方案文件的修改历史（list the saved states of a scheme file）')
    .argument('<file>', '方案文件（scheme file）')
    .addOption(new Option('--format <format>', '输出格式（output format）').choices(['table', 'json']).default('table'))
    .action((file: string, opts: { format: 'table' | 'json' }) => historyCommand(file, opts, io));

  program
    .command('restore')
    .description('恢复历史中的某条记录为当前草稿（恢复本身也记入历史）（restore a history entry; recorded too）')
    .argument('<file>', '方案文件（scheme file）')
    .argument('<seq>', '记录序号，见 jixiao history（entry number）')
    .action((file: string, seq: string) => restoreCommand(file, seq, io));
}
