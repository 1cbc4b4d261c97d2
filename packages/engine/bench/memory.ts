/**
 * Memory of kept score sheets, for `pnpm bench`: evaluates `n` generated fact sets under a scheme and
 * keeps every sheet, measuring the heap (after a full garbage collection, node --expose-gc) before and
 * after: bytes per kept sheet, with the same sheets as plain JSON data (`plainSheet`, every trace
 * written out) beside for comparison, and µs per sheet while the heap fills.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compile, evaluate, plainSheet, type ScoreSheet, type Scheme } from '../src/index.ts';
import { generateCases } from './facts-gen.ts';

/** What one measurement gives. */
export interface KeptSheets {
  sheets: number;
  /** heap bytes per kept sheet */
  bytesPerSheet: number;
  /** heap bytes per sheet kept as plain JSON data instead (every trace written) */
  plainBytesPerSheet: number;
  /** µs per sheet, evaluating while keeping them all */
  usPerSheet: number;
  /** heap used with all sheets kept (bytes) */
  heapUsed: number;
}

function heap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Evaluates `n` sheets of the scheme at `schemePath`, keeps them, and measures. */
export function keptSheets(schemePath: string, n: number, withPlain = true): KeptSheets {
  const scheme = JSON.parse(readFileSync(schemePath, 'utf8')) as Scheme;
  const c = compile(scheme);
  if (!c.ok) throw new Error('scheme does not compile');
  // a pool of distinct fact sets, reused round robin (the facts are not what is measured)
  const pool = generateCases(scheme, Math.min(n, 2_000));
  const kept: ScoreSheet[] = new Array<ScoreSheet>(n);
  const before = heap();
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    const r = evaluate(c.compiled, pool[i % pool.length]!);
    if (!r.ok) throw new Error('a generated case did not score');
    kept[i] = r.sheet;
  }
  const ms = performance.now() - t;
  const after = heap();
  const heapUsed = process.memoryUsage().heapUsed;
  let plainBytes = 0;
  if (withPlain) {
    const m = Math.min(n, 5_000);
    const plain: ScoreSheet[] = new Array<ScoreSheet>(m);
    const b = heap();
    for (let i = 0; i < m; i++) plain[i] = plainSheet(kept[i]!);
    plainBytes = (heap() - b) / m;
    if (plain.length !== m) throw new Error('unreachable');
  }
  if (kept.length !== n) throw new Error('unreachable');
  return { sheets: n, bytesPerSheet: (after - before) / n, plainBytesPerSheet: plainBytes, usPerSheet: (ms * 1000) / n, heapUsed };
}
