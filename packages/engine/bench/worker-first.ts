/**
 * Runs inside a fresh worker thread (bench/web.mjs at the repository root bundles it with esbuild, as
 * the editor's analysis worker is bundled): validates, compiles and scores one department case — the
 * editor's first recompute — and posts the milliseconds from the worker's first line to the result.
 * Static imports, as in the editor's worker, so the bundle is tree-shaken the same way.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { compile, evaluate, type CaseInput, type Scheme } from '../src/index.ts';
import { baselineSchemaCompile } from './worker-baseline.ts';

const start = performance.now();
const { scheme, facts, baseline } = workerData as { scheme: Scheme; facts: CaseInput; baseline: boolean };
try {
  // the baseline first does what the engine did before its validators were precompiled
  if (baseline) baselineSchemaCompile(scheme);
  const c = compile(scheme);
  if (!c.ok) throw new Error('scheme does not compile');
  const r = evaluate(c.compiled, facts);
  if (!r.ok) throw new Error('case does not score');
  parentPort!.postMessage({ ms: performance.now() - start, total: r.sheet.total });
} catch (e) {
  parentPort!.postMessage({ error: String(e) });
}
