/**
 * The `jixiao` command line: commands, options and help (commander). Actions report their exit code
 * through `setExit`; errors are thrown as CliError and handled in `main`.
 */
import { Command, Option } from 'commander';
import type { ExitCode, Io } from './io.ts';
import { auditCommand } from './commands/audit.ts';
import { batchCommand } from './commands/batch.ts';
import { explainCommand } from './commands/explain.ts';
import { scoreCommand } from './commands/score.ts';
import { validateCommand } from './commands/validate.ts';
import { registerVersionCommands } from './commands/versions.ts';
import { registerStoreCommands } from './commands/store-exchange.ts';
import { registerOfficeCommands } from './commands/office.ts';
import { registerUserCommands } from './commands/users.ts';

/** Builds the program; output goes to `io`; `setExit` records a command's non-zero exit code. */
export function buildProgram(io: Io, setExit: (code: ExitCode) => void): Command {
  const program = new Command('jixiao')
    .description('绩效：预算绩效评价方案的评分引擎命令行（rules-as-data scoring for budget performance evaluation）')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => {} })
    .helpOption('-h, --help', '显示帮助（show help）')
    .helpCommand('help [command]', '显示命令的帮助（show help for a command）')
    .showSuggestionAfterError(true);

  program
    .command('score')
    .description('按方案为一个案例计分，输出官方评分表（score one case: the official score sheet）')
    .requiredOption('--scheme <file>', '方案文件 schemes/<方案族>/<年度>.json（scheme file）')
    .requiredOption('--facts <file>', '案例文件：事实与评审录入（case file: facts and reviewer entries）')
    .addOption(new Option('--format <format>', '输出格式（output format）').choices(['table', 'json', 'md']).default('table'))
    .action((opts: { scheme: string; facts: string; format: 'table' | 'json' | 'md' }) => scoreCommand(opts, io));

  program
    .command('validate')
    .description('校验方案文件，列出全部问题（validate a scheme and list every problem）')
    .argument('<scheme>', '方案文件（scheme file）')
    .action((file: string) => validateCommand(file, io));

  program
    .command('explain')
    .description('解释一个指标的得分：分支、输入、算式（explain one score: branch, inputs, arithmetic）')
    .requiredOption('--scheme <file>', '方案文件（scheme file）')
    .requiredOption('--facts <file>', '案例文件（case file）')
    .requiredOption('--indicator <id|名称>', '指标标识、指标名称或名称中唯一的一段（indicator id, name, or a unique part of a name）')
    .action((opts: { scheme: string; facts: string; indicator: string }) => explainCommand(opts, io));

  program
    .command('audit')
    .description('核对目录下全部案例：计算得分与报告得分的差异（audit every case below a folder against its reported scores）')
    .requiredOption('--cases <dir>', '案例目录（递归）（cases folder, recursive）')
    .addOption(new Option('--format <format>', '输出格式（output format）').choices(['table', 'json']).default('table'))
    .option('--wide', '表格按全宽输出，不按终端宽度折行（full width, not fitted to the terminal）')
    .action(async (opts: { cases: string; format: 'table' | 'json'; wide?: boolean }) => setExit(await auditCommand(opts, io)));

  program
    .command('batch')
    .description('批量计分并写出报表（score every case below a folder and write a report）')
    .requiredOption('--cases <dir>', '案例目录（递归）（cases folder, recursive）')
    .option('--scheme <file>', '所有案例都用此方案；缺省时各案例按其指明的方案（one scheme for all cases）')
    .requiredOption('--out <file>', '输出文件：.csv / .md / .json / .xlsx（output file）')
    .option('--wide', '表格按全宽输出，不按终端宽度折行（full width, not fitted to the terminal）')
    .action(async (opts: { cases: string; scheme?: string; out: string; wide?: boolean }) => setExit(await batchCommand(opts, io)));

  registerVersionCommands(program, io, setExit);
  registerStoreCommands(program, io, setExit);
  registerOfficeCommands(program, io, setExit);
  registerUserCommands(program, io, setExit);

  return program;
}
