/**
 * Real server processes for the multi-process tests (processes.test.ts, server-crash.test.ts): the
 * server started as `pnpm start` starts it — the built JavaScript, `node packages/server/bin/start.mjs`
 * (rebuilt first when a source is newer), with `--port 0 --no-open --no-build` — on a given database
 * and schemes folder. Resolves once it prints its address; the CLI is run the same way, from its
 * built launcher `packages/cli/bin/jixiao.mjs`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './helpers.ts';

/** A running server process. */
export interface ServerProcess {
  proc: ChildProcess;
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  base: string;
  /** How the process ended, with everything it wrote to stderr. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
  /** Asks it to stop (SIGTERM) and waits until it has. */
  stop(): Promise<void>;
}

/**
 * Starts the built server on `database` (a SQLite file or a `postgres://` URL) over `schemes`, on
 * any free port, with `env` added to its environment (e.g. JIXIAO_AUTHOR, the author it records).
 * @throws when the process ends before it listens.
 */
export function startServer(database: string, schemes: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const proc = spawn(process.execPath, [join(repoRoot, 'packages/server/bin/start.mjs'), '--port', '0', '--no-open', '--no-build', '--database', database, '--schemes', schemes], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    proc.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (m) resolve({ proc, base: m[1]!, exited, stop });
    });
    void exited.then((end) => reject(new Error(`server exited (${end.code ?? end.signal}) before listening: ${stdout}\n${stderr}`)));
  });
}

/** What a CLI run printed and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`node packages/cli/bin/jixiao.mjs <args>`) with `env` added; resolves when it ends. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const proc = spawn(process.execPath, [join(repoRoot, 'packages/cli/bin/jixiao.mjs'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** True when `text` holds Chinese (CJK unified ideographs): the user-facing messages are Chinese. */
export const hasChinese = (text: string): boolean => /[\u4e00-\u9fff]/.test(text);
