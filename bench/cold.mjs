// Cold-start rows of `pnpm bench`: wall time from spawning a process to its exit (the CLI) or to its
// "listening" line (the server), each contestant run in interleaved rounds so that a busy spell on the
// shared machine hits all alike; the median round is reported, and each figure also as a ratio to
// `node -e 0` measured in the same rounds (what node itself costs to start here).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Median of a list of numbers. */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Seconds for one run of a command to exit (stdout discarded); throws when it fails. */
function timeExit(cmd, args, cwd) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return s;
}

/** Seconds from spawning the server to the line with its address; the server is then stopped. */
function timeListening(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${out}`));
    }, 120_000);
    const onData = (b) => {
      out += b.toString();
      if (/http:\/\/127\.0\.0\.1:\d+\//.test(out)) {
        const s = (performance.now() - t) / 1000;
        clearTimeout(timer);
        child.once('exit', () => resolve(s));
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
  });
}

/**
 * Runs each contestant `rounds` times, interleaved; returns { name: [seconds…] }.
 * @param contestants [{ name, run: () => seconds | Promise<seconds> }]
 */
async function interleave(contestants, rounds) {
  const times = Object.fromEntries(contestants.map((c) => [c.name, []]));
  for (let r = 0; r < rounds; r++) for (const c of contestants) times[c.name].push(await c.run());
  return times;
}

/**
 * The cold-start rows: `pnpm jixiao score` (one department), `batch` of the 57 projects and `pnpm start`
 * to listening — each as the user types it (through pnpm), as plain `node` on the launcher, and as it
 * was before (tsx compiling the TypeScript sources), with `node -e 0` in the same rounds.
 */
export async function coldRows(root, rounds) {
  const node = process.execPath;
  const pnpm = process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm';
  const scheme = 'schemes/shenzhen-department/2021.json';
  const facts = 'schemes/shenzhen-department/cases/2021/shenzhen-ccpit.json';
  const out = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const score = ['score', '--scheme', scheme, '--facts', facts];
  const batch = ['batch', '--cases', 'schemes/shenzhen-project/cases', '--out', join(out, 'batch.json')];
  const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
  // build first if stale, so no round pays for a build
  const { ensureBuilt } = await import(new URL('../scripts/node-build.mjs', import.meta.url).href);
  await ensureBuilt('cli');
  await ensureBuilt('server');
  try {
    const cli = (args) =>
      interleave(
        [
          { name: 'node -e 0', run: () => timeExit(node, ['-e', '0'], root) },
          { name: 'node packages/cli/bin/jixiao.mjs', run: () => timeExit(node, ['packages/cli/bin/jixiao.mjs', ...args], root) },
          { name: 'pnpm -s jixiao', run: () => timeExit(pnpm, ['-s', 'jixiao', ...args], root) },
          { name: 'before: tsx packages/cli/src/main.ts', run: () => timeExit(node, [tsx, 'packages/cli/src/main.ts', ...args], root) },
        ],
        rounds,
      );
    const serverArgs = ['--port', '0', '--no-open', '--no-build'];
    const server = await interleave(
      [
        { name: 'node -e 0', run: () => timeExit(node, ['-e', '0'], root) },
        { name: 'node packages/server/bin/start.mjs', run: () => timeListening(node, ['packages/server/bin/start.mjs', ...serverArgs], root) },
        { name: 'pnpm start', run: () => timeListening(pnpm, ['-s', 'start', ...serverArgs], root) },
        { name: 'before: tsx packages/server/src/main.ts', run: () => timeListening(node, [tsx, 'packages/server/src/main.ts', ...serverArgs], root) },
      ],
      rounds,
    );
    return { score: await cli(score), batch: await cli(batch), server };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
