/**
 * Two real server processes (the built server, as `pnpm start` runs it) and the CLI on one database
 * (issue 12): 200 rounds of saves of one scheme draft, all based on the same version — two PUTs with
 * the same If-Match to each server at once, and every 20th round the CLI's `restore --based-on` of
 * that same version as a third writer. Each round exactly one writer wins; every other PUT answers
 * 412 with a Chinese message, the CLI (when it loses) exits 1 with `store-conflict` in Chinese; and
 * nothing is lost — the history gains exactly one state per round, the winner's, with its exact
 * content and author, each based on the one before, and the store checks clean. SQLite (one file,
 * three processes) always, PostgreSQL too when `JIXIAO_TEST_PG` is set.
 *
 * Run time: each round is four scheme saves (each validated by the engine) plus a read; with the ten
 * CLI runs (a node start each) the test takes some 20–70 s per database on a shared two-core machine,
 * hence its generous timeout. Nothing here asserts a time: the CLI's own run time is measured once
 * only to send the servers' PUTs at varied moments of its run, so that either side can win a round.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore, type DocumentStore, type SchemeRef } from '@jixiao/store';
import { BACKENDS } from '../../store/test/db/backends.ts';
import { copyBundledSchemes } from '../../../test/bundled-schemes.ts';
import { hasChinese, runCli, startServer, type CliRun, type ServerProcess } from './server-process.ts';

const ROUNDS = 200;
/** Concurrent PUTs sent to each server per round. */
const PER_SERVER = 2;
/** Every CLI_EVERY-th round the CLI is a third writer. */
const CLI_EVERY = 20;
/** A draft among the bundled schemes (small, so the engine validates each save quickly). */
const REF: SchemeRef = { kind: 'scheme', family: 'caiyu-2020-project', year: 2020 };
const URL_PATH = `/api/schemes/${REF.family}/${REF.year}`;
const AUTHORS = ['服务进程甲', '服务进程乙'] as const;
const CLI_AUTHOR = '命令行进程';

type SchemeDoc = Record<string, unknown> & { title: string };

/** The outcome of one PUT. */
interface PutResult {
  status: number;
  etag: string | null;
  body: { saved?: boolean; unchanged?: boolean; error?: string; message?: string; history?: { seq: number } };
}

