/**
 * Two real server processes (`pnpm start`'s main.ts) on one database: saves based on the same version,
 * sent to both at once, round after round — exactly one is accepted each round, the others answer 412,
 * and no accepted save is lost (the history holds every winner, in order). SQLite (one file, two
 * processes), and PostgreSQL too when `JIXIAO_TEST_PG` is set.
 */
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BACKENDS } from '../../store/test/db/backends.ts';
import { copyBundledSchemes } from '../../../test/bundled-schemes.ts';
import { repoRoot } from './helpers.ts';

const ROUNDS = 10;
const PER_SERVER = 2;

/** Starts the server on `database` with any free port; resolves with its address once it listens. */
function startServer(database: string, schemes: string): Promise<{ proc: ChildProcess; base: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'packages/server/src/main.ts'), '--port', '0', '--no-open', '--no-build', '--database', database, '--schemes', schemes], {
    cwd: repoRoot,
    env: { ...process.env, JIXIAO_AUTHOR: '进程测试' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (m) resolve({ proc, base: m[1]! });
    });
    proc.on('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
}

const caseDoc = (n: number) => ({ id: 'two-servers', name: '两个进程的测试案例', department: '深圳市测试局', year: 2024, scheme: { id: 'shenzhen-department', year: 2024 }, facts: { 在编人数: n } });

async function put(base: string, doc: unknown, headers: Record<string, string>): Promise<{ status: number; etag: string | null }> {
  const r = await fetch(`${base}/api/families/shenzhen-department/cases/2024/two-servers`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(doc) });
  await r.text();
  return { status: r.status, etag: r.headers.get('etag') };
}

describe.each(BACKENDS)('two server processes on one $name database', (backend) => {
  it(`${ROUNDS} rounds of ${2 * PER_SERVER} concurrent saves on one version: exactly one winner each round, none lost`, async () => {
    const db = await backend.fresh();
    const root = mkdtempSync(join(tmpdir(), 'jixiao-two-servers-'));
    const schemes = join(root, 'schemes');
    copyBundledSchemes(schemes);
    const database = db.config.dialect === 'sqlite' ? db.config.file : db.config.url;
    const servers: ChildProcess[] = [];
    try {
      const a = await startServer(database, schemes);
      servers.push(a.proc);
      const b = await startServer(database, schemes);
      servers.push(b.proc);
      let etag = (await put(a.base, caseDoc(0), { 'if-none-match': '*' })).etag!;
      const winners: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const tries = [a.base, b.base].flatMap((base, s) => Array.from({ length: PER_SERVER }, (_, k) => ({ base, n: round * 100 + s * 10 + k })));
        const results = await Promise.all(tries.map((t) => put(t.base, caseDoc(t.n), { 'if-match': etag })));
        const ok = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
        expect(ok, `round ${round}: ${results.map((r) => r.status).join(',')}`).toHaveLength(1);
        expect(results.filter((r) => r.status === 412)).toHaveLength(tries.length - 1);
        winners.push(tries[ok[0]!]!.n);
        etag = results[ok[0]!]!.etag!;
      }
      const h = await fetch(`${b.base}/api/families/shenzhen-department/cases/2024/two-servers/history`);
      const entries = ((await h.json()) as { entries: { seq: number; author: string }[] }).entries;
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, i) => i + 1));
      // every accepted save is there, in order
      for (const [i, n] of winners.entries()) {
        const r = await fetch(`${a.base}/api/families/shenzhen-department/cases/2024/two-servers/history/${i + 2}`);
        expect(((await r.json()) as { entry: { doc: { facts: { 在编人数: number } } } }).entry.doc.facts.在编人数).toBe(n);
      }
    } finally {
      for (const p of servers) p.kill('SIGTERM');
      await Promise.all(servers.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.on('exit', r)))));
      await db.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
