/**
 * Crash safety (issue 12): writer processes saving one document in a loop are killed with SIGKILL
 * (kill -9) in the middle of their saves, 30 times, three at a time. Each writer prints every save
 * the store acknowledged before going on, so afterwards: every acknowledged save is in the history at
 * its version with its text (0 lost, 0 corrupt), the history is one unbroken line of versions each
 * based on the one before, the store checks clean (every state rebuilt and matching its hash, no
 * unreferenced text, SQLite's integrity check), and nothing is left over — no stray files beside
 * the SQLite database, no session left behind in PostgreSQL.
 */
import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type DocumentRef } from '../../src/db/index.ts';
import { openKysely } from '../../src/db/connect.ts';
import { BACKENDS, freshStoreEach } from './backends.ts';
import { roundText } from './children/texts.ts';
import { startChild } from './processes.ts';

const KILLS = 30;
const LANES = 3;
const REF: DocumentRef = { kind: 'case', family: 'crash-test', year: 2025, caseId: 'shared' };

describe.each(BACKENDS)('writers killed during saves on $name', (backend) => {
  const t = freshStoreEach(backend);


  it(`kill -9 during saves, ${KILLS} times: no acknowledged save lost or corrupt, history unbroken, no leftovers`, { timeout: 240_000 }, async () => {
    await t.store.create(REF, roundText('test', 0), { author: 'test' });
    const acks: { writer: string; version: number; sha: string }[] = [];

    const lane = async (l: number) => {
      for (let k = l; k < KILLS; k += LANES) {
        const name = `writer-${k}`;
        const child = await startChild('crasher', t.db.config, REF, name);
        expect(await child.line()).toBe('ready');
        const parse = (line: string) => {
          const [word, version, sha] = line.split(' ');
          expect(word).toBe('ack');
          acks.push({ writer: name, version: Number(version), sha: sha! });
        };
        // let it acknowledge 1–5 saves, then kill it at once or a few milliseconds into the next
        for (let n = 0; n < 1 + (k % 5); n++) parse(await child.line());
        if (k % 3 > 0) await sleep(k % 3 === 1 ? 1 : 4);
        child.proc.kill('SIGKILL');
        for (const line of await child.rest()) parse(line);
        const end = await child.exited;
        expect(end.signal, end.stderr).toBe('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, l) => lane(l)));

    const history = await t.store.history(REF);
    const current = (await t.store.read(REF))!;
    expect(current.version).toBe(history.length);
    history.forEach((s, i) => {
      expect(s.seq).toBe(i + 1);
      expect(s.basedOn).toBe(i === 0 ? null : i);
    });
    // every acknowledged save: at its version, by its writer, its exact text
    expect(acks.length).toBeGreaterThanOrEqual(KILLS);
    expect(new Set(acks.map((a) => a.version)).size).toBe(acks.length);
    for (const a of acks) {
      const s = history[a.version - 1]!;
      expect([s.sha256, s.author]).toEqual([a.sha, a.writer]);
    }
    for (const a of acks.slice(-5)) {
      const s = (await t.store.state(REF, a.version))!;
      expect(s.text.includes(`"writer": "${a.writer}"`)).toBe(true);
    }
    expect((await t.store.check()).problems).toEqual([]);

    if (t.db.dir) {
      // only the database and its WAL files: no temporary files, no journals left behind
      const files = readdirSync(t.db.dir).filter((f) => !['jixiao.sqlite', 'jixiao.sqlite-wal', 'jixiao.sqlite-shm'].includes(f));
      expect(files).toEqual([]);
    } else {
      // the killed writers' sessions are gone, none holding a transaction or a lock
      const { db } = openKysely(t.db.config);
      try {
        let others = -1;
        for (let i = 0; i < 50 && others !== 0; i++) {
          const r = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle'`.execute(db);
          others = Number(r.rows[0]!.n);
          if (others) await sleep(100);
        }
        expect(others).toBe(0);
      } finally {
        await db.destroy();
      }
    }
  });
});
