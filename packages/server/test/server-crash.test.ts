/**
 * Crash safety of the server (issue 12): the real server process (the built server, as `pnpm start`
 * runs it) saving one scheme draft — one writer saving in sequence, or two or three at once on the
 * same version — is killed with SIGKILL (kill -9) at a random moment of its saves, 30 times, and
 * started again on the same database each time. Afterwards:
 * - every acknowledged save (answered 200) is in the history at the version its answer named, with
 *   its exact content, its ETag and the author of the server run that answered it (0 lost, 0 corrupt);
 * - no partial state: every state in the history is exactly one of the documents that was sent
 *   (a save that was cut off either happened whole or not at all);
 * - the history is one unbroken line of versions, each based on the one before;
 * - the store's own consistency check (every state rebuilt and matching its hash, no unreferenced
 *   text, SQLite's integrity check) finds no problem, and the restarted server serves the last state;
 * - nothing is left over: beside the SQLite database only its WAL and SHM files, the schemes folder
 *   as it was; in PostgreSQL no session of the killed servers still active.
 * SQLite always; PostgreSQL too when `JIXIAO_TEST_PG` is set.
 *
 * The kill moments come from a seeded generator (the seed is in every failure message; set
 * `JIXIAO_CRASH_SEED` to replay the same choices — the timing of the machine still varies). Run time:
 * 31 server starts (about a second each on a shared two-core machine) plus a few saves per start,
 * some 35–100 s per database; nothing here asserts a time.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { etagOf, openStore, type SchemeRef } from '@jixiao/store';
import { openKysely } from '../../store/src/db/connect.ts';
import { BACKENDS } from '../../store/test/db/backends.ts';
import { copyBundledSchemes } from '../../../test/bundled-schemes.ts';
import { startServer } from './server-process.ts';

const KILLS = 30;
/** A draft among the bundled schemes. */
const REF: SchemeRef = { kind: 'scheme', family: 'caiyu-2020-project', year: 2020 };
const URL_PATH = `/api/schemes/${REF.family}/${REF.year}`;
const SEED = Number(process.env['JIXIAO_CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

type SchemeDoc = Record<string, unknown> & { title: string; source: string };

/** A save the server answered 200. */
interface Ack {
  seq: number;
  etag: string;
  doc: SchemeDoc;
  author: string;
}

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe.each(BACKENDS)('the server killed during saves on $name', (backend) => {
  it(`kill -9 of the server during saves, ${KILLS} times: no acknowledged save lost or corrupt, history unbroken, no leftovers`, { timeout: 600_000 }, async () => {
    const random = generator(SEED);
    const seedNote = `JIXIAO_CRASH_SEED=${SEED}`;
    const db = await backend.fresh();
    const root = mkdtempSync(join(tmpdir(), 'jixiao-server-crash-'));
    const schemes = join(root, 'schemes');
    copyBundledSchemes(schemes);
    const schemeFiles = filesUnder(schemes);
    const database = db.config.dialect === 'sqlite' ? db.config.file : db.config.url;
    const acks: Ack[] = [];
    /** Every document sent, by title (each title is unique). */
    const sent = new Map<string, SchemeDoc>();
    let start: SchemeDoc | null = null;
    /** The versions the first start imported, before any save of the test. */
    let imported = 0;
    try {
      for (let run = 1; run <= KILLS; run++) {
        const author = `崩溃测试第${run}次启动`;
        const server = await startServer(database, schemes, { JIXIAO_AUTHOR: author });
        try {
          // the restarted server answers with the last state, whatever the kill before cut off
          const r = await fetch(`${server.base}${URL_PATH}`);
          expect(r.status, seedNote).toBe(200);
          const current = (await r.json()) as { etag: string; doc: SchemeDoc };
          if (!start) {
            start = current.doc;
            imported = ((await (await fetch(`${server.base}${URL_PATH}/history`)).json()) as { entries: unknown[] }).entries.length;
          }
          const base = start;

          const lanes = 1 + Math.floor(random() * 3); // 1: saves in sequence; 2–3: at once on the same version
          const target = Math.floor(random() * 6); // acknowledged saves before the kill (0: during the first)
          const delay = Math.floor(random() * 25); // then a few milliseconds more, into the next save
          const plan = `run ${run}: ${lanes} writer(s), kill after ${target} ack(s) + ${delay} ms (${seedNote})`;
          let acked = 0;
          let fire!: () => void;
          const reached = new Promise<void>((resolve) => (fire = resolve));
          if (target === 0) fire();

          const lane = async (l: number): Promise<void> => {
            let etag = current.etag;
            for (let n = 1; ; n++) {
              // a unique title, and a text of varying length so the saves differ in size
              const doc: SchemeDoc = { ...base, title: `${base.title}（第${run}次启动，第${l}路第${n}次保存）`, source: `${base.source}${'补'.repeat((run * 7919 + l * 131 + n * 977) % 3000)}` };
              sent.set(doc.title, doc);
              let status: number;
              let etagHeader: string | null;
              let body: { history?: { seq: number }; currentEtag?: string | null; error?: string };
              try {
                const res = await fetch(`${server.base}${URL_PATH}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': etag }, body: JSON.stringify(doc) });
                status = res.status;
                etagHeader = res.headers.get('etag');
                body = (await res.json()) as typeof body;
              } catch {
                return; // the server was killed before it answered: not acknowledged
              }
              if (status === 200) {
                acks.push({ seq: body.history!.seq, etag: etagHeader!, doc, author });
                etag = etagHeader!;
                if (++acked === target) fire();
              } else if (status === 412 && body.error === 'version-conflict' && body.currentEtag) {
                etag = body.currentEtag; // another writer of this run won: go on from its version
              } else {
                throw new Error(`${plan}: answered ${status} ${JSON.stringify(body)}`);
              }
            }
          };
          const writers = Promise.all(Array.from({ length: lanes }, (_, l) => lane(l + 1)));
          // a writer failing before the kill ends the run too (its error is reported below)
          await Promise.race([reached, writers.catch(() => undefined)]);
          if (delay) await sleep(delay);
          server.proc.kill('SIGKILL');
          await writers;
          const end = await server.exited;
          expect(end.signal, `${plan}\n${end.stderr}`).toBe('SIGKILL');
          expect(acked, plan).toBeGreaterThanOrEqual(target);
        } finally {
          server.proc.kill('SIGKILL'); // no-op when it is already dead
          await server.exited;
        }
      }

      // one more start after the last kill: it serves the last state, and stops cleanly
      const last = await startServer(database, schemes, { JIXIAO_AUTHOR: '崩溃测试之后' });
      const served = (await (await fetch(`${last.base}${URL_PATH}`)).json()) as { etag: string };
      await last.stop();
      expect((await last.exited).code).toBe(0);

      const store = await openStore(db.config);
      try {
        const history = await store.history(REF);
        const current = (await store.read(REF))!;
        expect(current.version, seedNote).toBe(history.length);
        expect(served.etag).toBe(current.etag);
        // one unbroken line of versions, each based on the one before
        history.forEach((s, i) => {
          expect(s.seq).toBe(i + 1);
          expect(s.basedOn).toBe(i === 0 ? null : i);
        });
        // every acknowledged save: at the version its answer named, with its exact content, tag and author
        expect(acks.length, seedNote).toBeGreaterThan(0);
        expect(new Set(acks.map((a) => a.seq)).size, seedNote).toBe(acks.length);
        for (const a of acks) {
          const s = (await store.state(REF, a.seq))!;
          expect(s, `${seedNote}: acknowledged version ${a.seq} missing`).not.toBeNull();
          expect([s.action, s.author, etagOf(s.text)]).toEqual(['save', a.author, a.etag]);
          expect(JSON.parse(s.text)).toEqual(a.doc);
        }
        // no partial state: every later state is exactly one document that was sent, whole
        expect(imported).toBeGreaterThan(0);
        expect(history.length).toBeGreaterThanOrEqual(imported + acks.length);
        for (const h of history.slice(imported)) {
          const s = (await store.state(REF, h.seq))!;
          const doc = JSON.parse(s.text) as SchemeDoc;
          expect(sent.get(doc.title), `${seedNote}: version ${h.seq} is not a document that was sent`).toEqual(doc);
        }
        expect((await store.check()).problems).toEqual([]);
      } finally {
        await store.close();
      }

      expect(filesUnder(schemes)).toEqual(schemeFiles);
      expect(readdirSync(root)).toEqual(['schemes']);
      if (db.dir) {
        // only the database and its WAL files: no temporary files, no journals left behind
        expect(readdirSync(db.dir).filter((f) => !['jixiao.sqlite', 'jixiao.sqlite-wal', 'jixiao.sqlite-shm'].includes(f))).toEqual([]);
      } else {
        // the killed servers' sessions are gone, none holding a transaction or a lock
        const { db: k } = openKysely(db.config);
        try {
          let others = -1;
          for (let i = 0; i < 50 && others !== 0; i++) {
            const r = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle'`.execute(k);
            others = Number(r.rows[0]!.n);
            if (others) await sleep(100);
          }
          expect(others).toBe(0);
        } finally {
          await k.destroy();
        }
      }
    } finally {
      await db.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
