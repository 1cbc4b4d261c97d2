/**
 * A writer process for the concurrency test: opens the store named by `JIXIAO_CHILD_DB` (a
 * DatabaseConfig as JSON), then for every line `{"round": r, "base": v}` on stdin saves its own text
 * of round r based on version v and answers one line on stdout:
 * `{"round": r, "result": "saved" | "conflict" | "error", "version"?, "sha"?, "message"?}`.
 * Imports the database store only (not the whole engine), so it starts fast.
 */
import { createInterface } from 'node:readline';
import { openStore, StoreConflictError, type DocumentRef } from '../../../src/db/index.ts';
import { roundText } from './texts.ts';

const store = await openStore(JSON.parse(process.env['JIXIAO_CHILD_DB']!));
const ref = JSON.parse(process.env['JIXIAO_CHILD_REF']!) as DocumentRef;
const name = process.env['JIXIAO_CHILD_NAME']!;
const out = (v: unknown) => process.stdout.write(JSON.stringify(v) + '\n');
out({ ready: true });
for await (const line of createInterface({ input: process.stdin })) {
  const msg = JSON.parse(line) as { round: number; base: number };
  try {
    const r = await store.save(ref, roundText(name, msg.round), { author: name, basedOnVersion: msg.base });
    out({ round: msg.round, result: r.kind, version: r.version, sha: r.textSha256 });
  } catch (e) {
    if (e instanceof StoreConflictError) out({ round: msg.round, result: 'conflict' });
    else out({ round: msg.round, result: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}
await store.close();
