/**
 * Entry point of the `jixiao` command line. `main(argv, io)` runs one command and returns its exit code:
 * 0 success, 1 invalid input (the messages printed), 2 usage error (unknown command or option, missing
 * argument or file). Messages are Chinese with the English beside them; never a stack trace.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError } from 'commander';
import { CliError, EXIT, processIo, type ExitCode, type Io } from './io.ts';
import { buildProgram } from './program.ts';

/** Chinese for commander's error codes. */
const USAGE_ZH: Record<string, string> = {
  'commander.unknownCommand': '未知命令',
  'commander.unknownOption': '未知选项',
  'commander.missingMandatoryOptionValue': '缺少必需的选项',
  'commander.optionMissingArgument': '选项缺少取值',
  'commander.missingArgument': '缺少参数',
  'commander.excessArguments': '多余的参数',
  'commander.invalidArgument': '参数取值无效',
  'commander.conflictingOption': '选项冲突',
};

function usageLines(e: CommanderError): string[] {
  // commander's nearest-name suggestion comes on a line of its own: said in both languages, the English on one line
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(e.message)?.[1];
  const en = e.message
    .replace(/^error: /, '')
    .replace(/\s*\(Did you mean .+?\?\)/, '')
    .trim();
  const zh = USAGE_ZH[e.code] ?? '命令行有误';
  const quoted = [...en.matchAll(/'([^']+)'/g)].map((m) => m[1]).join(' ');
  const choices = /Allowed choices are (.+?)\.?$/.exec(en)?.[1];
  const didYouMean = suggestion ? { zh: `，是否要用 ${suggestion}？`, en: ` (did you mean ${suggestion}?)` } : { zh: '', en: '' };
  return [
    `用法错误：${zh}${quoted ? ` ${quoted}` : ''}${choices ? `（可选：${choices.split(', ').join('、')}）` : ''}${didYouMean.zh}`,
    `    usage error: ${en}${didYouMean.en}`,
    '运行 jixiao --help 或 jixiao <命令> --help 查看用法（run jixiao --help）',
  ];
}

/**
 * Runs the command line.
 * @param argv the arguments after the program name, e.g. `['score', '--scheme', 'a.json', ...]`
 * @returns the exit code
 */
export async function main(argv: string[], io: Io = processIo()): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  if (argv.length === 0) {
    io.err(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CliError) {
      io.err(e.lines.join('\n') + '\n');
      return e.code;
    }
    if (e instanceof CommanderError) {
      // help and version exit 0; everything else commander rejects is a usage error
      if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      if (e.code === 'commander.help') return EXIT.usage;
      io.err(usageLines(e).join('\n') + '\n');
      return EXIT.usage;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`内部错误：${msg}（internal error: ${msg}）\n`);
    return EXIT.invalid;
  }
}

function isEntry(): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) {
  process.exitCode = await main(process.argv.slice(2));
}