async function put(base: string, doc: SchemeDoc, ifMatch: string): Promise<PutResult> {
  const r = await fetch(`${base}${URL_PATH}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': ifMatch }, body: JSON.stringify(doc) });
  return { status: r.status, etag: r.headers.get('etag'), body: (await r.json()) as PutResult['body'] };
}

async function getScheme(base: string): Promise<{ etag: string; doc: SchemeDoc }> {
  const r = await fetch(`${base}${URL_PATH}`);
  expect(r.status).toBe(200);
  return (await r.json()) as { etag: string; doc: SchemeDoc };
}

/** Who won a round, and what it wrote. */
type Winner = { by: 'server'; author: string; doc: SchemeDoc } | { by: 'cli'; restoredFrom: number };

describe.each(BACKENDS)('two server processes and the CLI on one $name database', (backend) => {
  it(`${ROUNDS} rounds of concurrent saves on one version (the CLI every ${CLI_EVERY}th): exactly one winner each round, none lost`, { timeout: 600_000 }, async () => {
    const db = await backend.fresh();
    const root = mkdtempSync(join(tmpdir(), 'jixiao-two-servers-'));
    const schemes = join(root, 'schemes');
    copyBundledSchemes(schemes);
    const schemeFile = join(schemes, REF.family, `${REF.year}.json`);
    const database = db.config.dialect === 'sqlite' ? db.config.file : db.config.url;
    const servers: ServerProcess[] = [];
    let store: DocumentStore | null = null;
    try {
      // one after the other: the first fills the empty database from the schemes folder
      for (const author of AUTHORS) servers.push(await startServer(database, schemes, { JIXIAO_AUTHOR: author }));
      const [a, b] = servers as [ServerProcess, ServerProcess];
      // the test's own view of the database, a fourth connection beside the two servers and the CLI
      store = await openStore(db.config);
      const start = await getScheme(a.base);
      const v0 = (await store.read(REF))!.version;
      let etag = start.etag;

      // how long a CLI command takes on this machine, to spread the servers' PUTs over the CLI's run
      const t0 = Date.now();
      const warm = await runCli(['history', schemeFile, '--database', database]);
      expect(warm.code, warm.stderr).toBe(0);
      const cliMs = Date.now() - t0;

      const winners: Winner[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const version = v0 + round - 1;
        const tries = [a, b].flatMap((server, s) =>
          Array.from({ length: PER_SERVER }, (_, k) => ({ server, author: AUTHORS[s]!, doc: { ...start.doc, title: `${start.doc.title}（第${round}轮，${AUTHORS[s]}第${k + 1}次）` } })),
        );
        let cli: Promise<CliRun> | null = null;
        const restoredFrom = version - 1;
        if (round % CLI_EVERY === 0) {
          // the CLI restores the state before the current one (so its content differs), based on the same version
          cli = runCli(['restore', schemeFile, String(restoredFrom), '--database', database, '--based-on', String(version)], { JIXIAO_AUTHOR: CLI_AUTHOR });
          await sleep(Math.round(cliMs * (0.3 + 0.1 * ((round / CLI_EVERY) % 9))));
        }
        const results = await Promise.all(tries.map((t) => put(t.server.base, t.doc, etag)));
        const cliRun = cli ? await cli : null;

        const shown = `round ${round}: ${results.map((r) => r.status).join(',')}${cliRun ? `, cli ${cliRun.code} ${cliRun.stderr}` : ''}`;
        const ok = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
        expect(ok.length + (cliRun?.code === 0 ? 1 : 0), shown).toBe(1);
        for (const r of results) {
          if (r.status === 200) {
            expect([r.body.saved, r.body.unchanged, r.body.history?.seq]).toEqual([true, undefined, version + 1]);
          } else {
            expect(r.status, shown).toBe(412);
            expect(r.body.error).toBe('version-conflict');
            expect(hasChinese(r.body.message ?? ''), r.body.message).toBe(true);
          }
        }
        if (cliRun) {
          if (cliRun.code === 0) {
            expect(cliRun.stdout).toContain(`已恢复：方案 ${REF.family} ${REF.year}年 ← 第 ${restoredFrom} 条记录`);
          } else {
            expect(cliRun.code, cliRun.stderr).toBe(1);
            expect(cliRun.stderr).toContain('[store-conflict]');
            expect(hasChinese(cliRun.stderr.split('\n')[0]!)).toBe(true);
            expect(cliRun.stdout).toBe('');
          }
        }

        // both servers now see the winner's state as current
        const current = (await store.read(REF))!;
        expect(current.version, shown).toBe(version + 1);
        if (ok.length === 1) {
          const won = tries[ok[0]!]!;
          winners.push({ by: 'server', author: won.author, doc: won.doc });
          expect(results[ok[0]!]!.etag).toBe(current.etag);
        } else {
          winners.push({ by: 'cli', restoredFrom });
        }
        const seen = await Promise.all([a, b].map(async (s) => (await getScheme(s.base)).etag));
        expect(seen).toEqual([current.etag, current.etag]);
        etag = current.etag;
      }

      // the history: exactly one new state per round, the winner's, in order, each based on the one before
      const history = await store.history(REF);
      expect(history.map((s) => s.seq)).toEqual(Array.from({ length: v0 + ROUNDS }, (_, i) => i + 1));
      for (const [i, w] of winners.entries()) {
        const seq = v0 + i + 1;
        const state = (await store.state(REF, seq))!;
        expect(state.basedOn).toBe(seq - 1);
        if (w.by === 'server') {
          expect([state.action, state.author]).toEqual(['save', w.author]);
          expect(JSON.parse(state.text)).toEqual(w.doc);
        } else {
          expect([state.action, state.author, state.restoredFrom]).toEqual(['restore', CLI_AUTHOR, w.restoredFrom]);
          expect(state.text).toBe((await store.state(REF, w.restoredFrom))!.text);
        }
      }
      expect((await store.check()).problems).toEqual([]);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await store?.close();
      await db.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
