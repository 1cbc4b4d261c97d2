/**
 * Where the command line writes, so commands can be run inside tests with captured output.
 * Every message a user reads is Chinese with the English beside it.
 */
import type { Issue } from '@jixiao/engine';
import { terminalColumns } from './present/fit.ts';

/** The streams a command writes to. */
export interface Io {
  /** Writes to standard output (results: tables, JSON). */
  out(text: string): void;
  /** Writes to standard error (messages, warnings). */
  err(text: string): void;
  /** Whether standard error is a terminal (the batch progress bar is shown only then). */
  errIsTTY: boolean;
  /** The stream for the progress bar, when standard error is a terminal. */
  errStream?: NodeJS.WritableStream;
  /** Directory relative paths are resolved against (the process's working directory). */
  cwd: string;
  /**
   * Width of the terminal standard output goes to, in columns (or $COLUMNS); absent or null: no limit.
   * `audit` and `batch` fit their tables to it unless `--wide`.
   */
  columns?: number | null;
}

/** The process's own streams. A closed pipe (`jixiao audit … | head`) ends the process quietly. */
export function processIo(): Io {
  process.stdout.once('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.stderr.write(`错误：无法写出结果（cannot write output: ${e.message}）\n`);
    process.exit(e.code === 'EPIPE' ? 0 : 1);
  });
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    errIsTTY: Boolean(process.stderr.isTTY),
    errStream: process.stderr,
    columns: terminalColumns(process.stdout, process.env),
    // `pnpm jixiao` runs at the workspace root; INIT_CWD is the folder the user typed the command in
    cwd: (process.env['npm_lifecycle_event'] === 'jixiao' && process.env['INIT_CWD']) || process.cwd(),
  };
}

/** Exit codes: 0 success, 1 invalid input, 2 usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A failure the user must act on. `lines` are printed to standard error as they are (Chinese with
 * English beside); `code` becomes the exit code. Thrown by loaders and commands, caught in `main`.
 */
export class CliError extends Error {
  constructor(
    readonly code: ExitCode,
    readonly lines: string[],
    /** The file at fault and its issues as data (for batch failure reports), when known. */
    readonly detail?: { file: string; issues: Issue[] },
  ) {
    super(lines.join('\n'));
    this.name = 'CliError';
  }
}

/** A usage error (exit 2): wrong command line. */
export function usageError(zh: string, en: string): CliError {
  return new CliError(EXIT.usage, [`用法错误：${zh}（${en}）`]);
}

/** An invalid-input error (exit 1): the files are wrong. */
export function inputError(lines: string[], detail?: { file: string; issues: Issue[] }): CliError {
  return new CliError(EXIT.invalid, lines, detail);
}
