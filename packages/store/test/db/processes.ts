/**
 * Child processes for the concurrency and crash tests. Each child script is bundled once with
 * esbuild into `node_modules/.cache/jixiao-store-test/` (so it still finds better-sqlite3), then
 * started with plain node — thirty starts in a row stay cheap. Their stdout is read line by line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { DatabaseConfig, DocumentRef } from '../../src/index.ts';

const bundles = new Map<string, Promise<string>>();

/** The bundled script (built on first use). */
function bundled(script: 'writer' | 'crasher'): Promise<string> {
  let p = bundles.get(script);
  if (!p) {
    const outfile = fileURLToPath(new URL(`../../node_modules/.cache/jixiao-store-test/${script}.mjs`, import.meta.url));
    p = build({
      entryPoints: [fileURLToPath(new URL(`./children/${script}.ts`, import.meta.url))],
      bundle: true,
      platform: 'node',
      mainFields: ['module', 'main'], // jsonc-parser's UMD main requires its parts dynamically
      format: 'esm',
      target: 'node20',
      outfile,
      external: ['better-sqlite3', 'pg-native'],
      // pg is CommonJS: give the bundle a require for the Node built-ins it asks for
      banner: { js: "import { createRequire as __jixiaoRequire } from 'node:module'; const require = __jixiaoRequire(import.meta.url);" },
      logLevel: 'error',
    }).then(() => outfile);
    bundles.set(script, p);
  }
  return p;
}

/** A running child, with its stdout as a queue of lines. */
export interface Child {
  proc: ChildProcess;
  /** The next line of stdout (rejects when the process ends first). */
  line(): Promise<string>;
  /** Every line received so far that was not taken by `line()`, and those still to come, until the process ends. */
  rest(): Promise<string[]>;
  /** How the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts `children/<script>.ts` on the database `config`, writing `ref`, as writer `name`. */
export async function startChild(script: 'writer' | 'crasher', config: DatabaseConfig, ref: DocumentRef, name: string): Promise<Child> {
  const proc = spawn(process.execPath, [await bundled(script)], {
    env: { ...process.env, JIXIAO_CHILD_DB: JSON.stringify(config), JIXIAO_CHILD_REF: JSON.stringify(ref), JIXIAO_CHILD_NAME: name },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const lines: string[] = [];
  const waiting: { resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  let closed = false;
  const rl = createInterface({ input: proc.stdout! });
  rl.on('line', (l) => {
    const w = waiting.shift();
    if (w) w.resolve(l);
    else lines.push(l);
  });
  const ended = new Promise<void>((resolve) => rl.on('close', resolve));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    proc.on('close', (code, signal) => {
      closed = true;
      for (const w of waiting.splice(0)) w.reject(new Error(`${name} ended (${code ?? signal}): ${stderr}`));
      resolve({ code, signal, stderr });
    });
  });
  return {
    proc,
    exited,
    line() {
      const l = lines.shift();
      if (l !== undefined) return Promise.resolve(l);
      if (closed) return Promise.reject(new Error(`${name} ended: ${stderr}`));
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    async rest() {
      await ended;
      return lines.splice(0);
    },
  };
}
