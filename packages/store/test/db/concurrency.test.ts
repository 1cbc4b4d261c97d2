/**
 * Writers in several processes on one database (issue 12): two child processes and this test process
 * save the same document, each round all three based on the same version. 200 rounds: exactly one
 * winner per round, the two others a conflict, no save lost — every winner's text is in the
 * history at the version it was told, the history is one line of versions, and the store checks
 * clean. On SQLite and, when `JIXIAO_TEST_PG` is set, PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StoreConflictError, type DocumentRef } from '../../src/db/index.ts';
import { BACKENDS, freshStoreEach } from './backends.ts';
import { roundText } from './children/texts.ts';
import { startChild, type Child } from './processes.ts';

const ROUNDS = 200;
const REF: DocumentRef = { kind: 'case', family: 'concurrency-test', year: 2025, caseId: 'shared' };

interface Answer {
  round: number;
  result: 'saved' | 'unchanged' | 'conflict' | 'error';
  version?: number;
  sha?: string;
  message?: string;
}

describe.each(BACKENDS)('several processes saving one document on $name', (backend) => {
  const t = freshStoreEach(backend);
  let children: Child[] = [];

  // registered after freshStoreEach, so it runs first: the children are gone before the store closes
  afterEach(async () => {
    for (const c of children) c.proc.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    children = [];
  });

  it(`${ROUNDS} rounds of three writers on one version: exactly one winner each round, none lost`, { timeout: 180_000 }, async () => {
    await t.store.create(REF, roundText('test', 0), { author: 'test' });
    children = await Promise.all(['child-a', 'child-b'].map((name) => startChild('writer', t.db.config, REF, name)));
    for (const c of children) expect(JSON.parse(await c.line())).toEqual({ ready: true });

    const winners: { round: number; writer: string; version: number; sha: string }[] = [];
    let base = 1;
    for (let round = 1; round <= ROUNDS; round++) {
      for (const c of children) c.proc.stdin!.write(JSON.stringify({ round, base }) + '\n');
      const mine: Promise<Answer> = t.store.save(REF, roundText('test', round), { author: 'test', basedOnVersion: base }).then(
        (r) => ({ round, result: r.kind, version: r.version, sha: r.textSha256 }),
        (e: unknown) => (e instanceof StoreConflictError ? { round, result: 'conflict' } : { round, result: 'error', message: String(e) }),
      );
      const answers = await Promise.all([mine, ...children.map(async (c) => JSON.parse(await c.line()) as Answer)]);
      const names = ['test', 'child-a', 'child-b'];
      expect(answers.filter((a) => a.result === 'error')).toEqual([]);
      expect(answers.every((a) => a.round === round)).toBe(true);
      const saved = answers.map((a, i) => ({ ...a, writer: names[i]! })).filter((a) => a.result === 'saved');
      expect(saved, `round ${round}`).toHaveLength(1);
      expect(answers.filter((a) => a.result === 'conflict')).toHaveLength(2);
      const w = saved[0]!;
      expect(w.version).toBe(base + 1);
      winners.push({ round, writer: w.writer, version: w.version!, sha: w.sha! });
      base = w.version!;
    }

    // every acknowledged save is in the history, at its version, with its text
    const history = await t.store.history(REF);
    expect(history).toHaveLength(ROUNDS + 1);
    expect(history.map((s) => s.seq)).toEqual(Array.from({ length: ROUNDS + 1 }, (_, i) => i + 1));
    for (const w of winners) {
      const s = history[w.version - 1]!;
      expect([s.sha256, s.author]).toEqual([w.sha, w.writer]);
      expect(s.basedOn).toBe(w.version - 1);
    }
    expect((await t.store.state(REF, ROUNDS + 1))!.text).toBe(roundText(winners.at(-1)!.writer, ROUNDS));
    // each process won some rounds (the race is real), and every refusal was logged
    expect(new Set(winners.map((w) => w.writer)).size).toBeGreaterThan(1);
    const log = await t.store.auditLog({ ref: REF, limit: 10 * ROUNDS });
    expect(log.filter((a) => a.outcome === 'ok')).toHaveLength(ROUNDS + 1);
    expect(log.filter((a) => a.outcome === 'store-conflict')).toHaveLength(2 * ROUNDS);
    expect((await t.store.check()).problems).toEqual([]);

    for (const c of children) c.proc.stdin!.end();
    for (const c of children) expect((await c.exited).code).toBe(0);
  });
});
